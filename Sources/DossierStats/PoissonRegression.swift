import Foundation

/// One coefficient of a Poisson regression, with model-based and quasi-Poisson inference. Its
/// model-based statistics (`estimate`, `standardError` √[(XᵀWX)⁻¹]ᵢᵢ, `z`, `pValue`, `interval`,
/// `rateRatio`, `rateRatioInterval`, `name`) are those of ``model``.
@dynamicMemberLookup
public struct PoissonCoefficient: Sendable, Equatable, Codable {
    /// Model-based Wald inference.
    public let model: WaldCoefficient
    /// Quasi-Poisson inference: the standard error widened by √φ, φ = Pearson χ²/df (p-value as
    /// statsmodels `scale='X2'`).
    public let quasi: WaldCoefficient

    /// A model-based statistic, such as `estimate` or `pValue`.
    public subscript<T>(dynamicMember keyPath: KeyPath<WaldCoefficient, T>) -> T { model[keyPath: keyPath] }
    /// Quasi-Poisson standard error SE·√φ.
    public var quasiStandardError: Double { quasi.standardError }
    /// Two-sided p-value with the quasi SE.
    public var quasiPValue: Double { quasi.pValue }
    /// β ± z·SE·√φ.
    public var quasiInterval: ConfidenceInterval { quasi.interval }
    /// exp of `quasiInterval`.
    public var quasiRateRatioInterval: ConfidenceInterval { quasi.rateRatioInterval }
}

/// A rate ratio for a change of `per` units in one covariate.
public struct RateRatio: Sendable, Equatable, Codable {
    /// Covariate name.
    public let name: String
    /// Size of the change in the covariate (e.g. 10 RAI points).
    public let per: Double
    /// exp(per·β).
    public let estimate: Double
    /// exp(per·(β ± z·SE)), with SE widened by √φ when `quasi`.
    public let interval: ConfidenceInterval
    /// Whether the quasi-Poisson (dispersion-widened) SE was used.
    public let quasi: Bool
}

extension RateRatio {
    /// The ratio exp(per·β) for a coefficient β with standard error `se`, and its Wald
    /// interval exp(per·β ± z·|per|·se) at `level`.
    init(name: String, per: Double, coefficient beta: Double, standardError se: Double, level: Double, quasi: Bool) {
        let z = NormalDistribution.criticalValue(level: level)
        let lo = per * beta - z * abs(per) * se, hi = per * beta + z * abs(per) * se
        self.init(name: name, per: per, estimate: exp(per * beta),
                  interval: ConfidenceInterval(lower: exp(lo), upper: exp(hi), level: level), quasi: quasi)
    }
}

/// A Poisson log-linear model fitted by iteratively reweighted least squares.
///
/// Matches statsmodels `GLM(y, X, family=Poisson(), offset=offset).fit()` for the
/// model-based results and `.fit(scale='X2')` for the quasi-Poisson ones (both use
/// normal-based Wald intervals and p-values; R's `quasipoisson` uses t instead).
public struct PoissonRegressionResult: Sendable, Equatable, Codable {
    /// Number of observations.
    public let n: Int
    /// Coefficients, intercept first, then covariates in the order given.
    public let coefficients: [PoissonCoefficient]
    /// Residual deviance 2Σ[y ln(y/μ) − (y − μ)].
    public let deviance: Double
    /// Deviance of the intercept-only model (with the same offset).
    public let nullDeviance: Double
    /// Pearson χ² = Σ(y − μ)²/μ.
    public let pearsonChiSquare: Double
    /// Residual degrees of freedom n − p.
    public let degreesOfFreedom: Int
    /// Quasi-Poisson dispersion φ = Pearson χ²/df (≈ 1 when the Poisson model fits; well
    /// above 1 means overdispersion and the quasi intervals should be reported).
    public let dispersion: Double
    /// Deviance / df, the other common overdispersion check.
    public let deviancePerDegreeOfFreedom: Double
    /// Log-likelihood Σ[y ln μ − μ − ln y!].
    public let logLikelihood: Double
    /// AIC = −2 logL + 2p.
    public let aic: Double
    /// IRLS iterations used.
    public let iterations: Int
    /// Fitted means μ.
    public let fitted: [Double]
    /// Confidence level of the intervals.
    public let confidenceLevel: Double
    /// Covariance matrix (XᵀWX)⁻¹ (model-based), row-major, in coefficient order.
    public let covariance: [[Double]]

    /// The coefficient named `name`, if any.
    public func coefficient(_ name: String) -> PoissonCoefficient? {
        coefficients.first { $0.name == name }
    }

    /// The rate ratio for a change of `per` units in `name`, with its Wald interval
    /// (dispersion-widened when `quasi`). Throws if no such covariate.
    public func rateRatio(for name: String, per: Double = 1, quasi: Bool = false) throws -> RateRatio {
        guard let c = coefficient(name) else {
            throw StatsError.invalidArgument("Poisson regression: no covariate named '\(name)'")
        }
        return RateRatio(name: name, per: per, coefficient: c.estimate,
                         standardError: quasi ? c.quasiStandardError : c.standardError, level: confidenceLevel, quasi: quasi)
    }
}

/// Fits log μᵢ = offsetᵢ + β₀ + Σⱼ βⱼ xᵢⱼ for counts y by IRLS (Fisher scoring).
///
/// - Parameters:
///   - counts: non-negative responses (counts; non-integers are accepted as statsmodels does).
///   - covariates: one array per covariate, each of length n (an intercept is added).
///   - names: covariate names (default "x1", "x2", …).
///   - offset: e.g. log population; nil for none.
/// Throws for n ≤ p, non-finite or negative values, constant covariates, collinear
/// covariates (`singularDesign`), an all-zero response, or non-convergence (e.g.
/// separation: a group with only zero counts drives its coefficient to −∞).
public func poissonRegression(counts y: [Double], covariates: [[Double]], names: [String]? = nil,
                              offset: [Double]? = nil, confidenceLevel: Double = 0.95,
                              maxIterations: Int = 100) throws -> PoissonRegressionResult {
    try poissonFit(counts: y, covariates: covariates, names: names, offset: offset, confidenceLevel: confidenceLevel,
                   maxIterations: maxIterations, what: "Poisson regression")
}

/// ``poissonRegression(counts:covariates:names:offset:confidenceLevel:maxIterations:)`` with
/// its errors naming `what` (the negative binomial fit starts from it).
func poissonFit(counts y: [Double], covariates: [[Double]], names: [String]?, offset: [Double]?,
                confidenceLevel: Double, maxIterations: Int, what: String) throws -> PoissonRegressionResult {
    let covNames = try checkCountModel(counts: y, covariates: covariates, names: names, offset: offset,
                                       confidenceLevel: confidenceLevel, what: what)
    let design = LogLinearDesign(counts: y, covariates: covariates, offset: offset ?? Array(repeating: 0, count: y.count))
    // Rank check with unit weights: linear dependence is a design problem, whereas a
    // singular XᵀWX later in the iterations means fitted means collapsing to 0 (separation).
    let (xtx, _) = design.weightedCrossProducts(Array(repeating: 1, count: design.n), Array(repeating: 0, count: design.n))
    guard SymmetricMatrix.cholesky(xtx) != nil else { throw StatsError.singularDesign(what: what) }
    let fit = try design.irls(maxIterations: maxIterations, what: what)
    // Covariance at the converged μ.
    let (xtwxFinal, _) = design.weightedCrossProducts(fit.mu, Array(repeating: 0, count: design.n))
    guard let factor = SymmetricMatrix.cholesky(xtwxFinal) else {
        throw StatsError.didNotConverge(what: what, iterations: fit.iterations)
    }
    let covariance = SymmetricMatrix.inverse(factor)
    for j in 0..<design.p where !(covariance[j][j] > 0) || !covariance[j][j].isFinite {
        throw StatsError.didNotConverge(what: what, iterations: fit.iterations)
    }
    return design.poissonResult(fit, covariance: covariance, names: ["(Intercept)"] + covNames, confidenceLevel: confidenceLevel)
}

/// Checks a count model's inputs in the order their errors are reported, and returns the
/// covariates' names (`names`, or "x1", "x2", …).
func checkCountModel(counts y: [Double], covariates: [[Double]], names: [String]?, offset: [Double]?,
                     confidenceLevel: Double, what: String) throws -> [String] {
    let n = y.count
    try Check.level(confidenceLevel)
    guard n > 0 else { throw StatsError.emptyInput(what: what) }
    try Check.finite(y, "\(what) counts")
    guard y.allSatisfy({ $0 >= 0 }) else { throw StatsError.invalidCount(what: "\(what): a count is negative") }
    guard y.contains(where: { $0 > 0 }) else { throw StatsError.constantColumn(what: "\(what) counts (all zero)") }
    let covNames = names ?? (1...max(1, covariates.count)).prefix(covariates.count).map { "x\($0)" }
    guard covNames.count == covariates.count else {
        throw StatsError.invalidArgument("\(what): \(covariates.count) covariates but \(covNames.count) names")
    }
    for (j, column) in covariates.enumerated() {
        guard column.count == n else {
            throw StatsError.lengthMismatch(what: "\(what) covariate '\(covNames[j])'", first: n, second: column.count)
        }
        try Check.finite(column, "\(what) covariate '\(covNames[j])'")
        guard column.contains(where: { $0 != column[0] }) else {
            throw StatsError.constantColumn(what: "\(what) covariate '\(covNames[j])'")
        }
    }
    if let offset {
        guard offset.count == n else { throw StatsError.lengthMismatch(what: "\(what) offset", first: n, second: offset.count) }
        try Check.finite(offset, "\(what) offset")
    }
    let p = covariates.count + 1
    guard n > p else { throw StatsError.tooFewObservations(what: what, needed: p + 1, got: n) }
    return covNames
}
