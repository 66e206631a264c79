/// Records the text a document draws as ``GlyphRuns``, with the outlines of their glyphs
/// (``outlines``): on the thread that owns the layouts, what ``SVGCanvas/show(_:of:x:y:)``
/// needs to write the text on any thread, in the order it was recorded.
///
/// Used on one thread, like the ``Typesetter`` whose layouts it records.
public final class GlyphRunRecorder {
    private let glyphOutlines: GlyphOutlines
    private var runs = GlyphRuns()
    /// Outlines of every glyph recorded and taken so far.
    public private(set) var outlines = GlyphOutlineSet()
    /// A bit per glyph id below 2¹⁶ of each font serial (`serial << 16 | glyph`) whose outline
    /// is in ``outlines``.
    private var collected: [UInt64] = []
    /// The runs of ``runs`` whose outlines are collected.
    private var runsCollected = 0

    /// Records layouts made by `typesetter`.
    public init(typesetter: Typesetter) {
        glyphOutlines = typesetter.glyphOutlines
    }

    /// Records lines `lines` of `layout` (all when nil) as the next text.
    public func record(_ layout: TextLayout, lines: Range<Int>?) {
        runs.append(layout, lines: lines, outlines: glyphOutlines)
        collectOutlines()
    }

    /// The texts recorded since the last call; their glyphs' outlines are in ``outlines``.
    public func takeRuns() -> GlyphRuns {
        defer {
            runs = GlyphRuns()
            runsCollected = 0
        }
        return runs
    }

    /// Adds the outlines of the glyphs of the runs recorded last, while they are in cache.
    private func collectOutlines() {
        for run in runs.runs[runsCollected...] {
            guard let font = run.font else { continue }
            if outlines.strikethrough[font] == nil {
                outlines.strikethrough[font] = glyphOutlines.strikethrough(serial: font)
                let words = (font + 1) << 10
                if collected.count < words { collected += Array(repeating: 0, count: words - collected.count) }
            }
            for glyph in runs.glyphs[run.glyphs] where GlyphRuns.isDrawn(glyph.id) {
                let id = glyph.id
                if id < 1 << 16 {
                    let word = font << 10 | Int(id >> 6), bit = UInt64(1) << (id & 63)
                    if collected[word] & bit != 0 { continue }
                    collected[word] |= bit
                } else if outlines.paths[GlyphOutlines.GlyphKey(font: font, glyph: id)] != nil {
                    continue
                }
                outlines.paths[GlyphOutlines.GlyphKey(font: font, glyph: id)] = glyphOutlines.path(id, serial: font)
            }
        }
        runsCollected = runs.runs.count
    }
}
