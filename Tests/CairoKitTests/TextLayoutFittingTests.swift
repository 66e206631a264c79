@testable import CairoKit
import DossierBase
import Testing

/// ``TextLayout/fitting(width:)``: an unwrapped layout reused as the wrapped one only where
/// wrapping would change nothing, so that a table cell is shaped once.
@Suite struct TextLayoutFittingTests {
    private let font = Font(family: "Noto Sans", size: 8.5)

    /// The SVG of `layout` drawn alone at (10, 20).
    private func svg(_ layout: TextLayout, typesetter: Typesetter) -> [UInt8] {
        let canvas = SVGCanvas(width: 300, height: 100, typesetter: typesetter)
        layout.draw(in: canvas, x: 10, y: 20)
        return canvas.finish(title: "cell", description: nil)
    }

    /// Plain text, markup, a cell of two lines: the reused layout measures, breaks and draws
    /// exactly as the layout shaped with the wrap width, and records that width.
    @Test(arguments: ["Guangdong", "<b>Total</b> 1,234", "12.5 %", "first line\nsecond, longer line"])
    func aFittingTextDrawsAsTheWrappedLayout(_ text: String) throws {
        let typesetter = try Typesetter(fontDirectory: CairoKitTests.fonts)
        let unwrapped = try TextLayout(text, font: font, typesetter: typesetter, markup: true)
        let width = unwrapped.size.width + 40
        let wrapped = try TextLayout(text, font: font, typesetter: typesetter, width: width, markup: true)
        let reused = try #require(unwrapped.fitting(width: width))
        #expect(reused.width == width && reused.alignment == .left && reused.isMarkup)
        #expect(reused.size.width == wrapped.size.width && reused.size.height == wrapped.size.height)
        #expect(reused.lines == wrapped.lines)
        #expect(reused.lineStarts == wrapped.lineStarts)
        #expect(reused.baseline == wrapped.baseline)
        #expect(svg(reused, typesetter: typesetter) == svg(wrapped, typesetter: typesetter))
    }

    /// Where wrapping could move a glyph, the text is shaped again: too wide (or within a point
    /// of the width), right to left, a long run given break opportunities, already wrapped.
    @Test func aTextThatWrappingWouldChangeIsNotReused() throws {
        let typesetter = try Typesetter(fontDirectory: CairoKitTests.fonts)
        let wide = try TextLayout("a cell wider than its column", font: font, typesetter: typesetter)
        #expect(wide.fitting(width: wide.size.width - 5) == nil)
        #expect(wide.fitting(width: wide.size.width + 0.5) == nil)
        let rightToLeft = try TextLayout("שלום עולם", font: Font(family: "DejaVu Sans", size: 8.5), typesetter: typesetter)
        #expect(rightToLeft.fitting(width: rightToLeft.size.width + 40) == nil)
        let run = try TextLayout(String(repeating: "x", count: TextLayout.longestUnbrokenRun + 1), font: font, typesetter: typesetter)
        #expect(run.fitting(width: run.size.width + 40) == nil)
        let wrapped = try TextLayout("wrapped", font: font, typesetter: typesetter, width: 200)
        #expect(wrapped.fitting(width: 200) == nil)
        #expect(try #require(wide.fitting(width: wide.size.width + 2)).width == wide.size.width + 2)
    }
}
