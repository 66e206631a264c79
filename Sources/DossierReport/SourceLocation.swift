import DossierBase
import DossierData

/// A position in a source file, 1-based, for diagnostics such as `report.md:12:5: error: …`.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// An error in a report's source (front matter, body, expressions, figure or table
/// declarations), with where it is and what to do about it.
public struct ReportError: Error, Sendable, CustomStringConvertible {
    public var location: SourceLocation?
    public var message: String

    public init(_ message: String, at location: SourceLocation? = nil) {
        self.location = location
        self.message = message
    }

    /// Formatted like a compiler diagnostic.
    public var description: String {
        if let location { return "\(location): error: \(message)" }
        return "error: \(message)"
    }
}

/// Suggests the closest of `candidates` to `name` (Levenshtein distance ≤ 2 or a third of the
/// length), for "did you mean" hints.
package func closestMatch(to name: String, in candidates: [String]) -> String? {
    let target = name.lowercased()
    let allowed = max(2, target.count / 3)
    // Only candidates whose length is within the allowed distance (and never a huge value:
    // the distance is quadratic in the lengths).
    let scored = candidates.filter { abs($0.utf8.count - target.utf8.count) <= 4 * allowed && $0.utf8.count <= 1_000 }
        .map { ($0, EditDistance.distance(target, $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else { return nil }
    return best.1 <= allowed ? best.0 : nil
}

/// "did you mean …? known names: …" for an unknown name.
package func unknownNameHint(_ name: String, known: [String]) -> String {
    var hint = ""
    if let match = closestMatch(to: name, in: known) { hint += "; did you mean \(InputExcerpt.quoted(match))?" }
    // At most 30 names, each quoted as an excerpt: a data column may hold a million values.
    let shown = known.prefix(30).map { InputExcerpt.excerpt($0) }.joined(separator: ", ")
    if !known.isEmpty { hint += " (known: \(shown)\(known.count > 30 ? ", … \(known.count - 30) more" : ""))" }
    return hint
}
