@testable import CairoKit
import DossierBase
import Foundation
import Testing

/// Glyph runs recorded on one typesetter name their fonts (``GlyphOutlineSet``), and another
/// typesetter, on another thread, loads each named font again and outlines its glyphs exactly
/// as the recording typesetter's own fonts do: every family, style, weight and size, and the
/// fallback font a missing character falls back to. The page SVGs written from recorded runs
/// depend on it.
@Suite struct GlyphFontNameTests {
    /// Text in every face of the pinned fonts, at sizes that are not whole points, with
    /// characters the Noto fonts lack (drawn from DejaVu Sans) and combining marks.
    static let markup = """
        Local <b>engagement</b> <i>with</i> <b><i>provinces</i></b> São Paulo, Panamá ✓ → ≥ \
        <span font_family="Noto Serif" size="7372">serif <b>bold</b> <i>italic</i> <b><i>both</i></b></span> \
        <span size="24269">Large</span> <span size="8704">e\u{0301}tude ½</span> <s>struck</s>
        """

    /// The recorded runs of `markup` laid out by `typesetter`, with its recorder.
    static func record(_ typesetter: Typesetter) throws -> (GlyphRuns, GlyphRunRecorder) {
        let layout = try TextLayout(markup, font: Font(family: "Noto Sans", size: 9.5), typesetter: typesetter,
                                    width: 180, markup: true)
        let recorder = GlyphRunRecorder(typesetter: typesetter)
        recorder.record(layout, lines: nil)
        return (recorder.takeRuns(), recorder)
    }

    @Test("each font named by a recording loads as the same font on another typesetter")
    func namedFontsOutlineAlike() throws {
        let recording = try Typesetter(fontDirectory: CairoKitTests.fonts)
        let other = try Typesetter(fontDirectory: CairoKitTests.fonts)
        let (runs, recorder) = try Self.record(recording)
        let names = recorder.outlines.fonts
        #expect(Set(names).count >= 9, "regular, bold, italic, bold italic of both families, DejaVu, sizes: \(names)")
        #expect(names.contains { $0.hasPrefix("DejaVu Sans") }, "the fallback font is named")
        var compared = 0
        for run in runs.runs {
            let font = try #require(run.font)
            let name = names[font]
            for glyph in runs.glyphs[run.glyphs] where GlyphRuns.isDrawn(glyph.id) {
                let own = recording.glyphOutlines.path(glyph.id, serial: font)
                let loaded = other.glyphOutlines.path(glyph.id, fontNamed: name)
                #expect(own == loaded, "glyph \(glyph.id) of \(name)")
                if !own.commands.isEmpty { compared += 1 }
            }
            let strikethrough = (recording.glyphOutlines.strikethrough(serial: font), other.glyphOutlines.strikethrough(fontNamed: name))
            #expect(strikethrough.0 == strikethrough.1, "strikethrough of \(name)")
        }
        #expect(compared > 80)
    }

    @Test("an SVG written from recorded runs on another thread is the one written from the layout")
    func recordedSVGMatchesLayoutSVG() throws {
        let recording = try Typesetter(fontDirectory: CairoKitTests.fonts)
        let layout = try TextLayout(Self.markup, font: Font(family: "Noto Sans", size: 9.5), typesetter: recording,
                                    width: 180, markup: true)
        let direct = SVGCanvas(width: 200, height: 200, typesetter: recording)
        direct.show(layout, lines: nil, x: 10, y: 20)
        let expected = direct.finish(title: "t", description: nil)
        let (runs, recorder) = try Self.record(recording)
        let outlines = recorder.outlines
        let fonts = CairoKitTests.fonts
        let text = try #require(runs.texts.first)
        let written = try OtherThread.run {
            let typesetter = try Typesetter(fontDirectory: fonts)
            return (0..<2).map { _ in
                let canvas = SVGCanvas(width: 200, height: 200, outlines: outlines, typesetter: typesetter)
                canvas.show(text, of: runs, x: 10, y: 20)
                return canvas.finish(title: "t", description: nil)
            }
        }
        #expect(written == [expected, expected])
        var drawn = Set<GlyphOutlines.GlyphKey>()
        for run in runs.runs {
            guard let font = run.font else { continue }
            for glyph in runs.glyphs[run.glyphs] where GlyphRuns.isDrawn(glyph.id) {
                drawn.insert(GlyphOutlines.GlyphKey(font: font, glyph: glyph.id))
            }
        }
        #expect(drawn.count > 60)
        #expect(outlines.outlinedCount == drawn.count, "each glyph outlined once, shared by copies of the set")
    }
}
