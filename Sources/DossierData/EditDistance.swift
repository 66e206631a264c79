import DossierBase

/// Did-you-mean for data diagnostics: DossierBase's ``NameHint`` with the reach for values
/// found in data files.
public enum EditDistance {
    /// Levenshtein distance between two strings, over Unicode scalars.
    public static func distance(_ a: String, _ b: String) -> Int {
        NameHint.distance(a, b)
    }

    /// The closest candidate, ignoring case, within a third of the value's length (1 to 3
    /// edits); `nil` if none, if the value is itself a candidate or has no letter.
    static func closest(to value: String, among candidates: [String]) -> String? {
        NameHint.closest(to: value, in: candidates, reach: .values)
    }
}
