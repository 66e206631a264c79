import DossierBase
/// A layer's lookup: fields of another data table added to each row whose key matches, as
/// Vega-Lite's `lookup` transform does. For example, map points of small island states
/// (`small_island_states`: `iso3`, `longitude`, `latitude`) take the count that colours the
/// countries' shapes from the countries' table:
///
/// ```yaml
/// lookup: {field: iso3, from: countries, fields: [name, twinning_ties]}
/// ```
///
/// A row takes the values of the first row of `from` whose `key` equals its `field`; a row with
/// no match (or a missing key) gets missing values.
public struct LookupSpec: Sendable, Decodable, Equatable {
    /// The field of the layer's own data that holds the key.
    public var field: String
    /// The data table to look up in (a name of the `data` given to the compiler).
    public var from: String
    /// The field of `from` matched against `field` (default: the same name as `field`).
    public var key: String?
    /// The fields of `from` to add; none of them may already be a field of the layer's data.
    public var fields: [String]

    /// Creates a lookup in code.
    public init(field: String, from: String, key: String? = nil, fields: [String]) {
        self.field = field
        self.from = from
        self.key = key
        self.fields = fields
    }
}

extension ChartData {
    /// This table with `lookup.fields` of `tables[lookup.from]` added as columns, matched on
    /// the keys; `layer` (1-based) and `dataName` name the layer and its data in errors.
    package func adding(_ lookup: LookupSpec, from tables: [String: ChartData], layer: Int, dataName: String) throws -> ChartData {
        guard let other = tables[lookup.from] else {
            throw ChartError.dataNotFound(layer: layer, data: lookup.from, available: tables.keys.sorted())
        }
        for c in other.columns where c.values.count != other.rowCount {
            throw ChartError.raggedData(data: lookup.from, column: c.name, count: c.values.count, expected: other.rowCount)
        }
        guard let ownKeys = column(lookup.field) else {
            throw ChartError.fieldNotFound(layer: layer, channel: "lookup", field: lookup.field, data: dataName,
                                           available: fieldNames)
        }
        let keyName = lookup.key ?? lookup.field
        guard let otherKeys = other.column(keyName) else {
            throw ChartError.fieldNotFound(layer: layer, channel: "lookup", field: keyName, data: lookup.from,
                                           available: other.fieldNames)
        }
        let own = FieldColumn(name: lookup.field, column: ownKeys)
        let theirs = FieldColumn(name: keyName, column: otherKeys)
        var firstRow: [String: Int] = [:]
        for j in 0..<other.rowCount {
            if let k = theirs.key(j), firstRow[k] == nil { firstRow[k] = j }
        }
        let match: [Int?] = (0..<rowCount).map { i in own.key(i).flatMap { firstRow[$0] } }
        var result = self
        for name in lookup.fields {
            guard let values = other.column(name) else {
                throw ChartError.fieldNotFound(layer: layer, channel: "lookup", field: name, data: lookup.from,
                                               available: other.fieldNames)
            }
            guard result.column(name) == nil else {
                throw ChartError.invalidSpec(
                    "layer \(layer): lookup: field \"\(name)\" is already a field of data \"\(dataName)\"; look up other fields or rename the column")
            }
            switch values {
            case .numbers(let v): result.columns.append((name, .numbers(match.map { $0.flatMap { v[$0] } })))
            case .strings(let v): result.columns.append((name, .strings(match.map { $0.flatMap { v[$0] } })))
            }
        }
        return result
    }
}

extension ChartSpec {
    /// Every named data table the chart reads, sorted: each layer's `data` name and each
    /// lookup's `from` (not inline `values`, not `url` files, not the `shapes`).
    public var dataNames: [String] {
        Set(layers.flatMap { layer -> [String] in
            let own: [String]
            if case .named(let name) = layer.source { own = [name] } else { own = [] }
            return own + (layer.lookup.map { [$0.from] } ?? [])
        } + transformSources.compactMap { source -> String? in
            if case .named(let name) = source { return name }
            return nil
        }).sorted()
    }
}

extension LookupSpec {
    private enum CodingKeys: String, CodingKey, CaseIterable { case field, from, key, fields }

    /// Decodes a lookup, rejecting unknown keys.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "a lookup")
        field = try c.decode(String.self, forKey: .field)
        from = try c.decode(String.self, forKey: .from)
        key = try c.decodeIfPresent(String.self, forKey: .key)
        fields = try c.decode([String].self, forKey: .fields)
    }
}
