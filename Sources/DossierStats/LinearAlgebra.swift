/// Small dense symmetric positive-definite algebra for the regression fits.
enum SymmetricMatrix {
    /// Cholesky factor L (lower, row-major p×p) of A, or nil if A is not
    /// numerically positive definite (pivot ≤ 1e-13 × the largest diagonal).
    static func cholesky(_ a: [[Double]]) -> [[Double]]? {
        let p = a.count
        let scale = (0..<p).map { a[$0][$0] }.max() ?? 0
        guard scale > 0 else { return nil }
        var l = Array(repeating: Array(repeating: 0.0, count: p), count: p)
        for j in 0..<p {
            var d = a[j][j]
            for k in 0..<j { d -= l[j][k] * l[j][k] }
            guard d > 1e-13 * scale else { return nil }
            let ljj = d.squareRoot()
            l[j][j] = ljj
            for i in (j + 1)..<max(j + 1, p) {
                var s = a[i][j]
                for k in 0..<j { s -= l[i][k] * l[j][k] }
                l[i][j] = s / ljj
            }
        }
        return l
    }

    /// Solves L Lᵀ x = b.
    static func solve(_ l: [[Double]], _ b: [Double]) -> [Double] {
        let p = b.count
        var y = b
        for i in 0..<p {
            var s = y[i]
            for k in 0..<i { s -= l[i][k] * y[k] }
            y[i] = s / l[i][i]
        }
        var x = y
        for i in stride(from: p - 1, through: 0, by: -1) {
            var s = x[i]
            for k in (i + 1)..<max(i + 1, p) { s -= l[k][i] * x[k] }
            x[i] = s / l[i][i]
        }
        return x
    }

    /// A⁻¹ from the Cholesky factor of A.
    static func inverse(_ l: [[Double]]) -> [[Double]] {
        let p = l.count
        var columns: [[Double]] = []
        for j in 0..<p {
            var e = Array(repeating: 0.0, count: p)
            e[j] = 1
            columns.append(solve(l, e))
        }
        return (0..<p).map { i in (0..<p).map { j in columns[j][i] } }
    }
}
