/// Records the text a document draws as ``GlyphRuns``, with the names and strikethrough
/// metrics of their fonts (``outlines``): on the thread that owns the layouts, what
/// ``SVGCanvas/show(_:of:x:y:)`` needs to write the text on any thread, in the order it was
/// recorded. No glyph is outlined here: the threads that write the SVGs outline each glyph
/// once, with their own fonts (``GlyphOutlineSet``).
///
/// Used on one thread, like the ``Typesetter`` whose layouts it records.
public final class GlyphRunRecorder {
    private let glyphOutlines: GlyphOutlines
    private var runs = GlyphRuns()
    /// The fonts of every run recorded and taken so far.
    public private(set) var outlines = GlyphOutlineSet()
    /// Whether each font serial is named in ``outlines``.
    private var named: [Bool] = []
    /// The runs of ``runs`` whose fonts are named.
    private var runsNamed = 0

    /// Records layouts made by `typesetter`.
    public init(typesetter: Typesetter) {
        glyphOutlines = typesetter.glyphOutlines
    }

    /// Records lines `lines` of `layout` (all when nil) as the next text.
    public func record(_ layout: TextLayout, lines: Range<Int>?) {
        runs.append(layout, lines: lines, outlines: glyphOutlines)
        nameFonts()
    }

    /// The texts recorded since the last call; their fonts are in ``outlines``.
    public func takeRuns() -> GlyphRuns {
        let taken = runs
        // The next page is likely the size of this one: its storage is reserved at once.
        runs = GlyphRuns()
        runs.reserveCapacity(like: taken)
        runsNamed = 0
        return taken
    }

    /// Names the fonts of the runs recorded last, with their strikethrough metrics.
    private func nameFonts() {
        for run in runs.runs[runsNamed...] {
            guard let font = run.font else { continue }
            if named.count <= font { named += Array(repeating: false, count: font + 1 - named.count) }
            guard !named[font] else { continue }
            named[font] = true
            outlines.fonts[font] = glyphOutlines.name(serial: font)
            outlines.strikethrough[font] = glyphOutlines.strikethrough(serial: font)
        }
        runsNamed = runs.runs.count
    }
}
