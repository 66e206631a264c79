import CCairo
import DossierBase

extension SVGCanvas {
    /// Draws `text` of `runs` (recorded by a ``GlyphRunRecorder``, or read from a layout by
    /// ``show(_:lines:x:y:)``) with the top of its first line at `y` and its layout's left edge
    /// at `x`, in the current colour: one `<use>` per visible glyph, referencing the glyph's
    /// outline in the document's `<defs>`, positioned as `pango_cairo_show_layout_line`
    /// positions it (line origin, run offsets, glyph advances and offsets). Runs coloured by
    /// Pango markup get their own fill; struck-through runs get Pango's strikethrough bar.
    public func show(_ text: GlyphRuns.Text, of runs: GlyphRuns, x: Double, y: Double) {
        guard let firstTop = text.firstTop else { return }
        let offset = y - firstTop
        let transform = state.transform
        // Under a translation the positions are moved; otherwise the group carries the transform.
        let shift = transform.isTranslation ? (transform.tx, transform.ty) : (0, 0)
        // The body and glyph table are written as locals (no exclusivity check per glyph).
        var out: [UInt8] = []
        var uses = GlyphUseTable()
        swap(&out, &body)
        swap(&uses, &glyphUses)
        defer {
            swap(&out, &body)
            swap(&uses, &glyphUses)
        }
        out += Self.groupOpen
        Self.appendPaint("fill", state.color, to: &out)
        if !transform.isTranslation { Self.appendTransform(transform, to: &out) }
        out += Self.tagEnd
        for line in runs.lines[text.lines] {
            var runX = x + line.left + shift.0
            let baseline = offset + line.baseline + shift.1
            for run in runs.runs[line.runs] {
                runX = drawRun(run, of: runs, x: runX, baseline: baseline, uses: &uses, to: &out)
            }
        }
        out += Self.groupClose
    }

    /// Draws one run with its origin at (`x`, `baseline`) into `out`, defining its glyphs in
    /// `uses` on first use; returns where the next run starts.
    private func drawRun(_ run: GlyphRuns.Run, of runs: GlyphRuns, x: Double, baseline: Double,
                         uses: inout GlyphUseTable, to out: inout [UInt8]) -> Double {
        let scale = Double(PANGO_SCALE)
        let start = x + Double(run.startXOffset) / scale
        let y = baseline - Double(run.yOffset) / scale
        if let color = run.color {
            out += Self.groupOpen
            Self.appendPaint("fill", color, to: &out)
            out += Self.tagEnd
        }
        // Pango units summed in 64 bits: a run of millions of glyphs passes Int32.max.
        var advance = 0
        let glyphs = runs.glyphs[run.glyphs]
        if let font = run.font {
            writeGlyphs(glyphs, font: font, x: start, y: y, advance: &advance, uses: &uses, to: &out)
        } else {
            for glyph in glyphs { advance += Int(glyph.width) }
        }
        let width = Double(advance) / scale
        if run.strikethrough, let font = run.font {
            let strikethrough = self.glyphs.strikethrough(font)
            out += Array("<rect x=\"".utf8)
            DecimalWriter.append(start, digits: 3, to: &out)
            out += Array("\" y=\"".utf8)
            DecimalWriter.append(y - strikethrough.position, digits: 3, to: &out)
            out += Array("\" width=\"".utf8)
            DecimalWriter.append(width, digits: 3, to: &out)
            out += Array("\" height=\"".utf8)
            DecimalWriter.append(strikethrough.thickness, digits: 3, to: &out)
            out += Self.elementEnd
        }
        if run.color != nil { out += Self.groupClose }
        return start + width + Double(run.endXOffset) / scale
    }

    /// Writes a `<use>` element per drawn glyph of `glyphs` (of the font numbered `font`), the
    /// first at (`x`, `y`) and each next one `advance` further, adding each glyph's width to
    /// `advance`. The elements are assembled one after another in a stack buffer, appended
    /// to `out` whenever it might not hold one more, and at the end; the `y` of glyphs with no
    /// vertical offset (most) is formatted once.
    private func writeGlyphs(_ glyphs: ArraySlice<GlyphRuns.Glyph>, font: Int, x: Double, y: Double, advance: inout Int,
                             uses: inout GlyphUseTable, to out: inout [UInt8]) {
        let scale = Double(PANGO_SCALE)
        let numberRoom = DecimalWriter.maxLength
        // One element: its opening, x, `" y="`, y and `"/>` with a newline.
        let elementRoom = GlyphUseTable.maxOpening + 2 * numberRoom + 9
        let capacity = Self.glyphBatchBytes
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity + numberRoom) { buffer in
            guard let batch = buffer.baseAddress else { return }
            // The run's own y, kept past the batch.
            let baselineY = batch + capacity
            let baselineCount = DecimalWriter.write3(y, to: baselineY)
            var count = 0
            for glyph in glyphs {
                defer { advance += Int(glyph.width) }
                guard GlyphRuns.isDrawn(glyph.id) else { continue }
                var entry = uses.entry(font: font, glyph: glyph.id)
                if entry == .unknown { entry = defineGlyph(glyph.id, font: font, in: &uses, definitions: &glyphDefinitions) }
                guard case .defined(let opening) = entry else { continue }
                if count > capacity - elementRoom {
                    out.append(contentsOf: UnsafeBufferPointer(start: batch, count: count))
                    count = 0
                }
                let element = batch + count
                var length = opening.count
                uses.openings.withUnsafeBufferPointer { openings in
                    guard let source = openings.baseAddress else { return }
                    element.update(from: source + opening.lowerBound, count: length)
                }
                length += DecimalWriter.write3(x + Double(advance + Int(glyph.xOffset)) / scale, to: element + length)
                // `" y="`
                (element[length], element[length + 1], element[length + 2], element[length + 3], element[length + 4]) =
                    (0x22, 0x20, 0x79, 0x3D, 0x22)
                length += 5
                if glyph.yOffset == 0 {
                    (element + length).update(from: baselineY, count: baselineCount)
                    length += baselineCount
                } else {
                    length += DecimalWriter.write3(y + Double(glyph.yOffset) / scale, to: element + length)
                }
                // `"/>` and a newline
                (element[length], element[length + 1], element[length + 2], element[length + 3]) = (0x22, 0x2F, 0x3E, 0x0A)
                count += length + 4
            }
            if count > 0 { out.append(contentsOf: UnsafeBufferPointer(start: batch, count: count)) }
        }
    }

    /// The bytes of `<use>` elements ``writeGlyphs(_:font:x:y:advance:uses:to:)`` assembles
    /// before appending them (about 16 elements; room for at least one): with the run's y,
    /// 1,024 bytes, the most the standard library puts on the stack without first asking the
    /// thread for its stack's bounds.
    @inline(__always)
    static var glyphBatchBytes: Int { 1024 - DecimalWriter.maxLength }

    /// Looks up a glyph of the font numbered `font` that `uses` does not know yet: a glyph with
    /// no outline (a space) is blank; any other gets the document's id `g<n>-<glyph>` (fonts
    /// numbered in order of first use in the document), its outline appended to `definitions`
    /// (the content of `<defs>`) and its `<use>` opening in `uses`.
    func defineGlyph(_ glyph: UInt32, font: Int, in uses: inout GlyphUseTable,
                     definitions: inout [UInt8]) -> GlyphUseTable.Entry {
        let outline = glyphs.outline(GlyphOutlines.GlyphKey(font: font, glyph: glyph))
        guard !outline.isEmpty else { return uses.set(font: font, glyph: glyph, opening: nil) }
        return Self.withGlyphID(number: fontNumber(font), glyph: glyph) { id in
            Self.appendDefinition(id: id, outline: outline, to: &definitions)
            return Self.withUseOpening(id: id) { uses.set(font: font, glyph: glyph, opening: $0) }
        }
    }

    /// The document's number for the font numbered `font` by the glyph source: fonts are
    /// numbered in the order the document first defines one of their glyphs.
    func fontNumber(_ font: Int) -> Int {
        if let known = fontNumbers[font] { return known }
        let number = fontNumbers.count
        fontNumbers[font] = number
        return number
    }

    /// Calls `body` with the id `g<number>-<glyph>`, written in a stack buffer (no String or
    /// array in between; integers below 2^53 are written exactly).
    @discardableResult
    static func withGlyphID<Result>(number: Int, glyph: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * DecimalWriter.maxLength + 2) { buffer in
            guard let start = buffer.baseAddress else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
            start[0] = UInt8(ascii: "g")
            var count = 1 + DecimalWriter.write(Double(number), digits: 0, to: start + 1)
            start[count] = UInt8(ascii: "-")
            count += 1
            count += DecimalWriter.write(Double(glyph), digits: 0, to: start + count)
            return body(UnsafeBufferPointer(start: start, count: count))
        }
    }

    /// Calls `body` with a glyph's `<use>` opening, `<use xlink:href="#ID" x="`, as an array
    /// made at its size.
    static func withUseOpening<Result>(id: UnsafeBufferPointer<UInt8>, _ body: ([UInt8]) -> Result) -> Result {
        var opening = useOpen
        opening.reserveCapacity(useOpen.count + id.count + useX.count)
        opening += id
        opening += useX
        return body(opening)
    }

    /// Appends the definition `<path id="ID" d="OUTLINE"/>` and a newline to `out`.
    static func appendDefinition(id: UnsafeBufferPointer<UInt8>, outline: [UInt8], to out: inout [UInt8]) {
        out += definitionOpen
        out += id
        out += definitionData
        out += outline
        out += elementEnd
    }

    private static let groupOpen = Array("<g".utf8)
    private static let tagEnd = Array(">\n".utf8)
    private static let groupClose = Array("</g>\n".utf8)
    private static let useOpen = Array("<use xlink:href=\"#".utf8)
    private static let useX = Array("\" x=\"".utf8)
    private static let idPrefix = Array("g".utf8)
    private static let definitionOpen = Array("<path id=\"".utf8)
    private static let definitionData = Array("\" d=\"".utf8)

}
