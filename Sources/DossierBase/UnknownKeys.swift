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
    package static func check(_ decoder: any Decoder, known: [String], what: String) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        let unknown = container.allKeys.map(\.stringValue).filter { !known.contains($0) }.sorted()
        guard let first = unknown.first else { return }
        throw DecodingError.dataCorrupted(.init(
            codingPath: decoder.codingPath + [AnyKey(stringValue: first)],
            debugDescription: "unknown key \(InputExcerpt.quoted(first)) in \(what)" + NameHint.hint(for: first, known: known.sorted())))
    }
}
