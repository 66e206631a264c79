import Foundation

/// The design of a log-linear count model (Poisson, negative binomial): the counts, the
/// design rows [1, x₁ᵢ, …, xₖᵢ] and the offsets.
struct LogLinearDesign {
    let counts: [Double]
    /// Design rows, intercept first.
    let rows: [[Double]]
    let offset: [Double]

    /// Observations.
    var n: Int { rows.count }
    /// Coefficients (the intercept included).
    let p: Int

    init(counts: [Double], covariates: [[Double]], offset: [Double]) {
        self.counts = counts
        rows = (0..<counts.count).map { i in [1.0] + covariates.map { $0[i] } }
        self.offset = offset
        p = covariates.count + 1
    }

    /// XᵀWX and XᵀWz.
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

    /// The Poisson deviance 2Σ[y ln(y/μ) − (y − μ)] of the means `mu`.
    func deviance(_ mu: [Double]) -> Double {
        var d = 0.0
        for i in 0..<n {
            let yi = counts[i], mi = mu[i]
            d += (yi > 0 ? yi * log(yi / mi) : 0) - (yi - mi)
        }
        return 2 * d
    }

    /// A converged Poisson fit: the coefficients, the means, the deviance and the iterations.
    struct PoissonFit {
        var beta: [Double]
        var mu: [Double]
        var deviance: Double
        var iterations: Int
    }

    /// Iteratively reweighted least squares (Fisher scoring) from statsmodels' start
    /// μ = (y + ȳ)/2; throws `didNotConverge` when XᵀWX turns singular, a mean overflows or
    /// `maxIterations` pass.
    func irls(maxIterations: Int, what: String) throws -> PoissonFit {
        let ybar = compensatedSum(counts) / Double(n)
        var mu = counts.map { ($0 + ybar) / 2 }
        var eta = (0..<n).map { log(mu[$0]) }
        var beta = Array(repeating: 0.0, count: p)
        var deviance = self.deviance(mu)
        var iterations = 0
        while iterations < maxIterations {
            iterations += 1
            let z = (0..<n).map { eta[$0] - offset[$0] + (counts[$0] - mu[$0]) / mu[$0] }
            let (xtwx, xtwz) = weightedCrossProducts(mu, z)
            guard let l = SymmetricMatrix.cholesky(xtwx) else { throw StatsError.didNotConverge(what: what, iterations: iterations) }
            let newBeta = SymmetricMatrix.solve(l, xtwz)
            eta = rows.indices.map { i in offset[i] + zip(rows[i], newBeta).reduce(0) { $0 + $1.0 * $1.1 } }
            guard eta.allSatisfy({ $0.isFinite && $0 < 700 }) else { throw StatsError.didNotConverge(what: what, iterations: iterations) }
            mu = eta.map { exp($0) }
            let newDeviance = self.deviance(mu)
            let change = zip(newBeta, beta).map { abs($0 - $1) / (1 + abs($0)) }.max() ?? 0
            beta = newBeta
            let devChange = abs(newDeviance - deviance) / (abs(newDeviance) + 0.1)
            deviance = newDeviance
            if change < 1e-13 || (devChange < 1e-15 && change < 1e-9) {
                return PoissonFit(beta: beta, mu: mu, deviance: deviance, iterations: iterations)
            }
        }
        throw StatsError.didNotConverge(what: what, iterations: iterations)
    }

    /// The result of a converged fit with its model-based `covariance`: the goodness of fit,
    /// the null deviance and the coefficients (`names`, intercept first) with model-based and
    /// quasi-Poisson Wald inference.
    func poissonResult(_ fit: PoissonFit, covariance: [[Double]], names: [String],
                       confidenceLevel: Double) -> PoissonRegressionResult {
        let (y, mu) = (counts, fit.mu)
        var pearson = 0.0, logL = 0.0
        for i in 0..<n {
            pearson += (y[i] - mu[i]) * (y[i] - mu[i]) / mu[i]
            logL += y[i] * log(mu[i]) - mu[i] - SpecialFunctions.lnGamma(y[i] + 1)
        }
        let df = n - p
        let dispersion = pearson / Double(df)
        // Null model: μ⁰ᵢ = exp(offᵢ)·Σy/Σexp(off).
        let expOff = offset.map { exp($0) }
        let rate = compensatedSum(y) / compensatedSum(expOff)
        let nullDeviance = deviance(expOff.map { $0 * rate })

        let zCrit = NormalDistribution.criticalValue(level: confidenceLevel)
        let coefficients = (0..<p).map { j -> PoissonCoefficient in
            let se = covariance[j][j].squareRoot()
            return PoissonCoefficient(
                model: WaldCoefficient(name: names[j], estimate: fit.beta[j], standardError: se, critical: zCrit, level: confidenceLevel),
                quasi: WaldCoefficient(name: names[j], estimate: fit.beta[j], standardError: se * dispersion.squareRoot(),
                                       critical: zCrit, level: confidenceLevel))
        }
        return PoissonRegressionResult(
            n: n, coefficients: coefficients, deviance: fit.deviance, nullDeviance: nullDeviance, pearsonChiSquare: pearson,
            degreesOfFreedom: df, dispersion: dispersion, deviancePerDegreeOfFreedom: fit.deviance / Double(df),
            logLikelihood: logL, aic: -2 * logL + 2 * Double(p), iterations: fit.iterations, fitted: mu,
            confidenceLevel: confidenceLevel, covariance: covariance)
    }
}
