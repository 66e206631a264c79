/// Vega-Lite's `filter` transform: keeps the rows for which the predicate holds, in order.
enum FilterTransform {
    static func apply(_ predicate: FilterPredicate, to table: TransformTable) throws -> TransformTable {
        for field in predicate.fields { try table.require(field, in: "filter") }
        let kept = (0..<table.rowCount).filter { row in predicate.holds { table.value($0, row) } }
        return table.picking(kept)
    }
}
