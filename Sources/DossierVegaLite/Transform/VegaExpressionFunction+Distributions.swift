import DossierStats
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

    /// The standard normal quantile (DossierStats' `NormalDistribution.standardQuantile`:
    /// Acklam's approximation polished by two Halley steps); 0 and 1 give −∞ and +∞, anything
    /// outside 0…1 NaN.
    static func normalQuantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        return NormalDistribution.standardQuantile(p)
    }
}
