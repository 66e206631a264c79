/// A computed result that a report can reference by name: numbers, text, intervals, records
/// of named values, and tables. Analyses produce these; expressions and figures read them.
package indirect enum ResultValue: Sendable, Equatable {
    case number(Double)
    case integer(Int)
    case text(String)
    case boolean(Bool)
    /// A confidence interval with its level (e.g. 0.95).
    case interval(low: Double, high: Double, level: Double)
    /// Named fields in a fixed order.
    case record([Field])
    /// A result table.
    case table(ResultTable)
    /// A list of values.
    case list([ResultValue])
    /// No value (a missing cell).
    case missing

    /// One named field of a record.
    package struct Field: Sendable, Equatable {
        package var name: String
        package var value: ResultValue
        package init(_ name: String, _ value: ResultValue) {
            self.name = name
            self.value = value
        }
    }

    /// The kind with its article ("a number", "an integer"), for error messages.
    package var kindWithArticle: String {
        let name = kindName
        return (["a", "e", "i", "o", "u"].contains(name.prefix(1)) ? "an " : "a ") + name
    }

    /// A short name for the kind of value, for error messages.
    package var kindName: String {
        switch self {
        case .number: return "number"
        case .integer: return "integer"
        case .text: return "text"
        case .boolean: return "boolean"
        case .interval: return "interval"
        case .record: return "record"
        case .table: return "table"
        case .list: return "list"
        case .missing: return "missing value"
        }
    }

    /// The value as a Double, when it is numeric.
    package var doubleValue: Double? {
        switch self {
        case let .number(value): return value
        case let .integer(value): return Double(value)
        default: return nil
        }
    }

    /// The field named `name` of a record.
    package func field(_ name: String) -> ResultValue? {
        guard case let .record(fields) = self else { return nil }
        return fields.first { $0.name == name }?.value
    }

    /// The value a dotted path (`analysis.member.member`, in expressions and in a figure's or
    /// table's data) reaches by `.name` from this one: a record's field; a table's column (as a
    /// list; a column wins over the built-in members, so a column called "n" is reachable and
    /// the row count is then `.rows.n`), its row count `n` or its `rows`; a list's length `n`;
    /// an interval's `low`, `high` and `level`.
    package func member(_ name: String) -> ResultValue? {
        switch self {
        case let .interval(low, high, level):
            switch name {
            case "low": return .number(low)
            case "high": return .number(high)
            case "level": return .number(level)
            default: return nil
            }
        case .record:
            return field(name)
        case let .table(table):
            if let column = table.column(name) { return .list(column.values) }
            if name == "n" { return .integer(table.rowCount) }
            if name == "rows" { return .list((0..<table.rowCount).map(table.row)) }
        case let .list(items):
            if name == "n" { return .integer(items.count) }
        default:
            break
        }
        return nil
    }

    /// The names a path can continue with from this value.
    package var memberNames: [String] {
        switch self {
        case let .record(fields): return fields.map(\.name)
        case let .table(table): return ["rows", "n"] + table.columns.map(\.name)
        case .interval: return ["low", "high", "level"]
        default: return []
        }
    }
}

/// A small table of results: named columns of values, all the same length.
package struct ResultTable: Sendable, Equatable {
    /// One named column.
    package struct Column: Sendable, Equatable {
        package var name: String
        package var values: [ResultValue]
        package init(name: String, values: [ResultValue]) {
            self.name = name
            self.values = values
        }
    }

    package var columns: [Column]

    package init(columns: [Column]) {
        self.columns = columns
    }

    /// Number of rows.
    package var rowCount: Int { columns.first?.values.count ?? 0 }

    /// The column named `name`.
    package func column(_ name: String) -> Column? {
        columns.first { $0.name == name }
    }

    /// Row `index` as a record.
    package func row(_ index: Int) -> ResultValue {
        .record(columns.map { ResultValue.Field($0.name, $0.values[index]) })
    }
}
