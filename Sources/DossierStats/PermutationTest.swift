import Foundation

/// A permutation test of Pearson's r.
public struct PermutationTestResult: Sendable, Equatable, Codable {
    /// Number of pairs.
    public let n: Int
    /// Observed Pearson r.
    public let observed: Double
    /// True when every one of the n! pairings was enumerated (n! ≤ `permutations`).
    public let isExact: Bool
    /// Number of permutations evaluated: n! when exact, else the Monte-Carlo count B.
    public let permutations: Int
    /// How many permuted |r| were at least the observed |r| (relative tolerance 1e-12).
    public let exceedances: Int
    /// Two-sided p-value: exceedances / n! when exact (the identity pairing included);
    /// (1 + exceedances) / (B + 1) for Monte Carlo.
    public let pValue: Double
    /// The seed of the generator (ignored when exact).
    public let seed: UInt64
}

/// Two-sided permutation test of Pearson's r: y is shuffled against x with the seeded
/// generator, and the statistic is |r|.
///
/// When n! ≤ `permutations` every pairing is enumerated instead and the p-value is exact.
/// Throws as `pearsonCorrelation` does, or when `permutations` < 1.
public func permutationTest(_ x: [Double], _ y: [Double], permutations: Int = 9999, seed: UInt64) throws -> PermutationTestResult {
    try Check.pairs(x, y, "permutation test")
    guard permutations >= 1 else {
        throw StatsError.invalidArgument("permutation test: permutations must be at least 1, got \(permutations)")
    }
    let r = try pearsonR(x, y)
    let n = x.count
    let dn = Double(n)
    let mx = compensatedSum(x) / dn, my = compensatedSum(y) / dn
    let xc = x.map { $0 - mx }, yc = y.map { $0 - my }
    let norm = (xc.reduce(0) { $0 + $1 * $1 }).squareRoot() * (yc.reduce(0) { $0 + $1 * $1 }).squareRoot()
    let threshold = abs(r) * (1 - 1e-12)
    func statistic(_ order: [Int]) -> Double {
        var s = 0.0
        for i in 0..<n { s += xc[i] * yc[order[i]] }
        return abs(s / norm)
    }

    var nFactorial = 1
    var exact = true
    for k in 1...n {
        let (m, overflow) = nFactorial.multipliedReportingOverflow(by: k)
        if overflow || m > permutations { exact = false; break }
        nFactorial = m
    }
    if exact {
        // Heap's algorithm over all n! orders.
        var order = Array(0..<n)
        var c = Array(repeating: 0, count: n)
        var count = statistic(order) >= threshold ? 1 : 0
        var i = 0
        while i < n {
            if c[i] < i {
                if i % 2 == 0 { order.swapAt(0, i) } else { order.swapAt(c[i], i) }
                if statistic(order) >= threshold { count += 1 }
                c[i] += 1
                i = 0
            } else {
                c[i] = 0
                i += 1
            }
        }
        return PermutationTestResult(n: n, observed: r, isExact: true, permutations: nFactorial, exceedances: count,
                                     pValue: Double(count) / Double(nFactorial), seed: seed)
    }
    var rng = SeededGenerator(seed: seed)
    var order = Array(0..<n)
    var count = 0
    for _ in 0..<permutations {
        rng.shuffle(&order)
        if statistic(order) >= threshold { count += 1 }
    }
    return PermutationTestResult(n: n, observed: r, isExact: false, permutations: permutations, exceedances: count,
                                 pValue: Double(1 + count) / Double(permutations + 1), seed: seed)
}
