import Foundation

/// The NB2 log-likelihood of a log-linear model and its first and second derivatives, for
/// whole-number counts y with mean μ = exp(η) and variance μ + αμ².
///
/// With θ = 1/α and lnΓ(y + θ) − lnΓ(θ) = Σₖ₌₀^{y−1} ln(θ + k), one observation contributes
///
///     l = Σₖ ln(1 + kα) − lnΓ(y + 1) + y ln μ − (y + 1/α) ln(1 + αμ),
///
/// a form with no gamma-function differences (exact as α → 0, where it tends to the Poisson
/// log-likelihood). Derivatives are with respect to η = log μ and to α.
struct NegativeBinomialLikelihood {
    let counts: [Double]
    /// Design rows, intercept first.
    let rows: [[Double]]
    let offset: [Double]

    /// The value, gradient and Hessian at (β, α), in the order (β₀ … β_{p−1}, α).
    struct Evaluation {
        var logLikelihood: Double
        var gradient: [Double]
        var hessian: [[Double]]
        var means: [Double]
    }

    var parameterCount: Int { (rows.first?.count ?? 0) + 1 }

    /// η = offset + Xβ for each observation.
    func linearPredictor(_ beta: [Double]) -> [Double] {
        rows.indices.map { i in
            var eta = offset[i]
            for (x, b) in zip(rows[i], beta) { eta += x * b }
            return eta
        }
    }

    /// The log-likelihood alone (for the line search); nil when a mean overflows.
    func logLikelihood(beta: [Double], alpha: Double) -> Double? {
        var total = 0.0
        for (i, eta) in linearPredictor(beta).enumerated() {
            guard eta < 700 else { return nil }
            total += contribution(y: counts[i], mu: exp(eta), eta: eta, alpha: alpha)
        }
        return total.isFinite ? total : nil
    }

    /// One observation's log-likelihood.
    func contribution(y: Double, mu: Double, eta: Double, alpha: Double) -> Double {
        var sum = 0.0
        var k = 0.0
        while k < y { sum += log1p(k * alpha); k += 1 }
        return sum - SpecialFunctions.lnGamma(y + 1) + y * eta - (y + 1 / alpha) * log1p(alpha * mu)
    }

    /// Value, gradient and Hessian at (β, α); nil when a mean overflows.
    func evaluate(beta: [Double], alpha: Double) -> Evaluation? {
        let p = beta.count
        var gradient = Array(repeating: 0.0, count: p + 1)
        var hessian = Array(repeating: Array(repeating: 0.0, count: p + 1), count: p + 1)
        var logL = 0.0
        var means: [Double] = []
        means.reserveCapacity(counts.count)
        for (i, eta) in linearPredictor(beta).enumerated() {
            guard eta < 700 else { return nil }
            let y = counts[i], mu = exp(eta), x = rows[i]
            means.append(mu)
            logL += contribution(y: y, mu: mu, eta: eta, alpha: alpha)
            let onePlus = 1 + alpha * mu
            let logOnePlus = log1p(alpha * mu)
            // Σₖ k/(1 + kα) and Σₖ k²/(1 + kα)².
            var s1 = 0.0, s2 = 0.0
            var k = 0.0
            while k < y {
                let term = k / (1 + k * alpha)
                s1 += term
                s2 += term * term
                k += 1
            }
            let dEta = (y - mu) / onePlus
            let dEtaEta = -mu * (1 + alpha * y) / (onePlus * onePlus)
            let dAlpha = s1 - (y + 1 / alpha) * mu / onePlus + logOnePlus / (alpha * alpha)
            let dAlphaAlpha = -s2 + 2 * mu / (alpha * alpha * onePlus) + (y + 1 / alpha) * mu * mu / (onePlus * onePlus)
                - 2 * logOnePlus / (alpha * alpha * alpha)
            let dEtaAlpha = mu * (mu - y) / (onePlus * onePlus)
            for a in 0..<p {
                gradient[a] += dEta * x[a]
                hessian[a][p] += dEtaAlpha * x[a]
                for b in 0...a { hessian[a][b] += dEtaEta * x[a] * x[b] }
            }
            gradient[p] += dAlpha
            hessian[p][p] += dAlphaAlpha
        }
        for a in 0..<p {
            for b in (a + 1)..<max(a + 1, p) { hessian[a][b] = hessian[b][a] }
            hessian[p][a] = hessian[a][p]
        }
        guard logL.isFinite else { return nil }
        return Evaluation(logLikelihood: logL, gradient: gradient, hessian: hessian, means: means)
    }
}
