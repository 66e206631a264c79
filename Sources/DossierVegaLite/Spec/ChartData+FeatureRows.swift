/// Map features as rows (Vega-Lite's data read with `format: {type: topojson, feature: …}`):
/// one row per feature with its `id` and its properties (`properties.<name>`), and a
/// ``geometryField`` column holding a reference to the feature's shape, which a `geoshape`
/// mark draws (and a `lookup` without `from.fields` copies under its `as` name).
extension ChartData {
    /// The column holding each row's shape reference (as the `geometry` member of a Vega feature).
    public static let geometryField = "geometry"

    /// Rows of `features`, read under the data key `key` (their shape references name it).
    public init(featureRows features: [GeoFeature], key: String) {
        var columns: [(name: String, values: ChartColumn)] = []
        let ids = features.map(\.id)
        let numericIDs = ids.map { Double($0) }
        if !ids.isEmpty, numericIDs.allSatisfy({ $0 != nil }) {
            columns.append(("id", .numbers(numericIDs)))
        } else {
            columns.append(("id", .strings(ids.map { $0.isEmpty ? nil : $0 })))
        }
        let names = Set(features.flatMap(\.properties.keys)).sorted()
        for name in names {
            let texts = features.map { $0.properties[name] }
            let numbers = texts.map { $0.flatMap(Double.init) }
            let allNumeric = zip(texts, numbers).allSatisfy { $0 == nil || $1 != nil }
            columns.append(("properties." + name, allNumeric ? .numbers(numbers) : .strings(texts)))
        }
        columns.append((Self.geometryField, .strings(features.indices.map { Self.geometryReference(key: key, index: $0) })))
        self.init(columns: columns)
        self.features = features
    }

    /// The text a row holds for feature `index` of the data entry `key`.
    static func geometryReference(key: String, index: Int) -> String { "\(key)#\(index)" }

    /// The feature a reference names, looked up in `data`; nil for anything else.
    package static func feature(_ reference: String, in data: [String: ChartData]) -> GeoFeature? {
        guard let hash = reference.lastIndex(of: "#"), let index = Int(reference[reference.index(after: hash)...]),
              let entry = data[String(reference[..<hash])], entry.features.indices.contains(index) else { return nil }
        return entry.features[index]
    }
}
