import DossierBase

/// Vega-Lite's `width`/`height` given other than as a number of points.
public enum ViewSizeRule: Sendable, Equatable {
    /// `{step: N}`: N points per band of a discrete (band or point) axis; the plot is as long
    /// as its categories need (Vega-Lite's `step × bandspace(n, paddingInner, paddingOuter)`).
    case step(Double)
    /// `"container"`: the width of the element holding the chart. A report has none, so the
    /// whole chart, axes and padding included, is 300 points, as vl-convert draws it (Vega's
    /// `containerSize()` fallback).
    case container

    /// The whole chart's size in points under `"container"` (Vega's fallback).
    public static let containerFallback = 300.0

    /// A step's range, in points per band.
    static let stepRule = NumberRule(name: "step", min: 1, max: 500, unit: "points")
}

extension SizeDecoding {
    /// The rule of `width`/`height` at `key` when it is `{step}` or `"container"`; nil for a
    /// number or an absent key. Any other text or key is an error naming what was found.
    static func rule<K: CodingKey>(_ c: KeyedDecodingContainer<K>, forKey key: K) throws -> ViewSizeRule? {
        // A number first: a YAML decoder reads any scalar as text too.
        guard c.contains(key), (try? c.decode(Double.self, forKey: key)) == nil else { return nil }
        if let text = try? c.decode(String.self, forKey: key) {
            guard text == "container" else {
                throw c.failure(key, "\(key.stringValue) is \(InputExcerpt.quoted(text)), expected a number of points, {step: N} or \"container\"")
            }
            return .container
        }
        guard (try? c.nestedContainer(keyedBy: AnyKey.self, forKey: key)) != nil else { return nil }
        let decoder = try c.superDecoder(forKey: key)
        try UnknownKeys.check(decoder, known: ["step", "for"], what: "a \(key.stringValue)")
        let step = try decoder.container(keyedBy: AnyKey.self)
        if let target = try step.decodeIfPresent(String.self, forKey: AnyKey(stringValue: "for")), target != "position" {
            throw step.failure(AnyKey(stringValue: "for"), "`for` is \(InputExcerpt.quoted(target)), expected \"position\" (a step per offset band is not supported yet)")
        }
        guard let points = try step.decodeNumber(AnyKey(stringValue: "step"), ViewSizeRule.stepRule) else {
            throw DecodingError.keyNotFound(AnyKey(stringValue: "step"), .init(codingPath: decoder.codingPath,
                debugDescription: "a \(key.stringValue) given as an object needs `step`, the points per band: {step: 20}"))
        }
        return .step(points)
    }
}
