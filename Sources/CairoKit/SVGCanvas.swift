import DossierBase
import Foundation

/// A ``Canvas`` that writes an SVG 1.1 document itself, without Cairo's SVG surface.
///
/// Paths are written in device space (points, y down) with short decimals; text is drawn as
/// references to glyph outlines that the ``Typesetter`` keeps across documents (or, for text
/// recorded as ``GlyphRuns`` on another thread, that a ``GlyphOutlineSet`` shares between the
/// threads writing them), so a page that shares its fonts with the previous one costs only
/// its glyph positions. Cairo 1.16's
/// SVG surface outlines every glyph again in every document and formats each number with
/// `printf`: writing a briefing's page SVGs took longer than laying out and rendering its PDF.
///
/// The picture is the one ``DrawingContext`` draws (same path geometry, fill rules, strokes,
/// clips, glyph outlines and positions); the markup differs. Output depends only on what was
/// drawn: ids are numbered per document.
public final class SVGCanvas: DeviceSpaceCanvas {
    /// Width and height in points.
    public let width: Double
    public let height: Double
    /// Where glyph outlines come from: the typesetter's cache or a recorded set.
    let glyphs: CanvasGlyphSource
    /// The glyphs of the layout being shown (``show(_:lines:x:y:)``), kept for its storage.
    var scratchRuns = GlyphRuns()

    var state = DeviceState()
    var levels: [SavedLevel<Int>] = []
    /// Clip groups opened since the innermost level was saved.
    var openGroups = 0
    /// The current path, in device space.
    var path = SVGPath()
    /// The document body after `<defs>`.
    var body: [UInt8] = []
    /// Glyph definitions in order of first use, and the document's id for each.
    var glyphDefinitions: [UInt8] = []
    /// The glyphs defined so far, with their `<use>` openings.
    var glyphUses = GlyphUseTable()
    /// Document-local numbers of the fonts used, in order of first use.
    var fontNumbers: [Int: Int] = [:]
    var clipCount = 0
    var markerCount = 0
    /// Set when the document's opening and glyph definitions were written at the start of
    /// ``body``, before the drawing (``init(width:height:outlines:typesetter:title:description:definingGlyphsOf:)``):
    /// where in the body a glyph defined later goes, and whether a `<defs>` element ends there.
    var prelude: (definitionsEnd: Int, hasDefinitions: Bool)?

    /// A blank document of `width` × `height` points whose text is shaped by `typesetter`
    /// (the one that made the layouts drawn on it).
    public init(width: Double, height: Double, typesetter: Typesetter) {
        self.width = width
        self.height = height
        glyphs = .typesetter(typesetter.glyphOutlines)
        body.reserveCapacity(1 << 16)
    }

    /// A blank document of `width` × `height` points whose text is recorded glyph runs
    /// (``show(_:of:x:y:)``) with their fonts in `outlines`, written on the thread that owns
    /// `typesetter` (any thread's own: it outlines the glyphs no thread outlined yet, with its
    /// copy of the recorded fonts; no Pango object crosses threads).
    public init(width: Double, height: Double, outlines: GlyphOutlineSet, typesetter: Typesetter) {
        self.width = width
        self.height = height
        glyphs = .recorded(outlines, typesetter.glyphOutlines)
        body.reserveCapacity(1 << 16)
    }

    public func fill(preserve: Bool) {
        if !path.isEmpty {
            body += Self.pathOpen
            appendPaint("fill", state.color)
            if state.evenOdd { body += Self.evenOddAttribute }
            body += Self.dataAttribute
            body += path.data
            body += Self.elementEnd
        }
        if !preserve { path.removeAll() }
    }

    public func stroke(preserve: Bool) {
        if !path.isEmpty { writeStroke() }
        if !preserve { path.removeAll() }
    }

    public func clip() {
        clipCount += 1
        let id = Array("c\(clipCount)".utf8)
        body += Array("<clipPath id=\"".utf8) + id + Array("\"><path".utf8)
        if state.evenOdd { body += Array(" clip-rule=\"evenodd\"".utf8) }
        body += Self.dataAttribute
        body += path.isEmpty ? Array("M 0 0".utf8) : path.data
        body += Array("\"/></clipPath>\n<g clip-path=\"url(#".utf8) + id + Array(")\">\n".utf8)
        openGroups += 1
        path.removeAll()
    }

    public func paint() {
        body += Array("<rect x=\"0\" y=\"0\" width=\"".utf8)
        DecimalWriter.append(width, digits: 3, to: &body)
        body += Array("\" height=\"".utf8)
        DecimalWriter.append(height, digits: 3, to: &body)
        body.append(UInt8(ascii: "\""))
        appendPaint("fill", state.color)
        body += Array("/>\n".utf8)
    }

    public func addLink(uri: String, x: Double, y: Double, width: Double, height: Double) {
        let corners = [(x, y), (x + width, y), (x, y + height), (x + width, y + height)].map { state.transform.apply($0.0, $0.1) }
        let minX = corners.map(\.x).min() ?? 0, maxX = corners.map(\.x).max() ?? 0
        let minY = corners.map(\.y).min() ?? 0, maxY = corners.map(\.y).max() ?? 0
        body += Array("<a xlink:href=\"\(SVGNormalizer.escape(uri))\"><rect x=\"".utf8)
        DecimalWriter.append(minX, digits: 3, to: &body)
        body += Array("\" y=\"".utf8)
        DecimalWriter.append(minY, digits: 3, to: &body)
        body += Array("\" width=\"".utf8)
        DecimalWriter.append(maxX - minX, digits: 3, to: &body)
        body += Array("\" height=\"".utf8)
        DecimalWriter.append(maxY - minY, digits: 3, to: &body)
        body += Array("\" fill-opacity=\"0\"/></a>\n".utf8)
    }

    /// Internal links point into the PDF's other pages: an SVG page has none.
    public func addInternalLink(page: Int, targetY: Double, x: Double, y: Double, width: Double, height: Double) {}

    /// Nothing can fail while drawing: text errors are thrown when layouts are made.
    public func checkStatus() throws(CairoError) {}

    /// The finished document: the XML declaration, the root element with its size, `title`
    /// and `desc` when given, the glyph definitions and the drawing. A document whose opening
    /// was written ahead of the drawing (``init(width:height:outlines:typesetter:title:description:definingGlyphsOf:)``)
    /// keeps the title and description given there, and is returned without a copy (once: the
    /// canvas gives its buffer away).
    public func finish(title: String? = nil, description: String? = nil) -> [UInt8] {
        while !levels.isEmpty { restore() }
        closeGroups()
        if let prelude { return finishPrelude(prelude) }
        var out: [UInt8] = []
        out.reserveCapacity(body.count + glyphDefinitions.count + 512)
        Self.appendOpening(width: width, height: height, title: title, description: description, to: &out)
        if !glyphDefinitions.isEmpty {
            out += Self.definitionsOpen
            out += glyphDefinitions
            out += Self.definitionsClose
        }
        out += body
        out += Self.documentClose
        return out
    }

    /// Appends the XML declaration and the root element of a `width` × `height` document,
    /// with `title` and `desc` when given, to `out`.
    static func appendOpening(width: Double, height: Double, title: String?, description: String?, to out: inout [UInt8]) {
        out += Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"".utf8)
        DecimalWriter.append(width, digits: 3, to: &out)
        out += Array("pt\" height=\"".utf8)
        DecimalWriter.append(height, digits: 3, to: &out)
        out += Array("pt\" viewBox=\"0 0 ".utf8)
        DecimalWriter.append(width, digits: 3, to: &out)
        out.append(UInt8(ascii: " "))
        DecimalWriter.append(height, digits: 3, to: &out)
        out += Array("\" version=\"1.1\">\n".utf8)
        if let title { out += Array("<title>\(SVGNormalizer.escape(title))</title>\n".utf8) }
        if let description { out += Array("<desc>\(SVGNormalizer.escape(description))</desc>\n".utf8) }
    }

    static let definitionsOpen = Array("<defs>\n".utf8)
    static let definitionsClose = Array("</defs>\n".utf8)
    static let documentClose = Array("</svg>\n".utf8)

    /// Keeps the open clip groups' count of the level being saved; the new level has none.
    func beginLevel() -> Int {
        defer { openGroups = 0 }
        return openGroups
    }

    /// Closes the innermost level's clip groups.
    func endLevel(restoring outer: Int) {
        closeGroups()
        openGroups = outer
    }

    private func closeGroups() {
        for _ in 0..<openGroups { body += Array("</g>\n".utf8) }
        openGroups = 0
    }

    private func writeStroke() {
        let transform = state.transform
        let widthScale = transform.similarityScale ?? 1
        // A pen that is not round on the page is stroked in user space under the transform.
        let toUserSpace = transform.similarityScale == nil ? transform.inverted : nil
        body += Self.pathOpen
        body += Array(" fill=\"none\"".utf8)
        appendPaint("stroke", state.color)
        body += Array(" stroke-width=\"".utf8)
        DecimalWriter.append(state.lineWidth * widthScale, digits: 3, to: &body)
        body.append(UInt8(ascii: "\""))
        switch state.lineCap {
        case .butt: break
        case .round: body += Array(" stroke-linecap=\"round\"".utf8)
        case .square: body += Array(" stroke-linecap=\"square\"".utf8)
        }
        switch state.lineJoin {
        case .miter: body += Array(" stroke-miterlimit=\"10\"".utf8)
        case .round: body += Array(" stroke-linejoin=\"round\"".utf8)
        case .bevel: body += Array(" stroke-linejoin=\"bevel\"".utf8)
        }
        if !state.dash.isEmpty {
            body += Array(" stroke-dasharray=\"".utf8)
            for (index, length) in state.dash.enumerated() {
                if index > 0 { body.append(UInt8(ascii: ",")) }
                DecimalWriter.append(length * widthScale, digits: 3, to: &body)
            }
            body += Array("\" stroke-dashoffset=\"".utf8)
            DecimalWriter.append(state.dashOffset * widthScale, digits: 3, to: &body)
            body.append(UInt8(ascii: "\""))
        }
        if let toUserSpace {
            appendTransform(transform)
            body += Self.dataAttribute
            body += path.transformed(by: toUserSpace).data
        } else {
            body += Self.dataAttribute
            body += path.data
        }
        body += Self.elementEnd
    }

    /// Appends ` transform="matrix(a b c d tx ty)"`.
    func appendTransform(_ transform: AffineTransform) {
        Self.appendTransform(transform, to: &body)
    }

    /// Appends ` transform="matrix(a b c d tx ty)"` to `out`.
    static func appendTransform(_ transform: AffineTransform, to out: inout [UInt8]) {
        out += Array(" transform=\"matrix(".utf8)
        for (index, value) in [transform.a, transform.b, transform.c, transform.d, transform.tx, transform.ty].enumerated() {
            if index > 0 { out.append(UInt8(ascii: " ")) }
            DecimalWriter.append(value, digits: 6, to: &out)
        }
        out += Array(")\"".utf8)
    }

    /// Appends ` fill="#rrggbb"` (or `stroke`) and its opacity when not opaque.
    func appendPaint(_ property: String, _ color: Color) {
        Self.appendPaint(property, color, to: &body)
    }

    /// Appends ` fill="#rrggbb"` (or `stroke`) and its opacity when not opaque to `out`, the
    /// colour assembled in a stack buffer (no array made per call).
    static func appendPaint(_ property: String, _ color: Color, to out: inout [UInt8]) {
        out.append(UInt8(ascii: " "))
        out.append(contentsOf: property.utf8)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { buffer in
            var count = 0
            func put(_ byte: UInt8) {
                buffer[count] = byte
                count += 1
            }
            func putHex(_ component: Double) {
                let value = Int((min(max(component, 0), 1) * 255).rounded())
                put(hexDigit(value >> 4))
                put(hexDigit(value & 15))
            }
            put(UInt8(ascii: "="))
            put(UInt8(ascii: "\""))
            put(UInt8(ascii: "#"))
            putHex(color.red)
            putHex(color.green)
            putHex(color.blue)
            put(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<count]))
        }
        if color.alpha < 1 {
            out.append(UInt8(ascii: " "))
            out.append(contentsOf: property.utf8)
            out += Array("-opacity=\"".utf8)
            DecimalWriter.append(max(color.alpha, 0), digits: 4, to: &out)
            out.append(UInt8(ascii: "\""))
        }
    }

    /// The lower-case hexadecimal digit of `value` (0...15).
    @inline(__always)
    static func hexDigit(_ value: Int) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value) : UInt8(ascii: "a") &+ UInt8(truncatingIfNeeded: value - 10)
    }

    static let pathOpen = Array("<path".utf8)
    static let evenOddAttribute = Array(" fill-rule=\"evenodd\"".utf8)
    static let dataAttribute = Array(" d=\"".utf8)
    static let elementEnd = Array("\"/>\n".utf8)
}
