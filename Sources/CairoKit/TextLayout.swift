import CCairo

/// A paragraph of text shaped and broken into lines by Pango (wraps `PangoLayout`).
/// All measurements are in points; the origin is the top-left corner of the logical box.
public final class TextLayout {
    /// Horizontal alignment of lines inside the layout width.
    public enum Alignment: Sendable { case left, center, right }

    /// Extents of one line, relative to the layout's top-left corner.
    public struct Line: Sendable, Equatable {
        /// Top of the line's logical box.
        public var top: Double
        /// Height of the line's logical box.
        public var height: Double
        /// Baseline position.
        public var baseline: Double
        /// Left edge and width of the line's logical box.
        public var left: Double
        public var width: Double
    }

    let pointer: OpaquePointer
    /// The text as given (plain text, or markup when created with `markup: true`).
    public let text: String
    /// The font the layout was created with.
    public let font: Font

    /// Shapes `text` in `font`.
    /// - Parameters:
    ///   - width: wrap width in points; `nil` keeps each paragraph on one line.
    ///   - markup: interpret `text` as Pango markup (`<b>`, `<i>`, `<span>`...).
    ///   - lineHeight: line height as a multiple of the font's natural height (nil: natural).
    /// - Throws: ``CairoError/missingGlyphs(text:font:count:)`` when the pinned fonts lack a
    ///   glyph (the text would print as a box), ``CairoError/invalidMarkup(text:message:)``.
    public init(
        _ text: String, font: Font, typesetter: Typesetter, width: Double? = nil,
        alignment: Alignment = .left, justify: Bool = false, markup: Bool = false,
        lineHeight: Double? = nil
    ) throws(CairoError) {
        guard let layout = pango_layout_new(typesetter.context) else {
            throw .status(function: "pango_layout_new", message: "no layout")
        }
        pointer = layout
        self.text = text
        self.font = font

        let description = pango_font_description_new()
        pango_font_description_set_family(description, font.family)
        pango_font_description_set_absolute_size(description, font.size * Double(PANGO_SCALE))
        switch font.weight {
        case .regular: pango_font_description_set_weight(description, PANGO_WEIGHT_NORMAL)
        case .semibold: pango_font_description_set_weight(description, PANGO_WEIGHT_SEMIBOLD)
        case .bold: pango_font_description_set_weight(description, PANGO_WEIGHT_BOLD)
        }
        pango_font_description_set_style(description, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)

        if let width {
            pango_layout_set_width(layout, Int32((width * Double(PANGO_SCALE)).rounded(.down)))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        }
        switch alignment {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        pango_layout_set_justify(layout, justify ? 1 : 0)
        if let lineHeight { pango_layout_set_line_spacing(layout, Float(lineHeight)) }

        if markup {
            var error: UnsafeMutablePointer<GError>?
            guard pango_parse_markup(text, -1, 0, nil, nil, nil, &error) != 0 else {
                let message = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
                if let error { g_error_free(error) }
                throw .invalidMarkup(text: text, message: message)
            }
            pango_layout_set_markup(layout, text, -1)
        } else {
            pango_layout_set_text(layout, text, -1)
        }
        let unknown = Int(pango_layout_get_unknown_glyphs_count(layout))
        if unknown > 0 {
            throw .missingGlyphs(text: text, font: font.description, count: unknown)
        }
    }

    deinit {
        dossier_object_unref(UnsafeMutableRawPointer(pointer))
    }

    /// Width and height of the logical box, in points.
    public var size: (width: Double, height: Double) {
        var logical = PangoRectangle()
        pango_layout_get_extents(pointer, nil, &logical)
        return (Double(logical.width) / Double(PANGO_SCALE), Double(logical.height) / Double(PANGO_SCALE))
    }

    /// The ink box (what is actually painted) relative to the layout origin.
    public var inkBounds: (x: Double, y: Double, width: Double, height: Double) {
        var ink = PangoRectangle()
        pango_layout_get_extents(pointer, &ink, nil)
        let scale = Double(PANGO_SCALE)
        return (Double(ink.x) / scale, Double(ink.y) / scale, Double(ink.width) / scale, Double(ink.height) / scale)
    }

    /// Distance from the top of the layout to the first line's baseline.
    public var baseline: Double {
        Double(pango_layout_get_baseline(pointer)) / Double(PANGO_SCALE)
    }

    /// Every line with its extents, top to bottom.
    public var lines: [Line] {
        guard let iterator = pango_layout_get_iter(pointer) else { return [] }
        defer { pango_layout_iter_free(iterator) }
        let scale = Double(PANGO_SCALE)
        var result: [Line] = []
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iterator, nil, &logical)
            let baseline = Double(pango_layout_iter_get_baseline(iterator)) / scale
            result.append(Line(
                top: Double(logical.y) / scale, height: Double(logical.height) / scale,
                baseline: baseline, left: Double(logical.x) / scale, width: Double(logical.width) / scale))
        } while pango_layout_iter_next_line(iterator) != 0
        return result
    }

    /// The rectangles covering the UTF-8 byte range `range` of the layout's text (one per
    /// line it spans), for placing link areas over text.
    public func rectangles(forByteRange range: Range<Int>) -> [(x: Double, y: Double, width: Double, height: Double)] {
        guard !range.isEmpty else { return [] }
        let scale = Double(PANGO_SCALE)
        var start = PangoRectangle()
        var end = PangoRectangle()
        pango_layout_index_to_pos(pointer, Int32(range.lowerBound), &start)
        pango_layout_index_to_pos(pointer, Int32(range.upperBound - 1), &end)
        var endX = Double(end.x + end.width) / scale
        if end.width < 0 { endX = Double(end.x) / scale }
        let startX = Double(start.x) / scale
        let startY = Double(start.y) / scale
        let endY = Double(end.y) / scale
        if start.y == end.y {
            return [(startX, startY, endX - startX, Double(start.height) / scale)]
        }
        let fullWidth = size.width
        var rects = [(startX, startY, fullWidth - startX, Double(start.height) / scale)]
        if endY - startY > Double(start.height) / scale * 1.5 {
            let middleTop = startY + Double(start.height) / scale
            rects.append((0, middleTop, fullWidth, endY - middleTop))
        }
        rects.append((0, endY, endX, Double(end.height) / scale))
        return rects
    }

    /// Draws the whole layout with its top-left corner at (`x`, `y`) in the current colour.
    public func draw(in canvas: any Canvas, x: Double, y: Double) {
        canvas.show(self, lines: nil, x: x, y: y)
    }

    /// Draws lines `range` only, placing the first of them with its top at `y`
    /// (for paragraphs split across pages).
    public func drawLines(_ range: Range<Int>, in canvas: any Canvas, x: Double, y: Double) {
        canvas.show(self, lines: range, x: x, y: y)
    }

    /// Draws the whole layout on a Cairo context (`pango_cairo_show_layout`).
    func draw(on context: OpaquePointer, x: Double, y: Double) {
        cairo_move_to(context, x, y)
        pango_cairo_show_layout(context, pointer)
        cairo_new_path(context)
    }

    /// Draws lines `range` on a Cairo context, the first with its top at `y`.
    func drawLines(_ range: Range<Int>, on context: OpaquePointer, x: Double, y: Double) {
        let all = lines
        guard let first = range.first, first < all.count else { return }
        let offset = y - all[first].top
        for index in range where index < all.count {
            guard let line = pango_layout_get_line_readonly(pointer, Int32(index)) else { continue }
            cairo_move_to(context, x + all[index].left, offset + all[index].baseline)
            pango_cairo_show_layout_line(context, line)
        }
        cairo_new_path(context)
    }
}
