import Foundation

/// The fitted rate of a Poisson regression along a grid of one covariate, with its pointwise
/// Wald band: exp(xᵀβ ± z·se(xᵀβ)), se² = xᵀ Σ x (× the dispersion when quasi-Poisson).
public struct PoissonRateBand: Sendable, Equatable {
    /// The covariate values the rate is evaluated at.
    public let grid: [Double]
    /// The fitted rate at each grid value (times the `scale` asked for).
    public let fit: [Double]
    /// The band's lower bound at each grid value.
    public let lower: [Double]
    /// The band's upper bound at each grid value.
    public let upper: [Double]
    /// The band's confidence level.
    public let level: Double
}

extension PoissonRegressionResult {
    /// The fitted rate as covariate `covariate` (0-based, without the intercept) runs over
    /// `grid`, the others held at `others` (one value per covariate; the entry of `covariate`
    /// is ignored), at a zero offset, multiplied by `scale` (e.g. 100,000 for a rate per
    /// 100,000 when the offset is log population). The band is pointwise, at `level`
    /// (z = Φ⁻¹(1 − (1 − level)/2)), widened by √dispersion when `quasi`.
    /// Throws for a level outside (0, 1), a covariate out of range or `others` of the wrong length.
    public func rateBand(covariate: Int, grid: [Double], others: [Double], scale: Double = 1,
                         level: Double, quasi: Bool) throws -> PoissonRateBand {
        try logLinearRateBand(beta: coefficients.map(\.estimate), covariance: covariance, covariate: covariate, grid: grid,
                              others: others, scale: scale, level: level, widen: quasi ? dispersion.squareRoot() : 1,
                              what: "Poisson rate band")
    }
}

/// The band of a log-linear model: exp(xᵀβ ± z·se(xᵀβ))·scale, se² = xᵀ Σ x (× widen²), with
/// `covariate` (0-based, without the intercept) running over `grid` and the others at `others`.
func logLinearRateBand(beta: [Double], covariance: [[Double]], covariate: Int, grid: [Double], others: [Double],
                       scale: Double, level: Double, widen: Double, what: String) throws -> PoissonRateBand {
    try Check.level(level)
    let p = beta.count
    guard covariate >= 0, covariate + 1 < p else {
        throw StatsError.invalidArgument("\(what): no covariate \(covariate) (the fit has \(p - 1))")
    }
    guard others.count == p - 1 else {
        throw StatsError.lengthMismatch(what: "\(what) covariate values", first: p - 1, second: others.count)
    }
    let z = NormalDistribution.criticalValue(level: level)
    var fit: [Double] = [], lower: [Double] = [], upper: [Double] = []
    for value in grid {
        var design = [1.0] + others
        design[covariate + 1] = value
        var eta = 0.0
        for (index, coefficient) in beta.enumerated() { eta += coefficient * design[index] }
        var variance = 0.0
        for i in design.indices { for j in design.indices { variance += design[i] * design[j] * covariance[i][j] } }
        let se = variance.squareRoot() * widen
        fit.append(exp(eta) * scale)
        lower.append(exp(eta - z * se) * scale)
        upper.append(exp(eta + z * se) * scale)
    }
    return PoissonRateBand(grid: grid, fit: fit, lower: lower, upper: upper, level: level)
}
