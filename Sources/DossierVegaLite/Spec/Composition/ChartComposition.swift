import DossierBase

/// Vega-Lite view composition (`hconcat`, `vconcat`, `concat`, `repeat`): views placed on a
/// grid, each drawn as a chart of its own with its own size. Scales are resolved as in
/// Vega-Lite: x and y are independent per view, colour is shared (one legend) unless
/// `resolve` says otherwise.
public struct ChartComposition: Sendable, Equatable {
    /// How the views are placed.
    public enum Arrangement: Sendable, Equatable {
        /// In one row (`hconcat`; `concat` or `repeat` without `columns`).
        case horizontal
        /// In one column (`vconcat`).
        case vertical
        /// Row by row, `columns` views a row (`concat`/`repeat` with `columns`, `repeat` with
        /// `row` and `column`).
        case wrapped(columns: Int)
    }

    /// How the views are placed.
    public var arrangement: Arrangement
    /// The views, in reading order.
    public var views: [ChartSpec]
    /// Gap between rows of views in points (Vega-Lite `spacing`; default 20).
    public var rowSpacing: Double
    /// Gap between columns of views in points (default 20).
    public var columnSpacing: Double
    /// Which channels share a scale and guide across the views (Vega-Lite `resolve`).
    public var resolve: ViewResolve

    /// Vega-Lite's default gap between composed views.
    public static let defaultSpacing = 20.0

    /// Creates a composition in code.
    public init(arrangement: Arrangement, views: [ChartSpec], rowSpacing: Double = Self.defaultSpacing,
                columnSpacing: Double = Self.defaultSpacing, resolve: ViewResolve = ViewResolve()) {
        self.arrangement = arrangement; self.views = views; self.rowSpacing = rowSpacing
        self.columnSpacing = columnSpacing; self.resolve = resolve
    }

    /// Views per row.
    public var columnCount: Int {
        switch arrangement {
        case .horizontal: return max(1, views.count)
        case .vertical: return 1
        case .wrapped(let columns): return max(1, min(columns, views.count))
        }
    }

    /// Rows of views.
    public var rowCount: Int { (views.count + columnCount - 1) / columnCount }
}

/// Vega-Lite's `resolve`: for each channel, whether composed views share its scale, axis and
/// legend (`shared`) or keep their own (`independent`).
public struct ViewResolve: Sendable, Equatable, Decodable {
    /// A resolution.
    public enum Mode: String, Sendable, Equatable, Decodable { case shared, independent }
    /// Scale resolution by channel name.
    public var scale: [String: Mode] = [:]
    /// Axis resolution by channel name.
    public var axis: [String: Mode] = [:]
    /// Legend resolution by channel name.
    public var legend: [String: Mode] = [:]

    /// No resolution given: Vega-Lite's defaults.
    public init() {}

    private enum CodingKeys: String, CodingKey, CaseIterable { case scale, axis, legend }

    /// Decodes `{scale: {x: independent}, legend: {color: shared}, …}`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "a resolve")
        scale = try Self.modes(c, .scale)
        axis = try Self.modes(c, .axis)
        legend = try Self.modes(c, .legend)
    }

    private static let channels = ["x", "y", "color", "fill", "stroke", "opacity", "fillOpacity", "strokeOpacity",
                                   "size", "shape", "strokeWidth", "strokeDash", "angle", "theta", "radius",
                                   "xOffset", "yOffset"]

    private static func modes(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> [String: Mode] {
        guard c.contains(key) else { return [:] }
        let entries = try c.superDecoder(forKey: key)
        try UnknownKeys.check(entries, known: channels, what: "a resolve's \(key.stringValue)")
        let map = try entries.container(keyedBy: AnyKey.self)
        var modes: [String: Mode] = [:]
        for channel in map.allKeys {
            let text = try map.decode(String.self, forKey: channel)
            guard let mode = Mode(rawValue: text) else {
                throw DecodingError.dataCorruptedError(forKey: channel, in: map, debugDescription:
                    "a resolve is \(InputExcerpt.quoted(text)), expected shared or independent")
            }
            modes[channel.stringValue] = mode
        }
        return modes
    }

    /// Whether the views of a concatenation share `channel`'s scale (Vega-Lite: x and y are
    /// independent, every other channel shared).
    public func concatShares(_ channel: String) -> Bool {
        if let mode = scale[channel] { return mode == .shared }
        return channel != "x" && channel != "y"
    }

    /// Whether the views keep one legend for `channel` (a shared scale with a shared legend).
    public func concatSharesLegend(_ channel: String) -> Bool {
        concatShares(channel) && legend[channel] != .independent
    }
}
