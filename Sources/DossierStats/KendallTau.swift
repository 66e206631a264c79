import Foundation

/// Kendall's τ-b with SciPy's default ('auto') p-value.
///
/// Method choice, as `scipy.stats.kendalltau(method='auto')`: the exact null distribution
/// when there are no ties and either n ≤ 33 or at most one pair is discordant (or
/// concordant); otherwise the normal approximation with the tie-corrected variance
/// var = [n(n−1)(2n+5) − Σt(t−1)(2t+5) − Σu(u−1)(2u+5)]/18 + 2·T·U/(n(n−1))
///       + Σt(t−1)(t−2)·Σu(u−1)(u−2)/(9n(n−1)(n−2)).
/// O(n²) pair counting, fine for a few thousand pairs.
/// Throws for fewer than 3 pairs or a constant column.
public func kendallTau(_ x: [Double], _ y: [Double]) throws -> CorrelationResult {
    try Check.pairs(x, y, "Kendall tau")
    let n = x.count
    var concordant = 0, discordant = 0
    for i in 0..<n {
        let xi = x[i], yi = y[i]
        for j in (i + 1)..<n {
            let dx = xi - x[j], dy = yi - y[j]
            if dx == 0 || dy == 0 { continue }
            if (dx > 0) == (dy > 0) { concordant += 1 } else { discordant += 1 }
        }
    }
    func tieStats(_ v: [Double]) -> (pairs: Int, t0: Double, t1: Double) {
        var counts: [Double: Int] = [:]
        for value in v { counts[value, default: 0] += 1 }
        var pairs = 0, t0 = 0.0, t1 = 0.0
        for (_, c) in counts where c > 1 {
            let t = Double(c)
            pairs += c * (c - 1) / 2
            t0 += t * (t - 1) * (t - 2)
            t1 += t * (t - 1) * (2 * t + 5)
        }
        return (pairs, t0, t1)
    }
    let tx = tieStats(x), ty = tieStats(y)
    let total = n * (n - 1) / 2
    guard tx.pairs < total else { throw StatsError.constantColumn(what: "x") }
    guard ty.pairs < total else { throw StatsError.constantColumn(what: "y") }
    let s = Double(concordant - discordant)
    let tau = max(-1, min(1, s / (Double(total - tx.pairs).squareRoot() * Double(total - ty.pairs).squareRoot())))

    let noTies = tx.pairs == 0 && ty.pairs == 0
    if noTies && (n <= 33 || min(discordant, total - discordant) <= 1) {
        let p = kendallExactPValue(n: n, concordant: total - discordant)
        return CorrelationResult(method: .kendallTauB, n: n, estimate: tau, statistic: nil, degreesOfFreedom: nil,
                                 pValue: p, pValueMethod: .exact, confidenceInterval: nil)
    }
    let dn = Double(n)
    let m = dn * (dn - 1)
    let variance = (m * (2 * dn + 5) - tx.t1 - ty.t1) / 18
        + 2 * Double(tx.pairs) * Double(ty.pairs) / m
        + tx.t0 * ty.t0 / (9 * m * (dn - 2))
    let z = s / variance.squareRoot()
    let p = min(1, 2 * NormalDistribution.phi(-abs(z)))
    return CorrelationResult(method: .kendallTauB, n: n, estimate: tau, statistic: z, degreesOfFreedom: nil,
                             pValue: p, pValueMethod: .normalApproximation, confidenceInterval: nil)
}

/// Two-sided exact p-value of Kendall's statistic without ties (port of SciPy's
/// `_kendall_p_exact`): the number of permutations with at most c inversions, by the
/// Kendall (1970) recursion.
func kendallExactPValue(n: Int, concordant: Int) -> Double {
    let half = n * (n - 1) / 2
    let c = min(concordant, half - concordant)
    if n <= 2 { return 1 }
    if c == 0 { return n < 171 ? 2 / factorial(n) : 0 }
    if c == 1 { return n < 172 ? 2 / factorial(n - 1) : 0 }
    if 4 * c == n * (n - 1) { return 1 }
    var new = Array(repeating: 0.0, count: c + 1)
    new[0] = 1
    new[1] = 1
    let small = n < 171
    for j in 3...n {
        // cumulative sum
        var acc = 0.0
        for k in 0...c {
            acc += new[k]
            new[k] = small ? acc : acc / Double(j)
        }
        if j <= c {
            // new[j:] -= new[:c+1-j], evaluated from the right so sources are the old values
            var k = c
            while k >= j {
                new[k] -= new[k - j]
                k -= 1
            }
        }
    }
    let sum = compensatedSum(new)
    return min(1, small ? 2 * sum / factorial(n) : sum)
}

func factorial(_ n: Int) -> Double {
    var f = 1.0
    if n > 1 { for i in 2...n { f *= Double(i) } }
    return f
}
