import DossierBase
/// A declarative chart: layers of marks whose channels encode data fields, Vega-Lite style.
/// Decoded straight from a report's front matter (YAML or JSON). A single-layer chart may put
/// `data`, `mark` and `encoding` at the top level instead of in `layers`.
public struct ChartSpec: Sendable, Decodable, Equatable {
    /// Chart title, drawn bold at the top left.
    public var title: String?
    /// Subtitle under the title (what the chart shows, units).
    public var subtitle: String?
    /// Note under the plot (method, caveats); wraps to the chart width.
    public var caption: String?
    /// Source note under the caption, drawn as "Source: …".
    public var source: String?
    /// Accessible description (alt text) for SVG `<desc>`; defaults to subtitle or caption.
    public var description: String?
    /// Total width in points, including titles and legends (default 480; 20…2000).
    public var width: Double?
    /// Total height in points (default 300; 20…2000). With facets this is the whole grid.
    public var height: Double?
    /// The layers, drawn in order, sharing scales.
    public var layers: [Layer]
    /// Small multiples: one panel per value of a field, with shared scales.
    public var facet: FacetSpec?
    /// Legend placement and title.
    public var legend: LegendSpec?
    /// Reference lines with labels (e.g. policy papers in given years).
    public var annotations: [Annotation]?
    /// Map projection for `geoshape` layers and `longitude`/`latitude` channels.
    public var projection: ProjectionSpec?

    /// Creates a spec in code.
    public init(title: String? = nil, subtitle: String? = nil, caption: String? = nil, source: String? = nil,
                description: String? = nil, width: Double? = nil, height: Double? = nil, layers: [Layer],
                facet: FacetSpec? = nil, legend: LegendSpec? = nil, annotations: [Annotation]? = nil,
                projection: ProjectionSpec? = nil) {
        self.title = title; self.subtitle = subtitle; self.caption = caption; self.source = source
        self.description = description; self.width = width; self.height = height; self.layers = layers
        self.facet = facet; self.legend = legend; self.annotations = annotations; self.projection = projection
    }

    private enum CodingKeys: String, CodingKey {
        case title, subtitle, caption, source, description, width, height, layers, layer, facet, legend
        case annotations, projection, data, mark, encoding
    }

    /// Decodes a spec; `layer` is accepted as a synonym of `layers`, and a top-level
    /// `data`/`mark`/`encoding` makes a single layer.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let chartKeys = ["title", "subtitle", "caption", "source", "description", "width", "height", "layers", "layer",
                         "facet", "legend", "annotations", "projection"]
        let singleLayer = !c.contains(.layers) && !c.contains(.layer)
        try UnknownKeys.check(decoder, known: chartKeys + (singleLayer ? Layer.keys : []), what: "a chart",
                              notYetSupported: VegaLiteUnsupportedKeys.chart)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        subtitle = try c.decodeIfPresent(String.self, forKey: .subtitle)
        caption = try c.decodeIfPresent(String.self, forKey: .caption)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        width = try c.decodeNumber(.width, ChartLimits.size)
        height = try c.decodeNumber(.height, ChartLimits.size)
        facet = try c.decodeIfPresent(FacetSpec.self, forKey: .facet)
        legend = try c.decodeIfPresent(LegendSpec.self, forKey: .legend)
        annotations = try c.decodeIfPresent([Annotation].self, forKey: .annotations)
        projection = try c.decodeIfPresent(ProjectionSpec.self, forKey: .projection)
        if let list = try c.decodeIfPresent([Layer].self, forKey: .layers) ?? c.decodeIfPresent([Layer].self, forKey: .layer) {
            layers = list
        } else if c.contains(.mark) {
            layers = [try Layer(from: decoder, checkingKeys: false)]
        } else {
            throw DecodingError.keyNotFound(CodingKeys.layers, .init(codingPath: c.codingPath,
                debugDescription: "a chart needs `layers` (or a top-level `data`, `mark` and `encoding`)"))
        }
    }
}
