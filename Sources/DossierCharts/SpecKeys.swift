import DossierBase

/// Rejects keys a chart object does not implement, so that a typo (`strokeDahs:`) or a
/// Vega-Lite feature Dossier lacks (`bin:`) is an error with a suggestion instead of being
/// silently ignored (DESIGN.md: "a key Dossier does not implement is an error").
enum SpecKeys {
    /// A key by name, for reading every key of a mapping.
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Throws `DecodingError.dataCorrupted` at the first unknown key (in key order) of the
    /// mapping `decoder` reads, naming `what` it is in and the nearest known key.
    static func check(_ decoder: any Decoder, known: [String], what: String) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        let unknown = container.allKeys.map(\.stringValue).filter { !known.contains($0) }.sorted()
        guard let first = unknown.first else { return }
        let message = "unknown key \(InputExcerpt.quoted(first)) in \(what)" + NameHint.hint(for: first, known: known.sorted())
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [AnyKey(stringValue: first)],
                                                debugDescription: message))
    }
}
