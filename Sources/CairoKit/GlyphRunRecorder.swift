import DossierBase

/// A ``Canvas`` that draws nothing and records the text shown on it as ``GlyphRuns``, with
/// the outlines of their glyphs (``outlines``): a renderer that draws a page on it, on the
/// thread that owns the page's layouts, leaves what ``SVGCanvas/show(_:of:x:y:)`` needs to
/// write the page's text on any thread, in the order the renderer showed it.
///
/// Used on one thread, like the ``Typesetter`` whose layouts it records.
public final class GlyphRunRecorder: Canvas {
    private let glyphOutlines: GlyphOutlines
    private var runs = GlyphRuns()
    /// Outlines of every glyph recorded and taken so far.
    public private(set) var outlines = GlyphOutlineSet()
    /// Per font serial, a bit per glyph id below 2¹⁶ whose outline is in ``outlines``.
    private var collected: [[UInt64]] = []

    /// Records layouts made by `typesetter`.
    public init(typesetter: Typesetter) {
        glyphOutlines = typesetter.glyphOutlines
    }

    /// Records lines `lines` of `layout` (all when nil) as the next text.
    public func show(_ layout: TextLayout, lines: Range<Int>?, x: Double, y: Double) {
        runs.append(layout, lines: lines, outlines: glyphOutlines)
    }

    /// The texts recorded since the last call, their glyphs' outlines added to ``outlines``.
    public func takeRuns() -> GlyphRuns {
        collectOutlines()
        defer { runs = GlyphRuns() }
        return runs
    }

    private func collectOutlines() {
        for run in runs.runs {
            guard let font = run.font else { continue }
            if collected.count <= font { collected += Array(repeating: [], count: font + 1 - collected.count) }
            if collected[font].isEmpty {
                collected[font] = Array(repeating: 0, count: 1 << 10)
                outlines.strikethrough[font] = glyphOutlines.strikethrough(serial: font)
            }
            for glyph in runs.glyphs[run.glyphs] where GlyphRuns.isDrawn(glyph.id) {
                let id = glyph.id
                if id < 1 << 16 {
                    let (word, bit) = (Int(id >> 6), UInt64(1) << (id & 63))
                    if collected[font][word] & bit != 0 { continue }
                    collected[font][word] |= bit
                } else if outlines.outlines[GlyphOutlines.GlyphKey(font: font, glyph: id)] != nil {
                    continue
                }
                outlines.outlines[GlyphOutlines.GlyphKey(font: font, glyph: id)] = glyphOutlines.outline(id, serial: font)
            }
        }
    }

    // Everything else draws nothing.
    public func save() {}
    public func restore() {}
    public func translate(_ dx: Double, _ dy: Double) {}
    public func scale(_ sx: Double, _ sy: Double) {}
    public func rotate(_ radians: Double) {}
    public func newPath() {}
    public func move(to x: Double, _ y: Double) {}
    public func line(to x: Double, _ y: Double) {}
    public func curve(to x: Double, _ y: Double, control1 c1x: Double, _ c1y: Double, control2 c2x: Double, _ c2y: Double) {}
    public func closePath() {}
    public func rectangle(x: Double, y: Double, width: Double, height: Double) {}
    public func arc(centerX: Double, centerY: Double, radius: Double, from start: Double, to end: Double) {}
    public func setColor(_ color: Color) {}
    public func setLineWidth(_ width: Double) {}
    public func setLineCap(_ cap: LineCap) {}
    public func setLineJoin(_ join: LineJoin) {}
    public func setDash(_ pattern: [Double], offset: Double) {}
    public func setEvenOddFill(_ evenOdd: Bool) {}
    public func fill(preserve: Bool) {}
    public func stroke(preserve: Bool) {}
    public func clip() {}
    public func paint() {}
    public func drawMarkers(_ symbols: [MarkerSymbol], positions: [Double], symbolIndices: [Int32]) {}
    public func addLink(uri: String, x: Double, y: Double, width: Double, height: Double) {}
    public func addInternalLink(page: Int, targetY: Double, x: Double, y: Double, width: Double, height: Double) {}
    public func checkStatus() throws(CairoError) {}
}
