import Foundation

/// One coefficient of a log-linear count model (Poisson, negative binomial) with Wald inference
/// on the log-rate scale and its rate ratio.
public struct WaldCoefficient: Sendable, Equatable, Codable {
    /// Covariate name ("(Intercept)" for the constant).
    public let name: String
    /// Estimate β on the log-rate scale.
    public let estimate: Double
    /// Standard error (which one depends on the model: see its result type).
    public let standardError: Double
    /// Wald z = β / SE.
    public let z: Double
    /// Two-sided Wald p-value (normal).
    public let pValue: Double
    /// Wald interval β ± z_{1−α/2}·SE.
    public let interval: ConfidenceInterval
    /// Rate ratio exp(β).
    public let rateRatio: Double
    /// exp of `interval`.
    public let rateRatioInterval: ConfidenceInterval

    /// The Wald statistics of `estimate` with `standardError`, at the two-sided normal critical
    /// value `critical` for `level`. A zero standard error gives p = 1 for a zero estimate, else 0.
    public init(name: String, estimate: Double, standardError: Double, critical: Double, level: Double) {
        self.name = name
        self.estimate = estimate
        self.standardError = standardError
        z = estimate / standardError
        pValue = standardError > 0 ? 2 * NormalDistribution.phi(-abs(estimate / standardError)) : (estimate == 0 ? 1 : 0)
        interval = ConfidenceInterval(lower: estimate - critical * standardError, upper: estimate + critical * standardError, level: level)
        rateRatio = exp(estimate)
        rateRatioInterval = ConfidenceInterval(lower: exp(interval.lower), upper: exp(interval.upper), level: level)
    }
}
