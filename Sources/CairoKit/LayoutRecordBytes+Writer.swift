import DossierBase

extension LayoutRecordBytes {
    /// Writes keys and records in the saved form (see ``LayoutRecordBytes``).
    struct Writer {
        var bytes: [UInt8] = []

        mutating func varint(_ value: Int) {
            var rest = UInt64(bitPattern: Int64(value))
            while rest >= 0x80 {
                bytes.append(UInt8(rest & 0x7F) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }

        mutating func signed(_ value: Int32) {
            let zigzag = (Int64(value) << 1) ^ (Int64(value) >> 63)
            varint(Int(zigzag))
        }

        mutating func entry(_ entry: Saved) {
            switch entry {
            case .record(let key, let record):
                self.key(key)
                self.record(record)
            case .bytes(let saved):
                bytes += saved
            }
        }

        /// A double: a whole number of Pango units (1/1024 point, what Pango measures in) as a
        /// varint of twice its zigzag, anything else as an odd marker and its bits.
        mutating func double(_ value: Double) {
            let units = value * 1024
            if units == units.rounded(), abs(units) < 1e15, let whole = Int64(exactly: units),
               Double(whole) / 1024 == value, value.sign == .plus || whole != 0 {
                varint(Int((whole << 1) ^ (whole >> 63)) << 1)
                return
            }
            bytes.append(1)
            var bits = value.bitPattern
            for _ in 0..<8 {
                bytes.append(UInt8(bits & 0xFF))
                bits >>= 8
            }
        }

        mutating func optionalDouble(_ value: Double?) {
            bytes.append(value == nil ? 0 : 1)
            if let value { double(value) }
        }

        mutating func flag(_ value: Bool) { bytes.append(value ? 1 : 0) }

        mutating func string(_ value: String) {
            varint(value.utf8.count)
            bytes += value.utf8
        }

        mutating func key(_ key: LayoutRecords.Key) {
            varint(key.text.count)
            bytes += key.text
            string(key.font.family)
            double(key.font.size)
            bytes.append(key.font.weight.layoutRecordCode)
            flag(key.font.italic)
            optionalDouble(key.width)
            bytes.append(key.alignment.layoutRecordCode)
            flag(key.justify)
            flag(key.markup)
            optionalDouble(key.lineHeight)
        }

        mutating func record(_ record: LayoutRecord) {
            varint(record.lines.count)
            for line in record.lines {
                for value in [line.top, line.height, line.baseline, line.left, line.width] { double(value) }
            }
            for start in record.lineStarts { varint(start) }
            for value in [record.width, record.height, record.ink.x, record.ink.y, record.ink.width, record.ink.height,
                          record.baseline] { double(value) }
            flag(record.leftToRight)
            varint(record.links.count)
            for link in record.links {
                varint(link.range.lowerBound)
                varint(link.range.count)
                varint(link.rectangles.count)
                for rect in link.rectangles { for value in [rect.x, rect.y, rect.width, rect.height] { double(value) } }
            }
            // The glyph part, after its length: read only when the record's glyphs are asked for.
            if let undecoded = record.undecodedGlyphs {
                varint(undecoded.count)
                bytes += undecoded
                return
            }
            var part = Writer()
            part.varint(record.fonts.count)
            for font in record.fonts { part.string(font) }
            for end in record.runEnds { part.varint(end) }
            part.varint(record.runs.count)
            for run in record.runs {
                part.varint(run.font.map { $0 + 1 } ?? 0)
                part.bytes.append(run.color == nil ? 0 : 1)
                if let color = run.color { for value in [color.red, color.green, color.blue, color.alpha] { part.double(value) } }
                part.flag(run.strikethrough)
                part.signed(run.startXOffset)
                part.signed(run.endXOffset)
                part.signed(run.yOffset)
                part.varint(run.glyphs.count)
            }
            // A glyph: a byte of flags for the fields that are not the usual (no offsets, the
            // cluster text of one byte right after the previous glyph's), its id and advance.
            var nextText: Int32 = 0
            for glyph in record.glyphs {
                let usual = glyph.textCount == 0 ? 0 : nextText
                var flags: UInt8 = 0
                if glyph.xOffset != 0 { flags |= 1 }
                if glyph.yOffset != 0 { flags |= 2 }
                if glyph.textStart != usual { flags |= 4 }
                if glyph.textCount != 1 { flags |= 8 }
                part.bytes.append(flags)
                part.varint(Int(glyph.id))
                part.signed(glyph.width)
                if flags & 1 != 0 { part.signed(glyph.xOffset) }
                if flags & 2 != 0 { part.signed(glyph.yOffset) }
                if flags & 4 != 0 { part.signed(glyph.textStart) }
                if flags & 8 != 0 { part.signed(glyph.textCount) }
                if glyph.textCount > 0 { nextText = glyph.textStart &+ glyph.textCount }
            }
            part.varint(record.characters.count)
            part.bytes += record.characters
            varint(part.bytes.count)
            bytes += part.bytes
        }
    }
}
