import Foundation

/// How a bootstrap interval is read off the resampled estimates.
public enum BootstrapMethod: String, Sendable, Codable, CaseIterable {
    /// The α/2 and 1 − α/2 quantiles of the resampled estimates.
    case percentile
    /// Bias-corrected and accelerated (Efron 1987): quantiles shifted by the bias z₀ and the
    /// jackknife acceleration a, as SciPy's `scipy.stats.bootstrap(method='BCa')`.
    case bca
}

/// A seeded bootstrap confidence interval of a statistic of paired data.
public struct BootstrapInterval: Sendable, Equatable, Codable {
    /// The statistic on the data.
    public let estimate: Double
    /// The interval.
    public let interval: ConfidenceInterval
    /// How it was computed.
    public let method: BootstrapMethod
    /// Resamples drawn.
    public let resamples: Int
    /// Resamples where the statistic is undefined (e.g. a constant column), left out.
    public let undefined: Int
    /// The generator's seed.
    public let seed: UInt64
    /// Standard deviation of the resampled estimates (n − 1 denominator).
    public let standardError: Double
    /// Bias correction z₀ and acceleration a (BCa only).
    public let biasCorrection: Double?
    /// The jackknife acceleration (BCa only).
    public let acceleration: Double?
}

/// A seeded bootstrap interval of `statistic` over pairs (xᵢ, yᵢ): each of `resamples`
/// resamples draws n pair indices with `SeededGenerator(seed).nextInt(below: n)` (resample by
/// resample, index by index); a resample on which the statistic throws is left out. The
/// percentile interval takes the linear-interpolation quantiles (NumPy's default) at α/2 and
/// 1 − α/2; BCa shifts them as SciPy does (z₀ from the share of resampled estimates below the
/// estimate, counting ties — within 1e-12, relative — half; a from the leave-one-out jackknife).
///
/// Throws for unequal lengths, fewer than 3 pairs, resamples < 1, a bad level, when fewer
/// than 2 resamples are defined, or (BCa) when every resampled estimate lies on one side of the
/// estimate or the jackknife estimates are all equal.
public func pairedBootstrapInterval(_ x: [Double], _ y: [Double], resamples: Int, seed: UInt64,
                                    method: BootstrapMethod, level: Double = 0.95,
                                    statistic: ([Double], [Double]) throws -> Double) throws -> BootstrapInterval {
    try Check.pairs(x, y, "bootstrap")
    try Check.level(level)
    guard resamples >= 1 else { throw StatsError.invalidArgument("bootstrap: resamples must be at least 1, got \(resamples)") }
    let n = x.count
    let estimate = try statistic(x, y)
    var rng = SeededGenerator(seed: seed)
    var estimates: [Double] = []
    estimates.reserveCapacity(resamples)
    var rx = Array(repeating: 0.0, count: n), ry = Array(repeating: 0.0, count: n)
    for _ in 0..<resamples {
        for i in 0..<n {
            let j = rng.nextInt(below: n)
            rx[i] = x[j]
            ry[i] = y[j]
        }
        if let value = try? statistic(rx, ry), value.isFinite { estimates.append(value) }
    }
    guard estimates.count >= 2 else {
        throw StatsError.tooFewObservations(what: "bootstrap (resamples where the statistic is defined)", needed: 2, got: estimates.count)
    }
    let sorted = estimates.sorted()
    let alpha = (1 - level) / 2
    var lowerLevel = alpha, upperLevel = 1 - alpha
    var z0: Double?, acceleration: Double?
    if method == .bca {
        // Resampled estimates within 1e-12 (relative) of the estimate are ties (counted half):
        // a resample equal to the data up to order gives the estimate up to rounding.
        let tolerance = 1e-12 * max(1, abs(estimate))
        let below = sorted.filter { $0 < estimate - tolerance }.count, atMost = sorted.filter { $0 <= estimate + tolerance }.count
        let share = Double(below + atMost) / Double(2 * sorted.count)
        guard share > 0, share < 1 else {
            throw StatsError.invalidArgument("bootstrap BCa: every resampled estimate lies on one side of the estimate; use the percentile method")
        }
        let bias = NormalDistribution.standardQuantile(share)
        var jackknife: [Double] = []
        for left in 0..<n {
            var jx = x, jy = y
            jx.remove(at: left)
            jy.remove(at: left)
            jackknife.append(try statistic(jx, jy))
        }
        let mean = jackknife.reduce(0, +) / Double(n)
        var cubes = 0.0, squares = 0.0
        for value in jackknife {
            let d = mean - value
            squares += d * d
            cubes += d * d * d
        }
        guard squares > 0 else { throw StatsError.invalidArgument("bootstrap BCa: the jackknife estimates are all equal") }
        let a = cubes / (6 * pow(squares, 1.5))
        let zAlpha = NormalDistribution.standardQuantile(alpha)
        func shifted(_ z: Double) -> Double {
            let sum = bias + z
            return NormalDistribution.phi(bias + sum / (1 - a * sum))
        }
        lowerLevel = shifted(zAlpha)
        upperLevel = shifted(-zAlpha)
        z0 = bias
        acceleration = a
    }
    let mean = estimates.reduce(0, +) / Double(estimates.count)
    let variance = estimates.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(estimates.count - 1)
    return BootstrapInterval(
        estimate: estimate,
        interval: ConfidenceInterval(lower: linearQuantile(sorted, lowerLevel), upper: linearQuantile(sorted, upperLevel), level: level),
        method: method, resamples: resamples, undefined: resamples - estimates.count, seed: seed,
        standardError: variance.squareRoot(), biasCorrection: z0, acceleration: acceleration)
}

/// The q-quantile of sorted values by linear interpolation between order statistics (NumPy's
/// default, Hyndman & Fan type 7).
func linearQuantile(_ sorted: [Double], _ q: Double) -> Double {
    let h = Double(sorted.count - 1) * min(max(q, 0), 1)
    let low = Int(h.rounded(.down))
    let high = min(low + 1, sorted.count - 1)
    return sorted[low] + (h - Double(low)) * (sorted[high] - sorted[low])
}
