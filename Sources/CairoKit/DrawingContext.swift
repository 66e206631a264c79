import DossierBase
import Foundation
import CCairo

/// A Cairo drawing context on a ``Surface`` (wraps `cairo_t`). Coordinates are in points for
/// SVG surfaces and pixels for PNG surfaces; use ``scale(_:_:)`` to draw a
/// point-based scene onto a raster.
public final class DrawingContext: Canvas {
    let pointer: OpaquePointer
    /// The surface drawn on; kept alive by the context.
    public let surface: Surface
    /// Text is drawn by Pango's own renderer even where ``CairoGlyphDrawing`` would make the
    /// same calls (tests compare the two).
    var drawsTextWithPango = false
    /// Text runs are held back and shown in fewer calls (``TextBatch``; same bytes).
    var batchesText = true
    private let batch = TextBatch()
    /// The colour last set, the clip state, and theirs at each ``save()`` (for ``TextBatch``).
    private var color = (red: 0.0, green: 0.0, blue: 0.0, alpha: 1.0)
    private var clipped = false
    private var saved: [(color: (red: Double, green: Double, blue: Double, alpha: Double), clipped: Bool)] = []
    /// Shows the text runs held back; called before anything else is drawn or the state
    /// they depend on changes.
    func flushText() { batch.flush(pointer) }

    /// Creates a context drawing on `surface` (`cairo_create`).
    public init(surface: Surface) throws(CairoError) {
        guard let raw = cairo_create(surface.pointer) else {
            throw .status(function: "cairo_create", message: "no context")
        }
        pointer = raw
        self.surface = surface
        try CairoError.check(cairo_status(raw), "cairo_create")
        resetState()
    }

    deinit {
        flushText()
        cairo_destroy(pointer)
    }

    /// Line cap styles (``CairoKit/LineCap``).
    public typealias LineCap = CairoKit.LineCap
    /// Line join styles (``CairoKit/LineJoin``).
    public typealias LineJoin = CairoKit.LineJoin

    /// Restores the defaults every page starts from: black, 1-pt lines, butt caps, no dash,
    /// identity transform. Cairo keeps graphics state across `cairo_show_page`, so a page
    /// would otherwise inherit the previous page's colour.
    public func resetState() {
        flushText()
        color = (0, 0, 0, 1)
        clipped = false
        saved.removeAll()
        cairo_identity_matrix(pointer)
        cairo_reset_clip(pointer)
        cairo_new_path(pointer)
        cairo_set_source_rgba(pointer, 0, 0, 0, 1)
        cairo_set_line_width(pointer, 1)
        cairo_set_line_cap(pointer, CAIRO_LINE_CAP_BUTT)
        cairo_set_line_join(pointer, CAIRO_LINE_JOIN_MITER)
        cairo_set_dash(pointer, nil, 0, 0)
        cairo_set_antialias(pointer, CAIRO_ANTIALIAS_DEFAULT)
    }

    public func save() { saved.append((color, clipped)); cairo_save(pointer) }
    public func restore() {
        flushText()
        if let state = saved.popLast() { (color, clipped) = state }
        cairo_restore(pointer)
    }
    public func translate(_ dx: Double, _ dy: Double) { flushText(); cairo_translate(pointer, dx, dy) }
    public func scale(_ sx: Double, _ sy: Double) { flushText(); cairo_scale(pointer, sx, sy) }
    /// Rotates by `radians`, clockwise on screen (y points down).
    public func rotate(_ radians: Double) { flushText(); cairo_rotate(pointer, radians) }

    public func newPath() { cairo_new_path(pointer) }
    public func move(to x: Double, _ y: Double) { cairo_move_to(pointer, x, y) }
    public func line(to x: Double, _ y: Double) { cairo_line_to(pointer, x, y) }
    public func curve(to x: Double, _ y: Double, control1 c1x: Double, _ c1y: Double, control2 c2x: Double, _ c2y: Double) {
        cairo_curve_to(pointer, c1x, c1y, c2x, c2y, x, y)
    }
    public func closePath() { cairo_close_path(pointer) }
    public func rectangle(x: Double, y: Double, width: Double, height: Double) {
        cairo_rectangle(pointer, x, y, width, height)
    }
    /// Adds a circular arc (angles in radians, clockwise on screen).
    public func arc(centerX: Double, centerY: Double, radius: Double, from start: Double, to end: Double) {
        cairo_arc(pointer, centerX, centerY, radius, start, end)
    }

    public func setColor(_ color: Color) {
        self.color = (color.red, color.green, color.blue, color.alpha)
        cairo_set_source_rgba(pointer, color.red, color.green, color.blue, color.alpha)
    }
    public func setLineWidth(_ width: Double) { cairo_set_line_width(pointer, width) }
    public func setLineCap(_ cap: LineCap) {
        switch cap {
        case .butt: cairo_set_line_cap(pointer, CAIRO_LINE_CAP_BUTT)
        case .round: cairo_set_line_cap(pointer, CAIRO_LINE_CAP_ROUND)
        case .square: cairo_set_line_cap(pointer, CAIRO_LINE_CAP_SQUARE)
        }
    }
    public func setLineJoin(_ join: LineJoin) {
        switch join {
        case .miter: cairo_set_line_join(pointer, CAIRO_LINE_JOIN_MITER)
        case .round: cairo_set_line_join(pointer, CAIRO_LINE_JOIN_ROUND)
        case .bevel: cairo_set_line_join(pointer, CAIRO_LINE_JOIN_BEVEL)
        }
    }
    /// Sets a dash pattern in user units; an empty pattern draws solid lines.
    public func setDash(_ pattern: [Double], offset: Double = 0) {
        pattern.withUnsafeBufferPointer { buffer in
            cairo_set_dash(pointer, buffer.baseAddress, Int32(buffer.count), offset)
        }
    }

    /// Fills the current path; `preserve` keeps it for a following stroke.
    public func fill(preserve: Bool = false) {
        flushText()
        if preserve { cairo_fill_preserve(pointer) } else { cairo_fill(pointer) }
    }
    /// Sets the even-odd fill rule (for polygons with holes) or the default non-zero rule.
    public func setEvenOddFill(_ evenOdd: Bool) {
        cairo_set_fill_rule(pointer, evenOdd ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING)
    }
    public func stroke(preserve: Bool = false) {
        flushText()
        if preserve { cairo_stroke_preserve(pointer) } else { cairo_stroke(pointer) }
    }
    /// Intersects the clip with the current path and clears the path.
    public func clip() { flushText(); clipped = true; cairo_clip(pointer) }
    public func resetClip() { flushText(); clipped = false; cairo_reset_clip(pointer) }
    /// Paints the current source everywhere inside the clip.
    public func paint() { flushText(); cairo_paint(pointer) }

    /// Draws `layout` as Pango does (`pango_cairo_show_layout`, or one
    /// `pango_cairo_show_layout_line` per line for a range of lines): from its glyph runs with
    /// the same Cairo calls (``CairoGlyphDrawing``) when it can, else with Pango. On a PDF
    /// surface runs may be held back and merged with the next ones (``TextBatch``): they are
    /// shown before anything else is drawn, and by ``checkStatus()``.
    public func show(_ layout: TextLayout, lines: Range<Int>?, x: Double, y: Double) {
        if !drawsTextWithPango, layout.drawsGlyphsDirectly {
            batch.open = batchesText && !clipped && color.alpha == 1
            batch.contextColor = color
            batch.pageWidth = surface.width
            batch.pageHeight = surface.height
            let b: TextBatch? = batch
            if let lines {
                CairoGlyphDrawing.drawLines(layout, lines, on: pointer, x: x, y: y, batch: b)
            } else {
                CairoGlyphDrawing.draw(layout, on: pointer, x: x, y: y, batch: b)
            }
        } else if let lines {
            flushText()
            layout.drawLines(lines, on: pointer, x: x, y: y)
        } else {
            flushText()
            layout.draw(on: pointer, x: x, y: y)
        }
    }

    /// Links are a PDF's, which ``PDFCanvas`` writes: a PNG or SVG surface has none.
    public func addLink(uri: String, x: Double, y: Double, width: Double, height: Double) {}

    /// Internal links are a PDF's, which ``PDFCanvas`` writes: a PNG or SVG surface has none.
    public func addInternalLink(page: Int, targetY: Double, x: Double, y: Double, width: Double, height: Double) {}

    /// The status of the context, thrown if it is an error.
    public func checkStatus() throws(CairoError) {
        flushText()
        try CairoError.check(cairo_status(pointer), "cairo drawing")
    }
}
