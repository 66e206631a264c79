import Foundation

/// Levenshtein distance for "did you mean …?" suggestions.
public enum EditDistance {
    /// Distance between two strings, over Unicode scalars.
    public static func distance(_ a: String, _ b: String) -> Int {
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

    /// The closest candidate within a third of the value's length (at least 1, at most 3 edits),
    /// or a case-insensitive match; `nil` if none or if the value is itself a candidate.
    static func closest(to value: String, among candidates: [String]) -> String? {
        // A long value (a whole line of a foreign file, a 200 MB cell) has no near neighbour.
        guard !value.isEmpty, value.utf8.count <= 256, !candidates.contains(value), candidates.count <= 10_000,
              value.unicodeScalars.contains(where: { CharacterSet.letters.contains($0) }) else { return nil }
        if let ci = candidates.first(where: { $0.lowercased() == value.lowercased() }) { return ci }
        let limit = max(1, min(3, value.count / 3))
        var best: (String, Int)? = nil
        for c in candidates {
            if abs(c.count - value.count) > limit { continue }
            let d = distance(value, c)
            if d <= limit, d < (best?.1 ?? Int.max) { best = (c, d) }
        }
        return best?.0
    }
}
