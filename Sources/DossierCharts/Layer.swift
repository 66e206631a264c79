/// One layer of marks drawn from one data table.
public struct Layer: Sendable, Decodable, Equatable {
    /// Name of the data table (a key of the `data` dictionary given to the compiler).
    public var data: String
    /// The mark type and its options.
    public var mark: MarkDef
    /// Which fields drive which visual channels.
    public var encoding: Encoding
    /// For `geoshape`: name of the data entry holding the map features (GeoJSON).
    public var shapes: String?
    /// For `geoshape`: the field of `data` matched against the features' `featureKey`.
    public var key: String?
    /// For `geoshape`: the feature property matched against `key` (default `ISO_A3`).
    public var featureKey: String?

    /// Creates a layer in code.
    public init(data: String, mark: MarkDef, encoding: Encoding = Encoding(), shapes: String? = nil,
                key: String? = nil, featureKey: String? = nil) {
        self.data = data; self.mark = mark; self.encoding = encoding
        self.shapes = shapes; self.key = key; self.featureKey = featureKey
    }
}
