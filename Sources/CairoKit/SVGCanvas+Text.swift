import CCairo
import DossierBase

extension SVGCanvas {
    /// Draws `layout` as one `<use>` per visible glyph, referencing the glyph's outline in the
    /// document's `<defs>`, positioned as `pango_cairo_show_layout_line` positions it (line
    /// origin, run offsets, glyph advances and offsets). Runs coloured by Pango markup get
    /// their own fill; struck-through runs get Pango's strikethrough bar. The layout's glyphs
    /// are read into ``GlyphRuns`` and drawn as ``show(_:of:x:y:)`` draws recorded ones; a
    /// canvas made from a ``GlyphOutlineSet`` draws only recorded runs.
    public func show(_ layout: TextLayout, lines range: Range<Int>?, x: Double, y: Double) {
        guard case .typesetter(let outlines) = glyphs else { return }
        scratchRuns.removeAll()
        let text = scratchRuns.append(layout, lines: range, outlines: outlines)
        show(text, of: scratchRuns, x: x, y: y)
    }

    /// Draws `text` of `runs` (recorded by a ``GlyphRunRecorder``) with the top of its first
    /// line at `y` and its layout's left edge at `x`, in the current colour: the same bytes as
    /// ``show(_:lines:x:y:)`` with the layout it was recorded from.
    public func show(_ text: GlyphRuns.Text, of runs: GlyphRuns, x: Double, y: Double) {
        guard let firstTop = text.firstTop else { return }
        let offset = y - firstTop
        let transform = state.transform
        // Under a translation the positions are moved; otherwise the group carries the transform.
        let shift = transform.isTranslation ? (transform.tx, transform.ty) : (0, 0)
        body += Array("<g".utf8)
        appendPaint("fill", state.color)
        if !transform.isTranslation { appendTransform(transform) }
        body += Array(">\n".utf8)
        for line in runs.lines[text.lines] {
            var runX = x + line.left + shift.0
            let baseline = offset + line.baseline + shift.1
            for run in runs.runs[line.runs] {
                runX = drawRun(run, of: runs, x: runX, baseline: baseline)
            }
        }
        body += Array("</g>\n".utf8)
    }

    /// Draws one run with its origin at (`x`, `baseline`); returns where the next run starts.
    private func drawRun(_ run: GlyphRuns.Run, of runs: GlyphRuns, x: Double, baseline: Double) -> Double {
        let scale = Double(PANGO_SCALE)
        let start = x + Double(run.startXOffset) / scale
        let y = baseline - Double(run.yOffset) / scale
        if let color = run.color {
            body += Array("<g".utf8)
            appendPaint("fill", color)
            body += Array(">\n".utf8)
        }
        // Pango units summed in 64 bits: a run of millions of glyphs passes Int32.max.
        var advance = 0
        for glyph in runs.glyphs[run.glyphs] {
            defer { advance += Int(glyph.width) }
            guard let font = run.font, GlyphRuns.isDrawn(glyph.id), let id = glyphID(glyph.id, font: font) else { continue }
            body += Self.useOpen
            body += id
            body += Self.useX
            DecimalWriter.append(start + Double(advance + Int(glyph.xOffset)) / scale, digits: 3, to: &body)
            body += Self.useY
            DecimalWriter.append(y + Double(glyph.yOffset) / scale, digits: 3, to: &body)
            body += Self.elementEnd
        }
        let width = Double(advance) / scale
        if run.strikethrough, let font = run.font {
            let strikethrough = glyphs.strikethrough(font)
            body += Array("<rect x=\"".utf8)
            DecimalWriter.append(start, digits: 3, to: &body)
            body += Array("\" y=\"".utf8)
            DecimalWriter.append(y - strikethrough.position, digits: 3, to: &body)
            body += Array("\" width=\"".utf8)
            DecimalWriter.append(width, digits: 3, to: &body)
            body += Array("\" height=\"".utf8)
            DecimalWriter.append(strikethrough.thickness, digits: 3, to: &body)
            body += Self.elementEnd
        }
        if run.color != nil { body += Array("</g>\n".utf8) }
        return start + width + Double(run.endXOffset) / scale
    }

    /// The document's id for a glyph of the font numbered `font` (`g<n>-<glyph>`, fonts
    /// numbered in order of first use in the document), defining it on first use; nil for a
    /// glyph with no outline (a space).
    private func glyphID(_ glyph: UInt32, font: Int) -> [UInt8]? {
        let key = GlyphOutlines.GlyphKey(font: font, glyph: glyph)
        if let id = glyphIDs[key] { return id.isEmpty ? nil : id }
        let outline = glyphs.outline(key)
        guard !outline.isEmpty else {
            glyphIDs[key] = []
            return nil
        }
        let number: Int
        if let known = fontNumbers[font] {
            number = known
        } else {
            number = fontNumbers.count
            fontNumbers[font] = number
        }
        let id = Array("g\(number)-\(glyph)".utf8)
        glyphIDs[key] = id
        glyphDefinitions += Array("<path id=\"".utf8) + id + Array("\" d=\"".utf8)
        glyphDefinitions += outline
        glyphDefinitions += Self.elementEnd
        return id
    }

    private static let useOpen = Array("<use xlink:href=\"#".utf8)
    private static let useX = Array("\" x=\"".utf8)
    private static let useY = Array("\" y=\"".utf8)
}

/// Where an ``SVGCanvas`` finds glyph outlines and font metrics: the typesetter's cache (for
/// layouts shown on the canvas) or a recorded ``GlyphOutlineSet`` (for recorded runs), whose
/// glyphs the writing thread's typesetter's cache outlines.
enum SVGGlyphSource {
    case typesetter(GlyphOutlines)
    case recorded(GlyphOutlineSet, GlyphOutlines)

    /// The outline of `key`'s glyph as SVG path data; empty for a blank glyph.
    func outline(_ key: GlyphOutlines.GlyphKey) -> [UInt8] {
        switch self {
        case .typesetter(let outlines): return outlines.outline(key.glyph, serial: key.font)
        case .recorded(let set, let fonts): return set.outline(key, fonts: fonts)
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
