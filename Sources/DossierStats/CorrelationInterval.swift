import Foundation

/// How a correlation's confidence interval is computed: Fisher's z = atanh(estimate) ± z_{1−α/2}·SE,
/// transformed back with tanh, with the standard error of z for that coefficient.
public enum CorrelationIntervalMethod: String, Sendable, Codable {
    /// Pearson r: SE = 1/√(n − 3) (Fisher 1921), as R's `cor.test` and SciPy's `pearsonr`.
    case fisherZ = "fisher-z"
    /// Spearman ρ: SE = √((1 + ρ²/2)/(n − 3)) (Bonett & Wright 2000).
    case bonettWright = "bonett-wright"
    /// Kendall τ: SE = √(0.437/(n − 4)) (Fieller, Hartley & Pearson 1957).
    case fiellerHartleyPearson = "fieller-hartley-pearson"

    /// The method for a coefficient.
    public init(for coefficient: CorrelationMethod) {
        switch coefficient {
        case .pearson: self = .fisherZ
        case .spearman: self = .bonettWright
        case .kendallTauB: self = .fiellerHartleyPearson
        }
    }

    /// The fewest pairs the standard error needs (n − 3 > 0, or n − 4 > 0 for Kendall).
    public var minimumPairs: Int { self == .fiellerHartleyPearson ? 5 : 4 }

    /// The standard error of atanh(estimate) for `n` pairs.
    public func standardError(estimate: Double, n: Int) -> Double {
        switch self {
        case .fisherZ: 1 / Double(n - 3).squareRoot()
        case .bonettWright: ((1 + estimate * estimate / 2) / Double(n - 3)).squareRoot()
        case .fiellerHartleyPearson: (0.437 / Double(n - 4)).squareRoot()
        }
    }
}

/// The Fisher-z confidence interval of a correlation `estimate` from `n` pairs, with the
/// standard error of `method`: tanh(atanh(estimate) ± z_{1−α/2}·SE). [estimate, estimate]
/// when |estimate| = 1; (−1, 1) when n is too small for the standard error.
/// Throws for a level outside (0, 1) or an estimate outside [−1, 1].
public func correlationInterval(estimate: Double, n: Int, method: CorrelationIntervalMethod,
                                level: Double = 0.95) throws -> ConfidenceInterval {
    try Check.level(level)
    guard estimate >= -1, estimate <= 1 else {
        throw StatsError.invalidArgument("correlation interval: the estimate must lie in [−1, 1], got \(estimate)")
    }
    if abs(estimate) == 1 { return ConfidenceInterval(lower: estimate, upper: estimate, level: level) }
    guard n >= method.minimumPairs else { return ConfidenceInterval(lower: -1, upper: 1, level: level) }
    let z = atanh(estimate)
    let half = NormalDistribution.criticalValue(level: level) * method.standardError(estimate: estimate, n: n)
    return ConfidenceInterval(lower: tanh(z - half), upper: tanh(z + half), level: level)
}
