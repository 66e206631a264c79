import CCairo

/// Draws a ``TextLayout`` on a Cairo context from its glyph runs, making exactly the Cairo
/// calls Pango 1.50's Cairo renderer makes for it (`pango_cairo_show_layout` and
/// `pango_cairo_show_layout_line` through `pango_renderer_draw_layout_line` and
/// `pango_cairo_renderer_show_text_glyphs`): the same glyphs at the same positions, computed
/// with the same integer and floating-point steps, the same text and clusters
/// (`cairo_show_text_glyphs` where the surface keeps text, as PDF does), the same colours and
/// fonts, in the same order. What it leaves out is Pango's renderer machinery: a GObject
/// renderer, its attribute pass over every run, a graphics state saved and restored around every
/// run (here once around the layout, and around a run with its own colour) and its scaled font
/// looked up again after each restore. The output bytes are the same (`CairoGlyphDrawingTests`).
///
/// The graphics state is saved around the whole layout because Cairo's choice of scaled font
/// depends on the fonts set before (`cairo_set_scaled_font` takes a font that was the previous
/// one as it is, whatever the current transformation): the layout's runs start, as Pango's do,
/// from the state around the text, which no text drawing changes.
///
/// Only what Pango draws as plain glyphs is drawn here (``canDraw(_:)``): left-to-right runs
/// whose markup sets at most a foreground colour, with fonts (a ``TextLayout`` has no
/// unknown-glyph boxes: it refuses text with glyphs its fonts lack). A layout with underline,
/// overline, strikethrough, a background, alpha, shapes, right-to-left or vertical text is
/// drawn by Pango itself.
enum CairoGlyphDrawing {
    /// Whether every line of `layout` is drawn here with Pango's bytes.
    static func canDraw(_ layout: TextLayout) -> Bool {
        var drawable = true
        layout.forEachLine(in: 0..<Int.max) { _, line in
            var node = line.pointee.runs
            while drawable, let current = node {
                node = current.pointee.next
                guard let raw = current.pointee.data else { continue }
                drawable = canDraw(raw.assumingMemoryBound(to: PangoGlyphItem.self))
            }
        }
        return drawable
    }

    private static func canDraw(_ run: UnsafeMutablePointer<PangoGlyphItem>) -> Bool {
        guard let item = run.pointee.item, run.pointee.glyphs != nil,
              let font = item.pointee.analysis.font, let scaled = dossier_scaled_font(font),
              cairo_scaled_font_status(scaled) == CAIRO_STATUS_SUCCESS,
              item.pointee.analysis.level % 2 == 0,
              Int32(item.pointee.analysis.flags) & PANGO_ANALYSIS_FLAG_CENTERED_BASELINE == 0 else { return false }
        var node = item.pointee.analysis.extra_attrs
        while let current = node {
            node = current.pointee.next
            guard let raw = current.pointee.data else { continue }
            let attribute = raw.assumingMemoryBound(to: PangoAttribute.self)
            switch attribute.pointee.klass.pointee.type {
            case PANGO_ATTR_UNDERLINE, PANGO_ATTR_OVERLINE, PANGO_ATTR_STRIKETHROUGH:
                if raw.assumingMemoryBound(to: PangoAttrInt.self).pointee.value != 0 { return false }
            case PANGO_ATTR_BACKGROUND, PANGO_ATTR_FOREGROUND_ALPHA, PANGO_ATTR_BACKGROUND_ALPHA, PANGO_ATTR_SHAPE:
                return false
            default:
                break
            }
        }
        return true
    }

    /// `pango_cairo_show_layout` at (`x`, `y`): every line at its origin in the layout,
    /// relative to the current point Cairo keeps for (`x`, `y`).
    static func draw(_ layout: TextLayout, on context: OpaquePointer, x: Double, y: Double, batch: TextBatch? = nil) {
        cairo_save(context)
        defer { cairo_restore(context) }
        cairo_move_to(context, x, y)
        let origin = currentPoint(context)
        let showsText = cairo_surface_has_show_text_glyphs(cairo_get_target(context)) != 0
        let text = pango_layout_get_text(layout.pointer)
        let lines = layout.lines
        var font: UnsafeMutablePointer<PangoFont>?
        layout.forEachLine(in: 0..<lines.count) { index, line in
            // The line's origin in Pango units, as `pango_layout_iter_get_line_extents` and
            // `pango_layout_iter_get_baseline` gave it (units / 1024 and back are exact).
            drawLine(line, text: text, on: context, origin: origin, x: Int32(lines[index].left * scale),
                     y: Int32(lines[index].baseline * scale), showsText: showsText, font: &font, batch: batch)
        }
        cairo_new_path(context)
    }

    /// One `pango_cairo_show_layout_line` per line of `range`, the first line with its top
    /// at `y`, each from the current point Cairo keeps for its left edge and baseline.
    static func drawLines(_ layout: TextLayout, _ range: Range<Int>, on context: OpaquePointer, x: Double, y: Double, batch: TextBatch? = nil) {
        let all = layout.lines
        guard let first = range.first, first < all.count else { return }
        let offset = y - all[first].top
        cairo_save(context)
        defer { cairo_restore(context) }
        let showsText = cairo_surface_has_show_text_glyphs(cairo_get_target(context)) != 0
        let text = pango_layout_get_text(layout.pointer)
        var font: UnsafeMutablePointer<PangoFont>?
        layout.forEachLine(in: range) { index, line in
            cairo_move_to(context, x + all[index].left, offset + all[index].baseline)
            drawLine(line, text: text, on: context, origin: currentPoint(context), x: 0, y: 0, showsText: showsText, font: &font, batch: batch)
        }
        cairo_new_path(context)
    }

    /// Cairo's current point in user space (where Pango's renderer takes its origin from:
    /// the point as Cairo stores it, in fixed-point device units, not as it was given).
    private static func currentPoint(_ context: OpaquePointer) -> (x: Double, y: Double) {
        var x = 0.0, y = 0.0
        cairo_get_current_point(context, &x, &y)
        return (x, y)
    }

    /// `pango_renderer_draw_layout_line` at (`x`, `y`) Pango units from `origin`: each run at
    /// the advance of the runs before it, with its start, end and vertical offsets. `font` is
    /// the font the context holds from the run before in this layout (``drawRun``).
    private static func drawLine(_ line: UnsafeMutablePointer<PangoLayoutLine>, text: UnsafePointer<CChar>?,
                                 on context: OpaquePointer, origin: (x: Double, y: Double), x: Int32, y: Int32,
                                 showsText: Bool, font: inout UnsafeMutablePointer<PangoFont>?, batch: TextBatch?) {
        var advance: Int32 = 0
        var node = line.pointee.runs
        while let current = node {
            node = current.pointee.next
            guard let raw = current.pointee.data else { continue }
            let run = raw.assumingMemoryBound(to: PangoGlyphItem.self)
            guard let glyphs = run.pointee.glyphs else { continue }
            var width: Int32 = 0
            for index in 0..<Int(glyphs.pointee.num_glyphs) { width &+= glyphs.pointee.glyphs[index].geometry.width }
            advance &+= run.pointee.start_x_offset
            drawRun(run, text: text, on: context,
                    x: origin.x + Double(x &+ advance) / scale, y: origin.y + Double(y &- run.pointee.y_offset) / scale,
                    showsText: showsText, font: &font, batch: batch)
            advance &+= width
            advance &+= run.pointee.end_x_offset
        }
    }

    /// `pango_cairo_renderer_draw_glyph_item` with its origin at (`x`, `y`) in user space: the
    /// run's colour (in a saved graphics state, as Pango sets it) and font, then its glyphs,
    /// with its text and clusters where the surface keeps text.
    ///
    /// The font is set only when it is not `current`, the font the run before in this layout
    /// left set (a coloured run's is restored away): setting it again would change nothing
    /// Cairo records (Cairo would look the same scaled font up again for the same transformation).
    private static func drawRun(_ run: UnsafeMutablePointer<PangoGlyphItem>, text: UnsafePointer<CChar>?,
                                on context: OpaquePointer, x: Double, y: Double, showsText: Bool,
                                font current: inout UnsafeMutablePointer<PangoFont>?, batch: TextBatch?) {
        guard let item = run.pointee.item, let shaped = run.pointee.glyphs, let font = item.pointee.analysis.font else { return }
        let color = foreground(item.pointee.analysis.extra_attrs)
        if let batch, showsText, let text, batch.append(run: item, shaped, color: color, text: text, x: x, y: y, context: context) {
            return
        }
        if let color {
            cairo_save(context)
            cairo_set_source_rgba(context, Double(color.red) / 65535, Double(color.green) / 65535, Double(color.blue) / 65535, 1)
            cairo_set_scaled_font(context, dossier_scaled_font(font))
            current = nil
        } else if font != current {
            cairo_set_scaled_font(context, dossier_scaled_font(font))
            current = font
        }
        let count = Int(shaped.pointee.num_glyphs)
        withUnsafeTemporaryAllocation(of: cairo_glyph_t.self, capacity: max(count, 1)) { cairoGlyphs in
            var drawn = 0
            forEachDrawnGlyph(of: shaped, x: x, y: y) { glyph in
                cairoGlyphs[drawn] = glyph
                drawn += 1
            }
            guard showsText, let text else {
                cairo_show_glyphs(context, cairoGlyphs.baseAddress, Int32(drawn))
                return
            }
            withUnsafeTemporaryAllocation(of: cairo_text_cluster_t.self, capacity: max(count, 1)) { clusters in
                let clusterCount = textClusters(of: item, shaped, into: clusters)
                cairo_show_text_glyphs(context, text + Int(item.pointee.offset), item.pointee.length,
                                       cairoGlyphs.baseAddress, Int32(drawn), clusters.baseAddress, Int32(clusterCount),
                                       cairo_text_cluster_flags_t(0))
            }
        }
        if color != nil { cairo_restore(context) }
    }

    /// Each drawn glyph of `shaped` (empty glyphs left out) as Pango's renderer places it for
    /// Cairo, the run's origin at (`x`, `y`) in user space: at the advance of the glyphs
    /// before it plus its own offsets, in Pango units divided once.
    @inline(__always)
    static func forEachDrawnGlyph(of shaped: UnsafeMutablePointer<PangoGlyphString>, x: Double, y: Double,
                                  _ body: (cairo_glyph_t) -> Void) {
        var position: Int32 = 0
        for index in 0..<Int(shaped.pointee.num_glyphs) {
            let info = shaped.pointee.glyphs[index]
            if info.glyph != emptyGlyph {
                let glyphY = info.geometry.y_offset == 0 ? y : y + Double(info.geometry.y_offset) / scale
                body(cairo_glyph_t(index: UInt(info.glyph), x: x + Double(position &+ info.geometry.x_offset) / scale, y: glyphY))
            }
            position &+= info.geometry.width
        }
    }

    /// The clusters of a left-to-right run as `pango_glyph_item_iter` walks them: glyphs
    /// grouped while their cluster offset does not grow, each cluster's bytes up to the next
    /// one's offset (the last one's to the item's end), its glyphs counted without empty ones.
    static func textClusters(of item: UnsafeMutablePointer<PangoItem>, _ shaped: UnsafeMutablePointer<PangoGlyphString>,
                                     into clusters: UnsafeMutableBufferPointer<cairo_text_cluster_t>) -> Int {
        let count = Int(shaped.pointee.num_glyphs)
        guard count > 0, let logClusters = shaped.pointee.log_clusters, let glyphs = shaped.pointee.glyphs else { return 0 }
        let offset = item.pointee.offset
        var clusterCount = 0
        var startGlyph = 0
        var startIndex = offset
        while startGlyph < count {
            let cluster = logClusters[startGlyph]
            var drawn: Int32 = glyphs[startGlyph].glyph == emptyGlyph ? 0 : 1
            var endGlyph = startGlyph + 1
            while endGlyph < count, logClusters[endGlyph] <= cluster {
                if glyphs[endGlyph].glyph != emptyGlyph { drawn += 1 }
                endGlyph += 1
            }
            let endIndex = endGlyph == count ? offset &+ item.pointee.length : offset &+ logClusters[endGlyph]
            clusters[clusterCount] = cairo_text_cluster_t(num_bytes: endIndex &- startIndex, num_glyphs: drawn)
            clusterCount += 1
            startGlyph = endGlyph
            startIndex = endIndex
        }
        return clusterCount
    }

    /// The last foreground colour among a run's attributes, as `pango_renderer_default_prepare_run` finds it.
    private static func foreground(_ attributes: UnsafeMutablePointer<GSList>?) -> PangoColor? {
        var color: PangoColor?
        var node = attributes
        while let current = node {
            node = current.pointee.next
            guard let raw = current.pointee.data else { continue }
            if raw.assumingMemoryBound(to: PangoAttribute.self).pointee.klass.pointee.type == PANGO_ATTR_FOREGROUND {
                color = raw.assumingMemoryBound(to: PangoAttrColor.self).pointee.color
            }
        }
        return color
    }

    static let scale = Double(PANGO_SCALE)
    static let emptyGlyph: UInt32 = 0x0FFF_FFFF
}
