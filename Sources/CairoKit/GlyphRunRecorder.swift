/// Records the text a document draws as ``GlyphRuns``, with the names of their fonts
/// (``outlines``): on the thread that owns the layouts, what ``SVGCanvas/show(_:of:x:y:)``
/// needs to write the text on any thread, in the order it was recorded. No glyph is outlined
/// and no font measured here: the threads that write the SVGs do that once, with their own
/// fonts (``GlyphOutlineSet``).
///
/// Used on one thread, like the ``Typesetter`` whose layouts it records.
public final class GlyphRunRecorder {
    private let glyphOutlines: GlyphOutlines
    private var runs = GlyphRuns()
    /// The fonts of every run recorded and taken so far (every font the typesetter numbered).
    public private(set) var outlines = GlyphOutlineSet()

    /// Records layouts made by `typesetter`.
    public init(typesetter: Typesetter) {
        glyphOutlines = typesetter.glyphOutlines
    }

    /// Records lines `lines` of `layout` (all when nil) as the next text.
    public func record(_ layout: TextLayout, lines: Range<Int>?) {
        runs.append(layout, lines: lines, outlines: glyphOutlines)
        // Fonts are numbered in order of first use, so the runs' fonts are the first ones.
        while outlines.fonts.count < glyphOutlines.fontCount {
            outlines.fonts.append(glyphOutlines.name(serial: outlines.fonts.count))
        }
    }

    /// The texts recorded since the last call; their fonts are in ``outlines``.
    public func takeRuns() -> GlyphRuns {
        let taken = runs
        // The next page is likely the size of this one: its storage is reserved at once.
        runs = GlyphRuns()
        runs.reserveCapacity(like: taken)
        return taken
    }
}
