import DossierBase

/// Vega-Lite's `fold` transform: each row becomes one row per folded field, holding the
/// other fields, the field's name (`as[0]`, default `key`) and its value (`as[1]`, `value`).
enum FoldTransform {
    static func apply(_ fields: [String], as names: (key: String, value: String), to table: TransformTable) throws -> TransformTable {
        for field in fields { try table.require(field, in: "fold") }
        let rows = (0..<table.rowCount).flatMap { row in Array(repeating: row, count: fields.count) }
        var result = table.picking(rows)
        result.set(names.key, rows.indices.map { .string(fields[$0 % fields.count]) })
        result.set(names.value, rows.indices.map { i in table.value(fields[i % fields.count], rows[i]) })
        return result
    }
}
