import DossierBase

/// The saved form of ``LayoutRecords``: a magic, the fonts' identity, the number of records,
/// then each record's key and fields (varints; doubles as their bits, so a record reads back to
/// the same values), its glyph part (fonts, runs, glyphs, characters) last, after its length:
/// skipped when read, and decoded when the record is drawn (``LayoutRecord/decoded()``). Read
/// whole or not at all: a form that does not parse to its last byte, for
/// other fonts, or with a record whose indices do not fit (``LayoutRecord/isConsistent``), reads
/// as nil.
enum LayoutRecordBytes {
    private static let magic: [UInt8] = Array("DLR2".utf8)

    /// A record to write: its key and fields, or the bytes it was read from.
    enum Saved {
        case record(LayoutRecords.Key, LayoutRecord)
        case bytes(ArraySlice<UInt8>)
    }

    /// `entries`, then as many of `carried` as keep the whole under `limit` bytes.
    static func write(_ entries: [Saved], carried: some Sequence<Saved>, fonts: String, limit: Int) -> [UInt8] {
        var body = Writer()
        var count = 0
        for entry in entries {
            body.entry(entry)
            count += 1
        }
        for entry in carried {
            var one = Writer()
            one.entry(entry)
            guard body.bytes.count + one.bytes.count <= limit else { break }
            body.bytes += one.bytes
            count += 1
        }
        var head = Writer()
        head.bytes = magic
        head.string(fonts)
        head.varint(count)
        head.bytes.reserveCapacity(head.bytes.count + body.bytes.count)
        head.bytes += body.bytes
        return head.bytes
    }

    /// The records `bytes` hold, each with the bytes of its key and record, or nil (see the type's comment).
    static func read(_ bytes: [UInt8], fonts: String) -> [(LayoutRecords.Key, LayoutRecord, ArraySlice<UInt8>)]? {
        var reader = Reader(bytes: bytes)
        guard reader.take(magic.count) == magic[...], reader.string() == fonts, let count = reader.varint(),
              count <= bytes.count else { return nil }
        var entries: [(LayoutRecords.Key, LayoutRecord, ArraySlice<UInt8>)] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let start = reader.position
            guard let key = reader.key(), let record = reader.record(), record.isConsistent else { return nil }
            entries.append((key, record, bytes[start..<reader.position]))
        }
        return reader.atEnd ? entries : nil
    }
}
