import DossierBase

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
