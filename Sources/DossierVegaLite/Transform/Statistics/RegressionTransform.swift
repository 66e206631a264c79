import DossierBase
import Foundation

/// Vega-Lite's `regression` transform: per group, a least-squares trend of `regression` (y)
/// on `on` (x), sampled over `extent` (default the group's x extent) into rows
/// `{groupby…, on, regression}`. The models are Vega's:
///
/// - `linear` y = a + b·x, `log` y = a + b·ln x, `pow` y = a·x^b (least squares of ln y on
///   ln x), `exp` y = a·e^(b·x) (least squares of ln y on x weighted by y, as Vega fits it),
///   `quad` and `poly` (degree `order`, default 3) by the normal equations on centred x;
/// - a linear fit gives the two ends of the extent; the others Vega's adaptive curve samples
///   (``CurveSampling``, 25 to 200 points);
/// - rows whose x or y is not a number are left out of the fit; a group with no more rows
///   than the model has parameters (1; quad 2; poly `order`) gives none.
///
/// `params: true` (the coefficients as rows) is not supported: it gives lists.
package struct RegressionTransform: Sendable, Equatable {
    package enum Method: String, Sendable, CaseIterable { case linear, log, exp, pow, quad, poly }
    package var y: String
    package var x: String
    package var groupby: [String]
    package var method: Method
    package var order: Int
    package var extent: [Double]?
    package var names: [String]
}

extension RegressionTransform: Decodable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case regression, on, groupby, method, order, extent, params, names = "as"
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "a regression transform")
        y = try c.decode(String.self, forKey: .regression)
        x = try c.decode(String.self, forKey: .on)
        groupby = try c.decodeIfPresent([String].self, forKey: .groupby) ?? []
        let name = try c.decodeIfPresent(String.self, forKey: .method) ?? "linear"
        guard let known = Method(rawValue: name) else {
            throw c.failure(.method, "unknown regression method \(InputExcerpt.quoted(name))"
                            + NameHint.hint(for: name, known: Method.allCases.map(\.rawValue)))
        }
        method = known
        order = try c.decodeWholeNumber(.order, NumberRule(name: "order", min: 0, max: 10, unit: "")) ?? 3
        if try c.decodeIfPresent(Bool.self, forKey: .params) == true {
            throw c.failure(.params, "`params: true` in a regression transform is not supported in charts yet: fit the model in an analysis (`regression`) to report its coefficients")
        }
        if let pair = try c.decodeIfPresent([Double].self, forKey: .extent) {
            guard pair.count == 2, pair.allSatisfy(\.isFinite) else {
                throw c.failure(.extent, "a regression's `extent` must be [min, max]")
            }
            extent = pair
        }
        names = try c.namePair(.names, default: [x, y], what: "regression", expected: "[x, y]")
    }
}

extension RegressionTransform {
    /// The number of parameters beyond the intercept, as Vega counts them for its size check.
    private var degreesOfFreedom: Int {
        switch method {
        case .poly: return order
        case .quad: return 2
        default: return 1
        }
    }

    func apply(to table: TransformTable) throws -> TransformTable {
        try table.require(x, in: "regression's `on`")
        try table.require(y, in: "regression")
        for name in groupby { try table.require(name, in: "regression's groupby") }
        var keys: [[ExpressionValue]] = []
        var xs: [Double] = []
        var ys: [Double] = []
        for group in table.groups(by: groupby) where group.count > degreesOfFreedom {
            let observed = table.numberPairs(x, y, rows: group)
            guard !observed.isEmpty else { continue }
            let px = observed.map(\.0), py = observed.map(\.1)
            var domain = extent.map { ($0[0], $0[1]) } ?? DensityTransform.extent(px) ?? (0, 0)
            if method == .log, domain.0 <= 0, extent != nil, let own = DensityTransform.extent(px) { domain = own }
            let predict = Self.fit(method, order: order, px, py)
            let key = groupby.map { table.value($0, group[0]) }
            let points = method == .linear
                ? [(domain.0, predict(domain.0)), (domain.1, predict(domain.1))]
                : CurveSampling.sample(predict, extent: domain, minSteps: 25, maxSteps: 200)
            for (u, v) in points {
                keys.append(key); xs.append(u); ys.append(v)
            }
        }
        return TransformTable.curves(groupby: groupby, keys: keys, names: (names[0], names[1]), xs: xs, ys: ys)
    }

    /// The fitted curve of `method` through the points.
    static func fit(_ method: Method, order: Int, _ x: [Double], _ y: [Double]) -> (Double) -> Double {
        switch method {
        case .linear:
            let (a, b) = weightedLine(x, y, weights: nil)
            return { a + b * $0 }
        case .log:
            let (a, b) = weightedLine(x.map { Foundation.log($0) }, y, weights: nil)
            return { a + b * Foundation.log($0) }
        case .pow:
            let (a, b) = weightedLine(x.map { Foundation.log($0) }, y.map { Foundation.log($0) }, weights: nil)
            let scale = Foundation.exp(a)
            return { scale * Foundation.pow($0, b) }
        case .exp:
            let (a, b) = weightedLine(x, y.map { Foundation.log($0) }, weights: y)
            return { Foundation.exp(a + b * $0) }
        case .quad:
            return polynomial(x, y, degree: 2)
        case .poly:
            switch order {
            case 0: let mean = y.reduce(0, +) / Double(y.count); return { _ in mean }
            case 1: return fit(.linear, order: 1, x, y)
            default: return polynomial(x, y, degree: order)
            }
        }
    }

    /// Weighted least squares of y on x: intercept and slope (weights nil: all 1).
    private static func weightedLine(_ x: [Double], _ y: [Double], weights: [Double]?) -> (Double, Double) {
        var sw = 0.0, sx = 0.0, sy = 0.0
        for i in x.indices {
            let w = weights?[i] ?? 1
            sw += w; sx += w * x[i]; sy += w * y[i]
        }
        let mx = sx / sw, my = sy / sw
        var sxy = 0.0, sxx = 0.0
        for i in x.indices {
            let w = weights?[i] ?? 1
            sxy += w * (x[i] - mx) * (y[i] - my)
            sxx += w * (x[i] - mx) * (x[i] - mx)
        }
        let b = sxy / sxx
        return (my - b * mx, b)
    }

    /// A least-squares polynomial of `degree`, fitted on x and y centred on their means by the
    /// normal equations (Gaussian elimination with partial pivoting).
    private static func polynomial(_ x: [Double], _ y: [Double], degree: Int) -> (Double) -> Double {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        let cx = x.map { $0 - mx }, cy = y.map { $0 - my }
        let k = degree + 1
        var matrix = [[Double]](repeating: [Double](repeating: 0, count: k + 1), count: k)
        for i in 0..<k {
            for j in 0..<k { matrix[i][j] = cx.reduce(0) { $0 + Foundation.pow($1, Double(i + j)) } }
            matrix[i][k] = zip(cx, cy).reduce(0) { $0 + Foundation.pow($1.0, Double(i)) * $1.1 }
        }
        for column in 0..<k {
            let pivot = (column..<k).max { abs(matrix[$0][column]) < abs(matrix[$1][column]) } ?? column
            matrix.swapAt(column, pivot)
            for row in (column + 1)..<max(column + 1, k) {
                let factor = matrix[row][column] / matrix[column][column]
                for j in column...k { matrix[row][j] -= factor * matrix[column][j] }
            }
        }
        var coefficients = [Double](repeating: 0, count: k)
        for row in stride(from: k - 1, through: 0, by: -1) {
            var sum = matrix[row][k]
            for j in (row + 1)..<max(row + 1, k) { sum -= matrix[row][j] * coefficients[j] }
            coefficients[row] = sum / matrix[row][row]
        }
        return { value in
            let u = value - mx
            var result = 0.0
            for c in coefficients.reversed() { result = result * u + c }
            return result + my
        }
    }
}
