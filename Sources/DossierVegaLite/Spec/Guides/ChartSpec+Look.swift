import DossierBase

extension ChartSpec {
    /// The top-level keys about the chart's look: `config`, and `background`, `padding`,
    /// `view` and `autosize`, which Vega-Lite also allows beside it.
    static let lookKeys = ["config", "background", "padding", "view", "autosize"]

    /// The chart's `config` with its top-level `background`, `padding` and `view` over it
    /// (Vega-Lite: a top-level key wins over the config's); `autosize` is checked.
    static func decodeLook(_ decoder: any Decoder) throws -> ChartConfig {
        let c = try decoder.container(keyedBy: AnyKey.self)
        let key = { (name: String) in AnyKey(stringValue: name) }
        var config = try c.decodeIfPresent(ChartConfig.self, forKey: key("config")) ?? ChartConfig()
        if c.contains(key("background")) {
            config.background = try c.decodeNil(forKey: key("background")) ? .some(nil) : .some(try c.decodeColor(key("background")))
        }
        if c.contains(key("padding")) {
            guard (try? c.decode(Double.self, forKey: key("padding"))) != nil else {
                throw c.failure(key("padding"), "padding is not a number, expected one number of points for every side")
            }
            config.padding = try c.decodeNumber(key("padding"), GuideLimits.padding)
        }
        if c.contains(key("view")) {
            let view = try GuideProperties(from: c.superDecoder(forKey: key("view")), table: ChartConfig.viewTable,
                                           what: "a view", unsupported: VegaLiteUnsupportedKeys.view)
            config.view = view.merged(over: config.view)
        }
        if c.contains(key("autosize")) { try checkAutosize(c, key("autosize")) }
        return config
    }

    /// `autosize`: `pad` or `fit` (or `{type, contains, resize}` with those types). Dossier
    /// fits the whole figure into its `width` and `height` either way; other types are errors.
    private static func checkAutosize(_ c: KeyedDecodingContainer<AnyKey>, _ key: AnyKey) throws {
        let types = ["pad", "fit"]
        if let type = try? c.decode(String.self, forKey: key) {
            guard types.contains(type) else {
                throw c.failure(key, "autosize \(InputExcerpt.quoted(type)) is not supported in charts yet, expected pad or fit")
            }
            return
        }
        let nested = try c.superDecoder(forKey: key)
        try UnknownKeys.check(nested, known: ["type", "contains", "resize"], what: "an autosize")
        let o = try nested.container(keyedBy: AnyKey.self)
        if let type = try o.decodeIfPresent(String.self, forKey: AnyKey(stringValue: "type")), !types.contains(type) {
            throw o.failure(AnyKey(stringValue: "type"), "autosize type \(InputExcerpt.quoted(type)) is not supported in charts yet, expected pad or fit")
        }
        if let contains = try o.decodeIfPresent(String.self, forKey: AnyKey(stringValue: "contains")), !["content", "padding"].contains(contains) {
            throw o.failure(AnyKey(stringValue: "contains"), "contains is \(InputExcerpt.quoted(contains)), expected content or padding")
        }
        _ = try o.decodeIfPresent(Bool.self, forKey: AnyKey(stringValue: "resize"))
    }
}
