import DossierBase

/// A layer's rows while its transforms run: named columns of ``ExpressionValue``s (numbers,
/// texts, booleans, null), converted from and back to the compiler's ``ChartData``.
package struct TransformTable: Sendable, Equatable {
    /// The column names, in order.
    var names: [String]
    /// The values of each column, by name.
    var columns: [String: [ExpressionValue]]
    /// The number of rows.
    package var rowCount: Int

    /// A table from columns given in order.
    init(_ ordered: [(String, [ExpressionValue])], rowCount: Int) {
        names = []
        columns = [:]
        self.rowCount = rowCount
        for (name, values) in ordered { set(name, values) }
    }

    /// The chart data as values: a number column gives numbers, a text column whose present
    /// values are all `true`/`false` gives booleans (as Vega's type inference reads them), any
    /// other text column gives texts; a missing cell is null.
    package init(_ data: ChartData) {
        let rows = data.rowCount
        self.init(data.columns.map { name, column -> (String, [ExpressionValue]) in
            switch column {
            case .numbers(let v): return (name, v.map { $0.map(ExpressionValue.number) ?? .null })
            case .strings(let v):
                let booleans = v.contains { $0 != nil } && v.allSatisfy { $0 == nil || $0 == "true" || $0 == "false" }
                return (name, v.map { s in s.map { booleans ? .boolean($0 == "true") : .string($0) } ?? .null })
            }
        }, rowCount: rows)
        for (name, values) in data.nested where columns[name] != nil && values.count == rows {
            columns[name] = values.map(ExpressionValue.init(record:))
        }
    }

    /// The values of `name`, or nil when the table lacks it.
    package func column(_ name: String) -> [ExpressionValue]? { columns[name] }

    /// Sets (adds at the end, or replaces in place) the column `name`.
    package mutating func set(_ name: String, _ values: [ExpressionValue]) {
        if columns[name] == nil { names.append(name) }
        columns[name] = values
    }

    /// The value of `name` in `row`, null when the table lacks the field.
    package func value(_ name: String, _ row: Int) -> ExpressionValue {
        columns[name]?[row] ?? .null
    }

    /// The rows at `rows`, in that order (a row may repeat).
    func picking(_ rows: [Int]) -> TransformTable {
        var result = TransformTable([], rowCount: rows.count)
        for name in names { result.set(name, rows.map { columns[name]?[$0] ?? .null }) }
        return result
    }

    /// The table as chart data: a column whose present values are all numbers is numeric (NaN
    /// and infinities become missing, as Vega leaves invalid values out); any other is text,
    /// numbers spelt as JavaScript spells them and booleans as `true`/`false`.
    package func chartData(features: [GeoFeature]) -> ChartData {
        let (names, columns, nested) = expandingNested()
        var data = ChartData(columns: names.map { name in
            let values = columns[name] ?? []
            let numeric = values.allSatisfy { if case .string = $0 { return false }; if case .boolean = $0 { return false }; return true }
            if numeric {
                return (name, .numbers(values.map { if case .number(let n) = $0, n.isFinite { return n }; return nil }))
            }
            return (name, .strings(values.map { $0 == .null ? nil : $0.text }))
        })
        data.features = features
        data.nested = nested
        return data
    }
}

extension TransformTable {
    /// The rows grouped by the values of `fields`: each group's rows in order, groups in order
    /// of first appearance (null is a value of its own, as in Vega).
    func groups(by fields: [String]) -> [[Int]] {
        var index: [[ExpressionValue]: Int] = [:]
        var groups: [[Int]] = []
        for row in 0..<rowCount {
            let key = fields.map { Self.groupKey(value($0, row)) }
            if let g = index[key] {
                groups[g].append(row)
            } else {
                index[key] = groups.count
                groups.append([row])
            }
        }
        return groups
    }

    /// A value as a grouping key: NaN equals NaN.
    private static func groupKey(_ value: ExpressionValue) -> ExpressionValue {
        if case .number(let n) = value, n.isNaN { return .string("\u{0}NaN") }
        return value
    }

    /// Throws when `field` is not a column, naming the transform and the columns there are.
    func require(_ field: String, in what: String) throws {
        guard columns[field] != nil else {
            throw TransformError(message: "\(what): field \(InputExcerpt.quoted(field)) not found"
                                 + NameHint.hint(for: field, known: names))
        }
    }
}

/// A transform that cannot run on the data it was given (a field the rows lack); the compiler
/// reports it with the layer's number.
package struct TransformError: Error, Sendable, Equatable {
    package var message: String
}
