import Foundation

/// Which correlation coefficient a `CorrelationResult` holds.
public enum CorrelationMethod: String, Sendable, Codable {
    /// Pearson's product-moment r.
    case pearson
    /// Spearman's ρ (Pearson r of average ranks).
    case spearman
    /// Kendall's τ-b (tie-corrected).
    case kendallTauB
}

/// How a p-value was obtained.
public enum PValueMethod: String, Sendable, Codable {
    /// Student's t with n − 2 degrees of freedom (Pearson; Spearman as SciPy).
    case tDistribution
    /// Exact permutation distribution (Kendall τ without ties, as SciPy's 'auto').
    case exact
    /// Normal approximation with the tie-corrected variance (Kendall, as SciPy).
    case normalApproximation
}

/// A closed interval with its confidence level.
public struct ConfidenceInterval: Sendable, Equatable, Codable {
    /// Lower end.
    public let lower: Double
    /// Upper end (may be +infinity for an unbounded odds-ratio interval).
    public let upper: Double
    /// Confidence level, e.g. 0.95.
    public let level: Double
}

/// A correlation coefficient with its two-sided test.
public struct CorrelationResult: Sendable, Equatable, Codable {
    /// Which coefficient.
    public let method: CorrelationMethod
    /// Number of pairs.
    public let n: Int
    /// The coefficient, in [−1, 1].
    public let estimate: Double
    /// Test statistic: t (n − 2 df) for Pearson and Spearman, z for Kendall's normal
    /// approximation; nil for the exact Kendall test or when |r| = 1 (t infinite).
    public let statistic: Double?
    /// Degrees of freedom of the t statistic (n − 2), nil for Kendall.
    public let degreesOfFreedom: Int?
    /// Two-sided p-value for H₀: no association.
    public let pValue: Double
    /// How `pValue` was computed.
    public let pValueMethod: PValueMethod
    /// Fisher-z interval (Pearson only): tanh(atanh r ± z_{1−α/2}/√(n − 3)); (−1, 1) when
    /// n = 3 and [r, r] when |r| = 1, as SciPy's `pearsonr(...).confidence_interval()`.
    public let confidenceInterval: ConfidenceInterval?
}

/// Pearson r of two columns (two-pass, centred); throws if either is constant.
/// |r| within 1e-15 of 1 is snapped to ±1.
func pearsonR(_ x: [Double], _ y: [Double]) throws -> Double {
    let (_, _, sxx, syy, sxy) = try centredSums(x, y, what: "")
    let r = sxy / (sxx.squareRoot() * syy.squareRoot())
    // Within rounding of ±1 (a perfect linear or monotone relation): report exactly ±1,
    // so the p-value is 0 rather than an artefact such as 1e-24.
    if abs(r) > 1 - 1e-15 { return r > 0 ? 1 : -1 }
    return r
}

/// Two-sided p-value of r under H₀ with n − 2 df: I_{1−r²}((n−2)/2, ½), identical to
/// 2·P(T > |t|) with t = r√((n−2)/(1−r²)) but without forming t.
func correlationPValue(r: Double, n: Int) -> (t: Double?, p: Double) {
    let df = Double(n - 2)
    let a = abs(r)
    if a >= 1 { return (nil, 0) }
    let oneMinusR2 = (1 - a) * (1 + a)
    let p = SpecialFunctions.incompleteBeta(df / 2, 0.5, oneMinusR2, a * a).lower
    return (r * (df / oneMinusR2).squareRoot(), min(1, p))
}

/// Pearson's r with its Fisher-z confidence interval and two-sided t-test p-value.
///
/// Matches SciPy's `pearsonr` (p from the exact null distribution of r, which is the
/// t-test). Throws for fewer than 3 pairs, unequal lengths, non-finite values or a
/// constant column.
public func pearsonCorrelation(_ x: [Double], _ y: [Double], confidenceLevel: Double = 0.95) throws -> CorrelationResult {
    try Check.pairs(x, y, "Pearson correlation")
    try Check.level(confidenceLevel)
    let r = try pearsonR(x, y)
    let n = x.count
    let (t, p) = correlationPValue(r: r, n: n)
    let ci: ConfidenceInterval
    if abs(r) >= 1 {
        ci = ConfidenceInterval(lower: r, upper: r, level: confidenceLevel)
    } else if n > 3 {
        let z = atanh(r)
        let se = 1 / Double(n - 3).squareRoot()
        let crit = NormalDistribution.criticalValue(level: confidenceLevel)
        ci = ConfidenceInterval(lower: tanh(z - crit * se), upper: tanh(z + crit * se), level: confidenceLevel)
    } else {
        ci = ConfidenceInterval(lower: -1, upper: 1, level: confidenceLevel)
    }
    return CorrelationResult(method: .pearson, n: n, estimate: r, statistic: t, degreesOfFreedom: n - 2,
                             pValue: p, pValueMethod: .tDistribution, confidenceInterval: ci)
}

/// Ranks 1…n with ties given the average of the ranks they span (SciPy `rankdata`'s 'average').
public func averageRanks(_ values: [Double]) -> [Double] {
    let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
    var ranks = Array(repeating: 0.0, count: values.count)
    var i = 0
    while i < order.count {
        var j = i
        while j + 1 < order.count && values[order[j + 1]] == values[order[i]] { j += 1 }
        let rank = Double(i + j + 2) / 2
        for k in i...j { ranks[order[k]] = rank }
        i = j + 1
    }
    return ranks
}

/// Spearman's ρ (Pearson r of average ranks) with SciPy's two-sided p-value
/// (t = ρ√((n−2)/(1−ρ²)) on n − 2 df). No confidence interval is given.
/// Throws for fewer than 3 pairs or a constant column.
public func spearmanCorrelation(_ x: [Double], _ y: [Double]) throws -> CorrelationResult {
    try Check.pairs(x, y, "Spearman correlation")
    let rho = try pearsonR(averageRanks(x), averageRanks(y))
    let (t, p) = correlationPValue(r: rho, n: x.count)
    return CorrelationResult(method: .spearman, n: x.count, estimate: rho, statistic: t, degreesOfFreedom: x.count - 2,
                             pValue: p, pValueMethod: .tDistribution, confidenceInterval: nil)
}

/// Means and centred sums of squares and cross-products of two equal-length columns (two
/// passes: the means first, by compensated sums). Throws `constantColumn` ("\(what)x" or
/// "\(what)y") when a column is constant.
func centredSums(_ x: [Double], _ y: [Double], what: String)
    throws -> (meanX: Double, meanY: Double, sxx: Double, syy: Double, sxy: Double) {
    let n = Double(x.count)
    let mx = compensatedSum(x) / n, my = compensatedSum(y) / n
    var sxx = 0.0, syy = 0.0, sxy = 0.0
    for i in x.indices {
        let dx = x[i] - mx, dy = y[i] - my
        sxx += dx * dx
        syy += dy * dy
        sxy += dx * dy
    }
    guard sxx > 0, x.contains(where: { $0 != x[0] }) else { throw StatsError.constantColumn(what: what + "x") }
    guard syy > 0, y.contains(where: { $0 != y[0] }) else { throw StatsError.constantColumn(what: what + "y") }
    return (mx, my, sxx, syy, sxy)
}
