import DossierBase

/// Axis options of a position channel (Vega-Lite's `axis`), also the shape of
/// `config.axis`, `config.axisX`, `config.axisBand`… (``ChartConfig``).
public struct AxisSpec: Sendable, Decodable, Equatable {
    /// `axis: null`: no axis (no labels, ticks, title, domain line or grid).
    public var hidden = false
    /// The keys as written, for the resolution with the config (``ResolvedAxis``).
    package var properties = GuideProperties()

    /// `left`/`right` for y, `bottom`/`top` for x. A y channel with `orient: right` gets its own
    /// scale and axis on the right (a second y axis, e.g. a cumulative line).
    public var orient: String? { properties.text("orient") }
    /// Draw gridlines (default true for quantitative axes; never for the right axis).
    public var grid: Bool? { properties.flag("grid") }
    /// Approximate number of ticks, 1…100 (default from the axis length).
    public var tickCount: Int? { properties.number("tickCount").map { ChartLimits.clampedInt($0) } }
    /// Axis title (overrides the channel title); empty string (or `null`) hides it.
    public var title: String? { properties.isNull("title") ? "" : properties.text("title") }
    /// Label angle in degrees, -360…360 (x axis; default 0, or -90 when labels would collide).
    public var labelAngle: Double? { properties.number("labelAngle") }
    /// Number format of the labels (Vega-Lite's axis `format`; the channel's `format` wins).
    public var format: String? { properties.text("format") }

    /// No axis (`axis: null`).
    public static let hidden = AxisSpec(hidden: true)

    /// Creates axis options in code.
    public init(orient: String? = nil, grid: Bool? = nil, tickCount: Int? = nil, title: String? = nil,
                labelAngle: Double? = nil, format: String? = nil) {
        if let orient { properties["orient"] = .text(orient) }
        if let grid { properties["grid"] = .flag(grid) }
        if let tickCount { properties["tickCount"] = .number(Double(tickCount)) }
        if let title { properties["title"] = .text(title) }
        if let labelAngle { properties["labelAngle"] = .number(labelAngle) }
        if let format { properties["format"] = .text(format) }
    }

    private init(hidden: Bool) { self.hidden = hidden }

    /// The axis keys Dossier draws, and what each takes.
    static let table: [String: GuideKind] = [
        "orient": .choice(["top", "bottom", "left", "right"]),
        "title": .textOrNull,
        "format": .text,
        "formatType": .choice(["number", "time", "utc"]),
        "values": .values,
        "tickCount": .number(ChartLimits.tickCount),
        "tickMinStep": .number(GuideLimits.step),
        "offset": .number(GuideLimits.length),
        "minExtent": .number(GuideLimits.length),
        "maxExtent": .number(GuideLimits.length),
        "zindex": .number(GuideLimits.zindex),
        "disable": .flag,
        "domain": .flag, "domainColor": .color, "domainWidth": .number(GuideLimits.width), "domainDash": .dash,
        "domainOpacity": .number(GuideLimits.opacity),
        "ticks": .flag, "tickColor": .color, "tickWidth": .number(GuideLimits.width), "tickDash": .dash,
        "tickSize": .number(GuideLimits.length), "tickOpacity": .number(GuideLimits.opacity),
        "tickBand": .choice(["center", "extent"]),
        "grid": .flag, "gridColor": .conditional(.color), "gridWidth": .conditional(.number(GuideLimits.width)),
        "gridDash": .conditional(.dash), "gridOpacity": .conditional(.number(GuideLimits.opacity)),
        "labels": .flag, "labelColor": .color, "labelFont": .text, "labelFontSize": .number(GuideLimits.fontSize),
        "labelFontWeight": .fontWeight, "labelAngle": .number(ChartLimits.labelAngle),
        "labelAlign": .choice(["left", "center", "right"]),
        "labelBaseline": .choice(["top", "middle", "bottom", "alphabetic", "line-top", "line-bottom"]),
        "labelPadding": .number(GuideLimits.length), "labelOffset": .number(GuideLimits.length),
        "labelFlush": .flagOrNumber(GuideLimits.length), "labelOverlap": .flagOrChoice(["parity", "greedy"]),
        "labelExpr": .expression, "labelOpacity": .number(GuideLimits.opacity),
        "titleColor": .color, "titleFont": .text, "titleFontSize": .number(GuideLimits.fontSize),
        "titleFontWeight": .fontWeight, "titlePadding": .number(GuideLimits.length),
        "titleOpacity": .number(GuideLimits.opacity),
        // Names of `config.style` entries; a list is kept as lines (ChartConfig.axisStyles).
        "style": .text,
    ].merging(AccessibilityKeys.guideTable) { own, _ in own }

    /// Decodes axis options, checking each value.
    public init(from decoder: any Decoder) throws {
        properties = try GuideProperties(from: decoder, table: Self.table, what: "an axis",
                                         unsupported: VegaLiteUnsupportedKeys.axis)
        if case .number(let n)? = properties["tickCount"], n != n.rounded() {
            let c = try decoder.container(keyedBy: AnyKey.self)
            throw c.failure(AnyKey(stringValue: "tickCount"), "tickCount is \(ChartLimits.spell(n)), expected a whole number")
        }
        if let format = properties.text("format"), !TimeFormat.looksTemporal(format), let problem = SpecChecks.format(format) {
            let c = try decoder.container(keyedBy: AnyKey.self)
            throw c.failure(AnyKey(stringValue: "format"), problem)
        }
    }
}

extension KeyedDecodingContainer {
    /// Whether `key` is present and `null` (false when absent, unlike `decodeNil(forKey:)`).
    func decodeNil(forKey key: Key, ifPresent: Bool) throws -> Bool {
        contains(key) ? try decodeNil(forKey: key) : false
    }
}
