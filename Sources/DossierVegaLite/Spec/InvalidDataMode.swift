import DossierBase

/// How a mark treats a row whose continuous x or y is missing (Vega-Lite's mark `invalid`, and
/// `config.mark.invalid`).
public enum InvalidDataMode: String, Sendable, Equatable {
    /// The row is left out of the marks and the scales (Vega-Lite's default for all but paths).
    case filter
    /// The row is drawn: a missing value stands at the scale's zero, or at its minimum when
    /// the domain does not reach zero (Vega-Lite's `"show"`; `invalid: null` means the same).
    case show

    /// The modes, as written.
    static let names = ["filter", "show", "null"]

    /// Vega-Lite's path modes, not drawn yet.
    static let pathModes = ["break-paths-filter-domains", "break-paths-show-domains", "break-paths-show-path-domains"]

    /// Decodes `key` of a mark or mark config: nil when absent, `.show` for `null`.
    static func decode<K: CodingKey>(_ c: KeyedDecodingContainer<K>, _ key: K) throws -> InvalidDataMode? {
        guard c.contains(key) else { return nil }
        if try c.decodeNil(forKey: key) { return .show }
        guard let name = try? c.decode(String.self, forKey: key) else {
            throw c.failure(key, "`invalid` is not a text, expected one of " + names.joined(separator: ", "))
        }
        if let mode = InvalidDataMode(rawValue: name) { return mode }
        if pathModes.contains(name) {
            throw c.failure(key, "`invalid: \(name)` is not supported in charts yet: a line or area joins the rows "
                            + "it has and leaves out those with a missing value; give `filter`, `show` or null")
        }
        throw c.failure(key, "`invalid` is \(InputExcerpt.quoted(name)), expected one of " + names.joined(separator: ", ")
                        + MarkOptions.didYouMean(name, ["filter", "show"] + pathModes))
    }
}
