import CCairo
import DossierBase

/// The glyphs of the texts a document draws, as plain values any thread can read: for each
/// text (the lines of one ``TextLayout`` drawn by ``SVGCanvas/show(_:lines:x:y:)``), its
/// lines' origins, and each Pango run's font, colour, strikethrough and glyphs with Pango's
/// own advances and offsets (in Pango units, so that positions are computed as from the
/// layout, to the same bits). Fonts are named by the serial the recording typesetter's
/// ``GlyphOutlines`` gave them; their names are in a ``GlyphOutlineSet``.
///
/// Recorded on the thread that owns the layouts (``GlyphRunRecorder``), drawn anywhere by
/// ``SVGCanvas/show(_:of:x:y:)``: a page SVG needs no layout (the writing thread outlines the
/// glyphs with its own typesetter's fonts), so the build's second thread writes page SVGs
/// without laying the document out again.
public struct GlyphRuns: Sendable {
    /// One text drawn: the top of its first drawn line in the layout (nil when the layout had
    /// no line in the range asked for: nothing is drawn), and its lines.
    public struct Text: Sendable, Equatable {
        let firstTop: Double?
        let lines: Range<Int>
    }

    /// A line: its left edge and baseline in the layout, and its runs.
    struct Line: Sendable, Equatable {
        let left: Double
        let baseline: Double
        let runs: Range<Int>
    }

    /// A Pango glyph item: its font's serial (nil when Pango gave it none), the colour and
    /// strikethrough of its markup, Pango's offsets of the run (Pango units) and its glyphs.
    struct Run: Sendable, Equatable {
        let font: Int?
        let color: Color?
        let strikethrough: Bool
        let startXOffset: Int32
        let endXOffset: Int32
        let yOffset: Int32
        let glyphs: Range<Int>
    }

    /// A glyph as Pango shaped it: its id (with Pango's empty and unknown flags) and geometry,
    /// and the text of the cluster it starts (UTF-8 bytes `text` of ``characters``; empty for
    /// a glyph that is not the first of its cluster), which a PDF's ToUnicode map needs.
    struct Glyph: Sendable, Equatable {
        let id: UInt32
        let width: Int32
        let xOffset: Int32
        let yOffset: Int32
        var textStart: Int32 = 0
        var textCount: Int32 = 0
    }

    /// The texts, in the order they were recorded.
    public internal(set) var texts: [Text] = []
    var lines: [Line] = []
    var runs: [Run] = []
    var glyphs: [Glyph] = []
    /// The text of the runs' items (UTF-8), which glyphs' cluster texts point into.
    var characters: [UInt8] = []

    /// No texts.
    public init() {}

    /// Empties the recording, keeping its storage.
    mutating func removeAll() {
        texts.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
        runs.removeAll(keepingCapacity: true)
        glyphs.removeAll(keepingCapacity: true)
        characters.removeAll(keepingCapacity: true)
    }

    /// Reserves room for as many texts, lines, runs and glyphs as `other` holds.
    mutating func reserveCapacity(like other: GlyphRuns) {
        texts.reserveCapacity(other.texts.count)
        lines.reserveCapacity(other.lines.count)
        runs.reserveCapacity(other.runs.count)
        glyphs.reserveCapacity(other.glyphs.count)
        characters.reserveCapacity(other.characters.count)
    }

    /// Empties the recording (keeping its storage) and records lines `range` of `layout` as
    /// its one text: what a canvas that draws recorded runs does with a layout shown on it.
    mutating func recordOnly(_ layout: TextLayout, lines range: Range<Int>?, outlines: GlyphOutlines) -> Text {
        removeAll()
        return append(layout, lines: range, outlines: outlines)
    }

    /// Records lines `range` of `layout` (all when nil) as one text, its fonts numbered by
    /// `outlines` (the layout's typesetter's), and returns it.
    /// A layout answered from a ``LayoutRecord`` is recorded from it (no Pango layout), unless
    /// its glyph part does not decode (then from its Pango layout, a fallback).
    @discardableResult
    mutating func append(_ layout: TextLayout, lines range: Range<Int>?, outlines: GlyphOutlines) -> Text {
        if let record = layout.decodedRecord() { return append(record, lines: range, outlines: outlines) }
        return appendPango(layout, lines: range) { outlines.serial($0) }
    }

    /// Records lines `range` of `layout`'s Pango layout (all when nil) as one text, its fonts
    /// numbered by `serial`.
    @discardableResult
    mutating func appendPango(_ layout: TextLayout, lines range: Range<Int>?,
                              serial: (UnsafeMutablePointer<PangoFont>) -> Int) -> Text {
        let all = layout.record == nil ? layout.lines : layout.pangoLines()
        let range = range ?? 0..<all.count
        let firstLine = lines.count
        guard let first = range.first, first < all.count else { return appendNothing() }
        let layoutText = pango_layout_get_text(layout.pointer)
        layout.forEachLine(in: range) { index, line in
            guard index < all.count else { return }
            let firstRun = runs.count
            var node = line.pointee.runs
            while let current = node {
                node = current.pointee.next
                guard let raw = current.pointee.data else { continue }
                appendRun(raw.assumingMemoryBound(to: PangoGlyphItem.self), text: layoutText, serial: serial)
            }
            lines.append(Line(left: all[index].left, baseline: all[index].baseline, runs: firstRun..<runs.count))
        }
        let text = Text(firstTop: all[first].top, lines: firstLine..<lines.count)
        texts.append(text)
        return text
    }

    /// Records a text that draws nothing (no line of its layout in the range asked for).
    mutating func appendNothing() -> Text {
        let text = Text(firstTop: nil, lines: lines.count..<lines.count)
        texts.append(text)
        return text
    }

    private mutating func appendRun(_ run: UnsafeMutablePointer<PangoGlyphItem>, text: UnsafePointer<CChar>?,
                                    serial: (UnsafeMutablePointer<PangoFont>) -> Int) {
        guard let item = run.pointee.item, let shaped = run.pointee.glyphs else { return }
        let style = RunStyle(item.pointee.analysis.extra_attrs)
        let firstGlyph = glyphs.count
        let itemLength = Int(item.pointee.length)
        let textBase = Int32(clamping: characters.count)
        if let text, itemLength > 0 {
            text.withMemoryRebound(to: UInt8.self, capacity: Int(item.pointee.offset) + itemLength) { bytes in
                characters.append(contentsOf: UnsafeBufferPointer(start: bytes + Int(item.pointee.offset), count: itemLength))
            }
        }
        let count = Int(shaped.pointee.num_glyphs)
        let clusters = shaped.pointee.log_clusters
        for index in 0..<count {
            let info = shaped.pointee.glyphs[index]
            var glyph = Glyph(id: info.glyph, width: info.geometry.width, xOffset: info.geometry.x_offset,
                              yOffset: info.geometry.y_offset)
            if text != nil, let clusters, index == 0 || clusters[index] != clusters[index - 1] {
                let start = Int(clusters[index])
                // The cluster ends where the next one starts: after it in logical order, which is
                // the next glyph's cluster left to right, the previous glyph's right to left.
                var next = index + 1
                while next < count, clusters[next] == clusters[index] { next += 1 }
                var end = itemLength
                if next < count, Int(clusters[next]) > start {
                    end = Int(clusters[next])
                } else if index > 0, Int(clusters[index - 1]) > start {
                    end = Int(clusters[index - 1])
                }
                if start >= 0, start < end {
                    glyph.textStart = textBase + Int32(start)
                    glyph.textCount = Int32(end - start)
                }
            }
            glyphs.append(glyph)
        }
        runs.append(Run(font: item.pointee.analysis.font.map { serial($0) }, color: style.color,
                        strikethrough: style.strikethrough, startXOffset: run.pointee.start_x_offset,
                        endXOffset: run.pointee.end_x_offset, yOffset: run.pointee.y_offset, glyphs: firstGlyph..<glyphs.count))
    }

    /// The text of the cluster `glyph` starts (empty when it continues one).
    func clusterText(_ glyph: Glyph) -> ArraySlice<UInt8> {
        let start = Int(glyph.textStart)
        return characters[start..<(start + Int(glyph.textCount))]
    }

    /// Whether `glyph` is drawn (Pango's empty glyph and unknown-character boxes are not).
    static func isDrawn(_ glyph: UInt32) -> Bool {
        glyph != emptyGlyph && glyph & unknownGlyphFlag == 0
    }

    private static let emptyGlyph: UInt32 = 0x0FFF_FFFF
    private static let unknownGlyphFlag: UInt32 = 0x1000_0000
}

/// What Pango markup says about a run beyond its font: a colour, a strikethrough.
struct RunStyle {
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
