import Foundation

/// The summaries Vega's statistics transforms start from, as d3-array and vega-statistics
/// define them: quantiles by linear interpolation between order statistics (R's type 7,
/// d3 `quantileSorted`), the sample standard deviation (n − 1), and the density bandwidth of
/// Scott's rule as vega-statistics estimates it.
enum SampleStatistics {
    /// The `p` quantile of ascending `sorted` values; nil when there are none.
    static func quantile(sorted: [Double], _ p: Double) -> Double? {
        guard let first = sorted.first else { return nil }
        let n = sorted.count
        if p <= 0 || n < 2 { return first }
        if p >= 1 { return sorted[n - 1] }
        let i = Double(n - 1) * p
        let i0 = Int(i.rounded(.down))
        let v0 = sorted[i0], v1 = sorted[i0 + 1]
        return v0 + (v1 - v0) * (i - Double(i0))
    }

    /// The sample standard deviation (Welford's running sums, as d3 `deviation`); nil for
    /// fewer than two values.
    static func deviation(_ values: [Double]) -> Double? {
        var count = 0.0, mean = 0.0, sum = 0.0
        for value in values {
            count += 1
            let delta = value - mean
            mean += delta / count
            sum += delta * (value - mean)
        }
        return count > 1 ? (sum / (count - 1)).squareRoot() : nil
    }

    /// Scott's rule as vega-statistics applies it: 1.06 · min(sd, IQR / 1.34) · n^(−1/5),
    /// falling back to the sd, then |first quartile|, then 1 when the spread is zero.
    static func scottBandwidth(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let q1 = quantile(sorted: sorted, 0.25) ?? .nan
        let q3 = quantile(sorted: sorted, 0.75) ?? .nan
        let iqrScale = (q3 - q1) / 1.34
        let sd = deviation(values)
        // JavaScript's `Math.min(d, h) || d || Math.abs(q[0]) || 1`: 0, NaN and undefined are falsy.
        func truthy(_ x: Double?) -> Double? { x.flatMap { $0 != 0 && !$0.isNaN ? $0 : nil } }
        let smaller = sd.map { Swift.min($0, iqrScale) } ?? .nan
        let v = truthy(sd == nil || iqrScale.isNaN ? .nan : smaller) ?? truthy(sd) ?? truthy(abs(q1)) ?? 1
        return 1.06 * v * pow(Double(values.count), -0.2)
    }

    /// The standard normal density.
    static func normalDensity(_ z: Double) -> Double {
        exp(-0.5 * z * z) / (2 * Double.pi).squareRoot()
    }

    /// The standard normal distribution function (through erfc: accurate in both tails).
    static func normalDistribution(_ z: Double) -> Double {
        0.5 * erfc(-z / 2.0.squareRoot())
    }
}
