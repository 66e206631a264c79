import Testing
@testable import DossierStats

struct CorrelationFixture: Decodable {
    struct Pearson: Decodable { let r: Double; let p: Double; let lower: Double; let upper: Double }
    struct Spearman: Decodable { let rho: Double; let p: Double }
    struct Kendall: Decodable { let tau: Double; let p: Double; let method: String }
    struct Case: Decodable {
        let name: String
        let x: [Double]
        let y: [Double]
        let pearson: Pearson
        let spearman: Spearman
        let kendall: Kendall?
    }
    let cases: [Case]
}

struct PermutationFixture: Decodable {
    struct Case: Decodable {
        let n: Int
        let x: [Double]
        let y: [Double]
        let r: Double
        let total: Int
        let exceedances: Int
        let p: Double
    }
    let cases: [Case]
}

@Suite("Correlation vs SciPy")
struct CorrelationTests {
    let fx: CorrelationFixture

    init() throws { fx = try loadFixture("correlation") }

    /// p-values are compared on the larger of a relative and an absolute scale: a p-value
    /// of 1e-200 computed from an r that is itself only accurate to 1e-16 can legitimately
    /// differ in its 10th digit (the p-value's condition number in r is ~n·r²/(1−r²)), so
    /// beyond the closed-form 1e-10 the p-values get 1e-9.
    @Test func pearson() throws {
        var e = ErrorTracker("pearson")
        for c in fx.cases {
            let r = try pearsonCorrelation(c.x, c.y)
            #expect(r.n == c.x.count)
            e.check(r.estimate, c.pearson.r, rel: 1e-12, abs: 1e-15, "\(c.name) r")
            // For |r| = 1 up to rounding SciPy reports an artefact p (e.g. 1e-24); we report 0.
            e.check(r.pValue, c.pearson.p, rel: 1e-9, abs: abs(c.pearson.r) > 1 - 1e-15 ? 1e-20 : 1e-300, "\(c.name) p")
            let ci = try #require(r.confidenceInterval)
            e.check(ci.lower, c.pearson.lower, rel: 1e-10, abs: 1e-15, "\(c.name) lower")
            e.check(ci.upper, c.pearson.upper, rel: 1e-10, abs: 1e-15, "\(c.name) upper")
        }
        e.report()
    }

    @Test func spearman() throws {
        var e = ErrorTracker("spearman")
        for c in fx.cases {
            let r = try spearmanCorrelation(c.x, c.y)
            e.check(r.estimate, c.spearman.rho, rel: 1e-12, abs: 1e-15, "\(c.name) rho")
            e.check(r.pValue, c.spearman.p, rel: 1e-9, abs: abs(c.spearman.rho) > 1 - 1e-15 ? 1e-20 : 1e-300, "\(c.name) p")
        }
        e.report()
    }

    @Test func kendall() throws {
        var e = ErrorTracker("kendall")
        var checked = 0
        for c in fx.cases {
            guard let k = c.kendall else { continue }
            let r = try kendallTau(c.x, c.y)
            #expect(r.pValueMethod.rawValue == k.method, "\(c.name): method \(r.pValueMethod) vs SciPy \(k.method)")
            e.check(r.estimate, k.tau, rel: 1e-12, abs: 1e-15, "\(c.name) tau")
            e.check(r.pValue, k.p, rel: 1e-10, abs: 1e-300, "\(c.name) p")
            checked += 1
        }
        #expect(checked >= 25)
        e.report()
    }

    @Test func averageRanksHandleTies() {
        #expect(averageRanks([10, 20, 10, 30, 20, 20]) == [1.5, 4, 1.5, 6, 4, 4])
    }

    @Test func exactPermutationMatchesEnumeration() throws {
        let fx = try loadFixture("permutation", as: PermutationFixture.self)
        var e = ErrorTracker("permutation (exact)")
        for c in fx.cases where c.total <= 9999 {
            let r = try permutationTest(c.x, c.y, permutations: 9999, seed: 1)
            #expect(r.isExact && r.permutations == c.total)
            #expect(r.exceedances == c.exceedances, "n=\(c.n)")
            e.check(r.pValue, c.p, rel: 1e-15, "n=\(c.n) p")
            e.check(r.observed, c.r, rel: 1e-12, "n=\(c.n) r")
        }
        e.report()
    }

    @Test func monteCarloPermutationIsReproducibleAndClose() throws {
        let fx = try loadFixture("permutation", as: PermutationFixture.self)
        let c = try #require(fx.cases.first { $0.n == 9 })
        let b = 20_000
        let r1 = try permutationTest(c.x, c.y, permutations: b, seed: 2024)
        let r2 = try permutationTest(c.x, c.y, permutations: b, seed: 2024)
        #expect(!r1.isExact)
        #expect(r1 == r2)
        // Against the exact p from all 9! pairings: within 5 Monte-Carlo standard errors.
        let se = (c.p * (1 - c.p) / Double(b)).squareRoot()
        #expect(abs(r1.pValue - c.p) < 5 * se + 1.0 / Double(b), "MC \(r1.pValue) vs exact \(c.p)")
        let r3 = try permutationTest(c.x, c.y, permutations: b, seed: 2025)
        #expect(r3.exceedances != r1.exceedances || r3.pValue == r1.pValue)
    }

    @Test func degenerateInputThrows() {
        #expect(throws: StatsError.tooFewObservations(what: "Pearson correlation", needed: 3, got: 2)) {
            try pearsonCorrelation([1, 2], [3, 4])
        }
        #expect(throws: StatsError.constantColumn(what: "x")) { try pearsonCorrelation([1, 1, 1], [1, 2, 3]) }
        #expect(throws: StatsError.constantColumn(what: "y")) { try spearmanCorrelation([1, 2, 3], [5, 5, 5]) }
        #expect(throws: StatsError.constantColumn(what: "x")) { try kendallTau([2, 2, 2, 2], [1, 2, 3, 4]) }
        #expect(throws: StatsError.lengthMismatch(what: "Kendall tau", first: 3, second: 4)) {
            try kendallTau([1, 2, 3], [1, 2, 3, 4])
        }
        #expect(throws: StatsError.nonFiniteValue(what: "Spearman correlation (y)", index: 2)) {
            try spearmanCorrelation([1, 2, 3], [1, 2, .infinity])
        }
        #expect(throws: StatsError.self) { try permutationTest([1, 2, 3], [1, 2, 3], permutations: 0, seed: 1) }
        #expect(throws: StatsError.self) { try pearsonCorrelation([1, 2, 3], [1, 3, 2], confidenceLevel: 1) }
    }

    @Test func perfectCorrelationHasNoNaN() throws {
        let r = try pearsonCorrelation([1, 2, 3, 4], [2, 4, 6, 8])
        #expect(r.estimate == 1 && r.pValue == 0 && r.statistic == nil)
        #expect(r.confidenceInterval?.lower == 1)
        let small = try pearsonCorrelation([1, 2, 3], [1, 3, 2])
        #expect(small.confidenceInterval == ConfidenceInterval(lower: -1, upper: 1, level: 0.95))
    }
}
