import DossierBase

extension ChartConfig {
    /// Vega's own styles of guides and views, which `config.style` could restyle in Vega but
    /// Dossier draws from its theme and the config's axis, legend, title and view keys.
    static let guideStyles: [String: String] = [
        "guide-label": "config.axis's label keys (labelFont, labelFontSize, labelColor…)",
        "guide-title": "config.axis's title keys (titleFont, titleFontSize, titleColor…)",
        "group-title": "config.title", "group-subtitle": "config.title's subtitle keys",
        "cell": "config.view", "view": "config.view",
    ]

    /// What a style may set: the mark config keys and the axis keys (a mark reads the first,
    /// an axis the second); `orient` takes either's words.
    static let styleTable: [String: GuideKind] = {
        var table = AxisSpec.table.merging(MarkConfig.table) { _, mark in mark }
        table["orient"] = .choice(["vertical", "horizontal", "top", "bottom", "left", "right"])
        return table
    }()

    /// Decodes `config.style`: `{name: {mark or axis keys}}`.
    static func decodeStyles(_ decoder: any Decoder) throws -> [String: GuideProperties] {
        let c = try decoder.container(keyedBy: AnyKey.self)
        var styles: [String: GuideProperties] = [:]
        for key in c.allKeys {
            let name = key.stringValue
            if let instead = guideStyles[name] {
                throw c.failure(key, "config.style.\(name) (Vega's style of guides and views) is not supported in charts yet: give \(instead)")
            }
            styles[name] = try GuideProperties(from: c.superDecoder(forKey: key), table: styleTable, what: "config.style.\(name)",
                                               unsupported: VegaLiteUnsupportedKeys.mark)
        }
        return styles
    }

    /// The axis keys of the styles an axis names (`style: "x-axis"` or a list, the last
    /// winning), from `config.style`; a style's mark keys and `orient` are not the axis's.
    package func axisStyles(_ axis: GuideProperties) -> GuideProperties {
        var merged = GuideProperties()
        // A list of names is kept as lines (GuideKind.text joins a list with line breaks).
        for name in (axis.text("style") ?? "").split(separator: "\n").map(String.init) {
            guard let style = styles[name] else { continue }
            let keys = style.values.filter { AxisSpec.table[$0.key] != nil && $0.key != "orient" && $0.key != "style" }
            merged = GuideProperties(values: keys).merged(over: merged)
        }
        return merged
    }
}
