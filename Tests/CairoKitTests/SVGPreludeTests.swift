@testable import CairoKit
import DossierBase
import Testing

/// A page SVG's glyph definitions are written ahead of its drawing, from the runs it will draw
/// (`SVGCanvas(…definingGlyphsOf:)`): the document must have the bytes of one whose glyphs are
/// defined as they are first drawn, also when something is drawn that the runs did not hold.
@Suite("SVG prelude")
struct SVGPreludeTests {
    /// Texts in three fonts: repeated glyphs across texts, spaces (no outline), a wrapped
    /// paragraph of runs longer than a batch of `<use>` elements, a line range with no line
    /// (nothing drawn), and "✓", which Noto Sans lacks (another font draws it).
    private static func layouts(_ typesetter: Typesetter) throws -> [(TextLayout, Range<Int>?)] {
        let paragraph = String(repeating: "Querétaro, São Paulo and Panamá trade 1,234.5 tonnes; ", count: 6)
        return [
            (try TextLayout("Counted plainly: 42 ties", font: Font(family: "Noto Sans", size: 12), typesetter: typesetter), nil),
            (try TextLayout("Bold heading ✓", font: Font(family: "Noto Sans", size: 16, weight: .bold), typesetter: typesetter), nil),
            (try TextLayout(paragraph, font: Font(family: "Noto Serif", size: 9), typesetter: typesetter, width: 300), nil),
            (try TextLayout("Beyond its lines", font: Font(family: "Noto Sans", size: 10), typesetter: typesetter), 5..<7),
            (try TextLayout("ties counted again", font: Font(family: "Noto Sans", size: 12), typesetter: typesetter), nil),
        ]
    }

    /// The first `count` texts (all when nil) of `layouts` recorded as one page's runs.
    private static func record(_ layouts: [(TextLayout, Range<Int>?)], count: Int? = nil,
                               typesetter: Typesetter) -> (runs: GlyphRuns, outlines: GlyphOutlineSet) {
        let recorder = GlyphRunRecorder(typesetter: typesetter)
        for (layout, lines) in layouts.prefix(count ?? layouts.count) { recorder.record(layout, lines: lines) }
        return (recorder.takeRuns(), recorder.outlines)
    }

    /// Draws every text of `runs` with a path and a colour before each.
    private static func draw(_ runs: GlyphRuns, on canvas: SVGCanvas) {
        for (index, text) in runs.texts.enumerated() {
            canvas.setColor(Color(red: 0.1 * Double(index), green: 0.2, blue: 0.3))
            canvas.rectangle(x: 5, y: 20 * Double(index), width: 100, height: 1)
            canvas.fill(preserve: false)
            canvas.show(text, of: runs, x: 10, y: 30 * Double(index))
        }
    }

    /// `runs` drawn with glyphs defined on first use (the reference).
    private static func reference(_ runs: GlyphRuns, outlines: GlyphOutlineSet, typesetter: Typesetter) -> [UInt8] {
        let canvas = SVGCanvas(width: 400, height: 300, outlines: outlines, typesetter: typesetter)
        draw(runs, on: canvas)
        return canvas.finish(title: "Page 1", description: "Ties & trade <2026>")
    }

    /// `runs` drawn with the glyphs of `defined` defined ahead.
    private static func prelude(_ runs: GlyphRuns, defining defined: GlyphRuns, outlines: GlyphOutlineSet,
                                typesetter: Typesetter) -> [UInt8] {
        let canvas = SVGCanvas(width: 400, height: 300, outlines: outlines, typesetter: typesetter,
                               title: "Page 1", description: "Ties & trade <2026>", definingGlyphsOf: defined)
        draw(runs, on: canvas)
        return canvas.finish()
    }

    @Test func definitionsAheadGiveTheSameBytes() throws {
        let typesetter = try Typesetter(fontDirectory: CairoKitTests.fonts)
        let (runs, outlines) = Self.record(try Self.layouts(typesetter), typesetter: typesetter)
        try #require(runs.texts.count == 5)
        let expected = Self.reference(runs, outlines: outlines, typesetter: typesetter)
        let written = Self.prelude(runs, defining: runs, outlines: outlines, typesetter: typesetter)
        let same = written == expected
        #expect(same, "\(written.count) bytes, \(expected.count) with glyphs defined on first use")
        let svg = String(decoding: written, as: UTF8.self)
        #expect(svg.contains("<defs>\n<path id=\"g0-"))
        #expect(svg.contains("<title>Page 1</title>\n<desc>Ties &amp; trade &lt;2026&gt;</desc>\n"))
        #expect(svg.hasSuffix("</g>\n</svg>\n"))
    }

    @Test(arguments: [0, 1, 3])
    func glyphsTheRunsDidNotHoldAreStillDefined(definedTexts: Int) throws {
        let typesetter = try Typesetter(fontDirectory: CairoKitTests.fonts)
        let layouts = try Self.layouts(typesetter)
        let (runs, outlines) = Self.record(layouts, typesetter: typesetter)
        let some = Self.record(layouts, count: definedTexts, typesetter: typesetter).runs
        let expected = Self.reference(runs, outlines: outlines, typesetter: typesetter)
        let written = Self.prelude(runs, defining: some, outlines: outlines, typesetter: typesetter)
        let same = written == expected
        #expect(same, "\(written.count) bytes, \(expected.count) with glyphs defined on first use")
    }

    @Test func aDocumentWithoutTextHasNoDefinitions() throws {
        let typesetter = try Typesetter(fontDirectory: CairoKitTests.fonts)
        let (_, outlines) = Self.record(try Self.layouts(typesetter), typesetter: typesetter)
        let expected = Self.reference(GlyphRuns(), outlines: outlines, typesetter: typesetter)
        let written = Self.prelude(GlyphRuns(), defining: GlyphRuns(), outlines: outlines, typesetter: typesetter)
        let same = written == expected
        #expect(same, "\(written.count) bytes, \(expected.count) with glyphs defined on first use")
        #expect(!String(decoding: written, as: UTF8.self).contains("<defs>"))
    }
}
