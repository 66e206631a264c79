import DossierBase
import Foundation

/// A ``Canvas`` that writes one PDF page's content stream itself (``PDFPage``), without
/// Cairo's PDF surface; ``PDFDocumentWriter`` assembles the pages into a file.
///
/// Paths are written in device space (points, y down: the stream starts by flipping the
/// page's y axis) with 3 decimals, as ``SVGCanvas`` writes them; strokes under a transform
/// that is not a similarity are written in user space under a `cm`. Canvas `save`/`restore`
/// are `q`/`Q`, clips `W n`, colours `rg`/`RG`, opacity an ExtGState. Text is drawn from glyph
/// runs (``GlyphRuns``) in Type0 fonts with the fonts' own glyph ids (Identity-H), at the
/// positions Pango gave them. Everything the stream names (fonts, opacity states, marker
/// forms, links) is named per page, so a page's bytes depend only on what was drawn on it.
public final class PDFCanvas: DeviceSpaceCanvas {
    /// Width and height in points.
    public let width: Double
    public let height: Double
    /// Where fonts come from: the typesetter's cache or a recorded set.
    let glyphs: CanvasGlyphSource
    /// The glyphs of the layout being shown (``show(_:lines:x:y:)``), kept for its storage.
    var scratchRuns = GlyphRuns()

    /// What the stream has set so far (PDF's own graphics state, which `Q` restores).
    struct Written {
        var fill: Color?
        var stroke: Color?
        var alpha = 1.0
        var lineWidth: Double?
        var lineCap: LineCap?
        var lineJoin: LineJoin?
        var dash: [Double]?
        var dashOffset = 0.0
    }

    var state = DeviceState()
    var written = Written()
    /// The saved levels, with whether each level's `q` was written (and what the stream had set
    /// at that point, which `Q` restores).
    var levels: [SavedLevel<WrittenLevel>] = []
    struct WrittenLevel {
        var written: Written
        var saveWritten: Bool
    }

    /// The text object being written (``show(_:of:x:y:)``), ended before anything else.
    var text = TextWriter()
    /// The current path, in device space.
    var path = PDFPath()
    /// The page being drawn.
    var page: PDFPage
    /// `/F<i>` by face key, and `/a<i>` by opacity.
    var fontNumbers: [String: Int] = [:]
    var alphaNumbers: [Double: Int] = [:]
    /// The glyph ids seen per page font, and those seen starting a cluster (bit sets).
    var glyphsSeen: [[UInt64]] = []
    var glyphsWithText: [[UInt64]] = []
    /// The advances (1/1000 em) of the glyphs drawn so far per page font, by glyph id (-1: not
    /// looked up yet).
    var glyphWidths: [[Int32]] = []
    /// The faces the page draws with, by key.
    public internal(set) var faces: [String: PDFFontFace] = [:]

    /// A blank page of `width` × `height` points whose text is shaped by `typesetter`.
    public init(width: Double, height: Double, typesetter: Typesetter) {
        self.width = width
        self.height = height
        glyphs = .typesetter(typesetter.glyphOutlines)
        page = PDFPage(width: width, height: height)
        start()
    }

    /// A blank page whose text is recorded glyph runs (``show(_:of:x:y:)``) with their fonts
    /// in `outlines`, loaded by `typesetter` (the calling thread's own).
    public init(width: Double, height: Double, outlines: GlyphOutlineSet, typesetter: Typesetter) {
        self.width = width
        self.height = height
        glyphs = .recorded(outlines, typesetter.glyphOutlines)
        page = PDFPage(width: width, height: height)
        start()
    }

    private func start() {
        page.content.reserveCapacity(1 << 15)
        page.content += Array("1 0 0 -1 0 ".utf8)
        DecimalWriter.append(height, digits: 3, to: &page.content)
        page.content += Array(" cm\n".utf8)
    }

    /// The finished page.
    public func finish() -> PDFPage {
        while !levels.isEmpty { restore() }
        endText()
        return page
    }

    /// Starts a level without writing `q`: the PDF's `q` is written only when the level sets a
    /// clip (``clip()``). Colours and line styles are tracked (``written``), so a level that
    /// only draws needs no `q`/`Q`, and text objects can span it.
    func beginLevel() -> WrittenLevel {
        WrittenLevel(written: written, saveWritten: false)
    }

    /// Writes `Q` if the level wrote its `q`, and takes back what the stream had set before it.
    func endLevel(restoring outer: WrittenLevel) {
        guard outer.saveWritten else { return }
        endText()
        written = outer.written
        page.content += Self.restoreOperator
    }

    /// Writes `q` for the innermost saved level if it has none yet (before its first clip).
    private func writeSaveForLevel() {
        guard let last = levels.indices.last, !levels[last].format.saveWritten else { return }
        levels[last].format.saveWritten = true
        levels[last].format.written = written
        page.content += Self.saveOperator
    }

    /// Ends the text object being written, if any (before anything but text is drawn).
    func endText() {
        Self.closeArray(&text, &page.content)
        if text.begun { page.content += Self.endText }
        text = TextWriter()
    }

    static let saveOperator = Array("q\n".utf8)
    static let restoreOperator = Array("Q\n".utf8)

    public func fill(preserve: Bool) {
        if !path.isEmpty {
            endText()
            setFill(state.color)
            path.write(to: &page.content)
            page.content += Array((state.evenOdd ? "f*\n" : "f\n").utf8)
        }
        if !preserve { path.removeAll() }
    }

    public func stroke(preserve: Bool) {
        if !path.isEmpty {
            endText()
            writeStroke()
        }
        if !preserve { path.removeAll() }
    }

    public func clip() {
        endText()
        writeSaveForLevel()
        if path.isEmpty {
            page.content += Array("0 0 0 0 re\n".utf8)
        } else {
            path.write(to: &page.content)
        }
        page.content += Array((state.evenOdd ? "W* n\n" : "W n\n").utf8)
        path.removeAll()
    }

    public func paint() {
        endText()
        setFill(state.color)
        page.content += Array("0 0 ".utf8)
        DecimalWriter.append(width, digits: 3, to: &page.content)
        page.content.append(UInt8(ascii: " "))
        DecimalWriter.append(height, digits: 3, to: &page.content)
        page.content += Array(" re f\n".utf8)
    }

    public func addLink(uri: String, x: Double, y: Double, width: Double, height: Double) {
        addLink(.uri(uri), x: x, y: y, width: width, height: height)
    }

    public func addInternalLink(page number: Int, targetY: Double, x: Double, y: Double, width: Double, height: Double) {
        addLink(.page(number, y: targetY), x: x, y: y, width: width, height: height)
    }

    private func addLink(_ target: PDFPage.Link.Target, x: Double, y: Double, width: Double, height: Double) {
        let corners = [(x, y), (x + width, y), (x, y + height), (x + width, y + height)].map { state.transform.apply($0.0, $0.1) }
        page.links.append(PDFPage.Link(x0: corners.map(\.x).min() ?? 0, y0: corners.map(\.y).min() ?? 0,
                                       x1: corners.map(\.x).max() ?? 0, y1: corners.map(\.y).max() ?? 0, target: target))
    }

    /// Nothing can fail while drawing: text errors are thrown when layouts are made.
    public func checkStatus() throws(CairoError) {}

    /// Sets the fill colour (and its opacity) if the stream has not set it yet.
    func setFill(_ color: Color) { setPaint(color, stroke: false) }

    /// Sets the fill (`rg`) or stroke (`RG`) colour and the opacity, where the stream has not.
    private func setPaint(_ color: Color, stroke: Bool) {
        setAlpha(color.alpha)
        let opaque = Color(red: color.red, green: color.green, blue: color.blue)
        guard (stroke ? written.stroke : written.fill) != opaque else { return }
        if stroke { written.stroke = opaque } else { written.fill = opaque }
        appendColor(opaque)
        page.content += Array((stroke ? " RG\n" : " rg\n").utf8)
    }

    private func appendColor(_ color: Color) {
        DecimalWriter.append(color.red, digits: 4, to: &page.content)
        page.content.append(UInt8(ascii: " "))
        DecimalWriter.append(color.green, digits: 4, to: &page.content)
        page.content.append(UInt8(ascii: " "))
        DecimalWriter.append(color.blue, digits: 4, to: &page.content)
    }

    /// Sets the opacity of fills and strokes through the page's ExtGState `/a<i>`.
    private func setAlpha(_ alpha: Double) {
        let alpha = min(max(alpha, 0), 1)
        guard written.alpha != alpha else { return }
        written.alpha = alpha
        page.content += Array("/a\(alphaNumber(alpha)) gs\n".utf8)
    }

    /// The page's number of the ExtGState of opacity `alpha`.
    func alphaNumber(_ alpha: Double) -> Int {
        if let known = alphaNumbers[alpha] { return known }
        let number = page.alphas.count
        page.alphas.append(alpha)
        alphaNumbers[alpha] = number
        return number
    }

    private func writeStroke() {
        let transform = state.transform
        let similarity = transform.similarityScale
        let widthScale = similarity ?? 1
        setPaint(state.color, stroke: true)
        var out: [UInt8] = []
        let lineWidth = state.lineWidth * widthScale
        if similarity == nil, let inverse = transform.inverted {
            // A pen that is not round on the page: stroked in user space under the transform.
            page.content += Array("q\n".utf8)
            for value in [transform.a, transform.b, transform.c, transform.d, transform.tx, transform.ty] {
                DecimalWriter.append(value, digits: 6, to: &page.content)
                page.content.append(UInt8(ascii: " "))
            }
            page.content += Array("cm\n".utf8)
            writeLineStyle(width: state.lineWidth, scale: 1, force: true)
            path.write(to: &out, mapping: inverse)
            page.content += out
            page.content += Array("S\nQ\n".utf8)
            return
        }
        writeLineStyle(width: lineWidth, scale: widthScale, force: false)
        path.write(to: &page.content)
        page.content += Array("S\n".utf8)
    }

    /// Writes the line width, cap, join and dash the stroke needs (all of them when `force`,
    /// inside a `q` that will not update ``written``).
    private func writeLineStyle(width: Double, scale: Double, force: Bool) {
        if force || written.lineWidth != width {
            DecimalWriter.append(width, digits: 3, to: &page.content)
            page.content += Array(" w\n".utf8)
            if !force { written.lineWidth = width }
        }
        if force || written.lineCap != state.lineCap {
            switch state.lineCap {
            case .butt: page.content += Array("0 J\n".utf8)
            case .round: page.content += Array("1 J\n".utf8)
            case .square: page.content += Array("2 J\n".utf8)
            }
            if !force { written.lineCap = state.lineCap }
        }
        if force || written.lineJoin != state.lineJoin {
            switch state.lineJoin {
            case .miter: page.content += Array("0 j\n".utf8)
            case .round: page.content += Array("1 j\n".utf8)
            case .bevel: page.content += Array("2 j\n".utf8)
            }
            if !force { written.lineJoin = state.lineJoin }
        }
        let dash = state.dash.map { $0 * scale }
        let offset = state.dashOffset * scale
        if force || written.dash != dash || written.dashOffset != offset {
            page.content.append(UInt8(ascii: "["))
            for (index, length) in dash.enumerated() {
                if index > 0 { page.content.append(UInt8(ascii: " ")) }
                DecimalWriter.append(length, digits: 3, to: &page.content)
            }
            page.content += Array("] ".utf8)
            DecimalWriter.append(offset, digits: 3, to: &page.content)
            page.content += Array(" d\n".utf8)
            if !force {
                written.dash = dash
                written.dashOffset = offset
            }
        }
    }
}
