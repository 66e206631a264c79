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
        return RateRatio(name: name, per: per, coefficient: c.estimate, standardError: c.standardError,
                         level: confidenceLevel, quasi: false)
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
    let design = LogLinearDesign(counts: y, covariates: covariates, offset: offset ?? Array(repeating: 0, count: y.count))
    let likelihood = NegativeBinomialLikelihood(counts: y, rows: design.rows, offset: design.offset)
    let start = try startingLogAlpha(counts: y, poissonMeans: poisson.fitted, what: what)
    let fit = try maximise(likelihood, beta: poisson.coefficients.map(\.estimate), tau: start,
                           maxIterations: maxIterations, what: what)

    // Observed information in (β, α), as statsmodels reports it.
    let p = design.p
    let information = fit.at.hessian.map { $0.map { -$0 } }
    guard let factor = SymmetricMatrix.cholesky(information) else {
        throw StatsError.didNotConverge(what: what, iterations: fit.iterations)
    }
    let inverse = SymmetricMatrix.inverse(factor)
    for j in 0...p where !(inverse[j][j] > 0 && inverse[j][j].isFinite) {
        throw StatsError.didNotConverge(what: what, iterations: fit.iterations)
    }
    let zCrit = NormalDistribution.criticalValue(level: confidenceLevel)
    let allNames = poisson.coefficients.map(\.name)
    let coefficients = (0..<p).map { j -> NegativeBinomialCoefficient in
        WaldCoefficient(name: allNames[j], estimate: fit.beta[j], standardError: inverse[j][j].squareRoot(),
                        critical: zCrit, level: confidenceLevel)
    }
    let ratio = max(0, 2 * (fit.at.logLikelihood - poisson.logLikelihood))
    let chiSquare = try ChiSquareDistribution(degreesOfFreedom: 1)
    return NegativeBinomialRegressionResult(
        n: design.n, coefficients: coefficients, alpha: exp(fit.tau), alphaStandardError: inverse[p][p].squareRoot(),
        logLikelihood: fit.at.logLikelihood, poissonLogLikelihood: poisson.logLikelihood,
        likelihoodRatio: ratio, likelihoodRatioPValue: 0.5 * chiSquare.survival(ratio),
        aic: -2 * fit.at.logLikelihood + 2 * Double(p + 1), degreesOfFreedom: design.n - p, iterations: fit.iterations,
        fitted: fit.at.means, confidenceLevel: confidenceLevel,
        covariance: (0..<p).map { i in (0..<p).map { j in inverse[i][j] } })
}

/// The starting τ = log α: the moment estimate Σ[(y − μ)² − y] / Σμ² at the Poisson means,
/// kept within [10⁻³, 10³]. At α = 0 the score for α is ½Σ[(y − μ)² − y]: not positive means
/// no overdispersion (`invalidArgument` with ``noOverdispersionMessage``).
private func startingLogAlpha(counts y: [Double], poissonMeans: [Double], what: String) throws -> Double {
    var excess = 0.0, squares = 0.0
    for (yi, mu) in zip(y, poissonMeans) {
        excess += (yi - mu) * (yi - mu) - yi
        squares += mu * mu
    }
    guard excess > 0 else { throw StatsError.invalidArgument("\(what): \(noOverdispersionMessage)") }
    return log(min(max(excess / squares, 1e-3), 1e3))
}

/// The maximum of the NB2 likelihood over (β, τ = log α) by Newton's method from (`beta`,
/// `tau`), each step held to at most a factor e² in α and halved until it does not go downhill.
private func maximise(_ likelihood: NegativeBinomialLikelihood, beta initialBeta: [Double], tau initialTau: Double,
                      maxIterations: Int, what: String) throws
    -> (beta: [Double], tau: Double, at: NegativeBinomialLikelihood.Evaluation, iterations: Int) {
    let p = initialBeta.count
    var (beta, tau) = (initialBeta, initialTau)
    guard var current = likelihood.evaluate(beta: beta, alpha: exp(tau)) else {
        throw StatsError.didNotConverge(what: what, iterations: 0)
    }
    var iterations = 0
    while iterations < maxIterations {
        iterations += 1
        let (gradient, information, newton) = ascentSystem(current, alpha: exp(tau), rows: likelihood.rows)
        guard let factor = SymmetricMatrix.cholesky(information) else {
            throw StatsError.didNotConverge(what: what, iterations: iterations)
        }
        var step = SymmetricMatrix.solve(factor, gradient)
        // At most a factor e² in α per step; the line search does the rest.
        if abs(step[p]) > 2 { step = step.map { $0 * 2 / abs(step[p]) } }
        let size = zip(step, beta + [tau]).map { abs($0) / (1 + abs($1)) }.max() ?? 0
        if newton && size < 1e-11 { return (beta, tau, current, iterations) }
        guard let accepted = lineSearch(likelihood, from: (beta, tau), step: step, above: current.logLikelihood) else {
            if newton && size < 1e-8 { return (beta, tau, current, iterations) }
            throw StatsError.didNotConverge(what: what, iterations: iterations)
        }
        (beta, tau, current) = accepted
        if tau < log(1e-9) { throw StatsError.invalidArgument("\(what): \(noOverdispersionMessage)") }
        guard tau < log(1e8) else { throw StatsError.didNotConverge(what: what, iterations: iterations) }
    }
    throw StatsError.didNotConverge(what: what, iterations: iterations)
}

/// The first of the step, half of it, a quarter… (down to 10⁻¹²) whose log-likelihood is no
/// lower than `above` (within 10⁻¹² of it, relatively), evaluated there; nil when none is.
private func lineSearch(_ likelihood: NegativeBinomialLikelihood, from point: (beta: [Double], tau: Double),
                        step: [Double], above current: Double)
    -> (beta: [Double], tau: Double, evaluation: NegativeBinomialLikelihood.Evaluation)? {
    let p = point.beta.count
    var scale = 1.0
    while scale > 1e-12 {
        let candidateBeta = zip(point.beta, step).map { $0 + scale * $1 }
        let candidateTau = point.tau + scale * step[p]
        if let value = likelihood.logLikelihood(beta: candidateBeta, alpha: exp(candidateTau)),
           value >= current - 1e-12 * abs(current),
           let evaluation = likelihood.evaluate(beta: candidateBeta, alpha: exp(candidateTau)) {
            return (candidateBeta, candidateTau, evaluation)
        }
        scale /= 2
    }
    return nil
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
