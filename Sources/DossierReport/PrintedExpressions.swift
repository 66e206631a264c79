/// The printed values of `{{ … }}` expressions (``ExpressionEvaluator/expand(_:at:escape:references:memo:)``),
/// by the expression's text, for results that are the same as those of the build that printed
/// them: a value depends only on the expression's text and the results (an expression reads
/// nothing else), so a build whose results are known to be the same (the build cache's stats
/// key) takes an expression's value from here instead of parsing, resolving and formatting it
/// again. An expression that fails is never kept, so its error is made (and placed) every build.
package final class PrintedExpressions {
    /// The values known before this build.
    private let known: [String: String]
    /// Every value this build asked for, known or printed, by expression text.
    package private(set) var used: [String: String] = [:]
    /// How many values were printed (not known).
    package private(set) var printedCount = 0

    /// A memo that knows `known`.
    package init(known: [String: String] = [:]) {
        self.known = known
    }

    /// The known value of `expression`, or nil.
    func value(of expression: String) -> String? {
        if let value = used[expression] { return value }
        guard let value = known[expression] else { return nil }
        used[expression] = value
        return value
    }

    /// Keeps `value`, just printed for `expression`.
    func add(_ value: String, of expression: String) {
        used[expression] = value
        printedCount += 1
    }

    /// Whether this build used a value it did not know, or did not use every one it knew.
    package var changed: Bool { printedCount > 0 || used.count != known.count }
}
