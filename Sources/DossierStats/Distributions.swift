import Foundation

/// A continuous distribution with an accurate CDF, survival function and quantile.
///
/// `cdf` and `survival` are each computed directly (neither as 1 − the other) so
/// that tiny tail probabilities keep their relative accuracy (~1e-13).
/// `quantile(p)` accepts p in [0, 1]; p = 0 and p = 1 return the ends of the support
/// (possibly ±infinity). `upperQuantile(q)` is the x with survival(x) = q.
public protocol ContinuousDistribution: Sendable {
    /// P(X ≤ x).
    func cdf(_ x: Double) -> Double
    /// P(X > x).
    func survival(_ x: Double) -> Double
    /// The density at x.
    func pdf(_ x: Double) -> Double
    /// The x with cdf(x) = p.
    func quantile(_ p: Double) throws -> Double
    /// The x with survival(x) = q (the upper-tail quantile, e.g. a critical value),
    /// accurate for tiny q.
    func upperQuantile(_ q: Double) throws -> Double
}

func checkUpperProbability(_ q: Double) throws {
    guard q >= 0, q <= 1, !q.isNaN else {
        throw StatsError.invalidProbability(what: "upper-tail probability", value: q)
    }
}

func checkProbability(_ p: Double) throws {
    guard p >= 0, p <= 1, !p.isNaN else {
        throw StatsError.invalidProbability(what: "probability", value: p)
    }
}

// MARK: - Normal

/// The normal distribution N(mean, sd²).
public struct NormalDistribution: ContinuousDistribution, Equatable {
    /// Mean.
    public let mean: Double
    /// Standard deviation (> 0).
    public let standardDeviation: Double

    /// The standard normal N(0, 1).
    public static let standard = NormalDistribution(uncheckedMean: 0, sd: 1)

    /// Creates N(mean, sd²); throws unless sd > 0 and both are finite.
    public init(mean: Double = 0, standardDeviation: Double = 1) throws {
        guard mean.isFinite, standardDeviation.isFinite, standardDeviation > 0 else {
            throw StatsError.invalidArgument("normal distribution: mean must be finite and sd positive")
        }
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    private init(uncheckedMean: Double, sd: Double) {
        mean = uncheckedMean
        standardDeviation = sd
    }

    /// Φ(z) for the standard normal: ½ erfc(−z/√2).
    static func phi(_ z: Double) -> Double { 0.5 * erfc(-z * 0.707_106_781_186_547_524_400_844_362_1) }

    public func cdf(_ x: Double) -> Double { Self.phi((x - mean) / standardDeviation) }
    public func survival(_ x: Double) -> Double { Self.phi(-(x - mean) / standardDeviation) }
    public func pdf(_ x: Double) -> Double {
        let z = (x - mean) / standardDeviation
        return exp(-0.5 * z * z) * 0.398_942_280_401_432_677_939_946_059_9 / standardDeviation
    }

    public func quantile(_ p: Double) throws -> Double {
        try checkProbability(p)
        return mean + standardDeviation * Self.standardQuantile(p)
    }

    public func upperQuantile(_ q: Double) throws -> Double {
        try checkUpperProbability(q)
        return mean - standardDeviation * Self.standardQuantile(q)
    }

    /// The two-sided critical value z = Φ⁻¹(1 − α/2), α = 1 − `level`, of every normal-theory
    /// interval in this module (1.959963984540054 at a level of 0.95, within an ulp); computed
    /// as −Φ⁻¹(α/2), accurate in the far tail.
    static func criticalValue(level: Double) -> Double {
        -standardQuantile((1 - level) / 2)
    }

    /// Φ⁻¹(p): Acklam's rational approximation (relative error 1.15e-9) polished by
    /// two Halley steps on erfc, which brings it to full double precision.
    package static func standardQuantile(_ p: Double) -> Double {
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        if p > 0.5 { return -standardQuantile(1 - p) }  // 1 − p is exact for p ≥ ½
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                 3.754408661907416e+00]
        var x: Double
        if p < 0.02425 {
            let q = (-2 * log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else {
            let q = p - 0.5
            let r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        }
        // Halley refinement on f(x) = Φ(x) − p, in relative terms of p.
        for _ in 0..<2 {
            let e = phi(x) - p
            let u = e * 2.506_628_274_631_000_502_415_765_284_8 * exp(0.5 * x * x)
            x -= u / (1 + 0.5 * x * u)
        }
        return x
    }
}

// MARK: - Student's t

/// Student's t distribution with ν > 0 degrees of freedom.
///
/// Accuracy ~1e-12 relative for ν up to ~1e4; for ν ≥ 1e5 the incomplete-beta continued
/// fraction loses a little (~2e-11 at ν = 1e6) — use the normal distribution there.
public struct StudentTDistribution: ContinuousDistribution, Equatable {
    /// Degrees of freedom ν.
    public let degreesOfFreedom: Double

    /// Throws unless ν is positive and finite.
    public init(degreesOfFreedom: Double) throws {
        self.degreesOfFreedom = try Check.degreesOfFreedom(degreesOfFreedom, "t distribution")
    }

    /// P(T > |t|)·2 style tail: returns P(T > t) for t ≥ 0 via I_{ν/(ν+t²)}(ν/2, ½)/2.
    func upperTail(_ t: Double) -> Double {
        let nu = degreesOfFreedom
        if t == 0 { return 0.5 }
        if t.isInfinite { return t > 0 ? 0 : 1 }
        if abs(t) > 1e100 && nu < 1e40 {
            // Far tail: I_x(ν/2, ½) = xᵃ/(a·B(a, ½))·(1 + O(x)) with x = ν/t² < 1e-120,
            // evaluated in logs because x itself underflows for |t| ≳ 1e154.
            let a = nu / 2
            let lnx = log(nu) - 2 * log(abs(t))
            let half = 0.5 * exp(a * lnx - log(a) - SpecialFunctions.lnBeta(a, 0.5))
            return t > 0 ? half : 1 - half
        }
        let (x, y) = Self.betaArguments(t, nu)
        let half = 0.5 * SpecialFunctions.incompleteBeta(nu / 2, 0.5, x, y).lower
        return t > 0 ? half : 1 - half
    }

    /// x = ν/(ν + t²) and y = t²/(ν + t²), without overflow for huge |t|.
    static func betaArguments(_ t: Double, _ nu: Double) -> (Double, Double) {
        if abs(t) > 1 {
            let r = nu / abs(t) / abs(t)
            return (r / (1 + r), 1 / (1 + r))
        }
        let t2 = t * t
        return (nu / (nu + t2), t2 / (nu + t2))
    }

    /// Two-sided tail probability P(|T| ≥ |t|), computed directly.
    public func twoSidedPValue(_ t: Double) -> Double {
        if t.isInfinite { return 0 }
        if abs(t) > 1e100 && degreesOfFreedom < 1e40 { return min(1, 2 * upperTail(abs(t))) }
        let (x, y) = Self.betaArguments(t, degreesOfFreedom)
        return min(1, SpecialFunctions.incompleteBeta(degreesOfFreedom / 2, 0.5, x, y).lower)
    }

    public func cdf(_ t: Double) -> Double { upperTail(-t) }
    public func survival(_ t: Double) -> Double { upperTail(t) }
    public func pdf(_ t: Double) -> Double {
        let nu = degreesOfFreedom
        let lnc = -0.5 * log(nu) - SpecialFunctions.lnBeta(nu / 2, 0.5)
        if abs(t) > 1e100 && nu < 1e40 {
            return exp(lnc - (nu + 1) / 2 * (2 * log(abs(t)) - log(nu)))
        }
        let r = abs(t) > 1 ? abs(t) / nu * abs(t) : t * t / nu
        return exp(lnc - (nu + 1) / 2 * log1p(r))
    }

    public func quantile(_ p: Double) throws -> Double { try lowerTailQuantile(p, quantileFromTails) }
    public func upperQuantile(_ q: Double) throws -> Double { try upperTailQuantile(q, quantileFromTails) }

    func quantileFromTails(p: Double, q: Double) -> Double {
        if p == 0.5 { return 0 }
        let small = min(p, q)
        if small <= 0 { return p < q ? -.infinity : .infinity }
        let guess = max(1e-3, -NormalDistribution.standardQuantile(small))
        let t = invertDecreasingTail(target: small, lowerBound: 0, guess: guess,
                                     tail: { self.upperTail($0) }, density: { self.pdf($0) })
        return p < q ? -t : t
    }
}

// MARK: - Chi-square

/// The chi-square distribution with k > 0 degrees of freedom.
public struct ChiSquareDistribution: ContinuousDistribution, Equatable {
    /// Degrees of freedom k.
    public let degreesOfFreedom: Double

    /// Throws unless k is positive and finite.
    public init(degreesOfFreedom: Double) throws {
        self.degreesOfFreedom = try Check.degreesOfFreedom(degreesOfFreedom, "chi-square distribution")
    }

    public func cdf(_ x: Double) -> Double {
        x <= 0 ? 0 : SpecialFunctions.incompleteGamma(degreesOfFreedom / 2, x / 2).lower
    }
    public func survival(_ x: Double) -> Double {
        x <= 0 ? 1 : SpecialFunctions.incompleteGamma(degreesOfFreedom / 2, x / 2).upper
    }
    public func pdf(_ x: Double) -> Double {
        if x <= 0 { return 0 }
        let a = degreesOfFreedom / 2
        return 0.5 * exp(SpecialFunctions.lnGammaPowerTerms(a, x / 2) - log(x / 2))
    }

    public func quantile(_ p: Double) throws -> Double { try lowerTailQuantile(p, quantileFromTails) }
    public func upperQuantile(_ q: Double) throws -> Double { try upperTailQuantile(q, quantileFromTails) }

    func quantileFromTails(p: Double, q: Double) -> Double {
        let k = degreesOfFreedom
        // Wilson–Hilferty starting value.
        let z = p < 0.5 ? NormalDistribution.standardQuantile(p) : -NormalDistribution.standardQuantile(q)
        let h = 2 / (9 * k)
        let wh = k * pow(max(1e-3, 1 - h + z * h.squareRoot()), 3)
        return invertTails(p: p, q: q, guess: max(wh, 1e-8))
    }
}

// MARK: - F

/// The F distribution with (d₁, d₂) degrees of freedom.
public struct FDistribution: ContinuousDistribution, Equatable {
    /// Numerator degrees of freedom d₁.
    public let numeratorDegreesOfFreedom: Double
    /// Denominator degrees of freedom d₂.
    public let denominatorDegreesOfFreedom: Double

    /// Throws unless both are positive and finite.
    public init(numeratorDegreesOfFreedom: Double, denominatorDegreesOfFreedom: Double) throws {
        guard numeratorDegreesOfFreedom > 0, denominatorDegreesOfFreedom > 0,
              numeratorDegreesOfFreedom.isFinite, denominatorDegreesOfFreedom.isFinite else {
            throw StatsError.invalidArgument("F distribution: degrees of freedom must be positive")
        }
        self.numeratorDegreesOfFreedom = numeratorDegreesOfFreedom
        self.denominatorDegreesOfFreedom = denominatorDegreesOfFreedom
    }

    private func tails(_ x: Double) -> (lower: Double, upper: Double) {
        if x <= 0 { return (0, 1) }
        if x.isInfinite { return (1, 0) }
        let d1 = numeratorDegreesOfFreedom, d2 = denominatorDegreesOfFreedom
        let u = d1 * x, v = d2
        return SpecialFunctions.incompleteBeta(d1 / 2, d2 / 2, u / (u + v), v / (u + v))
    }

    public func cdf(_ x: Double) -> Double { tails(x).lower }
    public func survival(_ x: Double) -> Double { tails(x).upper }
    public func pdf(_ x: Double) -> Double {
        if x <= 0 { return 0 }
        let d1 = numeratorDegreesOfFreedom, d2 = denominatorDegreesOfFreedom
        let u = d1 * x
        // f(x) = d1/(u+d2) · [w^{a} (1−w)^{b} / B(a,b)] / w · … written through the beta density.
        let w = u / (u + d2), y = d2 / (u + d2)
        let lnTerms = SpecialFunctions.lnBetaPowerTerms(d1 / 2, d2 / 2, w, y)
        return exp(lnTerms) / x
    }

    public func quantile(_ p: Double) throws -> Double { try lowerTailQuantile(p, quantileFromTails) }
    public func upperQuantile(_ q: Double) throws -> Double { try upperTailQuantile(q, quantileFromTails) }

    func quantileFromTails(p: Double, q: Double) -> Double {
        invertTails(p: p, q: q, guess: 1)
    }
}

// MARK: - Beta

/// The beta distribution Beta(a, b) on [0, 1].
public struct BetaDistribution: ContinuousDistribution, Equatable {
    /// First shape parameter a.
    public let alpha: Double
    /// Second shape parameter b.
    public let beta: Double

    /// Throws unless both shapes are positive and finite.
    public init(alpha: Double, beta: Double) throws {
        guard alpha > 0, beta > 0, alpha.isFinite, beta.isFinite else {
            throw StatsError.invalidArgument("beta distribution: shapes must be positive")
        }
        self.alpha = alpha
        self.beta = beta
    }

    public func cdf(_ x: Double) -> Double {
        x <= 0 ? 0 : x >= 1 ? 1 : SpecialFunctions.incompleteBeta(alpha, beta, x, 1 - x).lower
    }
    public func survival(_ x: Double) -> Double {
        x <= 0 ? 1 : x >= 1 ? 0 : SpecialFunctions.incompleteBeta(alpha, beta, x, 1 - x).upper
    }
    public func pdf(_ x: Double) -> Double {
        if x <= 0 || x >= 1 { return 0 }
        return exp(SpecialFunctions.lnBetaPowerTerms(alpha, beta, x, 1 - x)) / (x * (1 - x))
    }

    public func quantile(_ p: Double) throws -> Double { try lowerTailQuantile(p, quantileFromTails) }
    public func upperQuantile(_ q: Double) throws -> Double { try upperTailQuantile(q, quantileFromTails) }

    func quantileFromTails(p: Double, q: Double) -> Double {
        invertTails(p: p, q: q, guess: alpha / (alpha + beta), upperBound: 1)
    }
}

// MARK: - Inversion

/// `quantile(p)` of every distribution here: checks p, then solves from both tails (p, 1 − p).
func lowerTailQuantile(_ p: Double, _ fromTails: (_ p: Double, _ q: Double) -> Double) throws -> Double {
    try checkProbability(p)
    return fromTails(p, 1 - p)
}

/// `upperQuantile(q)` of every distribution here: checks q, then solves from both tails (1 − q, q).
func upperTailQuantile(_ q: Double, _ fromTails: (_ p: Double, _ q: Double) -> Double) throws -> Double {
    try checkUpperProbability(q)
    return fromTails(1 - q, q)
}

extension ContinuousDistribution {
    /// The x on [0, upperBound] with cdf(x) = p and survival(x) = q (p + q = 1), solved on the
    /// tail that is small there (the CDF when p ≤ ½, else the survival function), so that a
    /// quantile deep in either tail keeps its relative accuracy.
    func invertTails(p: Double, q: Double, guess: Double, upperBound: Double = .infinity) -> Double {
        if p <= 0 { return 0 }
        if q <= 0 { return upperBound }
        if p <= 0.5 {
            return invertIncreasingTail(target: p, guess: guess, upperBound: upperBound,
                                        tail: { self.cdf($0) }, density: { self.pdf($0) })
        }
        return invertDecreasingTail(target: q, lowerBound: 0, guess: guess, upperBound: upperBound,
                                    tail: { self.survival($0) }, density: { self.pdf($0) })
    }
}

/// Solves tail(x) = target for a tail that decreases in x on (lowerBound, upperBound),
/// by Newton's method on ln tail (well-scaled deep in the tail) safeguarded by a bracket.
func invertDecreasingTail(target: Double, lowerBound: Double, guess: Double, upperBound: Double = .infinity,
                          tail: (Double) -> Double, density: (Double) -> Double) -> Double {
    solveTail(target: target, decreasing: true, lowerBound: lowerBound, upperBound: upperBound,
              guess: guess, tail: tail, density: density)
}

/// Solves tail(x) = target for a tail (a CDF) that increases in x on (0, upperBound).
func invertIncreasingTail(target: Double, guess: Double, upperBound: Double = .infinity,
                          tail: (Double) -> Double, density: (Double) -> Double) -> Double {
    solveTail(target: target, decreasing: false, lowerBound: 0, upperBound: upperBound,
              guess: guess, tail: tail, density: density)
}

private func solveTail(target: Double, decreasing: Bool, lowerBound: Double, upperBound: Double,
                       guess: Double, tail: (Double) -> Double, density: (Double) -> Double) -> Double {
    // `tooLow(x)` is true when the root lies above x.
    func tooLow(_ value: Double) -> Bool { decreasing ? value > target : value < target }
    var x = min(max(guess, lowerBound), upperBound)
    if x <= lowerBound || x >= upperBound {
        x = upperBound.isFinite ? (lowerBound + upperBound) / 2 : lowerBound + 1
    }
    // Bracket [lo, hi].
    var lo = lowerBound, hi = upperBound
    var probe = x
    var value = tail(probe)
    if tooLow(value) {
        lo = probe
        if upperBound.isFinite {
            hi = upperBound
        } else {
            var step = max(probe, 1.0)
            while true {
                probe = lo + step
                value = tail(probe)
                if !tooLow(value) { hi = probe; break }
                if probe > 1e307 { return upperBound }  // the quantile exceeds the largest double
                lo = probe
                step *= 2
            }
        }
    } else {
        hi = probe
        // Move down geometrically towards the lower bound until the root is above.
        var gap = probe - lowerBound
        while gap > 0 {
            gap /= 2
            if gap < 1e-300 { lo = lowerBound; break }
            probe = lowerBound + gap
            value = tail(probe)
            if tooLow(value) { lo = probe; break }
            hi = probe
        }
    }
    x = (lo > lowerBound && hi.isFinite && hi / lo > 4) ? (lo * hi).squareRoot() : (lo + hi) / 2
    let lnTarget = log(target)
    for _ in 0..<400 {
        let fx = tail(x)
        if fx == target { return x }
        if tooLow(fx) { lo = x } else { hi = x }
        let dens = density(x)
        var next = x
        if fx > 0, dens > 0, dens.isFinite {
            // d ln tail / dx = ∓ density / tail.
            let slope = (decreasing ? -dens : dens) / fx
            next = x - (log(fx) - lnTarget) / slope
        }
        if !(next > lo && next < hi) || !next.isFinite {
            next = (lo > 0 && hi / lo > 4) ? (lo * hi).squareRoot() : lo + (hi - lo) / 2
        }
        if abs(next - x) <= 2e-16 * abs(x) || next == lo || next == hi {
            return next
        }
        if hi - lo <= 4e-16 * abs(x) { return next }
        x = next
    }
    return x
}
