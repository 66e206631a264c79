import Foundation

/// Count, centre, spread and range of a sample.
public struct Summary: Sendable, Equatable, Codable {
    /// Number of (non-missing) values.
    public let n: Int
    /// Arithmetic mean (compensated summation).
    public let mean: Double
    /// Median (the 0.5 quantile, NumPy's 'linear' definition).
    public let median: Double
    /// Sample standard deviation with n − 1 in the denominator; nil when n = 1.
    public let standardDeviation: Double?
    /// Smallest value.
    public let minimum: Double
    /// Largest value.
    public let maximum: Double
    /// First quartile (0.25 quantile, 'linear').
    public let firstQuartile: Double
    /// Third quartile (0.75 quantile, 'linear').
    public let thirdQuartile: Double
}

/// Sum with Neumaier compensation (accurate even with large cancelling values).
func compensatedSum<S: Sequence>(_ values: S) -> Double where S.Element == Double {
    var sum = 0.0, c = 0.0
    for v in values {
        let t = sum + v
        if abs(sum) >= abs(v) { c += (sum - t) + v } else { c += (v - t) + sum }
        sum = t
    }
    return sum + c
}

/// The arithmetic mean. Throws on empty input or a non-finite value.
public func mean(_ values: [Double]) throws -> Double {
    guard !values.isEmpty else { throw StatsError.emptyInput(what: "mean") }
    try Check.finite(values, "mean")
    return compensatedSum(values) / Double(values.count)
}

/// The sample variance (n − 1 denominator), two-pass. Needs n ≥ 2.
public func variance(_ values: [Double]) throws -> Double {
    guard values.count >= 2 else {
        if values.isEmpty { throw StatsError.emptyInput(what: "variance") }
        throw StatsError.tooFewObservations(what: "variance", needed: 2, got: values.count)
    }
    let m = try mean(values)
    let ss = compensatedSum(values.lazy.map { ($0 - m) * ($0 - m) })
    return ss / Double(values.count - 1)
}

/// The sample standard deviation (n − 1 denominator; NumPy `std(ddof=1)`). Needs n ≥ 2.
public func standardDeviation(_ values: [Double]) throws -> Double {
    try variance(values).squareRoot()
}

/// The p-quantile by NumPy's default 'linear' method (R type 7): with the values sorted
/// and h = (n − 1)p, the result interpolates between x[⌊h⌋] and x[⌊h⌋ + 1].
public func quantile(_ values: [Double], _ p: Double) throws -> Double {
    try quantiles(values, [p])[0]
}

/// Several quantiles at once (one sort). Each p must lie in [0, 1].
public func quantiles(_ values: [Double], _ ps: [Double]) throws -> [Double] {
    guard !values.isEmpty else { throw StatsError.emptyInput(what: "quantile") }
    try Check.finite(values, "quantile")
    for p in ps where !(p >= 0 && p <= 1) {
        throw StatsError.invalidArgument("quantile: p must lie in [0, 1], got \(p)")
    }
    let sorted = values.sorted()
    return ps.map { sortedQuantile(sorted, $0) }
}

func sortedQuantile(_ sorted: [Double], _ p: Double) -> Double {
    let n = sorted.count
    let h = Double(n - 1) * p
    let lower = min(Int(h.rounded(.down)), n - 1)
    let upper = min(lower + 1, n - 1)
    let t = h - Double(lower)
    let a = sorted[lower], b = sorted[upper]
    // NumPy's _lerp: a + (b − a)t, or b − (b − a)(1 − t) when t ≥ ½.
    let diff = b - a
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t
}

/// The median (0.5 quantile).
public func median(_ values: [Double]) throws -> Double {
    try quantile(values, 0.5)
}

/// Count, mean, median, sd, min, max and quartiles of `values`. Throws on empty input.
public func summarize(_ values: [Double]) throws -> Summary {
    guard !values.isEmpty else { throw StatsError.emptyInput(what: "summary") }
    try Check.finite(values, "summary")
    let sorted = values.sorted()
    let sd: Double? = values.count >= 2 ? try standardDeviation(values) : nil
    return Summary(
        n: values.count, mean: try mean(values), median: sortedQuantile(sorted, 0.5),
        standardDeviation: sd, minimum: sorted[0], maximum: sorted[sorted.count - 1],
        firstQuartile: sortedQuantile(sorted, 0.25), thirdQuartile: sortedQuantile(sorted, 0.75))
}

/// Summarizes the non-missing values; throws `emptyInput` if every value is missing.
/// Returns the summary and the number of missing values dropped.
public func summarize(_ values: [Double?]) throws -> (summary: Summary, missing: Int) {
    let present = values.compactMap { $0 }
    return (try summarize(present), values.count - present.count)
}

/// Drops every pair in which either value is missing. Use before a paired statistic.
public func completePairs(_ x: [Double?], _ y: [Double?]) throws -> (x: [Double], y: [Double], dropped: Int) {
    guard x.count == y.count else {
        throw StatsError.lengthMismatch(what: "complete pairs", first: x.count, second: y.count)
    }
    var xs: [Double] = [], ys: [Double] = []
    for (a, b) in zip(x, y) {
        if let a, let b { xs.append(a); ys.append(b) }
    }
    return (xs, ys, x.count - xs.count)
}
