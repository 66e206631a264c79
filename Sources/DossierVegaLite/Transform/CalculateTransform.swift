/// Vega-Lite's `calculate` transform: the expression's value on each row, as the field `as`
/// (added at the end, or replacing a field of that name).
enum CalculateTransform {
    static func apply(_ expression: VegaExpression, as name: String, to table: TransformTable) throws -> TransformTable {
        for field in expression.fields { try table.require(field, in: "calculate") }
        var result = table
        result.set(name, (0..<table.rowCount).map { row in expression.evaluate { table.value($0, row) } })
        return result
    }
}
