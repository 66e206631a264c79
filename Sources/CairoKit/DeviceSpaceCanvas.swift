import DossierBase
import Foundation

/// What ``SVGCanvas`` and ``PDFCanvas`` share: a canvas that writes its format itself, keeping
/// Cairo's drawing state in Swift and building paths in device space (points, y down).
///
/// The protocol's extension implements the path steps (moves, lines, curves, rectangles,
/// arcs, each point mapped by the current transform as it is added), the state setters,
/// `save`/`restore` (a stack of ``DeviceState``s, with what the format keeps per level), the
/// start of `drawMarkers` (the elliptical fallback) and the start of `show` (a layout read into
/// the canvas's scratch runs). A canvas implements what its format writes: fills, strokes,
/// clips, paints, links, glyph runs and marker runs placed by reference.
protocol DeviceSpaceCanvas: GlyphRunCanvas {
    /// The canvas's path type.
    associatedtype Path: DevicePath
    /// What the format keeps for a saved level besides the ``DeviceState`` (open clip groups,
    /// whether a `q` was written).
    associatedtype Level

    /// The drawing state.
    var state: DeviceState { get set }
    /// The current path, in device space.
    var path: Path { get set }
    /// The saved levels, innermost last.
    var levels: [SavedLevel<Level>] { get set }
    /// Where fonts and glyph outlines come from.
    var glyphs: CanvasGlyphSource { get }
    /// The glyphs of the layout being shown (``show(_:lines:x:y:)``), kept for its storage.
    var scratchRuns: GlyphRuns { get set }

    /// Starts a level (``save()``): returns what the format keeps of the level being saved,
    /// and resets it for the new one.
    func beginLevel() -> Level
    /// Ends the innermost level (``restore()``), closing what the format opened in it, and
    /// goes back to `outer`, the enclosing level's part kept by ``beginLevel()``.
    func endLevel(restoring outer: Level)
    /// Draws a marker run by reference, the current transform being a translation and a
    /// uniform positive `scale`; `count` markers, the arguments checked.
    func drawMarkerLayer(_ symbols: [MarkerSymbol], scale: Double, positions: [Double], symbolIndices: [Int32], count: Int)
}

/// The drawing state a ``DeviceSpaceCanvas`` keeps (Cairo's gstate, in Swift).
struct DeviceState {
    var transform = AffineTransform.identity
    var color = Color.black
    var lineWidth = 1.0
    var lineCap = LineCap.butt
    var lineJoin = LineJoin.miter
    var dash: [Double] = []
    var dashOffset = 0.0
    var evenOdd = false
}

/// A level saved by ``DeviceSpaceCanvas/save()``: the state to restore and the format's part.
struct SavedLevel<Format> {
    var state: DeviceState
    var format: Format
}

/// A path in device space: ``SVGPath`` (its data written as it grows) or ``PDFPath``.
protocol DevicePath {
    /// Whether the path has no segment.
    var isEmpty: Bool { get }
    /// The current point, nil before the first move.
    var currentPoint: (x: Double, y: Double)? { get }
    mutating func removeAll()
    mutating func move(_ x: Double, _ y: Double)
    mutating func line(_ x: Double, _ y: Double)
    mutating func curve(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ x: Double, _ y: Double)
    mutating func close()
    /// Adds a rectangle given in user space as a closed sub-path, its points mapped by
    /// `transform`: by default its four corners (``addCorners(x:y:width:height:transform:)``).
    mutating func addRectangle(x: Double, y: Double, width: Double, height: Double, transform: AffineTransform)
}

extension DeviceSpaceCanvas {
    public func save() {
        levels.append(SavedLevel(state: state, format: beginLevel()))
    }

    public func restore() {
        guard let level = levels.popLast() else { return }
        endLevel(restoring: level.format)
        state = level.state
    }

    public func translate(_ dx: Double, _ dy: Double) { state.transform = state.transform.translated(dx, dy) }
    public func scale(_ sx: Double, _ sy: Double) { state.transform = state.transform.scaled(sx, sy) }
    public func rotate(_ radians: Double) { state.transform = state.transform.rotated(radians) }

    public func newPath() { path.removeAll() }

    public func move(to x: Double, _ y: Double) {
        let p = state.transform.apply(x, y)
        path.move(p.x, p.y)
    }

    public func line(to x: Double, _ y: Double) {
        let p = state.transform.apply(x, y)
        path.line(p.x, p.y)
    }

    public func curve(to x: Double, _ y: Double, control1 c1x: Double, _ c1y: Double, control2 c2x: Double, _ c2y: Double) {
        let t = state.transform
        let a = t.apply(c1x, c1y), b = t.apply(c2x, c2y), p = t.apply(x, y)
        path.curve(a.x, a.y, b.x, b.y, p.x, p.y)
    }

    public func closePath() { path.close() }

    public func rectangle(x: Double, y: Double, width: Double, height: Double) {
        path.addRectangle(x: x, y: y, width: width, height: height, transform: state.transform)
    }

    public func arc(centerX: Double, centerY: Double, radius: Double, from start: Double, to end: Double) {
        let arc = ArcSegments(centerX: centerX, centerY: centerY, radius: radius, from: start, to: end)
        let device = state.transform.apply(arc.start.x, arc.start.y)
        if let current = path.currentPoint {
            if abs(current.x - device.x) > 1e-9 || abs(current.y - device.y) > 1e-9 { path.line(device.x, device.y) }
        } else {
            path.move(device.x, device.y)
        }
        for segment in arc.segments {
            curve(to: segment.x, segment.y, control1: segment.c1x, segment.c1y, control2: segment.c2x, segment.c2y)
        }
    }

    public func setColor(_ color: Color) { state.color = color }
    public func setLineWidth(_ width: Double) { state.lineWidth = width }
    public func setLineCap(_ cap: LineCap) { state.lineCap = cap }
    public func setLineJoin(_ join: LineJoin) { state.lineJoin = join }
    public func setDash(_ pattern: [Double], offset: Double) {
        state.dash = pattern
        state.dashOffset = offset
    }
    public func setEvenOddFill(_ evenOdd: Bool) { state.evenOdd = evenOdd }

    /// Draws a marker run: by reference (``drawMarkerLayer(_:scale:positions:symbolIndices:count:)``)
    /// under a translation and uniform scale, otherwise every marker as its own path (the
    /// circles elliptical), the drawing state kept.
    public func drawMarkers(_ symbols: [MarkerSymbol], positions: [Double], symbolIndices: [Int32]) {
        let count = positions.count / 2
        guard count > 0, !symbols.isEmpty, symbolIndices.isEmpty || symbolIndices.count == count else { return }
        let transform = state.transform
        guard let scale = transform.similarityScale, transform.b == 0, scale > 0 else {
            let saved = state
            for index in 0..<count {
                let symbol = symbols[symbolIndices.isEmpty ? 0 : Int(symbolIndices[index])]
                drawMarkerCircle(symbol, x: positions[2 * index], y: positions[2 * index + 1])
            }
            state = saved
            return
        }
        drawMarkerLayer(symbols, scale: scale, positions: positions, symbolIndices: symbolIndices, count: count)
    }

    /// Reads the layout's glyph runs into the canvas's scratch runs and draws them as recorded
    /// runs are drawn (``show(_:of:x:y:)``); a canvas made for recorded runs ignores layouts.
    public func show(_ layout: TextLayout, lines range: Range<Int>?, x: Double, y: Double) {
        guard case .typesetter(let outlines) = glyphs else { return }
        let text = scratchRuns.recordOnly(layout, lines: range, outlines: outlines)
        show(text, of: scratchRuns, x: x, y: y)
    }
}

extension DevicePath {
    mutating func addRectangle(x: Double, y: Double, width: Double, height: Double, transform: AffineTransform) {
        addCorners(x: x, y: y, width: width, height: height, transform: transform)
    }

    /// Adds the rectangle as its four corners, each mapped by `transform`, and a close.
    mutating func addCorners(x: Double, y: Double, width: Double, height: Double, transform: AffineTransform) {
        let a = transform.apply(x, y), b = transform.apply(x + width, y)
        let c = transform.apply(x + width, y + height), d = transform.apply(x, y + height)
        move(a.x, a.y)
        line(b.x, b.y)
        line(c.x, c.y)
        line(d.x, d.y)
        close()
    }
}

/// Where a ``DeviceSpaceCanvas`` finds fonts, glyph outlines and font metrics: the typesetter's
/// cache (for layouts shown on the canvas) or a recorded ``GlyphOutlineSet`` (for recorded
/// runs), whose fonts the writing thread's typesetter's cache loads.
enum CanvasGlyphSource {
    case typesetter(GlyphOutlines)
    case recorded(GlyphOutlineSet, GlyphOutlines)

    /// The outline of `key`'s glyph as SVG path data; empty for a blank glyph.
    func outline(_ key: GlyphOutlines.GlyphKey) -> [UInt8] {
        switch self {
        case .typesetter(let outlines): return outlines.outline(key.glyph, serial: key.font)
        case .recorded(let set, let fonts): return set.outline(key, fonts: fonts)
        }
    }

    /// The face and font matrix of the font numbered `font`.
    func font(_ font: Int) -> PDFFontRef? {
        switch self {
        case .typesetter(let outlines): return outlines.pdfFont(serial: font)
        case .recorded(let set, let fonts): return set.pdfFont(font, fonts: fonts)
        }
    }

    /// The strikethrough offset above the baseline and thickness of the font numbered `font`.
    func strikethrough(_ font: Int) -> (position: Double, thickness: Double) {
        switch self {
        case .typesetter(let outlines): return outlines.strikethrough(serial: font)
        case .recorded(let set, let fonts): return set.strikethrough(font, fonts: fonts)
        }
    }
}
