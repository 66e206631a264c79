/// Why a statistic could not be computed.
///
/// Every public function in `DossierStats` either returns a finite, meaningful
/// result or throws one of these — never NaN. `description` is a sentence meant
/// for a human reading a build log.
public enum StatsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No values at all (after dropping missing ones). `what` names the input.
    case emptyInput(what: String)
    /// Fewer observations than the method needs.
    case tooFewObservations(what: String, needed: Int, got: Int)
    /// Two inputs that must be paired have different lengths.
    case lengthMismatch(what: String, first: Int, second: Int)
    /// A column has a single repeated value, so the statistic is undefined.
    case constantColumn(what: String)
    /// A value is NaN or infinite.
    case nonFiniteValue(what: String, index: Int)
    /// A group has no non-missing values.
    case allMissingGroup(key: String)
    /// A table with no rows or no columns, or no counts at all.
    case emptyTable
    /// A row or column of a table sums to zero.
    case zeroMargin(what: String)
    /// A table has the wrong shape for the test.
    case invalidTableShape(expected: String, rows: Int, columns: Int)
    /// A negative count, or a count larger than the number of trials.
    case invalidCount(what: String)
    /// A probability or confidence level outside its open interval.
    case invalidProbability(what: String, value: Double)
    /// Any other argument outside its domain.
    case invalidArgument(String)
    /// Regression columns are linearly dependent (or nearly so).
    case singularDesign(what: String)
    /// An iterative fit did not converge (e.g. separation in a Poisson model).
    case didNotConverge(what: String, iterations: Int)

    public var description: String {
        switch self {
        case .emptyInput(let what):
            return "\(what): no values (the input is empty or every value is missing)"
        case .tooFewObservations(let what, let needed, let got):
            return "\(what): needs at least \(needed) observations, got \(got)"
        case .lengthMismatch(let what, let first, let second):
            return "\(what): paired inputs have different lengths (\(first) and \(second))"
        case .constantColumn(let what):
            return "\(what): every value is the same, so the statistic is undefined"
        case .nonFiniteValue(let what, let index):
            return "\(what): value at index \(index) is NaN or infinite"
        case .allMissingGroup(let key):
            return "group '\(key)': every value is missing"
        case .emptyTable:
            return "contingency table is empty (no rows, no columns or no counts)"
        case .zeroMargin(let what):
            return "contingency table: \(what) sums to zero; drop it before testing"
        case .invalidTableShape(let expected, let rows, let columns):
            return "contingency table is \(rows)×\(columns), expected \(expected)"
        case .invalidCount(let what):
            return "invalid count: \(what)"
        case .invalidProbability(let what, let value):
            return "\(what) must lie strictly between 0 and 1, got \(value)"
        case .invalidArgument(let message):
            return message
        case .singularDesign(let what):
            return "\(what): the covariates are linearly dependent (singular design matrix)"
        case .didNotConverge(let what, let iterations):
            return "\(what): the fit did not converge in \(iterations) iterations (separation or an all-zero group?)"
        }
    }
}

/// Checks shared by the public entry points.
enum Check {
    static func finite(_ values: [Double], _ what: String) throws {
        for (i, v) in values.enumerated() where !v.isFinite {
            throw StatsError.nonFiniteValue(what: what, index: i)
        }
    }

    static func level(_ level: Double) throws {
        guard level > 0, level < 1, level.isFinite else {
            throw StatsError.invalidProbability(what: "confidence level", value: level)
        }
    }

    /// `value` when it is positive and finite (a distribution's degrees of freedom).
    static func degreesOfFreedom(_ value: Double, _ what: String) throws -> Double {
        guard value > 0, value.isFinite else {
            throw StatsError.invalidArgument("\(what): degrees of freedom must be positive, got \(value)")
        }
        return value
    }

    static func pairs(_ x: [Double], _ y: [Double], _ what: String, minimum: Int = 3) throws {
        guard x.count == y.count else {
            throw StatsError.lengthMismatch(what: what, first: x.count, second: y.count)
        }
        guard x.count >= minimum else {
            throw StatsError.tooFewObservations(what: what, needed: minimum, got: x.count)
        }
        try finite(x, "\(what) (x)")
        try finite(y, "\(what) (y)")
    }
}
