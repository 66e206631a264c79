import CCairo
@testable import CairoKit
import DossierBase
import Foundation
import Testing

/// `SVGCanvas` formats the `y` of a run's glyphs once and reuses it for every glyph with no
/// vertical offset: a glyph Pango moves up or down (a combining mark) must keep its own `y`.
@Suite("SVG glyph offsets")
struct SVGGlyphOffsetTests {
    @Test func marksMovedByPangoKeepTheirOwnY() throws {
        let typesetter = try Typesetter(fontDirectory: CairoKitTests.fonts)
        // Marks the font places above and below their letters (Pango gives them y offsets).
        let layout = try TextLayout("Q\u{0323}\u{0331} k\u{0308} B\u{0301}", font: Font(family: "Noto Sans", size: 20),
                                    typesetter: typesetter)
        var runs = GlyphRuns()
        _ = runs.append(layout, lines: nil, outlines: typesetter.glyphOutlines)
        let scale = Double(PANGO_SCALE)
        let moved = Set(runs.glyphs.map(\.yOffset).filter { $0 != 0 })
        try #require(moved.count >= 2, "the font moves too few marks vertically: \(runs.glyphs.map(\.yOffset))")

        let canvas = SVGCanvas(width: 200, height: 60, typesetter: typesetter)
        canvas.show(layout, lines: nil, x: 10, y: 10)
        let svg = String(decoding: canvas.finish(), as: UTF8.self)
        let ys = svg.split(separator: "\n").filter { $0.hasPrefix("<use ") }.compactMap { line -> Double? in
            guard let range = line.range(of: " y=\"") else { return nil }
            return Double(line[range.upperBound...].prefix { $0 != "\"" })
        }
        // One line: the letters on the baseline, each moved mark its own offset from it.
        let baseline = try #require(ys.first)
        let offsets = Set(ys.map { (($0 - baseline) * scale).rounded() }.filter { $0 != 0 })
        #expect(offsets.count == moved.count, "glyph y offsets \(offsets), Pango's \(moved)")
    }
}
