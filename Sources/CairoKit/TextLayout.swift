import CCairo
import DossierBase

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

    /// The Pango layout: made at once, or, for a layout answered from a ``record``, when
    /// something first asks for what the record does not hold (``pointer``).
    private var pango: OpaquePointer?
    /// The layout whose Pango layout this one shares (``init(sharing:width:typesetter:)``).
    private let sharing: TextLayout?
    /// What this layout was answered from, without Pango (nil: laid out by Pango).
    package private(set) var record: LayoutRecord?
    /// The typesetter a recorded layout makes its Pango layout with, when asked (held).
    private let recordTypesetter: Typesetter?
    /// The byte ranges whose rectangles were asked for (kept for a layout a record is made of).
    private(set) var askedRanges: [Range<Int>] = []
    /// The text as given (plain text, or markup when created with `markup: true`).
    public let text: String
    /// The font the layout was created with.
    public let font: Font
    /// The wrap width it was created with (nil: one line per paragraph).
    public let width: Double?
    /// The alignment of its lines inside the wrap width.
    public let alignment: Alignment
    /// Whether its lines are justified.
    public let justify: Bool
    /// Whether ``text`` is Pango markup.
    public let isMarkup: Bool
    /// The line height it was created with, as a multiple of the font's (nil: natural).
    public let lineHeight: Double?
    /// The typesetter that shaped it: a layout is drawn only with the typesetter that made it.
    public private(set) weak var typesetter: Typesetter?

    /// Shapes `text` in `font`; when the typesetter has ``Typesetter/layoutRecords`` holding a
    /// record of the same text, font, width, alignment, justification and line height, the
    /// layout is answered from it and no Pango layout is made (a miss is laid out and noted).
    /// - Parameters:
    ///   - width: wrap width in points; `nil` keeps each paragraph on one line.
    ///   - markup: interpret `text` as Pango markup (`<b>`, `<i>`, `<span>`...).
    ///   - lineHeight: line height as a multiple of the font's natural height (nil: natural).
    /// - Throws: ``CairoError/missingGlyphs(text:font:count:)`` when the pinned fonts lack a
    ///   glyph (the text would print as a box), ``CairoError/invalidMarkup(text:message:)``.
    public convenience init(
        _ text: String, font: Font, typesetter: Typesetter, width: Double? = nil,
        alignment: Alignment = .left, justify: Bool = false, markup: Bool = false,
        lineHeight: Double? = nil
    ) throws(CairoError) {
        try self.init(text, font: font, typesetter: typesetter, width: width, alignment: alignment, justify: justify,
                      markup: markup, lineHeight: lineHeight, records: typesetter.layoutRecords)
    }

    /// ``init(_:font:typesetter:width:alignment:justify:markup:lineHeight:)`` answered from
    /// `records` (nil: always laid out by Pango).
    init(
        _ text: String, font: Font, typesetter: Typesetter, width: Double?,
        alignment: Alignment, justify: Bool, markup: Bool, lineHeight: Double?, records: LayoutRecords?
    ) throws(CairoError) {
        self.text = text
        self.font = font
        self.width = width
        self.alignment = alignment
        self.justify = justify
        self.isMarkup = markup
        self.lineHeight = lineHeight
        self.typesetter = typesetter
        sharing = nil
        let key = records.map { _ in
            LayoutRecords.Key(text: Array(text.utf8), font: font, width: width, alignment: alignment, justify: justify,
                              markup: markup, lineHeight: lineHeight)
        }
        let found = key.flatMap { records?.record(for: $0) }
        if let found, records?.verifying != true {
            record = found
            recordTypesetter = typesetter
            return
        }
        recordTypesetter = nil
        pango = try TextLayout.makePangoLayout(text, font: font, typesetter: typesetter, width: width,
                                               alignment: alignment, justify: justify, markup: markup, lineHeight: lineHeight)
        if let records, let key {
            if let found {
                records.verify(found, against: self)
            } else {
                records.laidOut(self, key: key)
            }
        }
    }

    /// A Pango layout of `text` with these settings, laid out.
    private static func makePangoLayout(
        _ text: String, font: Font, typesetter: Typesetter, width: Double?,
        alignment: Alignment, justify: Bool, markup: Bool, lineHeight: Double?
    ) throws(CairoError) -> OpaquePointer {
        guard let layout = pango_layout_new(typesetter.context) else {
            throw .status(function: "pango_layout_new", message: "no layout")
        }
        // Long unbroken runs get break opportunities: Pango's fallback to breaking inside a word
        // reshapes the rest of the word at each line, quadratic in the word's length.
        let shaped = width == nil ? text : TextLayout.breakingLongRuns(text, markup: markup)

        pango_layout_set_font_description(layout, typesetter.fontDescription(for: font))

        if let width {
            pango_layout_set_width(layout, TextLayout.pangoUnits(width))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        }
        switch alignment {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        pango_layout_set_justify(layout, justify ? 1 : 0)
        if let lineHeight { pango_layout_set_line_spacing(layout, Float(lineHeight)) }

        do {
            if markup {
                try TextLayout.setMarkup(shaped, on: layout, original: text)
            } else {
                pango_layout_set_text(layout, shaped, -1)
            }
        } catch {
            dossier_object_unref(UnsafeMutableRawPointer(layout))
            throw error
        }
        // Pango lays the text out here: its items are answered from the typesetter's store of
        // earlier builds' shapings where it holds them.
        let unknown = ShapeMemo.Store.using(typesetter.shapeStore, text: pango_layout_get_text(layout)) {
            Int(pango_layout_get_unknown_glyphs_count(layout))
        }
        if unknown > 0 {
            dossier_object_unref(UnsafeMutableRawPointer(layout))
            throw .missingGlyphs(text: TextLayout.excerpt(text), font: font.description, count: unknown)
        }
        return layout
    }

    /// The Pango layout; a layout answered from a record makes it here, the first time
    /// something asks for what the record does not hold (counted as a fallback).
    var pointer: OpaquePointer {
        if let sharing { return sharing.pointer }
        if let pango { return pango }
        guard let typesetter = recordTypesetter ?? typesetter,
              let made = try? TextLayout.makePangoLayout(text, font: font, typesetter: typesetter, width: width,
                                                         alignment: alignment, justify: justify, markup: isMarkup,
                                                         lineHeight: lineHeight)
        else {
            // The record was made from this very layout, which Pango laid out without an error.
            preconditionFailure("a recorded text layout could not be laid out again")
        }
        typesetter.layoutRecords?.countFallback()
        pango = made
        return made
    }

    /// The record this layout was answered from with its glyph part decoded (decoded once,
    /// then kept), or nil when it was laid out by Pango or the part does not decode (then the
    /// layout is drawn from its Pango layout, made when asked: a fallback).
    func decodedRecord() -> LayoutRecord? {
        guard let record, record.undecodedGlyphs != nil else { return record }
        guard let decoded = record.decoded() else { return nil }
        self.record = decoded
        return decoded
    }

    /// A second layout object over `other`'s Pango layout (or record), recording `width` as its
    /// wrap width (``fitting(width:)`` decides when that draws what wrapping would).
    init(sharing other: TextLayout, width: Double, typesetter: Typesetter) {
        sharing = other
        record = other.record
        recordTypesetter = nil
        text = other.text
        font = other.font
        self.width = width
        alignment = other.alignment
        justify = other.justify
        isMarkup = other.isMarkup
        lineHeight = other.lineHeight
        self.typesetter = typesetter
    }

    deinit {
        if let pango { dossier_object_unref(UnsafeMutableRawPointer(pango)) }
    }

    /// Width and height of the logical box, in points (measured once: a table asks for each
    /// cell's at every use, and the layout never changes after it is made).
    public private(set) lazy var size: (width: Double, height: Double) = record.map { ($0.width, $0.height) } ?? pangoSize()

    func pangoSize() -> (width: Double, height: Double) {
        var logical = PangoRectangle()
        pango_layout_get_extents(pointer, nil, &logical)
        return (Double(logical.width) / Double(PANGO_SCALE), Double(logical.height) / Double(PANGO_SCALE))
    }

    /// The ink box (what is actually painted) relative to the layout origin.
    public var inkBounds: (x: Double, y: Double, width: Double, height: Double) {
        if let ink = record?.ink { return (ink.x, ink.y, ink.width, ink.height) }
        return pangoInk()
    }

    func pangoInk() -> (x: Double, y: Double, width: Double, height: Double) {
        var ink = PangoRectangle()
        pango_layout_get_extents(pointer, &ink, nil)
        let scale = Double(PANGO_SCALE)
        return (Double(ink.x) / scale, Double(ink.y) / scale, Double(ink.width) / scale, Double(ink.height) / scale)
    }

    /// Distance from the top of the layout to the first line's baseline.
    public var baseline: Double {
        record?.baseline ?? pangoBaseline()
    }

    func pangoBaseline() -> Double {
        Double(pango_layout_get_baseline(pointer)) / Double(PANGO_SCALE)
    }

    /// Every line with its extents, top to bottom (measured once: a paragraph split over many
    /// pages asks for them at every page).
    public private(set) lazy var lines: [Line] = record?.lines ?? pangoLines()

    func pangoLines() -> [Line] {
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

    /// Whether every line can be drawn from its glyph runs as Pango's Cairo renderer draws it
    /// (``CairoGlyphDrawing``; decided once: the layout never changes after it is made).
    private(set) lazy var drawsGlyphsDirectly: Bool = CairoGlyphDrawing.canDraw(self)

    /// Where each line starts: the UTF-8 byte offset in the text Pango shaped (the line breaks
    /// the typesetter chose; after long runs were given break opportunities). Read once: a
    /// paragraph or table split over many pages makes a scene block per page, each asking.
    public private(set) lazy var lineStarts: [Int] = record?.lineStarts ?? pangoLineStarts()

    func pangoLineStarts() -> [Int] {
        var starts: [Int] = []
        forEachLine(in: 0..<Int.max) { _, line in starts.append(Int(line.pointee.start_index)) }
        return starts
    }

    /// The rectangles covering the UTF-8 byte range `range` of the layout's text (one per
    /// line it spans), for placing link areas over text.
    public func rectangles(forByteRange range: Range<Int>) -> [(x: Double, y: Double, width: Double, height: Double)] {
        guard !range.isEmpty else { return [] }
        if let sharing { return sharing.rectangles(forByteRange: range) }
        if let record {
            if let known = record.rectangles(forByteRange: range) { return known.map { ($0.x, $0.y, $0.width, $0.height) } }
        } else if !askedRanges.contains(range) {
            askedRanges.append(range)
        }
        return pangoRectangles(forByteRange: range)
    }

    func pangoRectangles(forByteRange range: Range<Int>) -> [(x: Double, y: Double, width: Double, height: Double)] {
        guard !range.isEmpty else { return [] }
        let scale = Double(PANGO_SCALE)
        var start = PangoRectangle()
        var end = PangoRectangle()
        pango_layout_index_to_pos(pointer, Int32(clamping: range.lowerBound), &start)
        pango_layout_index_to_pos(pointer, Int32(clamping: range.upperBound - 1), &end)
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
        forEachLine(in: range) { index, line in
            cairo_move_to(context, x + all[index].left, offset + all[index].baseline)
            pango_cairo_show_layout_line(context, line)
        }
        cairo_new_path(context)
    }
}

extension TextLayout {
    /// Calls `body` with each Pango line of `range` (clipped to the layout), walking Pango's
    /// list of lines once (`pango_layout_get_line_readonly(i)` walks it from the start for
    /// every line: quadratic in a long paragraph).
    func forEachLine(in range: Range<Int>, _ body: (Int, UnsafeMutablePointer<PangoLayoutLine>) -> Void) {
        var node = pango_layout_get_lines_readonly(pointer)
        var index = 0
        while let current = node, index < range.upperBound {
            if index >= range.lowerBound, let raw = current.pointee.data {
                body(index, raw.assumingMemoryBound(to: PangoLayoutLine.self))
            }
            node = current.pointee.next
            index += 1
        }
    }

    /// The most characters a wrapped run without a break opportunity (a word, a URL, a long
    /// number) may have before ``breakingLongRuns(_:markup:)`` adds break opportunities.
    public static let longestUnbrokenRun = 400
    /// In a run longer than ``longestUnbrokenRun``, a zero-width space every this many characters.
    static let longRunBreakInterval = 16

    /// `text` with a zero-width space (U+200B, an invisible break opportunity) after every
    /// ``longRunBreakInterval`` characters of any run longer than ``longestUnbrokenRun``
    /// characters without white space. Text without such a run is returned as is (same bytes);
    /// in markup, tags and entities are skipped. Linear in the text's length.
    static func breakingLongRuns(_ text: String, markup: Bool) -> String {
        // Fast path: no run is long enough (counting bytes over-counts characters, so a text
        // whose every run is short in bytes is short in characters).
        var run = 0
        var longest = 0
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D { run = 0 } else { run += 1; longest = max(longest, run) }
        }
        guard longest > longestUnbrokenRun else { return text }
        // Character runs: the lengths of runs of non-white-space characters outside tags.
        var runs: [Int] = []
        var length = 0
        var inTag = false
        for character in text {
            if markup, inTag { if character == ">" { inTag = false }; continue }
            if markup, character == "<" { inTag = true; continue }
            if character.isWhitespace { runs.append(length); length = 0 } else { length += 1 }
        }
        runs.append(length)
        guard runs.contains(where: { $0 > longestUnbrokenRun }) else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        var runIndex = 0
        var position = 0
        inTag = false
        var inEntity = false
        for character in text {
            output.append(character)
            if markup, inTag { if character == ">" { inTag = false }; continue }
            if markup, character == "<" { inTag = true; continue }
            if character.isWhitespace { runIndex += 1; position = 0; continue }
            if markup, character == "&" { inEntity = true }
            if inEntity {
                if character == ";" { inEntity = false } else { continue }
            }
            position += 1
            if runs[runIndex] > longestUnbrokenRun, position % longRunBreakInterval == 0 {
                output.append("\u{200B}")
            }
        }
        return output
    }

    /// `points` in Pango units, clamped to what Pango's 32-bit integers hold.
    static func pangoUnits(_ points: Double) -> Int32 {
        let units = (points * Double(PANGO_SCALE)).rounded(.down)
        guard units.isFinite else { return units > 0 ? Int32.max : 0 }
        return units >= Double(Int32.max) ? Int32.max : (units <= 0 ? 0 : Int32(units))
    }

    /// At most 80 characters of `text`, for error messages.
    static func excerpt(_ text: String) -> String {
        var count = 0
        var end = text.startIndex
        while end < text.endIndex, count < 80 { text.formIndex(after: &end); count += 1 }
        return end == text.endIndex ? text : String(text[..<end]) + "…"
    }
}
