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
        let z = NormalDistribution.criticalValue(level: confidenceLevel)
        let se = quasi ? c.quasiStandardError : c.standardError
        let lo = per * c.estimate - z * abs(per) * se, hi = per * c.estimate + z * abs(per) * se
        return RateRatio(name: name, per: per, estimate: exp(per * c.estimate),
                         interval: ConfidenceInterval(lower: exp(lo), upper: exp(hi), level: confidenceLevel),
                         quasi: quasi)
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
    let off = offset ?? Array(repeating: 0, count: n)
    guard off.count == n else { throw StatsError.lengthMismatch(what: "\(what) offset", first: n, second: off.count) }
    try Check.finite(off, "\(what) offset")
    let p = covariates.count + 1
    guard n > p else { throw StatsError.tooFewObservations(what: what, needed: p + 1, got: n) }

    // Design matrix rows.
    let rows: [[Double]] = (0..<n).map { i in [1.0] + covariates.map { $0[i] } }

    func weightedCrossProducts(_ w: [Double], _ z: [Double]) -> ([[Double]], [Double]) {
        var xtwx = Array(repeating: Array(repeating: 0.0, count: p), count: p)
        var xtwz = Array(repeating: 0.0, count: p)
        for i in 0..<n {
            let r = rows[i]
            for a in 0..<p {
                let wa = w[i] * r[a]
                xtwz[a] += wa * z[i]
                for b in 0...a { xtwx[a][b] += wa * r[b] }
            }
        }
        for a in 0..<p { for b in (a + 1)..<max(a + 1, p) { xtwx[a][b] = xtwx[b][a] } }
        return (xtwx, xtwz)
    }

    func devianceOf(_ mu: [Double]) -> Double {
        var d = 0.0
        for i in 0..<n {
            let yi = y[i], mi = mu[i]
            d += (yi > 0 ? yi * log(yi / mi) : 0) - (yi - mi)
        }
        return 2 * d
    }

    // Rank check with unit weights: linear dependence is a design problem, whereas a
    // singular XᵀWX later in the iterations means fitted means collapsing to 0 (separation).
    let (xtx, _) = weightedCrossProducts(Array(repeating: 1, count: n), Array(repeating: 0, count: n))
    guard SymmetricMatrix.cholesky(xtx) != nil else { throw StatsError.singularDesign(what: what) }

    // Start as statsmodels: μ = (y + ȳ)/2.
    let ybar = compensatedSum(y) / Double(n)
    var mu = y.map { ($0 + ybar) / 2 }
    var eta = (0..<n).map { log(mu[$0]) }
    var beta = Array(repeating: 0.0, count: p)
    var deviance = devianceOf(mu)
    var iterations = 0
    var converged = false
    var factor: [[Double]] = []
    while iterations < maxIterations {
        iterations += 1
        let z = (0..<n).map { eta[$0] - off[$0] + (y[$0] - mu[$0]) / mu[$0] }
        let (xtwx, xtwz) = weightedCrossProducts(mu, z)
        guard let l = SymmetricMatrix.cholesky(xtwx) else { throw StatsError.didNotConverge(what: what, iterations: iterations) }
        let newBeta = SymmetricMatrix.solve(l, xtwz)
        eta = rows.indices.map { i in off[i] + zip(rows[i], newBeta).reduce(0) { $0 + $1.0 * $1.1 } }
        guard eta.allSatisfy({ $0.isFinite && $0 < 700 }) else { throw StatsError.didNotConverge(what: what, iterations: iterations) }
        mu = eta.map { exp($0) }
        let newDeviance = devianceOf(mu)
        let change = zip(newBeta, beta).map { abs($0 - $1) / (1 + abs($0)) }.max() ?? 0
        beta = newBeta
        let devChange = abs(newDeviance - deviance) / (abs(newDeviance) + 0.1)
        deviance = newDeviance
        factor = l
        if change < 1e-13 || (devChange < 1e-15 && change < 1e-9) { converged = true; break }
    }
    guard converged else { throw StatsError.didNotConverge(what: what, iterations: iterations) }
    // Covariance at the converged μ.
    let (xtwxFinal, _) = weightedCrossProducts(mu, Array(repeating: 0, count: n))
    if let l = SymmetricMatrix.cholesky(xtwxFinal) { factor = l } else { throw StatsError.didNotConverge(what: what, iterations: iterations) }
    let covariance = SymmetricMatrix.inverse(factor)
    for j in 0..<p where !(covariance[j][j] > 0) || !covariance[j][j].isFinite {
        throw StatsError.didNotConverge(what: what, iterations: iterations)
    }

    var pearson = 0.0, logL = 0.0
    for i in 0..<n {
        pearson += (y[i] - mu[i]) * (y[i] - mu[i]) / mu[i]
        logL += y[i] * log(mu[i]) - mu[i] - SpecialFunctions.lnGamma(y[i] + 1)
    }
    let df = n - p
    let dispersion = pearson / Double(df)
    // Null model: μ⁰ᵢ = exp(offᵢ)·Σy/Σexp(off).
    let expOff = off.map { exp($0) }
    let rate = compensatedSum(y) / compensatedSum(expOff)
    let nullDeviance = devianceOf(expOff.map { $0 * rate })

    let zCrit = NormalDistribution.criticalValue(level: confidenceLevel)
    let allNames = ["(Intercept)"] + covNames
    let coefficients = (0..<p).map { j -> PoissonCoefficient in
        let se = covariance[j][j].squareRoot()
        return PoissonCoefficient(
            model: WaldCoefficient(name: allNames[j], estimate: beta[j], standardError: se, critical: zCrit, level: confidenceLevel),
            quasi: WaldCoefficient(name: allNames[j], estimate: beta[j], standardError: se * dispersion.squareRoot(),
                                   critical: zCrit, level: confidenceLevel))
    }
    return PoissonRegressionResult(
        n: n, coefficients: coefficients, deviance: deviance, nullDeviance: nullDeviance, pearsonChiSquare: pearson,
        degreesOfFreedom: df, dispersion: dispersion, deviancePerDegreeOfFreedom: deviance / Double(df),
        logLikelihood: logL, aic: -2 * logL + 2 * Double(p), iterations: iterations, fitted: mu,
        confidenceLevel: confidenceLevel, covariance: covariance)
}
