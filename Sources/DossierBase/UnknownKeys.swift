/// A coding key by name, for reading every key of a mapping.
package struct AnyKey: CodingKey {
    package var stringValue: String
    package var intValue: Int? { nil }
    package init(stringValue: String) { self.stringValue = stringValue }
    package init?(intValue: Int) { nil }
}

/// Rejects keys a spec does not know — the report's front matter and every chart object — so
/// that a typo (`subtitel:`, `strokeDahs:`) or a Vega-Lite feature Dossier lacks (`bin:`) is an
/// error with a suggestion instead of being silently ignored (DESIGN.md: "a key Dossier does
/// not implement is an error").
package enum UnknownKeys {
    /// Throws `DecodingError.dataCorrupted` naming the first unknown key (in key order).
    ///
    /// - Parameter notYetSupported: keys of a standard the spec follows (Vega-Lite) that this
    ///   object does not implement yet, each with advice: such a key is named as unsupported
    ///   (`` `bin` in a channel is not supported in charts yet: … ``) rather than unknown.
    package static func check(_ decoder: any Decoder, known: [String], what: String,
                              notYetSupported: NotYetSupportedKeys? = nil) throws {
        try check(decoder, isKnown: known.contains, known: { known }, what: what, notYetSupported: notYetSupported)
    }

    /// ``check(_:known:what:notYetSupported:)`` with the known keys as a test (`isKnown`) and
    /// a list made only for the message (`known`), when building the list costs more than
    /// the test.
    package static func check(_ decoder: any Decoder, isKnown: (String) -> Bool, known: () -> [String], what: String,
                              notYetSupported: NotYetSupportedKeys? = nil) throws {
        let names: [String]
        if let listing = decoder as? any MappingKeyListing, let listed = listing.mappingKeyNames {
            names = listed
        } else {
            names = try decoder.container(keyedBy: AnyKey.self).allKeys.map { $0.stringValue }
        }
        let unknown = names.filter { !isKnown($0) }.sorted()
        guard let first = unknown.first else { return }
        let known = known()
        let description: String
        if let notYetSupported, let advice = notYetSupported.advice[first] {
            description = "`\(first)` in \(what) is not supported in \(notYetSupported.domain) yet: \(advice)"
        } else {
            description = "unknown key \(InputExcerpt.quoted(first)) in \(what)" + NameHint.hint(for: first, known: known.sorted())
        }
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [AnyKey(stringValue: first)],
                                                debugDescription: description))
    }
}

/// Keys a standard defines that an object does not implement yet, each with what to do instead.
package struct NotYetSupportedKeys: Sendable {
    /// Where the keys come from, as the message says it: "charts".
    package let domain: String
    /// Advice per key: "compute it in an analysis".
    package let advice: [String: String]

    /// Creates a table of unsupported keys for `domain`.
    package init(domain: String, advice: [String: String]) {
        self.domain = domain
        self.advice = advice
    }
}
