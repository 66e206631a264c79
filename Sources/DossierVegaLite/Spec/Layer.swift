import DossierBase
/// One layer of marks drawn from one data table.
public struct Layer: Sendable, Decodable, Equatable {
    /// The key of the layer's table in the `data` dictionary given to the compiler: the
    /// source's name, `url:<path>` for a file, `values:<n>` for inline rows.
    public var data: String
    /// Where the rows come from (Vega-Lite `data`): a name, inline `values` or a file `url`.
    public var source: DataSource
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
    /// Fields of another data table added to `data` by key before the channels are bound.
    public var lookup: LookupSpec?
    /// Vega-Lite's `transform`: steps run on the layer's rows (after `lookup`, before the
    /// encoding's aggregate). A layer that inherits its chart's data runs the chart's
    /// transforms first.
    package var transform: [Transform] = []
    /// Vega-Lite's `projection` on a layer: the chart's projection when the chart gives none.
    public var projection: ProjectionSpec?

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case data, mark, encoding, shapes, key, featureKey, lookup, transform, projection
    }

    /// The keys of a layer.
    static let keys = CodingKeys.allCases.map(\.stringValue)

    /// Decodes a layer; `encoding` may be omitted (a geoshape without colour).
    public init(from decoder: any Decoder) throws {
        try self.init(from: decoder, checkingKeys: true)
    }

    /// Decodes a layer, rejecting unknown keys unless the layer's keys share a mapping with
    /// a chart's (a single-layer chart).
    init(from decoder: any Decoder, checkingKeys: Bool) throws {
        if checkingKeys { try UnknownKeys.check(decoder, known: Self.keys, what: "a layer", notYetSupported: VegaLiteUnsupportedKeys.layer) }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // A layer without `data` takes its chart's (Vega-Lite inheritance); the chart fills it.
        source = try c.decodeIfPresent(DataSource.self, forKey: .data) ?? .named("")
        data = source.defaultKey
        mark = try c.decode(MarkDef.self, forKey: .mark)
        encoding = try c.decodeIfPresent(Encoding.self, forKey: .encoding) ?? Encoding()
        shapes = try c.decodeIfPresent(String.self, forKey: .shapes)
        key = try c.decodeIfPresent(String.self, forKey: .key)
        featureKey = try c.decodeIfPresent(String.self, forKey: .featureKey)
        lookup = try c.decodeIfPresent(LookupSpec.self, forKey: .lookup)
        transform = try c.decodeIfPresent([Transform].self, forKey: .transform) ?? []
        projection = try c.decodeIfPresent(ProjectionSpec.self, forKey: .projection)
    }

    /// Whether the layer names no data of its own and takes its chart's.
    var inheritsData: Bool { source == .named("") }

    /// Creates a layer in code.
    public init(data: String, mark: MarkDef, encoding: Encoding = Encoding(), shapes: String? = nil,
                key: String? = nil, featureKey: String? = nil, lookup: LookupSpec? = nil) {
        self.data = data; self.source = .named(data); self.mark = mark; self.encoding = encoding
        self.shapes = shapes; self.key = key; self.featureKey = featureKey; self.lookup = lookup
    }
}
