import Foundation

/// Row indices into another table's storage, shared by every column of one
/// ``Table/selecting(rows:)`` or join: `-1` stands for a missing cell (a left join's row
/// without a match).
final class RowSelection: Sendable {
    /// The base row of each selected row, or -1 for a missing cell.
    let rows: [Int]
    /// True when some row is -1.
    let hasMissing: Bool

    /// Rows that are all present.
    init(rows: [Int]) {
        self.rows = rows
        self.hasMissing = false
    }

    /// Rows where `nil` is a missing cell.
    init(optionalRows: [Int?]) {
        var missing = false
        self.rows = optionalRows.map { index in
            guard let index else { missing = true; return -1 }
            return index
        }
        self.hasMissing = missing
    }

    private init(rows: [Int], hasMissing: Bool) {
        self.rows = rows
        self.hasMissing = hasMissing
    }

    /// The selection of `indices` (rows of this selection) in terms of the base rows.
    func selecting(_ indices: [Int]) -> RowSelection {
        let base = rows
        return RowSelection(rows: indices.map { base[$0] }, hasMissing: hasMissing)
    }

    /// The selection of `indices` (rows of this selection; -1: missing) in terms of the base rows.
    func selecting(_ other: RowSelection) -> RowSelection {
        let base = rows
        guard other.hasMissing else { return selecting(other.rows) }
        return RowSelection(rows: other.rows.map { $0 < 0 ? -1 : base[$0] }, hasMissing: true)
    }
}

/// A column of a selection of another column's rows, gathered on first read and then cached:
/// a filter or a join leaves the columns that no analysis reads ungathered (at 1000× data the
/// flagship's prepared tables gathered every column of every table they were made from).
/// The cells are those ``Column/gather(_:)-(Int)`` would give.
final class GatheredColumn: @unchecked Sendable {
    /// The storage the rows are taken from.
    let base: ColumnStorage
    /// Which rows.
    let selection: RowSelection
    private let lock = NSLock()
    private var cache: Column? // guarded by lock

    init(base: ColumnStorage, selection: RowSelection) {
        self.base = base
        self.selection = selection
    }

    /// Number of cells.
    var count: Int { selection.rows.count }

    /// The gathered column, if it was already read.
    var gathered: Column? {
        lock.lock()
        defer { lock.unlock() }
        return cache
    }

    /// The cells (gathered once, then cached).
    var column: Column {
        lock.lock()
        defer { lock.unlock() }
        if let cache { return cache }
        let gathered = base.column.gather(selection)
        cache = gathered
        return gathered
    }
}

extension Column {
    /// The cells at the selection's rows (-1: a missing cell).
    func gather(_ selection: RowSelection) -> Column {
        guard selection.hasMissing else { return gather(selection.rows) }
        let rows = selection.rows
        switch self {
        case .string(let a): return .string(rows.map { $0 < 0 ? nil : a[$0] })
        case .integer(let a): return .integer(rows.map { $0 < 0 ? nil : a[$0] })
        case .number(let a): return .number(rows.map { $0 < 0 ? nil : a[$0] })
        case .boolean(let a): return .boolean(rows.map { $0 < 0 ? nil : a[$0] })
        case .date(let a): return .date(rows.map { $0 < 0 ? nil : a[$0] })
        }
    }
}

extension ColumnStorage {
    /// This storage's cells at `selection`, gathered when first read. A selection of a
    /// selection not yet gathered refers to the first base directly (`composed` keeps one
    /// composed selection per selection it was made from, so columns that shared a selection
    /// share the composed one).
    func selecting(_ selection: RowSelection, composed: inout [ObjectIdentifier: RowSelection]) -> ColumnStorage {
        if case .gathered(let inner) = self, inner.gathered == nil {
            let key = ObjectIdentifier(inner.selection)
            let rows: RowSelection
            if let known = composed[key] {
                rows = known
            } else {
                rows = inner.selection.selecting(selection)
                composed[key] = rows
            }
            return .gathered(GatheredColumn(base: inner.base, selection: rows))
        }
        if case .gathered(let inner) = self, let column = inner.gathered {
            return .gathered(GatheredColumn(base: .typed(column), selection: selection))
        }
        return .gathered(GatheredColumn(base: self, selection: selection))
    }
}
