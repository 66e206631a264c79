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
    ///
    /// Each entry's bytes are found first (a read entry's are its slice of the pack it was read
    /// from; a new record is written on its own), then copied once into an array of the final
    /// size: no array grown by doubling (the pack is ~0.5 MB at 1×, and each doubling is a
    /// copy into fresh pages).
    static func write(_ entries: [Saved], carried: some Sequence<Saved>, fonts: String, limit: Int) -> [UInt8] {
        var pieces: [ArraySlice<UInt8>] = []
        pieces.reserveCapacity(entries.count)
        var size = 0
        for entry in entries {
            let piece = bytes(of: entry)
            size += piece.count
            pieces.append(piece)
        }
        for entry in carried {
            let piece = bytes(of: entry)
            guard size + piece.count <= limit else { break }
            size += piece.count
            pieces.append(piece)
        }
        var head = Writer()
        head.bytes = magic
        head.string(fonts)
        head.varint(pieces.count)
        var out = head.bytes
        out.reserveCapacity(out.count + size)
        for piece in pieces { out += piece }
        return out
    }

    /// The bytes ``Writer/entry(_:)`` writes for `entry`.
    private static func bytes(of entry: Saved) -> ArraySlice<UInt8> {
        if case let .bytes(saved) = entry { return saved }
        var one = Writer()
        one.entry(entry)
        return one.bytes[...]
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
