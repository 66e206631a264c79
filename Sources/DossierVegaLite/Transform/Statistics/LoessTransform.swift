import DossierBase

/// Vega-Lite's `loess` transform: per group, a locally weighted regression of `loess` (y) on
/// `on` (x), as rows `{groupby…, on, loess}` at each distinct x (ascending; rows sharing an x
/// give one row, Vega's running mean of their fits, which leaves the first out). Vega's procedure (after science.js): each point's fit is a
/// weighted line through its `bandwidth · n` nearest neighbours (at least 2; `bandwidth`
/// default 0.3), a window that slides right as the points advance; tricube weights by the
/// distance over the window's farthest neighbour; then two robustness passes reweighting each
/// point by the bisquare of its residual over six median residuals (1e-12 for outliers;
/// stopping early when the median residual is below 1e-12). Rows whose x or y is not a number
/// are left out.
package struct LoessTransform: Sendable, Equatable {
    package var y: String
    package var x: String
    package var groupby: [String]
    package var bandwidth: Double
    package var names: [String]
}

extension LoessTransform: Decodable {
    private enum CodingKeys: String, CodingKey, CaseIterable { case loess, on, groupby, bandwidth, names = "as" }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "a loess transform")
        y = try c.decode(String.self, forKey: .loess)
        x = try c.decode(String.self, forKey: .on)
        groupby = try c.decodeIfPresent([String].self, forKey: .groupby) ?? []
        let given = try c.decodeIfPresent(Double.self, forKey: .bandwidth) ?? 0.3
        guard given >= 0, given <= 1 else {
            throw c.failure(.bandwidth, "bandwidth is \(ChartLimits.spell(given)), expected the share of points in each local fit, from 0 to 1")
        }
        bandwidth = given == 0 ? 0.3 : given
        names = try c.namePair(.names, default: [x, y], what: "loess", expected: "[x, y]")
    }
}

extension LoessTransform {
    func apply(to table: TransformTable) throws -> TransformTable {
        try table.require(x, in: "loess's `on`")
        try table.require(y, in: "loess")
        for name in groupby { try table.require(name, in: "loess's groupby") }
        var keys: [[ExpressionValue]] = []
        var xs: [Double] = []
        var ys: [Double] = []
        for group in table.groups(by: groupby) {
            let points = table.numberPairs(x, y, rows: group)
            guard !points.isEmpty else { continue }
            let key = groupby.map { table.value($0, group[0]) }
            for (u, v) in Self.smooth(points, bandwidth: bandwidth) {
                keys.append(key); xs.append(u); ys.append(v)
            }
        }
        return TransformTable.curves(groupby: groupby, keys: keys, names: (names[0], names[1]), xs: xs, ys: ys)
    }

    /// The smoothed points at each distinct x, ascending.
    static func smooth(_ points: [(Double, Double)], bandwidth: Double) -> [(Double, Double)] {
        let sorted = points.enumerated().sorted { $0.element.0 < $1.element.0 || ($0.element.0 == $1.element.0 && $0.offset < $1.offset) }.map(\.element)
        let n = sorted.count
        // Centred, as Vega fits them (the fits do not depend on it beyond rounding).
        var mx = 0.0, my = 0.0
        for (i, p) in sorted.enumerated() {
            mx += (p.0 - mx) / Double(i + 1)
            my += (p.1 - my) / Double(i + 1)
        }
        let xv = sorted.map { $0.0 - mx }, yv = sorted.map { $0.1 - my }
        let neighbours = max(2, Int(bandwidth * Double(n)))
        var fitted = [Double](repeating: 0, count: n)
        var residuals = [Double](repeating: 0, count: n)
        var robustness = [Double](repeating: 1, count: n)
        let epsilon = 1e-12
        for pass in 0...2 {
            var left = 0, right = min(neighbours, n) - 1
            for i in 0..<n {
                let u = xv[i]
                let edge = (u - xv[left]) > (xv[right] - u) ? left : right
                let span = abs(xv[edge] - u)
                let scale = 1 / (span == 0 || span.isNaN ? 1 : span)
                var w = 0.0, sx = 0.0, sy = 0.0, sxy = 0.0, sxx = 0.0
                for k in left...right {
                    let d = abs(u - xv[k]) * scale
                    let t = 1 - d * d * d
                    let weight = t * t * t * robustness[k]
                    w += weight; sx += xv[k] * weight; sy += yv[k] * weight
                    sxy += yv[k] * xv[k] * weight; sxx += xv[k] * xv[k] * weight
                }
                let (meanX, meanY) = (sx / w, sy / w)
                // A window of one distinct x has no slope (Vega: |variance| < 1e-24 gives 0).
                let variance = sxx / w - meanX * meanX
                let slope = abs(variance) < 1e-24 ? 0 : (sxy / w - meanX * meanY) / variance
                fitted[i] = meanY - slope * meanX + slope * u
                residuals[i] = abs(yv[i] - fitted[i])
                // Slide the window right while its next point is no farther from the next x
                // than its first point (equal distances slide, to pass over repeated x).
                if i + 1 < n, right + 1 < n {
                    let next = xv[i + 1]
                    while i + 1 > left, right + 1 < n, xv[right + 1] - next <= next - xv[left] {
                        left += 1; right += 1
                    }
                }
            }
            if pass == 2 { break }
            let median = SampleStatistics.quantile(sorted: residuals.sorted(), 0.5) ?? 0
            if abs(median) < epsilon { break }
            for i in 0..<n {
                let r = residuals[i] / (6 * median)
                robustness[i] = r >= 1 ? epsilon : (1 - r * r) * (1 - r * r)
            }
        }
        // Rows sharing an x: Vega's running mean counts from 0 at the first row, so the second
        // row replaces the first and later ones average with it (kept, to draw what Vega draws).
        var output: [(Double, Double)] = []
        var count = 0.0
        for i in 0..<n {
            let u = xv[i] + mx
            if let last = output.last, last.0 == u {
                count += 1
                output[output.count - 1].1 += (fitted[i] - last.1) / count
            } else {
                count = 0
                output.append((u, fitted[i]))
            }
        }
        return output.map { ($0.0, $0.1 + my) }
    }
}
