import Foundation

/// One typed cell value. `year` fields produce `.integer`.
public enum Value: Sendable, Hashable, Comparable, CustomStringConvertible {
    case null
    case string(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case date(CivilDate)

    /// True for `.null`.
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// Numeric view: integers and numbers as `Double`, otherwise `nil`.
    public var doubleValue: Double? {
        switch self {
        case .integer(let v): return Double(v)
        case .number(let v): return v
        default: return nil
        }
    }

    /// The value as written in CSV (`""` for null).
    public var description: String {
        switch self {
        case .null: return ""
        case .string(let s): return s
        case .integer(let i): return String(i)
        case .number(let d): return Value.format(d)
        case .boolean(let b): return b ? "true" : "false"
        case .date(let d): return d.description
        }
    }

    static func format(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-INF" : "INF" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return String(d)
    }

    private var rank: Int {
        switch self {
        case .null: return 0
        case .boolean: return 1
        case .integer, .number: return 2
        case .date: return 3
        case .string: return 4
        }
    }

    /// Nulls first, then booleans, numbers (integers and numbers compare numerically), dates, strings.
    public static func < (a: Value, b: Value) -> Bool {
        switch (a, b) {
        case let (.string(x), .string(y)): return x < y
        case let (.integer(x), .integer(y)): return x < y
        case let (.boolean(x), .boolean(y)): return !x && y
        case let (.date(x), .date(y)): return x < y
        default:
            if let x = a.doubleValue, let y = b.doubleValue { return x < y }
            return a.rank < b.rank
        }
    }
}

/// A typed, columnar array of cells. Missing values (per `missingValues`) are `nil`.
/// Table Schema `year` fields are stored as `.integer`; see ``Field/type`` for the declared type.
public enum Column: Sendable, Hashable {
    case string([String?])
    case integer([Int?])
    case number([Double?])
    case boolean([Bool?])
    case date([CivilDate?])

    /// Number of cells.
    public var count: Int {
        switch self {
        case .string(let a): return a.count
        case .integer(let a): return a.count
        case .number(let a): return a.count
        case .boolean(let a): return a.count
        case .date(let a): return a.count
        }
    }

    /// The cell at `row` as a ``Value`` (`.null` when missing).
    public subscript(row: Int) -> Value {
        switch self {
        case .string(let a): return a[row].map(Value.string) ?? .null
        case .integer(let a): return a[row].map(Value.integer) ?? .null
        case .number(let a): return a[row].map(Value.number) ?? .null
        case .boolean(let a): return a[row].map(Value.boolean) ?? .null
        case .date(let a): return a[row].map(Value.date) ?? .null
        }
    }

    /// True when the cell at `row` is missing.
    public func isNull(_ row: Int) -> Bool {
        switch self {
        case .string(let a): return a[row] == nil
        case .integer(let a): return a[row] == nil
        case .number(let a): return a[row] == nil
        case .boolean(let a): return a[row] == nil
        case .date(let a): return a[row] == nil
        }
    }

    /// Number of non-missing cells.
    public var nonNullCount: Int { (0..<count).reduce(0) { $0 + (isNull($1) ? 0 : 1) } }

    /// The cells as strings, if this is a string column.
    public var strings: [String?]? { if case .string(let a) = self { return a } else { return nil } }
    /// The cells as integers, if this is an integer (or year) column.
    public var integers: [Int?]? { if case .integer(let a) = self { return a } else { return nil } }
    /// The cells as booleans, if this is a boolean column.
    public var booleans: [Bool?]? { if case .boolean(let a) = self { return a } else { return nil } }
    /// The cells as dates, if this is a date column.
    public var dates: [CivilDate?]? { if case .date(let a) = self { return a } else { return nil } }
    /// Numeric view: number columns as is, integer columns converted; `nil` for other types.
    public var doubles: [Double?]? {
        switch self {
        case .number(let a): return a
        case .integer(let a): return a.map { $0.map(Double.init) }
        default: return nil
        }
    }

    /// All cells as ``Value``s.
    public var values: [Value] { (0..<count).map { self[$0] } }

    /// A new column of the same type holding the cells at `rows` (`nil` index → missing cell).
    public func gather(_ rows: [Int?]) -> Column {
        switch self {
        case .string(let a): return .string(rows.map { $0.flatMap { a[$0] } })
        case .integer(let a): return .integer(rows.map { $0.flatMap { a[$0] } })
        case .number(let a): return .number(rows.map { $0.flatMap { a[$0] } })
        case .boolean(let a): return .boolean(rows.map { $0.flatMap { a[$0] } })
        case .date(let a): return .date(rows.map { $0.flatMap { a[$0] } })
        }
    }

    /// A new column of the same type holding the cells at `rows`.
    public func gather(_ rows: [Int]) -> Column {
        switch self {
        case .string(let a): return .string(rows.map { a[$0] })
        case .integer(let a): return .integer(rows.map { a[$0] })
        case .number(let a): return .number(rows.map { a[$0] })
        case .boolean(let a): return .boolean(rows.map { a[$0] })
        case .date(let a): return .date(rows.map { a[$0] })
        }
    }

    /// Builds a column of the given storage type from values (values of another type become nil).
    public static func from(_ values: [Value], as type: FieldType) -> Column {
        switch type {
        case .string:
            return .string(values.map { if case .string(let s) = $0 { return s } else { return $0.isNull ? nil : $0.description } })
        case .integer, .year:
            return .integer(values.map { if case .integer(let i) = $0 { return i } else { return nil } })
        case .number:
            return .number(values.map { $0.doubleValue })
        case .boolean:
            return .boolean(values.map { if case .boolean(let b) = $0 { return b } else { return nil } })
        case .date:
            return .date(values.map { if case .date(let d) = $0 { return d } else { return nil } })
        }
    }
}
