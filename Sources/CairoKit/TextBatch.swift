import CCairo
import DossierBase

/// Text runs held back by a ``DrawingContext`` and shown as one `cairo_show_text_glyphs` call:
/// neighbouring runs of one font and colour (a table row's cells, a paragraph's lines), until
/// anything else is drawn or the transformation, clip or colour changes. Cairo's PDF writer
/// emits text cluster by cluster and looks at a call's first glyph only when it opens a text
/// object or changes the font matrix, so the PDF bytes are those of one call per run; what
/// Cairo records and replays per call (extents, clip, pattern, operators) is paid once.
///
/// A run is held back only where its own call would have been recorded as it is: the context
/// has no clip, the transformation only translates, the colour is opaque, and the run's ink
/// lies inside the page (Cairo drops a call whose glyphs miss the page). A run of no drawn
/// glyph is left out, as Cairo records nothing for its call; a run of glyphs without ink
/// (spaces), like any other run, is shown by its own call, after the runs held back.
final class TextBatch {
    /// Whether runs may be held back now (no clip, opaque colour: kept by the context).
    var open = false
    /// The context's colour, for runs without their own.
    var contextColor: (red: Double, green: Double, blue: Double, alpha: Double) = (0, 0, 0, 1)
    /// The page's size in device units.
    var pageWidth = 0.0, pageHeight = 0.0

    private var font: UnsafeMutablePointer<PangoFont>?
    private var color: (red: Double, green: Double, blue: Double, alpha: Double) = (0, 0, 0, 1)
    private var glyphs: [cairo_glyph_t] = []
    private var clusters: [cairo_text_cluster_t] = []
    private var text: [CChar] = []

    /// Holds the run back (showing the runs held so far first when its font or colour
    /// differs); false when it must be shown by its own call (after ``flush(_:)``).
    func append(run item: UnsafeMutablePointer<PangoItem>, _ shaped: UnsafeMutablePointer<PangoGlyphString>, color runColor: PangoColor?,
                text source: UnsafePointer<CChar>, x: Double, y: Double, context: OpaquePointer) -> Bool {
        guard open, let runFont = item.pointee.analysis.font, let scaledFont = dossier_scaled_font(runFont) else {
            flush(context)
            return false
        }
        var matrix = cairo_matrix_t()
        cairo_get_matrix(context, &matrix)
        guard matrix.xx == 1, matrix.yy == 1, matrix.xy == 0, matrix.yx == 0 else {
            flush(context)
            return false
        }
        let count = Int(shaped.pointee.num_glyphs)
        let first = glyphs.count
        CairoGlyphDrawing.forEachDrawnGlyph(of: shaped, x: x, y: y) { glyphs.append($0) }
        let drawn = glyphs.count - first
        var ink = cairo_text_extents_t()
        if drawn > 0 {
            glyphs.withUnsafeBufferPointer { buffer in
                cairo_scaled_font_glyph_extents(scaledFont, buffer.baseAddress.map { $0 + first }, Int32(drawn), &ink)
            }
        }
        // No glyph drawn: Cairo records nothing for the run's own call (and a cluster of no
        // glyph in a longer call would be written as an empty ActualText span).
        guard drawn > 0 else { return true }
        // Glyphs without ink (spaces): Cairo places them by its font's bounds; leave the
        // run to its own call.
        guard ink.width > 0 || ink.height > 0 else {
            glyphs.removeSubrange(first...)
            flush(context)
            return false
        }
        let left = glyphs[first].x + ink.x_bearing + matrix.x0, top = glyphs[first].y + ink.y_bearing + matrix.y0
        guard left > 1, top > 1, left + ink.width < pageWidth - 1, top + ink.height < pageHeight - 1 else {
            glyphs.removeSubrange(first...)
            flush(context)
            return false
        }
        let runColor = runColor.map { (red: Double($0.red) / 65535, green: Double($0.green) / 65535, blue: Double($0.blue) / 65535, alpha: 1.0) }
            ?? contextColor
        if font != nil, font != runFont || color != runColor {
            let held = Array(glyphs[first...])
            glyphs.removeSubrange(first...)
            flush(context)
            glyphs = held
        }
        font = runFont
        color = runColor
        withUnsafeTemporaryAllocation(of: cairo_text_cluster_t.self, capacity: max(count, 1)) { buffer in
            let made = CairoGlyphDrawing.textClusters(of: item, shaped, into: buffer)
            clusters.append(contentsOf: buffer[0..<made])
        }
        text.append(contentsOf: UnsafeBufferPointer(start: source + Int(item.pointee.offset), count: Int(item.pointee.length)))
        return true
    }

    /// Shows the runs held back, in their font and colour, as one call.
    func flush(_ context: OpaquePointer) {
        guard let font else { return }
        cairo_save(context)
        cairo_set_source_rgba(context, color.red, color.green, color.blue, color.alpha)
        cairo_set_scaled_font(context, dossier_scaled_font(font))
        text.withUnsafeBufferPointer { utf8 in
            glyphs.withUnsafeBufferPointer { glyphs in
                clusters.withUnsafeBufferPointer { clusters in
                    cairo_show_text_glyphs(context, utf8.baseAddress, Int32(utf8.count), glyphs.baseAddress, Int32(glyphs.count),
                                           clusters.baseAddress, Int32(clusters.count), cairo_text_cluster_flags_t(0))
                }
            }
        }
        cairo_restore(context)
        self.font = nil
        glyphs.removeAll(keepingCapacity: true)
        clusters.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
    }
}
