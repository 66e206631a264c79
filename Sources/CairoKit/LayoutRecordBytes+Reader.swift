import DossierBase

extension LayoutRecordBytes {
    /// Reads keys and records of the saved form, every length and index checked against what is
    /// left (nil at the first thing that does not parse).
    struct Reader {
        let bytes: [UInt8]
        var position = 0

        var atEnd: Bool { position == bytes.count }

        mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
            guard count >= 0, count <= bytes.count - position else { return nil }
            defer { position += count }
            return bytes[position..<(position + count)]
        }

        /// A varint of at most 63 bits, not negative.
        @inline(__always)
        mutating func varint() -> Int? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while position < bytes.count, shift < 63 {
                let byte = bytes[position]
                position += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return value <= UInt64(Int.max) ? Int(value) : nil }
                shift += 7
            }
            return nil
        }

        /// A count of things of at least `size` bytes each that the rest could hold.
        mutating func count(eachAtLeast size: Int) -> Int? {
            guard let count = varint(), count <= (bytes.count - position) / max(size, 1) else { return nil }
            return count
        }

        @inline(__always)
        mutating func signed() -> Int32? {
            guard let raw = varint() else { return nil }
            let value = Int64(raw >> 1) ^ -Int64(raw & 1)
            return Int32(exactly: value)
        }

        mutating func double() -> Double? {
            guard let marker = varint() else { return nil }
            if marker & 1 == 0 {
                let zigzag = Int64(marker >> 1)
                let whole = (zigzag >> 1) ^ -(zigzag & 1)
                return Double(whole) / 1024
            }
            guard marker == 1, bytes.count - position >= 8 else { return nil }
            var bits: UInt64 = 0
            for index in 0..<8 { bits |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
            position += 8
            return Double(bitPattern: bits)
        }

        mutating func doubles(_ count: Int) -> [Double]? {
            var values = [Double](repeating: 0, count: count)
            for index in values.indices {
                guard let value = double() else { return nil }
                values[index] = value
            }
            return values
        }

        @inline(__always)
        mutating func byte() -> UInt8? {
            guard position < bytes.count else { return nil }
            defer { position += 1 }
            return bytes[position]
        }

        mutating func flag() -> Bool? {
            switch byte() {
            case 0: return false
            case 1: return true
            default: return nil
            }
        }

        mutating func optionalDouble() -> Double?? {
            guard let present = flag() else { return nil }
            guard present else { return .some(nil) }
            guard let value = double() else { return nil }
            return .some(value)
        }

        mutating func string() -> String? {
            guard let count = count(eachAtLeast: 1), let slice = take(count) else { return nil }
            return String(validating: slice, as: UTF8.self)
        }

        mutating func key() -> LayoutRecords.Key? {
            guard let textCount = count(eachAtLeast: 1), let text = take(textCount), let family = string(), let size = double(), let weightByte = byte(),
                  let italic = flag(), let width = optionalDouble(), let alignmentByte = byte(), let justify = flag(),
                  let markup = flag(), let lineHeight = optionalDouble(),
                  let weight = Font.Weight(layoutRecordCode: weightByte),
                  let alignment = TextLayout.Alignment(layoutRecordCode: alignmentByte)
            else { return nil }
            return LayoutRecords.Key(text: Array(text), font: Font(family: family, size: size, weight: weight, italic: italic),
                                     width: width, alignment: alignment, justify: justify, markup: markup,
                                     lineHeight: lineHeight)
        }

        /// A record as written: its lines, size, ink box, baseline, direction and links, and
        /// the bytes of its glyph part (fonts, run ends, runs, glyphs and characters), which
        /// are decoded only when the record's glyphs are asked for (``LayoutRecord/decoded()``).
        mutating func record() -> LayoutRecord? {
            guard let lineCount = count(eachAtLeast: 7) else { return nil }
            var lines: [TextLayout.Line] = []
            lines.reserveCapacity(lineCount)
            for _ in 0..<lineCount {
                guard let values = doubles(5) else { return nil }
                lines.append(TextLayout.Line(top: values[0], height: values[1], baseline: values[2], left: values[3], width: values[4]))
            }
            var lineStarts: [Int] = []
            lineStarts.reserveCapacity(lineCount)
            for _ in 0..<lineCount {
                guard let start = varint() else { return nil }
                lineStarts.append(start)
            }
            guard let box = doubles(7), let leftToRight = flag(), let linkCount = count(eachAtLeast: 3) else { return nil }
            var links: [LayoutRecord.LinkArea] = []
            for _ in 0..<linkCount {
                guard let lower = varint(), let length = varint(), lower <= Int.max - length,
                      let rectCount = count(eachAtLeast: 4) else { return nil }
                var rectangles: [LayoutRecord.Rectangle] = []
                for _ in 0..<rectCount {
                    guard let values = doubles(4) else { return nil }
                    rectangles.append(LayoutRecord.Rectangle(x: values[0], y: values[1], width: values[2], height: values[3]))
                }
                links.append(LayoutRecord.LinkArea(range: lower..<(lower + length), rectangles: rectangles))
            }
            guard let glyphCount = count(eachAtLeast: 1), let glyphPart = take(glyphCount) else { return nil }
            return LayoutRecord(
                lines: lines, lineStarts: lineStarts, width: box[0], height: box[1],
                ink: LayoutRecord.Rectangle(x: box[2], y: box[3], width: box[4], height: box[5]), baseline: box[6],
                leftToRight: leftToRight, fonts: [], runEnds: [], runs: [], glyphs: [], characters: [], links: links,
                undecodedGlyphs: glyphPart)
        }

        /// The glyph part of a record of `lineCount` lines (``record()``), which must end at the
        /// last byte, or nil.
        mutating func glyphPart(lineCount: Int) -> LayoutRecord.GlyphPart? {
            guard let fontCount = count(eachAtLeast: 1) else { return nil }
            var fonts: [String] = []
            for _ in 0..<fontCount {
                guard let font = string() else { return nil }
                fonts.append(font)
            }
            var runEnds: [Int] = []
            runEnds.reserveCapacity(lineCount)
            for _ in 0..<lineCount {
                guard let end = varint() else { return nil }
                runEnds.append(end)
            }
            guard let runCount = count(eachAtLeast: 7) else { return nil }
            var runs: [GlyphRuns.Run] = []
            runs.reserveCapacity(runCount)
            var glyphCount = 0
            for _ in 0..<runCount {
                guard let font = varint(), let hasColor = flag() else { return nil }
                var color: Color?
                if hasColor {
                    guard let values = doubles(4) else { return nil }
                    color = Color(red: values[0], green: values[1], blue: values[2], alpha: values[3])
                }
                guard let strikethrough = flag(), let start = signed(), let end = signed(), let y = signed(),
                      let glyphs = varint(), glyphs <= bytes.count - position else { return nil }
                runs.append(GlyphRuns.Run(font: font == 0 ? nil : font - 1, color: color, strikethrough: strikethrough,
                                          startXOffset: start, endXOffset: end, yOffset: y,
                                          glyphs: glyphCount..<(glyphCount + glyphs)))
                glyphCount += glyphs
            }
            guard glyphCount <= (bytes.count - position) / 3 else { return nil }
            var glyphs: [GlyphRuns.Glyph] = []
            glyphs.reserveCapacity(glyphCount)
            var nextText: Int32 = 0
            for _ in 0..<glyphCount {
                guard let flags = byte(), flags < 16, let id = varint(), let glyphID = UInt32(exactly: id),
                      let width = signed() else { return nil }
                var x: Int32 = 0, y: Int32 = 0, textStart = nextText, textCount: Int32 = 1
                if flags & 1 != 0 { guard let value = signed() else { return nil }; x = value }
                if flags & 2 != 0 { guard let value = signed() else { return nil }; y = value }
                if flags & 4 != 0 { guard let value = signed() else { return nil }; textStart = value }
                if flags & 8 != 0 { guard let value = signed() else { return nil }; textCount = value }
                if textCount == 0, flags & 4 == 0 { textStart = 0 }
                if textCount > 0 { nextText = textStart &+ textCount }
                glyphs.append(GlyphRuns.Glyph(id: glyphID, width: width, xOffset: x, yOffset: y,
                                              textStart: textStart, textCount: textCount))
            }
            guard let characterCount = count(eachAtLeast: 1), let characters = take(characterCount), atEnd else { return nil }
            return LayoutRecord.GlyphPart(fonts: fonts, runEnds: runEnds, runs: runs, glyphs: glyphs,
                                          characters: Array(characters))
        }
    }
}
