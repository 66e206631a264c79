import Foundation

/// Fisher's exact test for a 2×2 table, with the conditional odds ratio.
///
/// Table layout: [[a, b], [c, d]]. The p-value is two-sided as R's `fisher.test` and
/// SciPy's `fisher_exact`: the sum of the hypergeometric probabilities of all tables
/// with the same margins that are no more likely than the observed one (relative
/// tolerance 1e-7, as R). The odds ratio is the conditional maximum-likelihood estimate
/// and its interval the exact conditional interval, both as R's `fisher.test` and
/// SciPy's `contingency.odds_ratio(kind='conditional')`; the sample odds ratio ad/bc is
/// given too. Bounds may be 0 or +infinity when a cell is zero.
public struct FisherExactResult: Sendable, Equatable, Codable {
    /// Total count.
    public let n: Int
    /// The table.
    public let table: [[Int]]
    /// Two-sided p-value.
    public let pValue: Double
    /// Conditional MLE of the odds ratio (0 or +infinity at the edge of the support).
    public let oddsRatio: Double
    /// Exact conditional confidence interval of the odds ratio.
    public let oddsRatioInterval: ConfidenceInterval
    /// Sample (unconditional) odds ratio ad/bc; nil when bc = 0.
    public let sampleOddsRatio: Double?
}

/// The distribution of cell a given the margins: Fisher's noncentral hypergeometric.
struct NoncentralHypergeometric {
    let lo: Int
    let hi: Int
    /// ln of the central hypergeometric probabilities (ψ = 1) over lo…hi.
    let logDensity: [Double]

    /// m = first column total, nOther = second column total, k = first row total (R's names).
    init(m: Int, nOther: Int, k: Int) {
        lo = max(0, k - nOther)
        hi = min(k, m)
        let lf = { (v: Int) in SpecialFunctions.lnGamma(Double(v) + 1) }
        let constant = lf(m) + lf(nOther) + lf(k) + lf(m + nOther - k) - lf(m + nOther)
        logDensity = (lo...hi).map { x in
            constant - lf(x) - lf(m - x) - lf(k - x) - lf(nOther - k + x)
        }
    }

    /// Probabilities over the support for odds ratio ψ (0 < ψ < ∞).
    func density(_ psi: Double) -> [Double] {
        let lp = log(psi)
        let terms = logDensity.enumerated().map { $1 + lp * Double(lo + $0) }
        let top = terms.max() ?? 0
        let w = terms.map { exp($0 - top) }
        let total = compensatedSum(w)
        return w.map { $0 / total }
    }

    func mean(_ psi: Double) -> Double {
        if psi == 0 { return Double(lo) }
        if psi == .infinity { return Double(hi) }
        let d = density(psi)
        return compensatedSum(d.enumerated().map { Double(lo + $0) * $1 })
    }

    /// P(X ≤ x) (or P(X ≥ x) when `upper`) under ψ.
    func cdf(_ x: Int, _ psi: Double, upper: Bool) -> Double {
        let d = density(psi)
        let selected = d.enumerated().filter { upper ? lo + $0.offset >= x : lo + $0.offset <= x }.map(\.element)
        return min(1, compensatedSum(selected))
    }
}

/// Finds t in (0, 1] with f(t) = 0 for f increasing (or decreasing) on it, by bisection
/// to full precision (f(0⁺) and f(1) must bracket the root).
private func bisect(_ lower: Double, _ upper: Double, increasing: Bool, _ f: (Double) -> Double) -> Double {
    var lo = lower, hi = upper
    for _ in 0..<2000 {
        let mid = (lo > 0 && hi / lo > 4) ? (lo * hi).squareRoot() : lo + (hi - lo) / 2
        if mid <= lo || mid >= hi { break }
        let v = f(mid)
        if v == 0 { return mid }
        if (v < 0) == increasing { lo = mid } else { hi = mid }
    }
    return lo + (hi - lo) / 2
}

/// Fisher's exact test of a 2×2 table (two-sided). Throws unless the table is 2×2 with
/// no zero row or column total.
public func fisherExactTest(_ table: ContingencyTable, confidenceLevel: Double = 0.95) throws -> FisherExactResult {
    guard table.rowCount == 2, table.columnCount == 2 else {
        throw StatsError.invalidTableShape(expected: "2×2", rows: table.rowCount, columns: table.columnCount)
    }
    try Check.level(confidenceLevel)
    try table.requirePositiveMargins()
    let a = table.counts[0][0], b = table.counts[0][1], c = table.counts[1][0], d = table.counts[1][1]
    let m = a + c, nOther = b + d, k = a + b
    let dist = NoncentralHypergeometric(m: m, nOther: nOther, k: k)
    let x = a

    // Two-sided p-value (R: relErr = 1 + 1e-7).
    let central = dist.logDensity.map { exp($0) }
    let observed = central[x - dist.lo]
    let p = min(1, compensatedSum(central.filter { $0 <= observed * (1 + 1e-7) }))

    // Conditional MLE (R's mle()).
    let estimate: Double
    if x == dist.lo {
        estimate = 0
    } else if x == dist.hi {
        estimate = .infinity
    } else {
        let mu = dist.mean(1)
        let target = Double(x)
        if mu > target {
            estimate = bisect(0, 1, increasing: true) { dist.mean($0) - target }
        } else if mu < target {
            estimate = 1 / bisect(0, 1, increasing: false) { dist.mean(1 / $0) - target }
        } else {
            estimate = 1
        }
    }

    // Exact interval (R's ncp.U / ncp.L with alpha = (1 − level)/2).
    let alpha = (1 - confidenceLevel) / 2
    let upperBound: Double
    if x == dist.hi {
        upperBound = .infinity
    } else {
        let p1 = dist.cdf(x, 1, upper: false)
        if p1 < alpha {
            upperBound = bisect(0, 1, increasing: false) { dist.cdf(x, $0, upper: false) - alpha }
        } else if p1 > alpha {
            upperBound = 1 / bisect(0, 1, increasing: true) { dist.cdf(x, 1 / $0, upper: false) - alpha }
        } else {
            upperBound = 1
        }
    }
    let lowerBound: Double
    if x == dist.lo {
        lowerBound = 0
    } else {
        let p1 = dist.cdf(x, 1, upper: true)
        if p1 > alpha {
            lowerBound = bisect(0, 1, increasing: true) { dist.cdf(x, $0, upper: true) - alpha }
        } else if p1 < alpha {
            lowerBound = 1 / bisect(0, 1, increasing: false) { dist.cdf(x, 1 / $0, upper: true) - alpha }
        } else {
            lowerBound = 1
        }
    }
    let sample: Double? = b * c == 0 ? nil : Double(a) * Double(d) / (Double(b) * Double(c))
    return FisherExactResult(n: table.total, table: table.counts, pValue: p, oddsRatio: estimate,
                             oddsRatioInterval: ConfidenceInterval(lower: lowerBound, upper: upperBound, level: confidenceLevel),
                             sampleOddsRatio: sample)
}
