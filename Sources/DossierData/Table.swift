import Foundation

/// Errors from the ``Table`` API (programming / spec errors, not data errors).
public enum TableError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No column has this name.
    case unknownColumn(String, available: [String])
    /// Join key lists differ in length.
    case keyCountMismatch(left: Int, right: Int)

    public var description: String {
        switch self {
        case let .unknownColumn(name, available):
            return DiagnosticCatalogue.unknownColumn(name, available: available)
        case let .keyCountMismatch(l, r):
            return DiagnosticCatalogue.joinKeyMismatch(left: l, right: r)
        }
    }
}

/// Internal column storage: typed arrays, loaded typed cells kept per chunk, or loaded text kept
/// as UTF-8 bytes, until asked for.
enum ColumnStorage: Sendable {
    case typed(Column)
    case chunked(ChunkedColumn)
    case text(StringStorage)
    case gathered(GatheredColumn)

    /// The public column (materialises text once, then cached by the storage).
    var column: Column {
        switch self {
        case .typed(let c): return c
        case .chunked(let c): return c.column
        case .text(let s): return .string(s.strings)
        case .gathered(let g): return g.column
        }
    }

    var count: Int {
        switch self {
        case .typed(let c): return c.count
        case .chunked(let c): return c.count
        case .text(let s): return s.count
        case .gathered(let g): return g.count
        }
    }
}

/// A typed, columnar table: one ``Column`` per schema ``Field``, all of `rowCount` cells.
public struct Table: Sendable {
    /// Resource name (e.g. `cases`).
    public var name: String
    /// Field descriptions, parallel to ``columns``.
    public private(set) var fields: [Field]
    /// Typed columns, parallel to ``fields``.
    public var columns: [Column] { storage.map(\.column) }
    /// Storage behind ``columns``.
    private(set) var storage: [ColumnStorage]
    /// 1-based source line of each row in its CSV file (empty for derived tables).
    public private(set) var sourceLines: [Int]
    /// Number of rows.
    public private(set) var rowCount: Int

    /// Creates a table; all columns must have `rowCount` cells.
    public init(name: String, fields: [Field], columns: [Column], sourceLines: [Int] = []) {
        precondition(fields.count == columns.count, "fields and columns differ in count")
        let n = columns.first?.count ?? 0
        precondition(columns.allSatisfy { $0.count == n }, "columns differ in length")
        self.name = name
        self.fields = fields
        self.storage = columns.map(ColumnStorage.typed)
        self.sourceLines = sourceLines.count == n ? sourceLines : []
        self.rowCount = n
    }

    /// Creates a table over loaded storage.
    init(name: String, fields: [Field], storage: [ColumnStorage], sourceLines: [Int]) {
        let n = storage.first?.count ?? 0
        self.name = name
        self.fields = fields
        self.storage = storage
        self.sourceLines = sourceLines.count == n ? sourceLines : []
        self.rowCount = n
    }

    /// Column names in order.
    public var columnNames: [String] { fields.map(\.name) }

    /// Index of the column named `name`.
    public func columnIndex(named name: String) -> Int? { fields.firstIndex { $0.name == name } }

    /// The typed column named `name`, or `nil`.
    public func column(named name: String) -> Column? { columnIndex(named: name).map { storage[$0].column } }

    /// The field named `name`, or `nil`.
    public func field(named name: String) -> Field? { columnIndex(named: name).map { fields[$0] } }

    /// The typed column named `name`, throwing ``TableError/unknownColumn(_:available:)``.
    public func requireColumn(_ name: String) throws -> Column {
        guard let c = column(named: name) else { throw TableError.unknownColumn(name, available: columnNames) }
        return c
    }

    /// The cell at (`row`, column `name`); `.null` if the column does not exist.
    public func value(row: Int, column name: String) -> Value { column(named: name)?[row] ?? .null }

    /// A lightweight view of one row.
    public struct Row: Sendable {
        /// The table.
        public let table: Table
        /// Row index.
        public let index: Int
        /// Cell by column name (`.null` if no such column).
        public subscript(name: String) -> Value { table.value(row: index, column: name) }
        /// Cell by column position.
        public subscript(column: Int) -> Value { table.storage[column].column[index] }
        /// Source line in the CSV, if known.
        public var sourceLine: Int? { table.sourceLines.isEmpty ? nil : table.sourceLines[index] }
    }

    /// Row `index`.
    public func row(_ index: Int) -> Row { Row(table: self, index: index) }

    /// All rows.
    public var rows: [Row] { (0..<rowCount).map { Row(table: self, index: $0) } }

    /// A table of the rows for which `isIncluded` returns true, in order.
    public func filter(_ isIncluded: (Row) throws -> Bool) rethrows -> Table {
        var keep: [Int] = []
        for i in 0..<rowCount where try isIncluded(Row(table: self, index: i)) { keep.append(i) }
        return selecting(rows: keep)
    }

    /// A table of the rows where column `name` equals `value`.
    public func filter(_ name: String, equals value: Value) throws -> Table {
        let c = try requireColumn(name)
        return selecting(rows: (0..<rowCount).filter { c[$0] == value })
    }

    /// A table of the given rows (indices may repeat or reorder).
    /// Each column is gathered when first read (``GatheredColumn``).
    public func selecting(rows indices: [Int]) -> Table {
        let selection = RowSelection(rows: indices)
        var composed: [ObjectIdentifier: RowSelection] = [:]
        return Table(name: name, fields: fields, storage: storage.map { $0.selecting(selection, composed: &composed) },
                     sourceLines: sourceLines.isEmpty ? [] : indices.map { sourceLines[$0] })
    }

    /// A table with only the named columns, in the given order.
    public func selecting(columns names: [String]) throws -> Table {
        let idx = try names.map { n -> Int in
            guard let i = columnIndex(named: n) else { throw TableError.unknownColumn(n, available: columnNames) }
            return i
        }
        return Table(name: name, fields: idx.map { fields[$0] }, storage: idx.map { storage[$0] }, sourceLines: sourceLines)
    }

    /// Rows sorted by the named columns ascending (stable; nulls first).
    public func sorted(by names: [String], descending: Bool = false) throws -> Table {
        let cols = try names.map { try requireColumn($0) }
        let order = (0..<rowCount).sorted { a, b in
            for c in cols {
                let x = c[a], y = c[b]
                if x != y { return descending ? y < x : x < y }
            }
            return a < b
        }
        return selecting(rows: order)
    }

    /// Adds (or replaces) a column; `column.count` must equal ``rowCount`` (unless the table has no columns).
    public func adding(_ field: Field, _ column: Column) -> Table {
        var fs = fields, cs = storage
        if let i = columnIndex(named: field.name) { fs[i] = field; cs[i] = .typed(column) } else { fs.append(field); cs.append(.typed(column)) }
        return Table(name: name, fields: fs, storage: cs, sourceLines: sourceLines)
    }
}
