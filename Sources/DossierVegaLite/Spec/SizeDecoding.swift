import DossierBase

/// Vega-Lite's `width`/`height`: a number of points, or a ``ViewSizeRule`` (`{step}`,
/// `"container"`), which ``rule(_:forKey:)`` reads; ``decode(_:forKey:rule:)`` reads the number.
enum SizeDecoding {
    /// The number of points at `key`; nil when absent or given as a ``ViewSizeRule``.
    static func decode<K: CodingKey>(_ c: KeyedDecodingContainer<K>, forKey key: K, rule: NumberRule) throws -> Double? {
        if try Self.rule(c, forKey: key) != nil { return nil }
        return try c.decodeNumber(key, rule)
    }
}
