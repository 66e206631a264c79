import CCairo
import DossierBase

extension SVGCanvas {
    /// Draws `layout` as one `<use>` per visible glyph, referencing the glyph's outline in the
    /// document's `<defs>`, positioned as `pango_cairo_show_layout_line` positions it (line
    /// origin, run offsets, glyph advances and offsets). Runs coloured by Pango markup get
    /// their own fill; struck-through runs get Pango's strikethrough bar.
    public func show(_ layout: TextLayout, lines range: Range<Int>?, x: Double, y: Double) {
        let all = layout.lines
        let range = range ?? 0..<all.count
        guard let first = range.first, first < all.count else { return }
        let offset = y - all[first].top
        let transform = state.transform
        // Under a translation the positions are moved; otherwise the group carries the transform.
        let shift = transform.isTranslation ? (transform.tx, transform.ty) : (0, 0)
        body += Array("<g".utf8)
        appendPaint("fill", state.color)
        if !transform.isTranslation { appendTransform(transform) }
        body += Array(">\n".utf8)
        layout.forEachLine(in: range) { index, line in
            guard index < all.count else { return }
            var runX = x + all[index].left + shift.0
            let baseline = offset + all[index].baseline + shift.1
            var node = line.pointee.runs
            while let current = node {
                node = current.pointee.next
                guard let raw = current.pointee.data else { continue }
                let run = raw.assumingMemoryBound(to: PangoGlyphItem.self)
                runX = drawRun(run, x: runX, baseline: baseline)
            }
        }
        body += Array("</g>\n".utf8)
    }

    /// Draws one run with its origin at (`x`, `baseline`); returns where the next run starts.
    private func drawRun(_ run: UnsafeMutablePointer<PangoGlyphItem>, x: Double, baseline: Double) -> Double {
        let scale = Double(PANGO_SCALE)
        guard let item = run.pointee.item, let glyphs = run.pointee.glyphs else { return x }
        let style = RunStyle(item.pointee.analysis.extra_attrs)
        let start = x + Double(run.pointee.start_x_offset) / scale
        let y = baseline - Double(run.pointee.y_offset) / scale
        if let color = style.color {
            body += Array("<g".utf8)
            appendPaint("fill", color)
            body += Array(">\n".utf8)
        }
        // Pango units summed in 64 bits: a run of millions of glyphs passes Int32.max.
        var advance = 0
        let entry = item.pointee.analysis.font.map { typesetter.glyphOutlines.entry($0) }
        for index in 0..<Int(glyphs.pointee.num_glyphs) {
            let info = glyphs.pointee.glyphs[index]
            defer { advance += Int(info.geometry.width) }
            guard let entry, let font = item.pointee.analysis.font,
                  info.glyph != Self.emptyGlyph, info.glyph & Self.unknownGlyphFlag == 0,
                  let id = glyphID(info.glyph, font: font, entry: entry)
            else { continue }
            body += Self.useOpen
            body += id
            body += Self.useX
            DecimalWriter.append(start + Double(advance + Int(info.geometry.x_offset)) / scale, digits: 3, to: &body)
            body += Self.useY
            DecimalWriter.append(y + Double(info.geometry.y_offset) / scale, digits: 3, to: &body)
            body += Self.elementEnd
        }
        let width = Double(advance) / scale
        if style.strikethrough, let entry {
            body += Array("<rect x=\"".utf8)
            DecimalWriter.append(start, digits: 3, to: &body)
            body += Array("\" y=\"".utf8)
            DecimalWriter.append(y - entry.strikethrough.position, digits: 3, to: &body)
            body += Array("\" width=\"".utf8)
            DecimalWriter.append(width, digits: 3, to: &body)
            body += Array("\" height=\"".utf8)
            DecimalWriter.append(entry.strikethrough.thickness, digits: 3, to: &body)
            body += Self.elementEnd
        }
        if style.color != nil { body += Array("</g>\n".utf8) }
        return start + width + Double(run.pointee.end_x_offset) / scale
    }

    /// The document's id for a glyph (`g<font>-<glyph>`), defining it on first use; nil for a
    /// glyph with no outline (a space).
    private func glyphID(_ glyph: UInt32, font: UnsafeMutablePointer<PangoFont>, entry: GlyphOutlines.FontEntry) -> [UInt8]? {
        let key = GlyphOutlines.GlyphKey(font: entry.serial, glyph: glyph)
        if let id = glyphIDs[key] { return id.isEmpty ? nil : id }
        let outline = typesetter.glyphOutlines.outline(glyph, font: font, entry: entry)
        guard !outline.isEmpty else {
            glyphIDs[key] = []
            return nil
        }
        let number: Int
        if let known = fontNumbers[entry.serial] {
            number = known
        } else {
            number = fontNumbers.count
            fontNumbers[entry.serial] = number
        }
        let id = Array("g\(number)-\(glyph)".utf8)
        glyphIDs[key] = id
        glyphDefinitions += Array("<path id=\"".utf8) + id + Array("\" d=\"".utf8)
        glyphDefinitions += outline
        glyphDefinitions += Self.elementEnd
        return id
    }

    /// What Pango markup says about a run beyond its font: a colour, a strikethrough.
    private struct RunStyle {
        var color: Color?
        var strikethrough = false

        init(_ attributes: UnsafeMutablePointer<GSList>?) {
            var node = attributes
            while let current = node {
                node = current.pointee.next
                guard let raw = current.pointee.data else { continue }
                let attribute = raw.assumingMemoryBound(to: PangoAttribute.self)
                switch attribute.pointee.klass.pointee.type {
                case PANGO_ATTR_FOREGROUND:
                    let value = raw.assumingMemoryBound(to: PangoAttrColor.self).pointee.color
                    color = Color(red: Double(value.red) / 65535, green: Double(value.green) / 65535, blue: Double(value.blue) / 65535)
                case PANGO_ATTR_STRIKETHROUGH:
                    strikethrough = raw.assumingMemoryBound(to: PangoAttrInt.self).pointee.value != 0
                default:
                    break
                }
            }
        }
    }

    private static let emptyGlyph: UInt32 = 0x0FFF_FFFF
    private static let unknownGlyphFlag: UInt32 = 0x1000_0000
    private static let useOpen = Array("<use xlink:href=\"#".utf8)
    private static let useX = Array("\" x=\"".utf8)
    private static let useY = Array("\" y=\"".utf8)
}
