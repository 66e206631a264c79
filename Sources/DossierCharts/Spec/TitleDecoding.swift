import DossierBase

/// Vega-Lite's `title`: a text, a list of lines, or `{text, subtitle}` (a title object).
/// The lines of a list are joined by spaces (Dossier's title is one line). The title
/// object's style keys (anchor, colour, font, offset…) are not supported: the theme sets them.
enum TitleDecoding {
    /// The title object's style keys, refused with advice.
    static let styleKeys = NotYetSupportedKeys(domain: "charts", advice: Dictionary(uniqueKeysWithValues: [
        "align", "anchor", "angle", "aria", "baseline", "color", "dx", "dy", "font", "fontSize", "fontStyle",
        "fontWeight", "frame", "limit", "lineHeight", "offset", "orient", "style", "subtitleColor", "subtitleFont",
        "subtitleFontSize", "subtitleFontStyle", "subtitleFontWeight", "subtitleLineHeight", "subtitlePadding", "zindex",
    ].map { ($0, "Dossier's look (fonts, palette, sizes) comes from its theme") }))

    /// The title text and the title object's subtitle, if any.
    static func decode<K: CodingKey>(_ c: KeyedDecodingContainer<K>, forKey key: K) throws -> (title: String?, subtitle: String?) {
        guard c.contains(key), !(try c.decodeNil(forKey: key)) else { return (nil, nil) }
        if let text = try? c.decode(String.self, forKey: key) { return (text, nil) }
        if let lines = try? c.decode([String].self, forKey: key) { return (lines.joined(separator: " "), nil) }
        let decoder = try c.superDecoder(forKey: key)
        try UnknownKeys.check(decoder, known: ["text", "subtitle"], what: "a title", notYetSupported: styleKeys)
        let object = try decoder.container(keyedBy: AnyKey.self)
        return (try lines(object, "text"), try lines(object, "subtitle"))
    }

    private static func lines(_ c: KeyedDecodingContainer<AnyKey>, _ name: String) throws -> String? {
        let key = AnyKey(stringValue: name)
        guard c.contains(key) else { return nil }
        if let text = try? c.decode(String.self, forKey: key) { return text }
        return try c.decode([String].self, forKey: key).joined(separator: " ")
    }
}

/// Vega-Lite's `width`/`height`: a number of points, or `{step}` (a size per band), which
/// charts do not take yet.
enum SizeDecoding {
    static func decode<K: CodingKey>(_ c: KeyedDecodingContainer<K>, forKey key: K, rule: NumberRule) throws -> Double? {
        if c.contains(key), (try? c.nestedContainer(keyedBy: AnyKey.self, forKey: key)) != nil {
            let decoder = try c.superDecoder(forKey: key)
            try UnknownKeys.check(decoder, known: [], what: "a \(key.stringValue)", notYetSupported: NotYetSupportedKeys(domain: "charts", advice: [
                "step": "give the \(key.stringValue) in points",
            ]))
        }
        return try c.decodeNumber(key, rule)
    }
}
