/// "Did you mean …?" for every unknown name Dossier reports: report names and formatters,
/// chart keys and colour names, data columns, field types and values. One distance (Levenshtein
/// over Unicode scalars, ignoring case), one choice of the nearest candidate (ties go to the
/// alphabetically first), two reaches.
package enum NameHint {
    /// How far a suggestion may be from the name.
    package enum Reach: Sendable {
        /// Identifiers a person typed (report names, formatters, chart keys, colour names):
        /// at most 2 edits, or a third of the name's length when that is more.
        case names
        /// Values and names found in data files: 1 to 3 edits (a third of the length), and only
        /// for a value with a letter in it (no "did you mean 1" for a 7) that is not itself a
        /// candidate.
        case values

        func allowedDistance(_ length: Int) -> Int {
            switch self {
            case .names: return max(2, length / 3)
            case .values: return max(1, min(3, length / 3))
            }
        }
    }

    /// The longest name (in UTF-8 bytes) that gets a suggestion: a 200 MB cell or a whole
    /// foreign line has no near neighbour, and the distance is quadratic in the lengths.
    static let longestName = 256
    /// The most candidates searched (a data column may hold a million values).
    static let mostCandidates = 10_000

    /// The candidate nearest to `name`, ignoring case, within `reach`; nil when none is, or when
    /// `name` or the candidates are too many or too long to search.
    package static func closest(to name: String, in candidates: [String], reach: Reach = .names) -> String? {
        guard !name.isEmpty, name.utf8.count <= longestName, candidates.count <= mostCandidates else { return nil }
        if reach == .values, candidates.contains(name) || !name.unicodeScalars.contains(where: \.properties.isAlphabetic) {
            return nil
        }
        let target = name.lowercased()
        let targetLength = target.unicodeScalars.count
        let allowed = reach.allowedDistance(name.count)
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate.utf8.count <= 4 * longestName {
            let lowered = candidate.lowercased()
            // The distance is at least the difference in lengths.
            guard abs(lowered.unicodeScalars.count - targetLength) <= allowed else { continue }
            let d = distance(target, lowered)
            if d <= allowed, best.map({ d < $0.distance || (d == $0.distance && candidate < $0.name) }) ?? true {
                best = (candidate, d)
            }
        }
        return best?.name
    }

    /// `; did you mean "x"? (known: a, b, … 12 more)` for an unknown `name`: the suggestion (if
    /// any, quoted) and at most 30 known names (each as an excerpt), in the order given.
    package static func hint(for name: String, known: [String], reach: Reach = .names) -> String {
        var hint = ""
        if let match = closest(to: name, in: known, reach: reach) { hint += "; did you mean \(InputExcerpt.quoted(match))?" }
        let shown = known.prefix(30).map { InputExcerpt.excerpt($0) }.joined(separator: ", ")
        if !known.isEmpty { hint += " (known: \(shown)\(known.count > 30 ? ", … \(known.count - 30) more" : ""))" }
        return hint
    }

    /// Levenshtein distance between two strings, over Unicode scalars (case-sensitive).
    package static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
