import CCairo
import DossierBase

/// What everything that reads a ``TextLayout`` of a document reads of it, as plain values: its
/// lines' extents and starts, its size, ink box and baseline, the direction of its lines, the
/// glyph runs of each line (fonts by name, glyphs with Pango's advances and offsets and the
/// text of their clusters) and the rectangles of the byte ranges links were asked for. A
/// layout answered from a record (``LayoutRecords``) makes no Pango layout unless something
/// asks for what the record does not hold (a Cairo drawing, an unrecorded link range): then it
/// makes one, the same as it would have made at first (a fallback, counted).
package struct LayoutRecord: Sendable, Equatable {
    /// The rectangles of a byte range of the layout's text (``TextLayout/rectangles(forByteRange:)``).
    package struct LinkArea: Sendable, Equatable {
        let range: Range<Int>
        let rectangles: [Rectangle]
    }

    /// A rectangle in points, relative to the layout's top-left corner.
    package struct Rectangle: Sendable, Equatable {
        let x: Double
        let y: Double
        let width: Double
        let height: Double
    }

    var lines: [TextLayout.Line]
    var lineStarts: [Int]
    var width: Double
    var height: Double
    var ink: Rectangle
    var baseline: Double
    var leftToRight: Bool
    /// The names of the runs' fonts (``GlyphOutlines/name(serial:)``); a run's font is an index here.
    var fonts: [String]
    /// Where each line's runs end in ``runs`` (line `i` has `runEnds[i-1]..<runEnds[i]`).
    var runEnds: [Int]
    var runs: [GlyphRuns.Run]
    var glyphs: [GlyphRuns.Glyph]
    /// The text of the runs' items (UTF-8), which glyphs' cluster texts point into.
    var characters: [UInt8]
    var links: [LinkArea]
    /// The saved bytes of ``fonts``, ``runEnds``, ``runs``, ``glyphs`` and ``characters`` of a
    /// record read from a pack, while they are not decoded (those fields are then empty):
    /// most records a build reads are never drawn (their pages' drawings are cached), so they
    /// are decoded only when drawn (``decoded()``).
    var undecodedGlyphs: ArraySlice<UInt8>?

    /// The fields a record's glyph part holds (``undecodedGlyphs``).
    struct GlyphPart {
        let fonts: [String]
        let runEnds: [Int]
        let runs: [GlyphRuns.Run]
        let glyphs: [GlyphRuns.Glyph]
        let characters: [UInt8]
    }

    /// The record of `layout`, read from its Pango layout, with the rectangles of `links`.
    init(pango layout: TextLayout, links: [Range<Int>]) {
        lines = layout.pangoLines()
        lineStarts = layout.pangoLineStarts()
        let size = layout.pangoSize()
        width = size.width
        height = size.height
        let ink = layout.pangoInk()
        self.ink = Rectangle(x: ink.x, y: ink.y, width: ink.width, height: ink.height)
        baseline = layout.pangoBaseline()
        leftToRight = layout.pangoLeftToRight()
        var recorded = GlyphRuns()
        var fonts: [String] = []
        var serials: [UnsafeMutablePointer<PangoFont>] = []
        recorded.appendPango(layout, lines: nil) { font in
            if let known = serials.firstIndex(of: font) { return known }
            serials.append(font)
            fonts.append(GlyphOutlines.name(of: font))
            return serials.count - 1
        }
        self.fonts = fonts
        runEnds = recorded.lines.map(\.runs.upperBound)
        runs = recorded.runs
        glyphs = recorded.glyphs
        characters = recorded.characters
        self.links = links.map { range in
            LinkArea(range: range, rectangles: layout.pangoRectangles(forByteRange: range).map {
                Rectangle(x: $0.x, y: $0.y, width: $0.width, height: $0.height)
            })
        }
    }

    /// A record of these fields (read back from bytes; ``isConsistent`` says whether they fit).
    init(lines: [TextLayout.Line], lineStarts: [Int], width: Double, height: Double, ink: Rectangle, baseline: Double,
         leftToRight: Bool, fonts: [String], runEnds: [Int], runs: [GlyphRuns.Run], glyphs: [GlyphRuns.Glyph],
         characters: [UInt8], links: [LinkArea], undecodedGlyphs: ArraySlice<UInt8>? = nil) {
        self.lines = lines
        self.lineStarts = lineStarts
        self.width = width
        self.height = height
        self.ink = ink
        self.baseline = baseline
        self.leftToRight = leftToRight
        self.fonts = fonts
        self.runEnds = runEnds
        self.runs = runs
        self.glyphs = glyphs
        self.characters = characters
        self.links = links
        self.undecodedGlyphs = undecodedGlyphs
    }

    /// The record with its glyph part decoded (itself when it is), or nil when that part does
    /// not parse to its last byte or does not fit the record (``isConsistent``).
    func decoded() -> LayoutRecord? {
        guard let undecoded = undecodedGlyphs else { return self }
        var reader = LayoutRecordBytes.Reader(bytes: Array(undecoded))
        guard let part = reader.glyphPart(lineCount: lines.count) else { return nil }
        var record = self
        record.fonts = part.fonts
        record.runEnds = part.runEnds
        record.runs = part.runs
        record.glyphs = part.glyphs
        record.characters = part.characters
        record.undecodedGlyphs = nil
        return record.isConsistent ? record : nil
    }

    /// Whether every index points inside the record: a line per line start and per run list,
    /// run lists in order, each run's glyphs and font present, each cluster text inside the
    /// characters (the glyph part only once decoded). A record whose lines or links do not fit
    /// is never used (its pack is ignored whole); one whose glyph part does not is drawn from
    /// its Pango layout (``decoded()``, a fallback).
    var isConsistent: Bool {
        guard lineStarts.count == lines.count else { return false }
        if undecodedGlyphs != nil { return links.allSatisfy { $0.range.lowerBound >= 0 } }
        guard runEnds.count == lines.count else { return false }
        var previous = 0
        for end in runEnds {
            guard end >= previous, end <= runs.count else { return false }
            previous = end
        }
        guard previous == runs.count else { return false }
        var glyphEnd = 0
        for run in runs {
            guard run.glyphs.lowerBound == glyphEnd, run.glyphs.upperBound <= glyphs.count else { return false }
            glyphEnd = run.glyphs.upperBound
            if let font = run.font, !fonts.indices.contains(font) { return false }
        }
        guard glyphEnd == glyphs.count else { return false }
        for glyph in glyphs {
            guard glyph.textStart >= 0, glyph.textCount >= 0,
                  Int(glyph.textStart) + Int(glyph.textCount) <= characters.count else { return false }
        }
        return links.allSatisfy { $0.range.lowerBound >= 0 }
    }

    /// The rectangles recorded for `range`, or nil when it was not asked for.
    func rectangles(forByteRange range: Range<Int>) -> [Rectangle]? {
        links.first { $0.range == range }?.rectangles
    }

    /// The runs of line `index`.
    func runRange(ofLine index: Int) -> Range<Int> {
        (index == 0 ? 0 : runEnds[index - 1])..<runEnds[index]
    }
}

extension GlyphRuns {
    /// Records lines `range` of `record` (all when nil) as one text, its fonts numbered by
    /// `outlines` by name: the same runs ``append(_:lines:outlines:)`` records from the Pango
    /// layout the record was made from.
    mutating func append(_ record: LayoutRecord, lines range: Range<Int>?, outlines: GlyphOutlines) -> Text {
        let all = record.lines
        let range = range ?? 0..<all.count
        let firstLine = lines.count
        guard let first = range.first, first < all.count else { return appendNothing() }
        let textBase = Int32(clamping: characters.count)
        characters.append(contentsOf: record.characters)
        var serials: [Int?] = Array(repeating: nil, count: record.fonts.count)
        for index in range.clamped(to: 0..<all.count) {
            let firstRun = runs.count
            for run in record.runs[record.runRange(ofLine: index)] {
                let firstGlyph = glyphs.count
                for var glyph in record.glyphs[run.glyphs] {
                    if glyph.textCount > 0 { glyph.textStart += textBase }
                    glyphs.append(glyph)
                }
                var font: Int?
                if let local = run.font {
                    if let known = serials[local] {
                        font = known
                    } else {
                        font = outlines.serial(named: record.fonts[local])
                        serials[local] = font
                    }
                }
                runs.append(Run(font: font, color: run.color, strikethrough: run.strikethrough,
                                startXOffset: run.startXOffset, endXOffset: run.endXOffset, yOffset: run.yOffset,
                                glyphs: firstGlyph..<glyphs.count))
            }
            lines.append(Line(left: all[index].left, baseline: all[index].baseline, runs: firstRun..<runs.count))
        }
        let text = Text(firstTop: all[first].top, lines: firstLine..<lines.count)
        texts.append(text)
        return text
    }
}
