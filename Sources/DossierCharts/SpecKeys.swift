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
        var message = "unknown key \(InputExcerpt.quoted(first)) in \(what)"
        if let match = closest(to: first, in: known) { message += "; did you mean \"\(match)\"?" }
        message += " (known: \(known.sorted().joined(separator: ", ")))"
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [AnyKey(stringValue: first)],
                                                debugDescription: message))
    }

    /// The candidate nearest to `name` (edit distance ≤ 2, or a third of its length,
    /// ignoring case), or nil.
    static func closest(to name: String, in candidates: [String]) -> String? {
        guard !name.isEmpty, name.count <= 60 else { return nil }
        let target = Array(name.lowercased())
        var best: (name: String, distance: Int)?
        for candidate in candidates.sorted() {
            let d = editDistance(target, Array(candidate.lowercased()))
            if best.map({ d < $0.distance }) ?? true { best = (candidate, d) }
        }
        guard let best, best.distance <= max(2, target.count / 3) else { return nil }
        return best.name
    }

    /// Levenshtein distance.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
