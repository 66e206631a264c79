import DossierBase

/// Vega-Lite's chart `title` as an object (`{text, subtitle, anchor, fontSize, …}`) and
/// `config.title`: the keys Dossier draws.
enum TitleProperties {
    /// The title keys and what each takes.
    static let table: [String: GuideKind] = [
        "text": .textOrNull, "subtitle": .textOrNull,
        "anchor": .choice(["start", "middle", "end"]),
        "frame": .choice(["bounds", "group"]),
        "orient": .choice(["top"]),
        "offset": .number(GuideLimits.length),
        "font": .text, "fontSize": .number(GuideLimits.fontSize), "fontWeight": .fontWeight,
        "fontStyle": .choice(["normal", "italic"]), "color": .color,
        "subtitleFont": .text, "subtitleFontSize": .number(GuideLimits.fontSize), "subtitleFontWeight": .fontWeight,
        "subtitleFontStyle": .choice(["normal", "italic"]), "subtitleColor": .color,
        "subtitlePadding": .number(GuideLimits.length),
    ].merging(AccessibilityKeys.guideTable) { own, _ in own }

    /// Decodes a chart's `title`: a text (or list of lines), `null`, or an object; returns the
    /// text, the subtitle and the style keys.
    static func decode<K: CodingKey>(_ c: KeyedDecodingContainer<K>, _ key: K) throws
        -> (text: String?, subtitle: String?, style: GuideProperties) {
        guard c.contains(key), try !c.decodeNil(forKey: key) else { return (nil, nil, GuideProperties()) }
        if let text = try? c.decode(String.self, forKey: key) { return (text, nil, GuideProperties()) }
        if let lines = try? c.decode([String].self, forKey: key) { return (lines.joined(separator: "\n"), nil, GuideProperties()) }
        let style = try GuideProperties(from: c.superDecoder(forKey: key), table: table, what: "a title",
                                        unsupported: VegaLiteUnsupportedKeys.title)
        return (style.text("text"), style.text("subtitle"), style)
    }
}

/// Vega-Lite's `legend` keys (on the colour channel, and `config.legend`) that Dossier draws.
package enum LegendProperties {
    /// The corners and sides a legend may take.
    package static let orients = ["right", "left", "top", "bottom", "none", "top-left", "top-right", "bottom-left", "bottom-right"]

    /// The legend keys and what each takes.
    static let table: [String: GuideKind] = [
        "title": .textOrNull,
        "orient": .choice(orients),
        "offset": .number(GuideLimits.length),
        "legendX": .number(NumberRule(name: "legendX", min: -10_000, max: 10_000, unit: "points")),
        "legendY": .number(NumberRule(name: "legendY", min: -10_000, max: 10_000, unit: "points")),
        "direction": .choice(["horizontal", "vertical"]),
        "titleOrient": .choice(["top", "left"]),
        "gradientLength": .number(NumberRule(name: "gradientLength", min: 10, max: 2000, unit: "points")),
        "gradientThickness": .number(NumberRule(name: "gradientThickness", min: 1, max: 200, unit: "points")),
        "columns": .number(NumberRule(name: "columns", min: 0, max: 100, unit: "")),
        "symbolType": .choice(["circle", "square", "stroke"]),
        "symbolSize": .number(NumberRule(name: "symbolSize", min: 1, max: 10_000, unit: "square points")),
        "values": .values,
        "labelExpr": .expression,
        "format": .text,
        "labelColor": .color, "titleColor": .color,
        "labelFontSize": .number(GuideLimits.fontSize), "titleFontSize": .number(GuideLimits.fontSize),
        "disable": .flag,
    ].merging(AccessibilityKeys.guideTable) { own, _ in own }
}
