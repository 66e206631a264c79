@testable import CairoKit
import DossierBase
import Testing

/// Hostile text sizes: no trap, no quadratic line breaking.
@Suite struct LongTextTests {
    /// A run of glyphs wider than Int32.max Pango units (2,097,151 pt) drawn as SVG: the glyph
    /// advance was summed in Int32 and trapped.
    @Test func aRunWiderThanInt32PangoUnitsDrawsWithoutTrapping() throws {
        let typesetter = try Typesetter(fontDirectory: CairoKitTests.fonts)
        let text = String(repeating: "W", count: 250_000)
        let layout = try TextLayout(text, font: Font(family: "Noto Sans", size: 12), typesetter: typesetter)
        let canvas = SVGCanvas(width: 100, height: 100, typesetter: typesetter)
        layout.draw(in: canvas, x: 0, y: 0)
        let svg = canvas.finish(title: "long", description: nil)
        #expect(svg.count > 250_000)
    }

    /// A 200,000-character word in a wrapped layout: broken into lines in linear time (Pango's
    /// own in-word breaking is quadratic), every line full but the last.
    @Test func aLongWordIsBrokenIntoFullLines() throws {
        let typesetter = try Typesetter(fontDirectory: CairoKitTests.fonts)
        let word = String(repeating: "x", count: 200_000)
        let layout = try TextLayout(word, font: Font(family: "Noto Sans", size: 9), typesetter: typesetter, width: 400)
        let lines = layout.lines
        #expect(lines.count > 1000)
        let widths = lines.dropLast().map(\.width)
        #expect((widths.min() ?? 0) > 360, "lines are nearly full: \(widths.min() ?? 0)")
    }

    /// Short texts are shaped as given: no break opportunity is added below the threshold.
    @Test func textWithoutLongRunsIsUnchanged() {
        let text = "a normal sentence with https://example.org/a/long/but/ordinary/path words"
        #expect(TextLayout.breakingLongRuns(text, markup: false) == text)
        let long = String(repeating: "y", count: TextLayout.longestUnbrokenRun + 1)
        let broken = TextLayout.breakingLongRuns("<b>" + long + "</b> &amp;", markup: true)
        #expect(broken.contains("\u{200B}") && broken.hasPrefix("<b>") && broken.hasSuffix("</b> &amp;"))
        #expect(TextLayout.pangoUnits(1e300) == Int32.max && TextLayout.pangoUnits(-.infinity) == 0)
    }
}
