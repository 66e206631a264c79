import Foundation

/// One coefficient of a negative binomial regression; its standard error comes from the
/// observed information of (β, α) jointly.
public typealias NegativeBinomialCoefficient = WaldCoefficient

/// A negative binomial (NB2) log-linear model fitted by maximum likelihood: Var(y) = μ + αμ².
///
/// Matches statsmodels `NegativeBinomial(y, X, offset=offset, loglike_method='nb2').fit()`:
/// β and α are estimated jointly, standard errors come from the inverse of the observed
/// information (the negative Hessian of the log-likelihood in (β, α)), and intervals and
/// p-values are normal-based Wald ones.
public struct NegativeBinomialRegressionResult: Sendable, Equatable, Codable {
    /// Number of observations.
    public let n: Int
    /// Coefficients, intercept first, then covariates in the order given.
    public let coefficients: [NegativeBinomialCoefficient]
    /// The dispersion α (0 would be the Poisson model).
    public let alpha: Double
    /// Standard error of α (observed information, on the α scale as statsmodels reports it).
    public let alphaStandardError: Double
    /// Maximised log-likelihood.
    public let logLikelihood: Double
    /// Log-likelihood of the Poisson model with the same covariates and offset.
    public let poissonLogLikelihood: Double
    /// Likelihood-ratio statistic 2(logL − logL_Poisson) for α = 0.
    public let likelihoodRatio: Double
    /// Its p-value, ½·P(χ²₁ > LR): α = 0 lies on the boundary of the parameter space.
    public let likelihoodRatioPValue: Double
    /// AIC = −2 logL + 2(p + 1) (α counts as a parameter).
    public let aic: Double
    /// Residual degrees of freedom n − p (p coefficients, α not counted, as statsmodels).
    public let degreesOfFreedom: Int
    /// Newton iterations used after the Poisson start.
    public let iterations: Int
    /// Fitted means μ.
    public let fitted: [Double]
    /// Confidence level of the intervals.
    public let confidenceLevel: Double
    /// Covariance of the coefficients (the β block of the inverse observed information),
    /// row-major, in coefficient order.
    public let covariance: [[Double]]

    /// The coefficient named `name`, if any.
    public func coefficient(_ name: String) -> NegativeBinomialCoefficient? {
        coefficients.first { $0.name == name }
    }

    /// The rate ratio for a change of `per` units in `name`, with its Wald interval.
    /// Throws if there is no such covariate.
    public func rateRatio(for name: String, per: Double = 1) throws -> RateRatio {
        guard let c = coefficient(name) else {
            throw StatsError.invalidArgument("negative binomial regression: no covariate named '\(name)'")
        }
        let z = NormalDistribution.criticalValue(level: confidenceLevel)
        let lo = per * c.estimate - z * abs(per) * c.standardError, hi = per * c.estimate + z * abs(per) * c.standardError
        return RateRatio(name: name, per: per, estimate: exp(per * c.estimate),
                         interval: ConfidenceInterval(lower: exp(lo), upper: exp(hi), level: confidenceLevel), quasi: false)
    }
}

/// The sentence for data with no overdispersion, where the NB2 maximum lies at α = 0.
public let noOverdispersionMessage = "no overdispersion (the counts vary no more than a Poisson model allows, so the estimate of α is 0): use poisson"

/// Fits log μᵢ = offsetᵢ + β₀ + Σⱼ βⱼ xᵢⱼ for whole-number counts y with NB2 variance
/// μ + αμ², by maximum likelihood over (β, log α) with Newton's method from the Poisson fit
/// (a positive-definite surrogate and step halving keep each step uphill).
///
/// Throws for the inputs ``poissonRegression(counts:covariates:names:offset:confidenceLevel:maxIterations:)``
/// refuses, for counts that are not whole numbers, `invalidArgument` with
/// ``noOverdispersionMessage`` when the likelihood is highest at α = 0, and `didNotConverge`
/// when the iterations do not settle or the information matrix is singular at the end.
public func negativeBinomialRegression(counts y: [Double], covariates: [[Double]], names: [String]? = nil,
                                       offset: [Double]? = nil, confidenceLevel: Double = 0.95,
                                       maxIterations: Int = 200) throws -> NegativeBinomialRegressionResult {
    let what = "negative binomial regression"
    try Check.finite(y, "\(what) counts")
    for value in y where value.rounded() != value {
        throw StatsError.invalidCount(what: "\(what): a count is not a whole number (\(value))")
    }
    let poisson = try poissonFit(counts: y, covariates: covariates, names: names, offset: offset,
                                 confidenceLevel: confidenceLevel, maxIterations: 100, what: what)
    let n = y.count, p = covariates.count + 1
    let rows: [[Double]] = (0..<n).map { i in [1.0] + covariates.map { $0[i] } }
    let likelihood = NegativeBinomialLikelihood(counts: y, rows: rows, offset: offset ?? Array(repeating: 0, count: n))

    // At α = 0 the score for α is ½Σ[(y − μ)² − y]: not positive means no overdispersion.
    var excess = 0.0, squares = 0.0
    for (yi, mu) in zip(y, poisson.fitted) {
        excess += (yi - mu) * (yi - mu) - yi
        squares += mu * mu
    }
    guard excess > 0 else { throw StatsError.invalidArgument("\(what): \(noOverdispersionMessage)") }

    var beta = poisson.coefficients.map(\.estimate)
    var tau = log(min(max(excess / squares, 1e-3), 1e3))
    guard var current = likelihood.evaluate(beta: beta, alpha: exp(tau)) else {
        throw StatsError.didNotConverge(what: what, iterations: 0)
    }
    var iterations = 0
    var converged = false
    while iterations < maxIterations {
        iterations += 1
        let (gradient, information, newton) = ascentSystem(current, alpha: exp(tau), rows: rows)
        guard let factor = SymmetricMatrix.cholesky(information) else {
            throw StatsError.didNotConverge(what: what, iterations: iterations)
        }
        var step = SymmetricMatrix.solve(factor, gradient)
        // At most a factor e² in α per step; the line search does the rest.
        if abs(step[p]) > 2 { step = step.map { $0 * 2 / abs(step[p]) } }
        let size = zip(step, beta + [tau]).map { abs($0) / (1 + abs($1)) }.max() ?? 0
        if newton && size < 1e-11 { converged = true; break }
        var scale = 1.0
        var accepted: (beta: [Double], tau: Double, evaluation: NegativeBinomialLikelihood.Evaluation)?
        while scale > 1e-12 {
            let candidateBeta = zip(beta, step).map { $0 + scale * $1 }
            let candidateTau = tau + scale * step[p]
            if let value = likelihood.logLikelihood(beta: candidateBeta, alpha: exp(candidateTau)),
               value >= current.logLikelihood - 1e-12 * abs(current.logLikelihood),
               let evaluation = likelihood.evaluate(beta: candidateBeta, alpha: exp(candidateTau)) {
                accepted = (candidateBeta, candidateTau, evaluation)
                break
            }
            scale /= 2
        }
        guard let accepted else {
            if newton && size < 1e-8 { converged = true; break }
            throw StatsError.didNotConverge(what: what, iterations: iterations)
        }
        (beta, tau, current) = accepted
        if tau < log(1e-9) { throw StatsError.invalidArgument("\(what): \(noOverdispersionMessage)") }
        guard tau < log(1e8) else { throw StatsError.didNotConverge(what: what, iterations: iterations) }
    }
    guard converged else { throw StatsError.didNotConverge(what: what, iterations: iterations) }

    // Observed information in (β, α), as statsmodels reports it.
    let alpha = exp(tau)
    let information = current.hessian.map { $0.map { -$0 } }
    guard let factor = SymmetricMatrix.cholesky(information) else {
        throw StatsError.didNotConverge(what: what, iterations: iterations)
    }
    let inverse = SymmetricMatrix.inverse(factor)
    for j in 0...p where !(inverse[j][j] > 0 && inverse[j][j].isFinite) {
        throw StatsError.didNotConverge(what: what, iterations: iterations)
    }
    let zCrit = NormalDistribution.criticalValue(level: confidenceLevel)
    let allNames = poisson.coefficients.map(\.name)
    let coefficients = (0..<p).map { j -> NegativeBinomialCoefficient in
        WaldCoefficient(name: allNames[j], estimate: beta[j], standardError: inverse[j][j].squareRoot(),
                        critical: zCrit, level: confidenceLevel)
    }
    let ratio = max(0, 2 * (current.logLikelihood - poisson.logLikelihood))
    let chiSquare = try ChiSquareDistribution(degreesOfFreedom: 1)
    return NegativeBinomialRegressionResult(
        n: n, coefficients: coefficients, alpha: alpha, alphaStandardError: inverse[p][p].squareRoot(),
        logLikelihood: current.logLikelihood, poissonLogLikelihood: poisson.logLikelihood,
        likelihoodRatio: ratio, likelihoodRatioPValue: 0.5 * chiSquare.survival(ratio),
        aic: -2 * current.logLikelihood + 2 * Double(p + 1), degreesOfFreedom: n - p, iterations: iterations,
        fitted: current.means, confidenceLevel: confidenceLevel,
        covariance: (0..<p).map { i in (0..<p).map { j in inverse[i][j] } })
}

/// The gradient and a positive-definite matrix M for the ascent step M⁻¹g in (β, τ = log α):
/// the negative Hessian when it is positive definite (a Newton step, `newton` true), else the
/// expected information of β (XᵀWX, W = μ/(1 + αμ)) beside |∂²l/∂τ²| (or 1).
private func ascentSystem(_ at: NegativeBinomialLikelihood.Evaluation, alpha: Double,
                          rows: [[Double]]) -> (gradient: [Double], information: [[Double]], newton: Bool) {
    let p = at.gradient.count - 1
    var gradient = at.gradient
    var information = at.hessian.map { $0.map { -$0 } }
    // Chain rule to τ = log α.
    gradient[p] = alpha * at.gradient[p]
    information[p][p] = -(alpha * alpha * at.hessian[p][p] + alpha * at.gradient[p])
    for a in 0..<p {
        information[a][p] *= alpha
        information[p][a] *= alpha
    }
    if SymmetricMatrix.cholesky(information) != nil { return (gradient, information, true) }
    var surrogate = Array(repeating: Array(repeating: 0.0, count: p + 1), count: p + 1)
    for (row, mu) in zip(rows, at.means) {
        let w = mu / (1 + alpha * mu)
        for a in 0..<p { for b in 0..<p { surrogate[a][b] += w * row[a] * row[b] } }
    }
    surrogate[p][p] = max(abs(information[p][p]), 1)
    return (gradient, surrogate, false)
}

extension NegativeBinomialRegressionResult {
    /// The fitted rate as covariate `covariate` (0-based, without the intercept) runs over
    /// `grid`, the others held at `others`, at a zero offset, times `scale`, with its pointwise
    /// Wald band at `level` from the coefficients' covariance (as
    /// ``PoissonRegressionResult/rateBand(covariate:grid:others:scale:level:quasi:)``).
    public func rateBand(covariate: Int, grid: [Double], others: [Double], scale: Double = 1,
                         level: Double) throws -> PoissonRateBand {
        try logLinearRateBand(beta: coefficients.map(\.estimate), covariance: covariance, covariate: covariate, grid: grid,
                              others: others, scale: scale, level: level, widen: 1, what: "negative binomial rate band")
    }
}
