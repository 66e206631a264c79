@testable import CairoKit
import DossierBase
import Testing

/// ``ShapeMemo``: the lines Pango's line breaker shapes again are answered from their item's
/// shaping, with exactly the glyphs and positions HarfBuzz gives. The mode is process-wide,
/// so these tests run one at a time and put it back.
@Suite(.serialized) struct ShapeMemoTests {
    /// Wrapped texts that exercise the breaker: kerning, accents (precomposed and combining),
    /// ligature candidates, punctuation, markup spans (several items a paragraph), a long
    /// unbroken run (given break opportunities), several paragraphs, words broken inside
    /// kerning pairs.
    private static let texts = [
        "AVATAR To Wa Ty Yo. The office’s fluffy waffles — affine, final — in São Paulo, Panamá and Querétaro.",
        "Que\u{301}re\u{301}taro and Sa\u{303}o Paulo signed 14 agreements (2013–2023); 1,234.5 € and 12.5 % of n = 41.",
        "<b>Twinning ties</b> rose with the <i>regional authority index</i>, by <b>1.31×</b> per 10 points "
            + "(<u>source</u>), while <span foreground=\"#777777\">muted text</span> closes.",
        String(repeating: "x", count: 450) + " after a long run, the text goes on for a while longer.",
        "First paragraph of a few words.\nSecond paragraph, longer, so that it wraps over several lines of the layout here.",
        // Words wider than the narrowest width are broken between letters, inside kerning
        // pairs: pieces that end where HarfBuzz marked the text unsafe to break.
        "AVAVAVAVAVAVAVAVAVAVAVAV TATATATATATAVAWAVAWAYA LTLTLTLTYoYoYoYo",
    ]
    private static let fonts = [Font(family: "Noto Sans", size: 8.5), Font(family: "Noto Serif", size: 9.5, weight: .bold)]
    private static let widths = [30.0, 90, 173.25, 410]

    /// Every layout of the texts above, in every font, width and justification.
    private func layOutAll(_ typesetter: Typesetter) throws -> [TextLayout] {
        var layouts: [TextLayout] = []
        for text in Self.texts {
            for font in Self.fonts {
                for width in Self.widths {
                    for justify in [false, true] {
                        let markup = text.replacingOccurrences(of: "&", with: "&amp;")
                        let layout = try TextLayout(markup, font: font, typesetter: typesetter, width: width,
                                                    justify: justify, markup: true)
                        _ = layout.lines
                        layouts.append(layout)
                    }
                }
            }
        }
        return layouts
    }

    /// The SVG of `layout` drawn alone.
    private func svg(_ layout: TextLayout, typesetter: Typesetter) -> [UInt8] {
        let canvas = SVGCanvas(width: 500, height: 800, typesetter: typesetter)
        layout.draw(in: canvas, x: 10, y: 20)
        return canvas.finish(title: "text", description: nil)
    }

    /// Verifying, each answer is also shaped by HarfBuzz: none differs, and lines of wrapped
    /// text were answered (the executable's hb_shape is the one Pango calls).
    @Test func everyAnswerIsHarfBuzzsOwnResult() throws {
        let typesetter = try Typesetter(fontDirectory: CairoKitTests.fonts)
        let saved = ShapeMemo.mode
        defer { ShapeMemo.mode = saved }
        ShapeMemo.mode = .verify
        let before = ShapeMemo.statistics
        _ = try layOutAll(typesetter)
        let after = ShapeMemo.statistics
        #expect(ShapeMemo.isInterposed)
        #expect(after.hits - before.hits > 100)
        #expect(after.mismatches == before.mismatches)
    }

    /// With the memo on and off, every layout breaks into the same lines at the same places,
    /// measures the same and draws the same SVG.
    @Test func layoutsAreTheSameWithTheMemoOnOrOff() throws {
        let typesetter = try Typesetter(fontDirectory: CairoKitTests.fonts)
        let saved = ShapeMemo.mode
        defer { ShapeMemo.mode = saved }
        ShapeMemo.mode = .off
        let off = try layOutAll(typesetter)
        ShapeMemo.mode = .on
        let before = ShapeMemo.statistics
        let on = try layOutAll(typesetter)
        #expect(ShapeMemo.statistics.hits > before.hits)
        #expect(on.count == off.count)
        for (a, b) in zip(off, on) {
            #expect(a.lines == b.lines && a.lineStarts == b.lineStarts, "\(a.text.prefix(40)) at \(a.width ?? 0)")
            #expect(a.size.width == b.size.width && a.size.height == b.size.height)
            let sameDrawing = svg(a, typesetter: typesetter) == svg(b, typesetter: typesetter)
            #expect(sameDrawing, "\(a.text.prefix(40)) at \(a.width ?? 0)")
        }
    }

    /// A text shaped again is answered from its first shaping, unless ``ShapeMemo/forgetAll()``
    /// (a font map made or freed: another font could now sit at a remembered font's address)
    /// came in between. Counted on this thread, so other suites' shaping does not count.
    @Test func nothingShapedBeforeForgettingAnswers() throws {
        let typesetter = try Typesetter(fontDirectory: CairoKitTests.fonts)
        let saved = ShapeMemo.mode
        defer { ShapeMemo.mode = saved }
        ShapeMemo.mode = .on
        let text = "An unwrapped line, shaped once per item: Querétaro, 1,234.5 €."
        let font = Font(family: "Noto Sans", size: 8.5)
        _ = try TextLayout(text, font: font, typesetter: typesetter).lines
        var hits = ShapeMemo.threadHits
        _ = try TextLayout(text, font: font, typesetter: typesetter).lines
        #expect(ShapeMemo.threadHits > hits)
        hits = ShapeMemo.threadHits
        ShapeMemo.forgetAll()
        _ = try TextLayout(text, font: font, typesetter: typesetter).lines
        #expect(ShapeMemo.threadHits == hits)
    }
}
