@testable import CairoKit
@testable import DossierBuild
import DossierBase
import Foundation
import Testing

/// A layout record read from the pack decodes its glyph part (fonts, runs, glyphs, characters)
/// only when it is drawn, to the same values it was made with; written again unread, its bytes
/// are the same; a glyph part that does not fit its record is drawn from Pango (a fallback) and
/// the outputs stay the bytes of a build without a cache.
@Suite struct LazyLayoutRecordTests {
    @Test func aReadRecordDecodesItsGlyphsWhenDrawnToTheValuesItWasMadeWith() throws {
        let records = LayoutRecords(fonts: "fonts A")
        let typesetter = try AnscombeProject.typesetter(recording: records)
        let text = "Closing <i>paragraph</i> with <b>bold</b>, a ligature (office) and an accent: Querétaro — 1.31×."
        let font = Font(family: "Noto Sans", size: 10)
        let made = try TextLayout(text, font: font, typesetter: typesetter, width: 150, markup: true)
        let original = LayoutRecord(pango: made, links: [])
        #expect(original.glyphs.count > 40 && original.lines.count > 1)
        let saved = try #require(records.saved(carriedLimit: 1 << 20))

        let again = LayoutRecords(fonts: "fonts A")
        #expect(again.load(saved))
        typesetter.layoutRecords = again
        let answered = try TextLayout(text, font: font, typesetter: typesetter, width: 150, markup: true)
        typesetter.layoutRecords = nil
        #expect(answered.record?.undecodedGlyphs != nil, "the glyphs are not decoded when the record is read")
        #expect(answered.lines == made.lines)
        #expect(answered.decodedRecord() == original, "decoded to the values the record was made with")
        #expect(answered.record?.undecodedGlyphs == nil, "decoded once, then kept")
        var fromRecord = GlyphRuns()
        fromRecord.append(answered, lines: nil, outlines: typesetter.glyphOutlines)
        var fromPango = GlyphRuns()
        fromPango.append(made, lines: nil, outlines: typesetter.glyphOutlines)
        #expect(fromRecord.glyphs == fromPango.glyphs && fromRecord.characters == fromPango.characters)
        #expect(again.statistics.fallbacks == 0)

        let payload = Array(saved)
        let read = try #require(LayoutRecordBytes.read(payload, fonts: "fonts A"))
        let rewritten = LayoutRecordBytes.write(read.map { .record($0.0, $0.1) }, carried: [], fonts: "fonts A", limit: 0)
        #expect(rewritten == payload, "an undecoded record is written back as the bytes it was read from")
    }

    /// Every record's glyph part made inconsistent (a glyph's cluster text past the record's
    /// text): the records still answer the layout, each one drawn falls back to Pango, and the
    /// outputs are the bytes of a build without a cache.
    @Test func aGlyphPartThatDoesNotFitIsDrawnFromPango() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        _ = try project.documentBuild()
        var entries = try project.savedLayoutRecords()
        for index in entries.indices {
            guard let glyph = entries[index].1.glyphs.firstIndex(where: { $0.textCount > 0 }) else { continue }
            entries[index].1.glyphs[glyph].textStart = Int32(entries[index].1.characters.count)
        }
        try Data(try project.layoutPack(entries)).write(to: URL(fileURLWithPath: project.packPath("layouts")))
        try project.edit("report.md", replacing: "Closing paragraph 9.", with: "Closing paragraph nine.")
        let statistics = try #require(try project.documentBuild().layoutStatistics)
        #expect(statistics.loaded > 40 && statistics.recorded > 40)
        #expect(statistics.fallbacks > 0, "the drawn records fall back to Pango: \(statistics.fallbacks)")
        #expect(try project.build(into: "warm", cache: true) == (try project.build(into: "reference", cache: false)))
    }
}
