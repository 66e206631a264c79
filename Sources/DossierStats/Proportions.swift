import Foundation

/// Which interval a `ProportionInterval` holds.
public enum ProportionIntervalMethod: String, Sendable, Codable {
    /// Wilson score interval without continuity correction.
    case wilson
    /// Clopper–Pearson exact (beta quantile) interval.
    case clopperPearson
}

/// A binomial proportion with its confidence interval.
public struct ProportionInterval: Sendable, Equatable, Codable {
    /// Number of trials.
    public let n: Int
    /// Number of successes.
    public let successes: Int
    /// Observed proportion successes / n.
    public let estimate: Double
    /// The interval, within [0, 1].
    public let interval: ConfidenceInterval
    /// How the interval was computed.
    public let method: ProportionIntervalMethod
}

private func checkBinomial(_ successes: Int, _ trials: Int, _ level: Double) throws {
    guard trials > 0 else { throw StatsError.emptyInput(what: "proportion (no trials)") }
    guard successes >= 0, successes <= trials else {
        throw StatsError.invalidCount(what: "\(successes) successes out of \(trials) trials")
    }
    try Check.level(level)
}

/// The Wilson score interval (statsmodels `proportion_confint(method='wilson')`):
/// (p̂ + z²/2n ± z√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n). The ends are clamped to [0, 1]
/// and set exactly to 0 when x = 0 and to 1 when x = n.
public func wilsonInterval(successes: Int, trials: Int, confidenceLevel: Double = 0.95) throws -> ProportionInterval {
    try checkBinomial(successes, trials, confidenceLevel)
    let n = Double(trials), p = Double(successes) / n
    let z = NormalDistribution.criticalValue(level: confidenceLevel)
    let z2 = z * z
    let denom = 1 + z2 / n
    let center = (p + z2 / (2 * n)) / denom
    let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / denom
    let lower = successes == 0 ? 0 : max(0, center - half)
    let upper = successes == trials ? 1 : min(1, center + half)
    return ProportionInterval(n: trials, successes: successes, estimate: p,
                              interval: ConfidenceInterval(lower: lower, upper: upper, level: confidenceLevel),
                              method: .wilson)
}

/// The Clopper–Pearson interval (statsmodels `method='beta'`): lower = Beta⁻¹(α/2; x, n−x+1),
/// upper = Beta⁻¹(1−α/2; x+1, n−x); 0 when x = 0, 1 when x = n.
public func clopperPearsonInterval(successes: Int, trials: Int, confidenceLevel: Double = 0.95) throws -> ProportionInterval {
    try checkBinomial(successes, trials, confidenceLevel)
    let x = Double(successes), n = Double(trials)
    let alpha = 1 - confidenceLevel
    let lower = successes == 0 ? 0 : try BetaDistribution(alpha: x, beta: n - x + 1).quantile(alpha / 2)
    let upper = successes == trials ? 1 : try BetaDistribution(alpha: x + 1, beta: n - x).upperQuantile(alpha / 2)
    return ProportionInterval(n: trials, successes: successes, estimate: x / n,
                              interval: ConfidenceInterval(lower: lower, upper: upper, level: confidenceLevel),
                              method: .clopperPearson)
}
