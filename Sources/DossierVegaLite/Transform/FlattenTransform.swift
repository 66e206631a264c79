import DossierBase

/// Vega-Lite's `flatten` transform: each row becomes one row per item of its array fields
/// (`flatten`), holding the other fields and the items (named by `as`, default the fields'
/// own names); with several fields, as many rows as the longest array, shorter ones padded
/// with null. A row whose field is an empty array, or not an array, gives no rows (as in Vega).
package struct FlattenTransform: Sendable, Equatable {
    /// The array fields.
    package var fields: [String]
    /// The output names, one per field.
    package var names: [String]
}

extension FlattenTransform: Decodable {
    private enum CodingKeys: String, CodingKey, CaseIterable { case flatten, names = "as" }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "a flatten transform")
        fields = try c.decode([String].self, forKey: .flatten)
        guard !fields.isEmpty else { throw c.failure(.flatten, "`flatten` names no field, expected the array fields to flatten") }
        let given = try c.decodeIfPresent([String].self, forKey: .names) ?? []
        guard given.count <= fields.count else {
            throw c.failure(.names, "a flatten's `as` has \(given.count) names for \(fields.count) fields, expected at most one per field")
        }
        let named = fields
        names = named.indices.map { $0 < given.count ? given[$0] : named[$0] }
    }
}

extension FlattenTransform {
    func apply(to table: TransformTable) throws -> TransformTable {
        for field in fields { try table.require(field, in: "flatten") }
        var rows: [Int] = [], items: [[ExpressionValue]] = Array(repeating: [], count: fields.count)
        for row in 0..<table.rowCount {
            let arrays = fields.map { table.value($0, row) }
            let lengths = arrays.map { value -> Int? in
                if case .array(let list) = value { return list.count }
                return nil
            }
            guard !lengths.contains(nil) else { continue }
            let longest = lengths.compactMap { $0 }.max() ?? 0
            for i in 0..<longest {
                rows.append(row)
                for (j, array) in arrays.enumerated() { items[j].append(array.member(.number(Double(i)))) }
            }
        }
        var result = table.picking(rows)
        for (j, name) in names.enumerated() { result.set(name, items[j]) }
        return result
    }
}
