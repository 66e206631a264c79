import CCairo
import DossierBase

extension PDFCanvas {
    /// Draws `text` of `runs` with the top of its first line at `y` and its layout's left edge
    /// at `x`, in the current colour (runs coloured by Pango markup in theirs): `TJ`s of 2-byte
    /// glyph ids with the adjustments that put each glyph where Pango placed it, in a text object
    /// that stays open until something else is drawn, each line placed with a `Td` from the last
    /// (a `Tm` when the font size or transform changes); struck-through runs get Pango's bar.
    public func show(_ text: GlyphRuns.Text, of runs: GlyphRuns, x: Double, y: Double) {
        guard let firstTop = text.firstTop else { return }
        let offset = y - firstTop
        var bars: [(x: Double, y: Double, width: Double, height: Double, color: Color)] = []
        var writer = self.text
        for line in runs.lines[text.lines] {
            var runX = x + line.left
            let baseline = offset + line.baseline
            for run in runs.runs[line.runs] {
                let scale = Double(PANGO_SCALE)
                let start = runX + Double(run.startXOffset) / scale
                let runY = baseline - Double(run.yOffset) / scale
                let color = run.color ?? state.color
                var advance = 0
                let glyphs = runs.glyphs[run.glyphs]
                if let serial = run.font, let font = self.glyphs.font(serial) {
                    writeRun(glyphs, of: runs, font: font, color: color, x: start, y: runY, advance: &advance, writer: &writer)
                } else {
                    for glyph in glyphs { advance += Int(glyph.width) }
                }
                let width = Double(advance) / scale
                if run.strikethrough, let serial = run.font {
                    let bar = self.glyphs.strikethrough(serial)
                    bars.append((start, runY - bar.position, width, bar.thickness, color))
                }
                runX = start + width + Double(run.endXOffset) / scale
            }
        }
        self.text = writer
        for bar in bars {
            newPath()
            rectangle(x: bar.x, y: bar.y, width: bar.width, height: bar.height)
            setEvenOddFill(false)
            let saved = state.color
            state.color = bar.color
            fill(preserve: false)
            state.color = saved
        }
    }

    /// The text object being written: whether `BT` and a `[` are open, the face selected,
    /// and where the text position stands (line user space, x along the baseline).
    struct TextWriter {
        var begun = false
        /// A `[` is open, and a `<` hex string in it.
        var open = false
        var hex = false
        var font: Int?
        var matrix: (Double, Double, Double, Double)?
        /// The transform the text matrix was set under.
        var transform = AffineTransform.identity
        /// Where the current line (the last `Tm` or `Td`) starts, and the pen.
        var lineX = 0.0
        var lineY = 0.0
        var penX = 0.0
        var penY = 0.0
        var positioned = false
    }

    /// Writes the drawn glyphs of one run, the first at (`x`, `y`) and each next one Pango's
    /// advance further, adding each glyph's width to `advance` (Pango units). A glyph within
    /// ``positionTolerance`` of where the previous one's advance leaves the pen gets no
    /// adjustment (the pen is compared with Pango's position at every glyph: errors do not add up).
    private func writeRun(_ glyphs: ArraySlice<GlyphRuns.Glyph>, of runs: GlyphRuns, font: PDFFontRef, color: Color,
                          x: Double, y: Double, advance: inout Int, writer: inout TextWriter) {
        guard glyphs.contains(where: { GlyphRuns.isDrawn($0.id) && $0.id <= 0xFFFF }) else {
            for glyph in glyphs { advance += Int(glyph.width) }
            return
        }
        let scale = Double(PANGO_SCALE)
        let number = fontNumber(font.face)
        let transform = state.transform
        let matrix = (font.xx, font.yx, font.xy, font.yy)
        let tolerance = Self.positionTolerance
        var out: [UInt8] = []
        swap(&out, &page.content)
        defer { swap(&out, &page.content) }
        if !writer.begun {
            out += Self.beginText
            writer.begun = true
        }
        let opaque = Color(red: color.red, green: color.green, blue: color.blue)
        if written.fill != opaque || written.alpha != min(max(color.alpha, 0), 1) {
            Self.closeArray(&writer, &out)
            swap(&out, &page.content)
            setFill(color)
            swap(&out, &page.content)
        }
        if writer.font != number {
            Self.closeArray(&writer, &out)
            out += Array("/F\(number) 1 Tf\n".utf8)
            writer.font = number
        }
        for glyph in glyphs {
            defer { advance += Int(glyph.width) }
            guard GlyphRuns.isDrawn(glyph.id), glyph.id <= 0xFFFF else { continue }
            let gx = x + Double(advance + Int(glyph.xOffset)) / scale
            let gy = y + Double(glyph.yOffset) / scale
            let width = Double(glyphWidth(glyph.id, font: number, face: font.face))
            var needsMove = !writer.positioned || gy != writer.penY || writer.matrix.map { $0 != matrix } ?? true
                || writer.transform != transform
            var adjustment = 0.0
            if !needsMove, abs(writer.penX - gx) >= tolerance {
                // TJ moves the pen back by adjustment/1000 em: what puts this glyph at gx.
                adjustment = ((writer.penX - gx) * 1000 / font.xx * 100).rounded() / 100
                if !adjustment.isFinite || abs(adjustment) > 100_000 { needsMove = true }
            }
            if needsMove {
                Self.closeArray(&writer, &out)
                let sameSpace = writer.positioned && writer.transform == transform && writer.matrix.map { $0 == matrix } ?? false
                    && font.yx == 0 && font.xy == 0 && font.xx != 0 && font.yy != 0
                if sameSpace {
                    // A move from the line's start in text space: x in ems of xx, y of -yy.
                    DecimalWriter.append((gx - writer.lineX) / font.xx, digits: 5, to: &out)
                    out.append(UInt8(ascii: " "))
                    DecimalWriter.append(-(gy - writer.lineY) / font.yy, digits: 5, to: &out)
                    out += Self.moveText
                } else {
                    let tm = transform.concatenating(AffineTransform(a: font.xx, b: font.yx, c: -font.xy, d: -font.yy, tx: gx, ty: gy))
                    for value in [tm.a, tm.b, tm.c, tm.d, tm.tx, tm.ty] {
                        DecimalWriter.append(value, digits: 5, to: &out)
                        out.append(UInt8(ascii: " "))
                    }
                    out += Self.setMatrix
                }
                writer.matrix = matrix
                writer.transform = transform
                writer.lineX = gx
                writer.lineY = gy
                writer.penX = gx
                writer.penY = gy
                writer.positioned = true
                adjustment = 0
            }
            if !writer.open {
                out.append(UInt8(ascii: "["))
                writer.open = true
            }
            if adjustment != 0 {
                if writer.hex { out.append(UInt8(ascii: ">")); writer.hex = false }
                DecimalWriter.append(adjustment, digits: 2, to: &out)
                writer.penX -= adjustment / 1000 * font.xx
            }
            if !writer.hex { out.append(UInt8(ascii: "<")); writer.hex = true }
            Self.appendGlyph(glyph.id, to: &out)
            writer.penX += width / 1000 * font.xx
            recordGlyph(glyph, of: runs, font: number)
        }
    }

    /// How far (points) a glyph may stand from Pango's position before the text gets an
    /// adjustment: a hundredth of a point, a seventh of a pixel at 1000 dpi.
    static let positionTolerance = 0.01

    static let beginText = Array("BT\n".utf8)
    static let closeArrayOperator = Array("] TJ\n".utf8)
    static let endText = Array("ET\n".utf8)
    static let setMatrix = Array("Tm\n".utf8)
    static let moveText = Array(" Td\n".utf8)

    /// Appends `hhhh`, the glyph's 2-byte id in hexadecimal.
    private static func appendGlyph(_ id: UInt32, to out: inout [UInt8]) {
        let digits = (SVGCanvas.hexDigit(Int(id >> 12) & 15), SVGCanvas.hexDigit(Int(id >> 8) & 15),
                      SVGCanvas.hexDigit(Int(id >> 4) & 15), SVGCanvas.hexDigit(Int(id) & 15))
        withUnsafeBytes(of: digits) { out.append(contentsOf: $0) }
    }

    /// Closes the `TJ` array being written, if any (and its hex string).
    static func closeArray(_ writer: inout TextWriter, _ out: inout [UInt8]) {
        if writer.hex { out.append(UInt8(ascii: ">")); writer.hex = false }
        if writer.open { out += closeArrayOperator; writer.open = false }
    }

    /// Notes that the page draws `glyph` in font `/F<font>`, with the text of its cluster the
    /// first time it is seen starting one.
    private func recordGlyph(_ glyph: GlyphRuns.Glyph, of runs: GlyphRuns, font: Int) {
        let word = Int(glyph.id >> 6), bit = UInt64(1) << UInt64(glyph.id & 63)
        let hasText = glyph.textCount > 0
        if glyphsSeen[font][word] & bit != 0, !hasText || glyphsWithText[font][word] & bit != 0 { return }
        glyphsSeen[font][word] |= bit
        if hasText { glyphsWithText[font][word] |= bit }
        page.fonts[font].glyphs[glyph.id] = Array(runs.clusterText(glyph))
    }

    /// The advance of `glyph` of page font `font` (whose face is `face`) in 1/1000 em, looked up
    /// once per page.
    private func glyphWidth(_ glyph: UInt32, font: Int, face: PDFFontFace) -> Int {
        let id = Int(glyph)
        guard id < glyphWidths[font].count else { return 0 }
        let known = glyphWidths[font][id]
        if known >= 0 { return Int(known) }
        let width = face.width(glyph)
        glyphWidths[font][id] = Int32(clamping: width)
        return width
    }

    /// The page's number of `face` (`/F<n>`).
    private func fontNumber(_ face: PDFFontFace) -> Int {
        let key = face.key
        if let known = fontNumbers[key] { return known }
        faces[key] = face
        let number = page.fonts.count
        page.fonts.append(PDFPage.FontUse(face: key))
        glyphsSeen.append([UInt64](repeating: 0, count: 1024))
        glyphsWithText.append([UInt64](repeating: 0, count: 1024))
        glyphWidths.append([Int32](repeating: -1, count: face.glyphCount))
        fontNumbers[key] = number
        return number
    }
}
