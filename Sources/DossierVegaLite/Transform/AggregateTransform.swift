/// Vega-Lite's `aggregate` transform: one row per group of the `groupby` fields (groups in
/// order of first appearance), holding the group's values and each summary.
enum AggregateTransform {
    static func apply(_ fields: [AggregateFieldDef], groupby: [String], to table: TransformTable) throws -> TransformTable {
        for field in groupby { try table.require(field, in: "aggregate: groupby") }
        let groups = table.groups(by: groupby)
        var result = TransformTable([], rowCount: groups.count)
        for field in groupby { result.set(field, groups.map { table.value(field, $0[0]) }) }
        for def in fields {
            let values = try summaryInput(def, table: table, in: "aggregate")
            result.set(def.name, groups.map { summary(def.op, values, rows: $0) })
        }
        return result
    }

    /// The numbers an operation reads: the field's values as numbers (null stays missing).
    static func summaryInput(_ def: AggregateFieldDef, table: TransformTable, in what: String) throws -> [ExpressionValue] {
        guard let field = def.field, def.op != .count else { return Array(repeating: .null, count: table.rowCount) }
        try table.require(field, in: what)
        return table.column(field) ?? []
    }

    /// The operation over the rows `rows` of `values`, as a value (missing → null).
    static func summary(_ op: AggregateOp, _ values: [ExpressionValue], rows: [Int]) -> ExpressionValue {
        if op == .distinct {
            // Vega counts distinct values of any type, a missing one included.
            return .number(Double(Set(rows.map { values[$0] }).count))
        }
        if op == .valid { return .number(Double(rows.filter { values[$0].isValid }.count)) }
        if op == .missing { return .number(Double(rows.filter { values[$0] == .null }.count)) }
        let numbers: [Double?] = rows.map { row in
            let v = values[row]
            return v == .null ? nil : v.number
        }
        return op.apply(numbers, rows: rows.count).map(ExpressionValue.number) ?? .null
    }
}
