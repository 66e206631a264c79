/// Vega-Lite's `joinaggregate` transform: each summary of a row's group (`groupby`, or all
/// rows) added to the row, the rows keeping their order.
enum JoinAggregateTransform {
    static func apply(_ fields: [AggregateFieldDef], groupby: [String], to table: TransformTable) throws -> TransformTable {
        for field in groupby { try table.require(field, in: "joinaggregate: groupby") }
        let groups = table.groups(by: groupby)
        var result = table
        for def in fields {
            let values = try AggregateTransform.summaryInput(def, table: table, in: "joinaggregate")
            var column = Array(repeating: ExpressionValue.null, count: table.rowCount)
            for rows in groups {
                let value = AggregateTransform.summary(def.op, values, rows: rows)
                for row in rows { column[row] = value }
            }
            result.set(def.name, column)
        }
        return result
    }
}
