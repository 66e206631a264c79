import DossierBase

/// Vega-Lite's `lookup` transform: each row takes fields of the row of a secondary table
/// (`from.data`) whose `from.key` equals the row's `lookup` field.
///
/// ```json
/// {"lookup": "person", "from": {"data": {"url": "data/people.csv"}, "key": "name", "fields": ["age"]}}
/// ```
///
/// As in Vega (its `tupleindex`), the last row of `from` with a key wins; a row without a
/// match (or with a null key) gets `default` (null unless given) in each added field. `as`
/// renames the added fields (one name per field). Looking up the whole record (no
/// `from.fields`, `as` a single name) is supported for map features (a TopoJSON `from`): the
/// added field holds each match's shape, for a geoshape's `shape: {field, type: geojson}`;
/// other records would need nested values, which charts do not hold yet.
package struct LookupTransform: Sendable, Equatable {
    /// The field of the layer's rows holding the key.
    package var field: String
    /// The secondary table: a data source (named, a file, or inline values).
    package var from: DataSource
    /// The key field of the secondary table.
    package var key: String
    /// The fields taken from the secondary table.
    package var fields: [String]
    /// The names the fields get (default: their own).
    package var names: [String]
    /// The value of the added fields for a row with no match.
    package var defaultValue: ExpressionValue
    /// Whether the whole record is looked up (no `from.fields`): its shape, for map features.
    package var wholeRecord = false

    /// The key of the secondary table in the compiler's data (inline values are carried here).
    package var dataKey: String { from.defaultKey }
}

extension LookupTransform: Decodable {
    private enum CodingKeys: String, CodingKey, CaseIterable { case lookup, from, names = "as", defaultValue = "default" }
    private enum FromKeys: String, CodingKey, CaseIterable { case data, key, fields }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "a lookup transform")
        field = try c.decode(String.self, forKey: .lookup)
        let f = try c.superDecoder(forKey: .from).checkedContainer(
            keyedBy: FromKeys.self, what: "a lookup's `from`",
            notYetSupported: NotYetSupportedKeys(domain: "charts", advice: [
                "param": "Dossier's charts are static (PDF, SVG, PNG): there is no selection to look up",
            ]))
        from = try f.decode(DataSource.self, forKey: .data)
        key = try f.decode(String.self, forKey: .key)
        guard let given = try f.decodeIfPresent([String].self, forKey: .fields), !given.isEmpty else {
            guard let one = try? c.decode(String.self, forKey: .names) else {
                throw DecodingError.dataCorrupted(.init(codingPath: f.codingPath, debugDescription:
                    "a lookup without `from.fields` (the whole record as one field) needs `as`: the field's name"))
            }
            fields = [ChartData.geometryField]
            names = [one]
            wholeRecord = true
            defaultValue = try c.decodeIfPresent(LiteralValue.self, forKey: .defaultValue)?.value ?? .null
            return
        }
        fields = given
        if c.contains(.names) {
            let names: [String]
            if let one = try? c.decode(String.self, forKey: .names) { names = [one] } else { names = try c.decode([String].self, forKey: .names) }
            guard names.count == given.count else {
                throw DecodingError.dataCorruptedError(forKey: .names, in: c, debugDescription:
                    "a lookup's `as` has \(names.count) name\(names.count == 1 ? "" : "s") for \(given.count) field\(given.count == 1 ? "" : "s") in `from.fields`, expected one name per field")
            }
            self.names = names
        } else {
            names = given
        }
        defaultValue = try c.decodeIfPresent(LiteralValue.self, forKey: .defaultValue)?.value ?? .null
    }
}

/// A literal in a spec (a number, a text, true/false or null) as an expression value.
struct LiteralValue: Decodable {
    var value: ExpressionValue

    init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if single.decodeNil() { value = .null }
        else if let flag = try? single.decode(Bool.self) { value = .boolean(flag) }
        else if let number = try? single.decode(Double.self) { value = .number(number) }
        else if let text = try? single.decode(String.self) { value = .string(text) }
        else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription:
                "expected a number, a text, true/false or null"))
        }
    }
}

extension LookupTransform {
    /// The rows with the looked-up fields added; `tables` holds the secondary table under
    /// ``dataKey`` (inline values are read from the source itself).
    func apply(to table: TransformTable, tables: [String: ChartData]) throws -> TransformTable {
        try table.require(field, in: "lookup")
        let secondaryData: ChartData
        if case .values(let inline) = from {
            secondaryData = inline.chartData
        } else if let found = tables[dataKey] {
            secondaryData = found
        } else {
            throw TransformError(message: "lookup: no data \(InputExcerpt.quoted(dataKey))")
        }
        let secondary = TransformTable(secondaryData)
        if wholeRecord, secondaryData.column(ChartData.geometryField) == nil {
            throw TransformError(message: "lookup: a lookup without `from.fields` (the whole record as one field) is supported for map features "
                                 + "(a topojson `from`) only, found \(InputExcerpt.quoted(dataKey)): list the fields to take in `from.fields`")
        }
        try secondary.require(key, in: "lookup's `from.key`")
        for name in fields { try secondary.require(name, in: "lookup's `from.fields`") }
        var index: [ExpressionValue: Int] = [:]
        for row in 0..<secondary.rowCount {
            let value = secondary.value(key, row)
            if value != .null { index[value] = row }
        }
        let matches = (0..<table.rowCount).map { row -> Int? in
            let value = table.value(field, row)
            return value == .null ? nil : index[value]
        }
        var result = table
        for (name, output) in zip(fields, names) {
            let values = secondary.column(name) ?? []
            result.set(output, matches.map { $0.map { values[$0] } ?? defaultValue })
        }
        return result
    }
}

extension ChartSpec {
    /// The secondary tables the layers' transforms read (`lookup`'s `from.data`), in order.
    var transformSources: [DataSource] {
        layers.flatMap { layer in
            layer.transform.compactMap { step -> DataSource? in
                if case .lookup(let lookup) = step { return lookup.from }
                return nil
            }
        }
    }
}
