#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A loaded column's cells as plain arrays, in the form the loader keeps them (``StringStorage``,
/// ``NullableChunk``): what the build cache's data package snapshot writes, and what a table is
/// restored from (``Table/init(restoring:fields:columns:sourceLines:)``) with the storage a load
/// gives, so that the restored table behaves as the loaded one in every use.
package enum StoredColumn: Sendable, Equatable {
    /// Every present cell's UTF-8 bytes back to back, and each cell's end offset in them (a
    /// missing cell: the bitwise NOT of its end, as ``CellEnds`` keeps it).
    case text(bytes: [UInt8], ends: [Int])
    /// Every cell's value (a placeholder where missing) and the missing cells' rows, increasing.
    case integer(values: [Int], missing: [Int])
    /// As ``integer(values:missing:)``.
    case number(values: [Double], missing: [Int])
    /// As ``integer(values:missing:)``.
    case boolean(values: [Bool], missing: [Int])
    /// As ``integer(values:missing:)``.
    case date(values: [CivilDate], missing: [Int])

    /// Number of cells.
    package var count: Int {
        switch self {
        case .text(_, let ends): return ends.count
        case .integer(let values, _): return values.count
        case .number(let values, _): return values.count
        case .boolean(let values, _): return values.count
        case .date(let values, _): return values.count
        }
    }

    /// The cells of a joined column (missing cells hold the loader's placeholders).
    init(_ column: Column) {
        func parts<T>(_ cells: [T?], _ placeholder: T) -> (values: [T], missing: [Int]) {
            var missing: [Int] = []
            let values = cells.enumerated().map { row, cell in
                if let cell { return cell }
                missing.append(row)
                return placeholder
            }
            return (values, missing)
        }
        switch column {
        case .string(let cells):
            var bytes: [UInt8] = [], ends: [Int] = []
            ends.reserveCapacity(cells.count)
            for cell in cells {
                if let cell {
                    bytes.append(contentsOf: cell.utf8)
                    ends.append(bytes.count)
                } else {
                    ends.append(~bytes.count)
                }
            }
            self = .text(bytes: bytes, ends: ends)
        case .integer(let cells): let p = parts(cells, 0); self = .integer(values: p.values, missing: p.missing)
        case .number(let cells): let p = parts(cells, 0); self = .number(values: p.values, missing: p.missing)
        case .boolean(let cells): let p = parts(cells, false); self = .boolean(values: p.values, missing: p.missing)
        case .date(let cells): let p = parts(cells, CivilDate.placeholder); self = .date(values: p.values, missing: p.missing)
        }
    }
}

extension Table {
    /// Every column's cells as stored (``StoredColumn``), in column order.
    package var storedColumns: [StoredColumn] { storage.map(\.stored) }

    /// The table a load made whose columns held `columns` (``storedColumns``), with the
    /// storage a load gives (text kept as bytes, typed cells in one chunk); nil when the
    /// columns do not fit the fields (another type, another number of cells, offsets or
    /// missing rows out of order or out of range).
    package init?(restoring name: String, fields: [Field], columns: [StoredColumn], sourceLines: [Int]) {
        let rows = columns.first?.count ?? 0
        guard fields.count == columns.count else { return nil }
        var storage: [ColumnStorage] = []
        storage.reserveCapacity(columns.count)
        for (field, column) in zip(fields, columns) {
            guard column.count == rows, let restored = ColumnStorage(restoring: column, type: field.type) else { return nil }
            storage.append(restored)
        }
        guard sourceLines.isEmpty || sourceLines.count == rows else { return nil }
        self.init(name: name, fields: fields, storage: storage, sourceLines: sourceLines)
    }
}

extension ColumnStorage {
    /// The cells as stored.
    var stored: StoredColumn {
        switch self {
        case .typed(let column): return StoredColumn(column)
        case .chunked(let chunked): return chunked.stored
        case .text(let text): return text.stored
        case .gathered(let gathered): return StoredColumn(gathered.column)
        }
    }

    /// The storage a load gives a field of `type` holding `stored`; nil when they do not fit.
    init?(restoring stored: StoredColumn, type: FieldType) {
        switch (stored, type) {
        case let (.text(bytes, ends), .string):
            guard let text = StringStorage(bytes: bytes, ends: ends) else { return nil }
            self = .text(text)
        case let (.integer(values, missing), .integer), let (.integer(values, missing), .year):
            guard let chunk = NullableChunk(values: values, missing: missing) else { return nil }
            self = .chunked(ChunkedColumn(.integer([chunk])))
        case let (.number(values, missing), .number):
            guard let chunk = NullableChunk(values: values, missing: missing) else { return nil }
            self = .chunked(ChunkedColumn(.number([chunk])))
        case let (.boolean(values, missing), .boolean):
            guard let chunk = NullableChunk(values: values, missing: missing) else { return nil }
            self = .chunked(ChunkedColumn(.boolean([chunk])))
        case let (.date(values, missing), .date):
            guard let chunk = NullableChunk(values: values, missing: missing) else { return nil }
            self = .chunked(ChunkedColumn(.date([chunk])))
        default:
            return nil
        }
    }
}

extension ChunkedColumn {
    /// The cells as stored: the chunks' values and missing rows joined (or the joined column's,
    /// once it was built).
    var stored: StoredColumn {
        switch parts {
        case (.integer(let c)?, _): let p = Self.joinedParts(c); return .integer(values: p.values, missing: p.missing)
        case (.number(let c)?, _): let p = Self.joinedParts(c); return .number(values: p.values, missing: p.missing)
        case (.boolean(let c)?, _): let p = Self.joinedParts(c); return .boolean(values: p.values, missing: p.missing)
        case (.date(let c)?, _): let p = Self.joinedParts(c); return .date(values: p.values, missing: p.missing)
        case (nil, let column?): return StoredColumn(column)
        case (nil, nil): return .integer(values: [], missing: [])
        }
    }

    private static func joinedParts<T>(_ chunks: [NullableChunk<T>]) -> (values: [T], missing: [Int]) {
        var values: [T] = [], missing: [Int] = []
        for chunk in chunks {
            let offset = values.count
            values.append(contentsOf: chunk.values.buffer)
            missing.append(contentsOf: chunk.missing.buffer.lazy.map { $0 + offset })
        }
        return (values, missing)
    }
}

extension NullableChunk {
    /// A chunk of `values` whose cells at `missing` are missing; nil when `missing` is not
    /// increasing or names a row past the end.
    init?(values: [T], missing: [Int]) {
        var previous = -1
        for row in missing {
            guard row > previous, row < values.count else { return nil }
            previous = row
        }
        self.init(values: ColumnMemory.copying(values), missing: ColumnMemory.copying(missing))
    }
}

extension ColumnMemory {
    /// Sealed memory holding `values`.
    static func copying(_ values: [T]) -> ColumnMemory<T> {
        var buffer = ColumnBuffer<T>()
        buffer.reserve(values.count, touch: 0)
        for value in values { buffer.append(value) }
        return buffer.seal()
    }
}

extension StringStorage {
    /// The cells as stored: the segments' bytes joined, their ends shifted to match.
    var stored: StoredColumn {
        var bytes: [UInt8] = [], ends: [Int] = []
        ends.reserveCapacity(count)
        for segment in segments {
            let shift = bytes.count
            let used = (0..<segment.ends.count).last.map { j -> Int in let e = segment.ends[j]; return e < 0 ? ~e : e } ?? 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: segment.arena.buffer[0..<used]))
            for j in 0..<segment.ends.count {
                let e = segment.ends[j]
                ends.append(e < 0 ? ~(~e + shift) : e + shift)
            }
        }
        return .text(bytes: bytes, ends: ends)
    }

    /// One segment holding `bytes` cut at `ends` (``StoredColumn/text(bytes:ends:)``); nil when
    /// an end goes back or past the bytes, or a missing cell is not empty.
    convenience init?(bytes: [UInt8], ends: [Int]) {
        var cellEnds = CellEnds()
        cellEnds.reserveCapacity(ends.count)
        var previous = 0
        for stored in ends {
            let end = stored < 0 ? ~stored : stored
            guard end >= previous, end <= bytes.count, stored >= 0 || end == previous else { return nil }
            if stored < 0 { cellEnds.appendMissing(at: end) } else { cellEnds.append(end: end) }
            previous = end
        }
        let base = bytes.isEmpty ? nil : malloc(bytes.count)?.assumingMemoryBound(to: UInt8.self)
        guard base != nil || bytes.isEmpty else { return nil }
        bytes.withUnsafeBufferPointer { source in
            if let base, let start = source.baseAddress { base.update(from: start, count: source.count) }
        }
        self.init(segments: [Segment(arena: ByteArena(base: base, count: bytes.count), ends: cellEnds)])
    }
}
