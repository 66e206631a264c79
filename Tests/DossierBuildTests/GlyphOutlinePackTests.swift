@testable import CairoKit
@testable import DossierBuild
import DossierBase
import Foundation
import Testing

/// The glyph outline pack (Cache/GlyphOutlinePack.swift, CairoKit's GlyphOutlineStore): the
/// page SVGs a prose edit writes take their glyphs' definitions from it; builds are the bytes
/// of builds without a cache; a damaged pack holds nothing; its key follows the fonts.
@Suite struct GlyphOutlinePackTests {
    /// The pack's entry file (one per fonts and tool).
    private func packFile(_ project: AnscombeProject) throws -> String {
        let files = project.entryFiles("glyph outlines")
        #expect(files.count == 1, "one pack: \(files)")
        return try #require(files.first)
    }

    @Test func aProseEditTakesItsPagesGlyphsFromThePack() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        let cold = try #require(try project.documentBuild().glyphOutlineStatistics)
        #expect(cold.kept == 0 && cold.used == 0 && cold.made > 40, "every glyph outlined: \(cold)")
        _ = try packFile(project)

        try project.edit("report.md", replacing: "Closing paragraph 40.", with: "Closing paragraph forty.")
        let edited = try #require(try project.documentBuild().glyphOutlineStatistics)
        #expect(edited.kept >= cold.made, "the outlines are read back: \(edited)")
        #expect(edited.used > 20 && edited.made == 0, "the edited page's glyphs all come from the pack: \(edited)")
        try project.edit("report.md", replacing: "Closing paragraph 39.", with: "Closing paragraph Querétaro — 1.31×, *in italics*.")
        #expect(try project.build(into: "warm", cache: true) == (try project.build(into: "reference", cache: false)))
    }

    /// The pack is what the page draws: outlines planted in it show in the edited page's SVG
    /// (so its key must hold everything an outline depends on: see below).
    @Test func aPlantedOutlineIsWhatTheEditedPageDefines() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        _ = try project.build(into: "out", cache: true)
        let file = try packFile(project)
        let outlines = try #require(project.cache.readEntry(at: file).flatMap(GlyphOutlinePack.outlines(from:)))
        let marker = Array("M7 7L7.777 7.777Z".utf8)
        let planted = outlines.map { GlyphOutlineStore.Outline(font: $0.font, glyph: $0.glyph, path: $0.path.isEmpty ? [] : marker) }
        project.cache.write(GlyphOutlinePack.payload(planted), at: file, name: (file as NSString).lastPathComponent)

        try project.edit("report.md", replacing: "Closing paragraph 40.", with: "Closing paragraph forty.")
        let files = try project.build(into: "out", cache: true)
        let marked = files.filter { path, bytes in
            path.hasPrefix("pages/") && UTF8Search.contains(marker, in: String(decoding: bytes, as: UTF8.self))
        }
        #expect(marked.count == 1, "the edited page defines its glyphs from the pack: \(marked.keys.sorted())")
    }

    /// A pack whose payload does not parse holds nothing: every outline is made again, the bytes
    /// are the same, and a pack that parses is written again.
    @Test func aPackThatDoesNotParseHoldsNothing() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        _ = try project.documentBuild()
        let file = try packFile(project)
        project.cache.write([1, 2, 3], at: file, name: (file as NSString).lastPathComponent)
        try project.edit("report.md", replacing: "Closing paragraph 40.", with: "Closing paragraph forty.")
        let statistics = try #require(try project.documentBuild().glyphOutlineStatistics)
        #expect(statistics.kept == 0 && statistics.made > 20, "\(statistics)")
        #expect(project.cache.readEntry(at: file).flatMap(GlyphOutlinePack.outlines(from:)) != nil)
        try project.edit("report.md", replacing: "Closing paragraph 39.", with: "Closing paragraph thirty-nine.")
        #expect(try project.build(into: "warm", cache: true) == (try project.build(into: "reference", cache: false)))
    }

    /// The entry's key holds the font files' contents and the tool identity; the payload
    /// reads back as written.
    @Test func theKeyFollowsTheFontsAndTheTool() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("outline-key-\(UUID().uuidString)")
        let cache = BuildCache(directory: root, toolIdentity: "one")
        let other = BuildCache(directory: root, toolIdentity: "two")
        #expect(GlyphOutlinePack.key(in: cache, fonts: "a") == GlyphOutlinePack.key(in: cache, fonts: "a"))
        #expect(GlyphOutlinePack.key(in: cache, fonts: "a") != GlyphOutlinePack.key(in: cache, fonts: "b"))
        #expect(GlyphOutlinePack.key(in: cache, fonts: "a") != GlyphOutlinePack.key(in: other, fonts: "a"))
        let outlines = [GlyphOutlineStore.Outline(font: "Noto Sans 12px", glyph: 3, path: Array("M0 0Z".utf8)),
                        GlyphOutlineStore.Outline(font: "Noto Serif Bold 9px", glyph: 70_000, path: []),
                        GlyphOutlineStore.Outline(font: "Noto Sans 12px", glyph: 4, path: Array("M1 1Z".utf8))]
        #expect(GlyphOutlinePack.outlines(from: GlyphOutlinePack.payload(outlines)) == outlines)
        #expect(GlyphOutlinePack.outlines(from: GlyphOutlinePack.payload(outlines) + [0]) == nil, "trailing bytes")
    }
}
