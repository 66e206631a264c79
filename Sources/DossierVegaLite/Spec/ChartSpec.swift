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
    /// Vega-Lite's `width`: the plot area's width in points, titles, axes and legend added
    /// around it (default `config.view.continuousWidth`, else 200; 20…2000). With facets, each
    /// panel's. (A ``Compilation`` reads it as the whole figure's: ``CompositionCompiler`` sizes it.)
    public var width: Double?
    /// Vega-Lite's `height`: the plot area's height in points (default
    /// `config.view.continuousHeight`, else 200; 20…2000). With facets, each panel's.
    public var height: Double?
    /// `width` given as `{step}` or `"container"` (``ViewSizeRule``); `width` is then nil.
    public var widthRule: ViewSizeRule?
    /// `height` given as `{step}` or `"container"`; `height` is then nil.
    public var heightRule: ViewSizeRule?
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
    /// Vega-Lite's `config` with the chart's `background`, `padding` and `view` folded in:
    /// the look applied over Dossier's theme (``ChartConfig``).
    public var config = ChartConfig()
    /// The style keys of an object `title` (`anchor`, `fontSize`, `color`…).
    package var titleStyle = GuideProperties()
    /// Vega-Lite view composition (`hconcat`, `vconcat`, `concat`, `repeat`): the views, each
    /// compiled as a chart of its own; `layers` then lists every view's layers (for their data).
    public var composition: ChartComposition?

    /// Creates a spec in code.
    public init(title: String? = nil, subtitle: String? = nil, caption: String? = nil, source: String? = nil,
                description: String? = nil, width: Double? = nil, height: Double? = nil, layers: [Layer],
                facet: FacetSpec? = nil, legend: LegendSpec? = nil, annotations: [Annotation]? = nil,
                projection: ProjectionSpec? = nil) {
        self.title = title; self.subtitle = subtitle; self.caption = caption; self.source = source
        self.description = description; self.width = width; self.height = height; self.layers = layers
        self.facet = facet; self.legend = legend; self.annotations = annotations; self.projection = projection
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case title, subtitle, caption, source, description, width, height, layers, layer, facet, legend
        case annotations, projection, data, mark, encoding, transform, resolve
        case schema = "$schema"
    }

    /// The keys a chart with `layers` reads for them: its `data`, `encoding` and `transform`
    /// are inherited by the layers, and `resolve` says what they share.
    private static let layeredKeys: [CodingKeys] = [.data, .encoding, .transform, .resolve]

    /// The keys of a chart besides its layers' (`data`, `mark`, `encoding`, `transform`…):
    /// besides `CodingKeys`, Vega-Lite's `name` and `datasets` (read by `ViewContext`) and the
    /// look's keys (`config`, `background`…, read by `decodeLook`).
    static let chartKeys = CodingKeys.allCases.filter { $0 != .mark && !layeredKeys.contains($0) }.map(\.stringValue)
        + ["name", "datasets"] + ChartSpec.lookKeys

    /// Decodes a spec; `layer` is accepted as a synonym of `layers`, and a top-level
    /// `data`/`mark`/`encoding` makes a single layer.
    public init(from decoder: any Decoder) throws {
        try self.init(from: decoder, context: ViewContext())
    }

    /// Decodes a view that inherits `context` (its parent's data, transforms and `datasets`).
    init(from decoder: any Decoder, context outer: ViewContext) throws {
        let context = try outer.addingDatasets(of: decoder)
        if let composed = try ChartComposition.decodeView(decoder, context: context, chartKeys: Self.chartKeys) {
            self = composed
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let chartKeys = Self.chartKeys
        let singleLayer = !c.contains(.layers) && !c.contains(.layer)
        // With layers, a top-level `data` and `encoding` are inherited by the layers (Vega-Lite).
        try UnknownKeys.check(decoder, known: chartKeys + (singleLayer ? Layer.keys : Self.layeredKeys.map(\.stringValue)), what: "a chart",
                              notYetSupported: VegaLiteUnsupportedKeys.chart)
        let titled = try TitleProperties.decode(c, .title)
        (title, titleStyle) = (titled.text, titled.style)
        subtitle = try c.decodeIfPresent(String.self, forKey: .subtitle) ?? titled.subtitle
        config = try ChartSpec.decodeLook(decoder)
        caption = try c.decodeIfPresent(String.self, forKey: .caption)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        width = try SizeDecoding.decode(c, forKey: .width, rule: ChartLimits.size)
        height = try SizeDecoding.decode(c, forKey: .height, rule: ChartLimits.size)
        widthRule = try SizeDecoding.rule(c, forKey: .width)
        heightRule = try SizeDecoding.rule(c, forKey: .height)
        facet = try c.decodeIfPresent(FacetSpec.self, forKey: .facet) ?? FacetSpec.fromEncodingChannels(decoder)
        legend = try c.decodeIfPresent(LegendSpec.self, forKey: .legend)
        annotations = try c.decodeIfPresent([Annotation].self, forKey: .annotations)
        projection = try c.decodeIfPresent(ProjectionSpec.self, forKey: .projection)
        if let schema = try c.decodeIfPresent(String.self, forKey: .schema),
           !["/vega-lite/v5", "/vega-lite/v6"].contains(where: schema.contains) {
            throw DecodingError.dataCorruptedError(forKey: .schema, in: c, debugDescription:
                "$schema is \(InputExcerpt.quoted(schema)), expected a Vega-Lite v5 or v6 schema (https://vega.github.io/schema/vega-lite/v5.json)")
        }
        layers = try Self.decodeLayers(c, decoder: decoder, context: context)
        if layers.count == 1, layers[0].inheritsData, !c.contains(.layers), !c.contains(.layer) {
            throw DecodingError.keyNotFound(CodingKeys.data, .init(codingPath: c.codingPath,
                debugDescription: "a chart needs `data`: a dataset, an analysis, `{values: […]}` or `{url: file.csv}`"))
        }
        projection = projection ?? layers.lazy.compactMap(\.projection).first
        layers = try LayerExpansion.expand(layers, codingPath: c.codingPath)
        legend = Self.fillingLegend(legend, fromChannelsOf: layers)
        Self.numberInlineValues(&layers)
        if context.isRoot, let kind = RepeatReference.firstLeft(in: self) {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription: RepeatProblem(kind: kind, given: []).message))
        }
    }
}

extension ChartSpec {
    /// The chart's layers: its `layers` (or `layer`), each inheriting the chart's data,
    /// transforms and encoding, or, with a top-level `mark`, the chart itself as one layer.
    private static func decodeLayers(_ c: KeyedDecodingContainer<CodingKeys>, decoder: any Decoder,
                             context: ViewContext) throws -> [Layer] {
        let listKey: CodingKeys = c.contains(.layers) ? .layers : .layer
        if c.contains(listKey) {
            return try decodeLayerList(c, listKey: listKey, context: context)
        } else if c.contains(.mark) {
            return [try Layer(from: decoder, checkingKeys: false).resolvingData(in: context)]
        }
        throw DecodingError.keyNotFound(CodingKeys.layers, .init(codingPath: c.codingPath,
            debugDescription: "a chart needs `layers` (or a top-level `data`, `mark` and `encoding`)"))
    }

    /// The layers of `listKey`, given the chart's own `data`, `encoding`, `transform` and
    /// `resolve`.
    private static func decodeLayerList(_ c: KeyedDecodingContainer<CodingKeys>, listKey: CodingKeys,
                                context: ViewContext) throws -> [Layer] {
        let ownData = try c.decodeIfPresent(DataSource.self, forKey: .data)
        let parentData = ownData.map(context.resolving) ?? context.data
        let parentEncoding = try c.decodeIfPresent(Encoding.self, forKey: .encoding)
        // The chart's transforms run on the chart's data, before the transforms of each
        // layer that inherits it; a layer with data of its own does not run them.
        let ownTransform = try c.decodeIfPresent([Transform].self, forKey: .transform) ?? []
        let parentTransform = (ownData == nil ? context.transform : []) + ownTransform
        if !ownTransform.isEmpty, parentData == nil {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [CodingKeys.transform], debugDescription:
                "a chart's `transform` runs on the chart's `data`, and this chart has none: give the chart a `data`, or move the transforms into the layers"))
        }
        let list = try LayerList.decode(c, forKey: listKey, context: context.child(data: ownData, transform: ownTransform))
        var layers = try list.enumerated().map { index, layer in
            var layer = layer.resolvingData(in: ViewContext(datasets: context.datasets))
            if layer.inheritsData {
                guard let parentData else {
                    throw DecodingError.keyNotFound(CodingKeys.data, .init(
                        codingPath: c.codingPath + [listKey, SpecIndexKey(index: index)],
                        debugDescription: "layer \(index + 1) has no `data`: give it one, or give the chart a `data` that its layers share"))
                }
                layer.source = parentData
                layer.data = parentData.defaultKey
                layer.transform = parentTransform + layer.transform
            }
            if let parentEncoding { layer.encoding = layer.encoding.inheriting(parentEncoding) }
            return layer
        }
        if let resolve = try c.decodeIfPresent(ViewResolve.self, forKey: .resolve) {
            layers = try LayerResolve.apply(resolve, to: layers, codingPath: c.codingPath)
        }
        return layers
    }

    /// A channel's `legend` (Vega-Lite) fills the chart's legend where the chart is silent.
    private static func fillingLegend(_ legend: LegendSpec?, fromChannelsOf layers: [Layer]) -> LegendSpec? {
        var legend = legend
        for layer in layers {
            for channel in Channel.allCases {
                if let channelLegend = layer.encoding[channel]?.legend { legend = channelLegend.filling(legend) }
            }
        }
        return legend
    }

    /// Inline `values` get their layer's number as their data name ("values:2").
    private static func numberInlineValues(_ layers: inout [Layer]) {
        for index in layers.indices where layers[index].data.hasPrefix(DataSource.unnumberedValuesKey) {
            layers[index].data = "values:\(index + 1)"
        }
    }
}

extension ChartSpec {
    /// The layers' inline rows (`data: {values: […]}`), by their keys.
    public var inlineData: [String: ChartData] {
        var tables: [String: ChartData] = [:]
        for layer in layers {
            if case .values(let table) = layer.source { tables[layer.data] = table.chartData }
        }
        return tables
    }

    /// The data files the layers read (`data: {url: …}`), by their keys; a TopoJSON file's
    /// object is in ``topologySelections`` under the same key.
    public var dataFiles: [(key: String, path: String, format: DataFileFormat)] {
        var seen = Set<String>()
        let sources = layers.map { ($0.data, $0.source) } + transformSources.map { ($0.defaultKey, $0) }
        return sources.compactMap { key, source in
            guard seen.insert(key).inserted else { return nil }
            switch source {
            case .url(let path, let format): return (key, path, format)
            case .topology(let path, _): return (key, path, .topojson)
            default: return nil
            }
        }
    }

    /// The TopoJSON object each `topojson` data file reads, by the file's key in ``dataFiles``.
    public var topologySelections: [String: TopoJSONSelection] {
        var selections: [String: TopoJSONSelection] = [:]
        let sources = layers.map { ($0.data, $0.source) } + transformSources.map { ($0.defaultKey, $0) }
        for (key, source) in sources {
            if case .topology(_, let selection) = source { selections[key] = selection }
        }
        return selections
    }
}
