import DossierVegaLite

/// Vega-Lite's `aggregate` in an encoding: the layer's rows are grouped by every field encoded
/// without an aggregate (and the facet field), and each aggregated channel gets one value per
/// group, in a column named as Vega-Lite names it (`mean_Horsepower`, `__count`). Groups keep
/// the order in which they first appear.
enum EncodingAggregation {
    /// The aggregated table and the encoding pointing at its columns (with Vega-Lite's
    /// default titles, "Mean of Horsepower"); the input unchanged when no channel aggregates.
    static func apply(_ table: ChartData, encoding: Encoding, facetField: String?, layer index: Int,
                      dataName: String) throws -> (ChartData, Encoding) {
        let aggregated = Channel.allCases.filter { encoding[$0]?.aggregate != nil }
        guard !aggregated.isEmpty else { return (table, encoding) }
        var keyFields: [String] = []
        for channel in Channel.allCases where encoding[channel]?.aggregate == nil {
            if let field = encoding[channel]?.field, !keyFields.contains(field) { keyFields.append(field) }
        }
        if let facetField, table.column(facetField) != nil, !keyFields.contains(facetField) { keyFields.append(facetField) }
        var keyColumns: [(String, FieldColumn)] = []
        for field in keyFields {
            guard let column = table.column(field) else {
                throw ChartError.fieldNotFound(layer: index, channel: "aggregate", field: field, data: dataName, available: table.fieldNames)
            }
            keyColumns.append((field, FieldColumn(name: field, column: column)))
        }
        let required = keyColumns.filter { InvalidPositions.continuousFields(encoding).contains($0.0) }.map(\.1)
        // Group rows by their key values; a row with no continuous x or y makes no group.
        var groupOf: [[String?]: Int] = [:]
        var firstRow: [Int] = []
        var members: [[Int]] = []
        for row in 0..<table.rowCount where required.allSatisfy({ $0.key(row) != nil }) {
            let key = keyColumns.map { $0.1.key(row) }
            if let group = groupOf[key] {
                members[group].append(row)
            } else {
                groupOf[key] = members.count
                firstRow.append(row)
                members.append([row])
            }
        }
        var columns: [(name: String, values: ChartColumn)] = keyColumns.map { name, _ in
            (name, pick(table.column(name) ?? .numbers([]), rows: firstRow))
        }
        var rewritten = encoding
        for channel in aggregated {
            guard var def = encoding[channel], let op = def.aggregate else { continue }
            var values: [Double?] = Array(repeating: nil, count: table.rowCount)
            if let field = def.field, op != .count {
                guard let column = table.column(field) else {
                    throw ChartError.fieldNotFound(layer: index, channel: channel.rawValue, field: field, data: dataName,
                                                   available: table.fieldNames)
                }
                let bound = FieldColumn(name: field, column: column)
                if bound.numbers == nil, op != .valid, op != .missing, op != .distinct {
                    if let bad = (0..<table.rowCount).lazy.compactMap({ bound.strings?[$0] }).first(where: { Double($0) == nil }) {
                        throw ChartError.notNumeric(layer: index, channel: channel.rawValue, field: field, value: bad)
                    }
                }
                values = (0..<table.rowCount).map { bound.number($0) }
            } else if op != .count {
                throw ChartError.invalidSpec("layer \(index): \(channel.rawValue): `aggregate: \(op.rawValue)` needs a `field`")
            }
            let name = op.outputName(of: def.field)
            columns.append((name, .numbers(members.map { rows in op.apply(rows.map { values[$0] }, rows: rows.count) })))
            def.title = def.title ?? op.title(of: def.field)
            def.field = name
            def.aggregate = nil
            if def.type == nil || def.type == .nominal { def.type = .quantitative }
            rewritten[channel] = def
        }
        return (ChartData(columns: columns), rewritten)
    }

    /// The values of `column` at `rows`.
    private static func pick(_ column: ChartColumn, rows: [Int]) -> ChartColumn {
        switch column {
        case .numbers(let values): return .numbers(rows.map { values[$0] })
        case .strings(let values): return .strings(rows.map { values[$0] })
        }
    }
}
