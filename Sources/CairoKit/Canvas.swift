import DossierBase

/// What documents and charts draw on: Cairo's path-and-paint model (a current path built in
/// user space, a graphics state saved and restored as a stack, fills, strokes, clips) plus
/// Pango text and dense marker runs.
///
/// Three canvases implement it: ``DrawingContext`` (Cairo, for PNG and SVG surfaces), and the
/// two that write their format themselves (``DeviceSpaceCanvas``): ``SVGCanvas`` (glyph outlines
/// shared across documents) and ``PDFCanvas`` (one page's content stream). Drawing code written
/// against `Canvas` gives the same picture on all of them.
public protocol Canvas: AnyObject {
    /// Pushes the graphics state (transform, clip, colour, line style, fill rule).
    func save()
    /// Pops the graphics state pushed by the matching ``save()``.
    func restore()
    /// Moves the origin of user space.
    func translate(_ dx: Double, _ dy: Double)
    /// Scales user space.
    func scale(_ sx: Double, _ sy: Double)
    /// Rotates user space by `radians`, clockwise on screen (y points down).
    func rotate(_ radians: Double)

    /// Clears the current path.
    func newPath()
    /// Starts a new sub-path at a point.
    func move(to x: Double, _ y: Double)
    /// Adds a straight line to a point.
    func line(to x: Double, _ y: Double)
    /// Adds a cubic Bézier curve to (`x`, `y`).
    func curve(to x: Double, _ y: Double, control1 c1x: Double, _ c1y: Double, control2 c2x: Double, _ c2y: Double)
    /// Closes the current sub-path.
    func closePath()
    /// Adds a rectangle as its own closed sub-path.
    func rectangle(x: Double, y: Double, width: Double, height: Double)
    /// Adds a circular arc (angles in radians, clockwise on screen); a line joins it to the
    /// current point, if any.
    func arc(centerX: Double, centerY: Double, radius: Double, from start: Double, to end: Double)

    /// Sets the colour used by fills, strokes, paints and text.
    func setColor(_ color: Color)
    /// Sets the stroke width in user units.
    func setLineWidth(_ width: Double)
    /// Sets the stroke cap style.
    func setLineCap(_ cap: LineCap)
    /// Sets the stroke join style.
    func setLineJoin(_ join: LineJoin)
    /// Sets a dash pattern in user units; an empty pattern draws solid lines.
    func setDash(_ pattern: [Double], offset: Double)
    /// Sets the even-odd fill rule (for polygons with holes) or the default non-zero rule.
    func setEvenOddFill(_ evenOdd: Bool)

    /// Fills the current path; `preserve` keeps it for a following stroke.
    func fill(preserve: Bool)
    /// Strokes the current path; `preserve` keeps it.
    func stroke(preserve: Bool)
    /// Intersects the clip with the current path and clears the path.
    func clip()
    /// Paints the current colour everywhere inside the clip.
    func paint()

    /// Draws `layout`'s lines `lines` (all when nil), the first of them with its top at `y`
    /// and the layout's left edge at `x`, in the current colour (Pango colours win).
    func show(_ layout: TextLayout, lines: Range<Int>?, x: Double, y: Double)
    /// Draws a run of round markers centred on `positions` (x and y interleaved, user units);
    /// `symbolIndices` picks each marker's symbol (empty: all use the first).
    func drawMarkers(_ symbols: [MarkerSymbol], positions: [Double], symbolIndices: [Int32])

    /// Marks a clickable rectangle linking to `uri` (where the format has links).
    func addLink(uri: String, x: Double, y: Double, width: Double, height: Double)
    /// Marks a link to `page` (1-based) at `targetY` (where the format has internal links).
    func addInternalLink(page: Int, targetY: Double, x: Double, y: Double, width: Double, height: Double)

    /// Throws the canvas's error, if drawing failed.
    func checkStatus() throws(CairoError)
}

/// Line cap styles (`cairo_line_cap_t`).
public enum LineCap: Sendable { case butt, round, square }
/// Line join styles (`cairo_line_join_t`).
public enum LineJoin: Sendable { case miter, round, bevel }

extension Canvas {
    /// Fills the current path and clears it.
    public func fill() { fill(preserve: false) }
    /// Strokes the current path and clears it.
    public func stroke() { stroke(preserve: false) }
    /// Draws solid lines.
    public func setDash(_ pattern: [Double]) { setDash(pattern, offset: 0) }
    /// Draws a run of markers that all use the first symbol.
    public func drawMarkers(_ symbols: [MarkerSymbol], positions: [Double]) {
        drawMarkers(symbols, positions: positions, symbolIndices: [])
    }
}

/// A canvas that draws text recorded as glyph runs (``GlyphRuns``) without its layouts:
/// ``SVGCanvas`` and ``PDFCanvas``, so either can draw a page laid out on another thread.
public protocol GlyphRunCanvas: Canvas {
    /// Draws `text` of `runs` with the top of its first line at `y` and its layout's left edge
    /// at `x`: the same drawing as ``Canvas/show(_:lines:x:y:)`` with the recorded layout.
    func show(_ text: GlyphRuns.Text, of runs: GlyphRuns, x: Double, y: Double)
}
