import Foundation

/// Vega's probability functions (`vega-statistics`): the density, the cumulative distribution
/// and the quantile (inverse cumulative) of the normal, log-normal and uniform distributions.
/// `quantileNormal(p, mean = 0, stdev = 1)`, `cumulativeLogNormal(x, mean = 0, stdev = 1)`
/// (the mean and standard deviation of the logarithm), `densityUniform(x, min = 0, max = 1)`.
/// A probability outside 0…1 gives NaN, as in Vega. The random samplers (`sampleNormal`…) are
/// left out: a chart draws the same every time.
extension VegaExpressionFunction {
    /// The distribution functions, applied to evaluated arguments.
    func applyDistribution(_ a: [ExpressionValue]) -> ExpressionValue {
        func argument(_ i: Int, _ fallback: Double) -> Double {
            i < a.count && a[i] != .null ? a[i].number : fallback
        }
        let x = argument(0, .nan)
        switch self {
        case .densityNormal, .cumulativeNormal, .quantileNormal:
            let mean = argument(1, 0), stdev = argument(2, 1)
            switch self {
            case .densityNormal: return .number(Self.normalDensity((x - mean) / stdev) / stdev)
            case .cumulativeNormal: return .number(Self.normalCumulative((x - mean) / stdev))
            default: return .number(mean + stdev * Self.normalQuantile(x))
            }
        case .densityLogNormal, .cumulativeLogNormal, .quantileLogNormal:
            let mean = argument(1, 0), stdev = argument(2, 1)
            switch self {
            case .densityLogNormal:
                guard x > 0 else { return .number(0) }
                return .number(Self.normalDensity((Foundation.log(x) - mean) / stdev) / (stdev * x))
            case .cumulativeLogNormal:
                guard x > 0 else { return .number(0) }
                return .number(Self.normalCumulative((Foundation.log(x) - mean) / stdev))
            default: return .number(Foundation.exp(mean + stdev * Self.normalQuantile(x)))
            }
        default:
            let low = argument(1, 0), high = argument(2, 1)
            switch self {
            case .densityUniform: return .number(x >= low && x <= high ? 1 / (high - low) : 0)
            case .cumulativeUniform: return .number(x < low ? 0 : (x > high ? 1 : (x - low) / (high - low)))
            default:
                guard x >= 0, x <= 1 else { return .number(.nan) }
                return .number(low + x * (high - low))
            }
        }
    }

    /// The standard normal density.
    static func normalDensity(_ z: Double) -> Double {
        Foundation.exp(-0.5 * z * z) / Foundation.sqrt(2 * Double.pi)
    }

    /// The standard normal cumulative distribution, through `erfc` (accurate in both tails).
    static func normalCumulative(_ z: Double) -> Double {
        0.5 * Foundation.erfc(-z / 2.0.squareRoot())
    }

    /// The standard normal quantile: Acklam's rational approximation refined by one Halley step
    /// on `erfc` (twice), to within a few units in the last place; 0 and 1 give −∞ and +∞, anything
    /// outside 0…1 NaN.
    static func normalQuantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        var x: Double
        if p < low {
            let q = Foundation.sqrt(-2 * Foundation.log(p))
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5, r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = Foundation.sqrt(-2 * Foundation.log(1 - p))
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        // Halley steps on Φ(x) − p, computed in the tail that keeps its digits.
        for _ in 0..<2 {
            let e = x < 0 ? normalCumulative(x) - p : (1 - p) - 0.5 * Foundation.erfc(x / 2.0.squareRoot())
            let u = e * Foundation.sqrt(2 * Double.pi) * Foundation.exp(x * x / 2)
            x -= u / (1 + x * u / 2)
        }
        return x
    }
}
