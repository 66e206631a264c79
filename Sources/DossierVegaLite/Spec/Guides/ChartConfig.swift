import DossierBase

/// Vega-Lite's `config`: the look of a chart (fonts, palette, axes, legends, titles, the
/// view), applied over Dossier's theme. A key Dossier does not draw is an error naming it.
public struct ChartConfig: Sendable, Decodable, Equatable {
    /// `axis`, `axisX`, `axisY`, `axisBand`, `axisQuantitative`, … by name.
    var axes: [String: AxisSpec] = [:]
    /// `config.legend`.
    package var legend = GuideProperties()
    /// `config.title`.
    package var title = GuideProperties()
    /// `config.view`: the plot area's frame and default sizes.
    package var view = GuideProperties()
    /// `config.view`'s sizes and step (``ViewSizeConfig``).
    package var viewSize = ViewSizeConfig()
    /// `config.mark` and per-mark defaults (`config.bar`, `config.line`…), by mark name.
    var marks: [String: GuideProperties] = [:]
    /// `config.style`: named sets of mark and axis keys, applied to the marks and axes whose
    /// `style` names them.
    var styles: [String: GuideProperties] = [:]
    /// `config.scale`: band paddings.
    package var scale = GuideProperties()
    /// `config.range`: `category`, `ordinal`, `heatmap`, `ramp`, `diverging` palettes.
    var range: [String: RangeConfig] = [:]
    /// `config.font`: the font family of all text.
    var font: String?
    /// `config.background`: the chart's background colour (`null` or `transparent`: none).
    var background: String??
    /// `config.padding`: the space around the chart, in points.
    var padding: Double?
    /// `config.countTitle`: the title of a `count` axis or legend (Vega-Lite: "Count of Records").
    package var countTitle: String?

    /// Creates an empty config (Dossier's theme as it is).
    public init() {}

    /// The axis config names, as Vega-Lite spells them.
    static let axisKeys: [String] = {
        let kinds = ["", "Band", "Point", "Discrete", "Quantitative", "Temporal"]
        return kinds.map { "axis" + $0 } + kinds.map { "axisX" + $0 } + kinds.map { "axisY" + $0 }
            + ["axisLeft", "axisRight", "axisTop", "axisBottom"]
    }()

    /// Mark names that take mark defaults.
    static let markKeys = ["mark"] + MarkType.allCases.map(\.rawValue) + ["circle", "square", "tick", "arc", "trail", "image", "boxplot", "errorbar", "errorband"]

    /// The `config.view` keys Dossier draws.
    static let viewTable: [String: GuideKind] = [
        "stroke": .color, "strokeWidth": .number(GuideLimits.width), "fill": .color,
        "strokeOpacity": .number(GuideLimits.opacity), "fillOpacity": .number(GuideLimits.opacity),
        "strokeDash": .dash,
    ]

    /// The mark default keys Dossier applies (as the mark's own keys).
    static let markTable = MarkConfig.table

    /// The `config.scale` keys Dossier applies.
    static let scaleTable: [String: GuideKind] = [
        "bandPaddingInner": .number(ChartLimits.padding), "bandPaddingOuter": .number(ChartLimits.padding),
        "barBandPaddingInner": .number(ChartLimits.padding), "rectBandPaddingInner": .number(ChartLimits.padding),
        "pointPadding": .number(ChartLimits.padding),
    ]

    private static let otherKeys = ["legend", "title", "view", "scale", "range", "font", "background", "padding", "countTitle",
                                    "style"] + AccessibilityKeys.names

    /// Decodes a config, checking every key and value.
    public init(from decoder: any Decoder) throws {
        try UnknownKeys.check(decoder, known: Self.axisKeys + Self.markKeys + Self.otherKeys, what: "a config",
                              notYetSupported: VegaLiteUnsupportedKeys.config)
        let c = try decoder.container(keyedBy: AnyKey.self)
        for key in c.allKeys {
            let name = key.stringValue
            let nested = { try c.superDecoder(forKey: key) }
            if Self.axisKeys.contains(name) {
                axes[name] = try AxisSpec(from: nested())
            } else if Self.markKeys.contains(name) {
                marks[name] = try GuideProperties(from: nested(), table: Self.markTable, what: "config.\(name)",
                                                  unsupported: VegaLiteUnsupportedKeys.mark)
            } else {
                switch name {
                case "legend": legend = try GuideProperties(from: nested(), table: LegendProperties.table, what: "config.legend",
                                                            unsupported: VegaLiteUnsupportedKeys.legend)
                case "title": title = try GuideProperties(from: nested(), table: TitleProperties.table, what: "config.title",
                                                          unsupported: VegaLiteUnsupportedKeys.title)
                case "view": view = try GuideProperties(from: nested(), table: Self.viewTable, extraKeys: ViewSizeConfig.keys,
                                                        what: "config.view", unsupported: VegaLiteUnsupportedKeys.view)
                    viewSize = try ViewSizeConfig(from: nested())
                case "scale": scale = try GuideProperties(from: nested(), table: Self.scaleTable, what: "config.scale",
                                                          unsupported: VegaLiteUnsupportedKeys.scaleConfig)
                case "range": range = try c.decode([String: RangeConfig].self, forKey: key)
                case "font": font = try c.decode(String.self, forKey: key)
                case "background": background = try c.decodeNil(forKey: key) ? .some(nil) : .some(try c.decodeColor(key))
                case "padding": padding = try c.decodeNumber(key, GuideLimits.padding)
                case "countTitle": countTitle = try c.decode(String.self, forKey: key)
                case "style": styles = try Self.decodeStyles(nested())
                case "aria": _ = try c.decode(Bool.self, forKey: key)  // accessibility metadata (AccessibilityKeys)
                case "description", "ariaRole", "ariaRoleDescription": _ = try c.decode(String.self, forKey: key)
                default: break
                }
            }
        }
        if let unknown = range.keys.sorted().first(where: { !RangeConfig.names.contains($0) }) {
            throw c.failure(AnyKey(stringValue: "range"), "unknown range \(InputExcerpt.quoted(unknown)), expected one of "
                            + RangeConfig.names.joined(separator: ", ") + NameHint.hint(for: unknown, known: RangeConfig.names))
        }
    }

    /// The axis properties of `channel` from the config, the most specific first winning:
    /// `axisXBand`, `axisXDiscrete`, `axisBand`, `axisDiscrete`, `axisX`, `axisBottom`, `axis`
    /// (Vega-Lite's order).
    package func axis(_ channel: Channel, scale: AxisScaleKind, orient: String) -> GuideProperties {
        let axisChannel = channel == .x ? "axisX" : "axisY"
        let kinds = scale.configNames
        let names = kinds.reversed().map { axisChannel + $0 } + kinds.reversed().map { "axis" + $0 }
            + [axisChannel, "axis" + orient.prefix(1).uppercased() + orient.dropFirst(), "axis"]
        var merged = GuideProperties()
        for name in names.reversed() { if let a = axes[name] { merged = a.properties.merged(over: merged) } }
        return merged
    }

    /// The mark defaults of `mark`: its `style`s (the last winning; by default the style named
    /// by its type) over `config.<type>` over
    /// `config.mark`.
    func markDefaults(_ mark: MarkDef) -> GuideProperties {
        var merged = markDefaults(mark.type.rawValue)
        // Vega-Lite: a mark without a `style` has the style named by its type (`config.style.bar`).
        for name in mark.options.style ?? [mark.type.rawValue] {
            if let style = styles[name] { merged = style.merged(over: merged) }
        }
        return merged
    }

    /// The mark defaults of the mark named `name`: `config.<name>` over `config.mark`.
    func markDefaults(_ name: String) -> GuideProperties {
        (marks[name] ?? GuideProperties()).merged(over: marks["mark"])
    }
}

/// The scale kinds that choose an axis config (`axisBand`, `axisQuantitative`…).
package enum AxisScaleKind {
    case band, point, quantitative, temporal

    var configNames: [String] {
        switch self {
        case .band: return ["Discrete", "Band"]
        case .point: return ["Discrete", "Point"]
        case .quantitative: return ["Quantitative"]
        case .temporal: return ["Temporal"]
        }
    }
}

/// A palette of `config.range`: a list of colours or `{scheme: name}`.
struct RangeConfig: Sendable, Decodable, Equatable {
    /// The colours.
    var colors: [Color]

    /// The ranges Dossier uses: `category` (nominal colours), `ordinal`, `heatmap` and `ramp`
    /// (quantitative colours), `diverging`.
    static let names = ["category", "ordinal", "heatmap", "ramp", "diverging"]

    private enum CodingKeys: String, CodingKey, CaseIterable { case scheme, count }

    init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let list = try? single.decode([String].self) {
            var colors: [Color] = []
            for (index, text) in list.enumerated() {
                do { colors.append(try CSSColor.parse(text)) } catch {
                    throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [SpecIndexKey(index: index)],
                                                            debugDescription: error.description))
                }
            }
            guard !colors.isEmpty else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a range is an empty list, expected colours"))
            }
            self.colors = colors
            return
        }
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "a range")
        let name = try c.decode(String.self, forKey: .scheme)
        if let problem = SpecChecks.scheme(name) { throw c.failure(.scheme, problem) }
        let count = try c.decodeWholeNumber(.count, NumberRule(name: "count", min: 2, max: Double(ChartLimits.colorCategories), unit: ""))
        let all = Palette.scheme(name) ?? []
        if let count, count > 1 {
            colors = NamedSchemes.isContinuous(name)
                ? (0..<count).map { Palette.interpolate(all, Double($0) / Double(count - 1)) } : Array(all.prefix(count))
        } else {
            colors = all
        }
    }
}

extension GuideLimits {
    /// `config.padding`, in points.
    static let padding = NumberRule(name: "padding", min: 0, max: 200, unit: "points")
}
