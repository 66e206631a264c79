import DossierBase

/// Vega-Lite's `pivot` transform: the distinct values of the `pivot` field (sorted ascending,
/// at most `limit` of them) become fields; each row of the result is one group of `groupby`
/// (in order of first appearance) holding, in each new field, the `op` (default `sum`) of
/// `value` over the group's rows with that key. A key a group lacks is missing there (Vega
/// leaves the field undefined; vl-convert checked).
package struct PivotTransform: Sendable, Equatable {
    package var field: String
    package var value: String
    package var groupby: [String]
    package var limit: Int?
    package var op: AggregateOp

    /// The most new fields a pivot makes.
    static let maximumKeys = 1_000
}

extension PivotTransform: Decodable {
    private enum CodingKeys: String, CodingKey, CaseIterable { case pivot, value, groupby, limit, op }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "a pivot transform")
        field = try c.decode(String.self, forKey: .pivot)
        value = try c.decode(String.self, forKey: .value)
        groupby = try c.decodeIfPresent([String].self, forKey: .groupby) ?? []
        let given = try c.decodeWholeNumber(.limit, NumberRule(name: "limit", min: 0, max: Double(Self.maximumKeys), unit: "fields"))
        limit = given == 0 ? nil : given
        op = c.contains(.op) ? try AggregateOp.decode(c, forKey: .op) : .sum
    }
}

extension PivotTransform {
    func apply(to table: TransformTable) throws -> TransformTable {
        try table.require(field, in: "pivot")
        try table.require(value, in: "pivot: value")
        for name in groupby { try table.require(name, in: "pivot: groupby") }
        var seen = Set<String>(), keys: [ExpressionValue] = []
        for row in 0..<table.rowCount {
            let key = table.value(field, row)
            if seen.insert(key.text).inserted { keys.append(key) }
        }
        keys.sort { $0.compare($1) == .orderedAscending }
        if let limit { keys = Array(keys.prefix(limit)) }
        guard keys.count <= Self.maximumKeys else {
            throw TransformError(message: "pivot: field \(InputExcerpt.quoted(field)) has \(keys.count) distinct values, more than \(Self.maximumKeys) new fields; give `limit`")
        }
        let groups = table.groups(by: groupby)
        var result = TransformTable([], rowCount: groups.count)
        for name in groupby { result.set(name, groups.map { table.value(name, $0[0]) }) }
        let values = table.column(value) ?? []
        for key in keys {
            let text = key.text
            result.set(text, groups.map { rows in
                let matching = rows.filter { table.value(field, $0).text == text }
                return matching.isEmpty ? .null : AggregateTransform.summary(op, values, rows: matching)
            })
        }
        return result
    }
}
