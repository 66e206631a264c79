import Testing
@testable import DossierStats

struct ContingencyFixture: Decodable {
    struct Chi: Decodable {
        let table: [[Int]]
        let statistic: Double
        let p: Double
        let df: Int
        let expected: [[Double]]
        let cramersV: Double
        let yatesStatistic: Double?
        let yatesP: Double?
    }
    struct Fisher: Decodable {
        let table: [[Int]]
        let p: Double
        let oddsRatio: Double?
        let level: Double
        let lower: Double
        let upper: Double?
        let sampleOddsRatio: Double?
    }
    let chiSquare: [Chi]
    let fisher: [Fisher]
}

struct ExactRxCFixture: Decodable {
    struct Case: Decodable {
        let table: [[Int]]
        let pProbability: Double
        let pChiSquare: Double
        let tables: Int
    }
    let cases: [Case]
}

@Suite("Contingency tables vs SciPy")
struct ContingencyTests {
    let fx: ContingencyFixture

    init() throws { fx = try loadFixture("contingency") }

    @Test func chiSquareIndependence() throws {
        var e = ErrorTracker("chi-square test")
        #expect(fx.chiSquare.count >= 25)
        for c in fx.chiSquare {
            let table = try ContingencyTable(counts: c.table)
            let r = try chiSquareTest(table)
            let id = "\(c.table)"
            #expect(r.degreesOfFreedom == c.df)
            #expect(r.n == table.total)
            e.check(r.statistic, c.statistic, rel: 1e-10, abs: 1e-14, "\(id) X²")
            e.check(r.pValue, c.p, rel: 1e-10, abs: 1e-300, "\(id) p")
            e.check(r.cramersV, c.cramersV, rel: 1e-10, abs: 1e-14, "\(id) V")
            let flat = c.expected.flatMap { $0 }
            for (a, b) in zip(r.expected.flatMap { $0 }, flat) { e.check(a, b, rel: 1e-12, "\(id) E") }
            #expect(r.lowExpectedCounts == flat.contains { $0 < 5 })
            #expect(r.cellsBelowFive == flat.filter { $0 < 5 }.count)
            if let ys = c.yatesStatistic, let yp = c.yatesP {
                let y = try chiSquareTest(table, yatesCorrection: true)
                #expect(y.yatesCorrected)
                e.check(y.statistic, ys, rel: 1e-10, abs: 1e-14, "\(id) Yates X²")
                e.check(y.pValue, yp, rel: 1e-10, abs: 1e-300, "\(id) Yates p")
            }
        }
        e.report()
    }

    @Test func fisherExact() throws {
        var p = ErrorTracker("Fisher p")
        var o = ErrorTracker("Fisher conditional OR + CI")
        #expect(fx.fisher.count >= 40)
        for c in fx.fisher {
            let r = try fisherExactTest(try ContingencyTable(counts: c.table), confidenceLevel: c.level)
            let id = "\(c.table) @\(c.level)"
            p.check(r.pValue, c.p, rel: 1e-10, "\(id) p")
            // SciPy solves for the odds ratio and its bounds with brentq(xtol = 1e-13), an
            // absolute tolerance: relative 1e-8 covers bounds down to ~1e-5.
            o.check(r.oddsRatio, c.oddsRatio, rel: 1e-8, abs: 1e-12, "\(id) OR")
            o.check(r.oddsRatioInterval.lower, c.lower, rel: 1e-8, abs: 1e-12, "\(id) lower")
            o.check(r.oddsRatioInterval.upper, c.upper, rel: 1e-8, abs: 1e-12, "\(id) upper")
            if let s = c.sampleOddsRatio {
                o.check(try #require(r.sampleOddsRatio), s, rel: 1e-14, "\(id) sample OR")
            } else {
                #expect(r.sampleOddsRatio == nil)
            }
        }
        p.report()
        o.report()
    }

    @Test func patefieldPreservesMarginsAndIsUnbiased() throws {
        var rng = SeededGenerator(seed: 11)
        let rows = [7, 3, 10], cols = [4, 6, 2, 8]
        var sum00 = 0.0
        let draws = 20_000
        var frequencies = [Int: Int]()
        for _ in 0..<draws {
            let t = try randomTable(rowTotals: rows, columnTotals: cols, using: &rng)
            #expect(t.map { $0.reduce(0, +) } == rows)
            #expect((0..<4).map { j in t.reduce(0) { $0 + $1[j] } } == cols)
            #expect(t.allSatisfy { $0.allSatisfy { $0 >= 0 } })
            sum00 += Double(t[0][0])
            frequencies[t[2][3], default: 0] += 1
        }
        // E[x₀₀] = r₀c₀/n = 7·4/20 = 1.4; its sd is < 1, so 5 SE = 5/√20000 ≈ 0.035.
        #expect(abs(sum00 / Double(draws) - 1.4) < 0.035)
        // x₂₃ ~ Hypergeometric(N = 20, K = 8 (column), n = 10 (row)).
        let lf = { (v: Int) in SpecialFunctions.lnGamma(Double(v) + 1) }
        for k in 0...8 {
            let pmf = exp(lf(8) - lf(k) - lf(8 - k) + lf(12) - lf(10 - k) - lf(2 + k) - (lf(20) - lf(10) - lf(10)))
            let observed = Double(frequencies[k] ?? 0) / Double(draws)
            let se = (pmf * (1 - pmf) / Double(draws)).squareRoot()
            #expect(abs(observed - pmf) < 5 * se + 1e-4, "x₂₃ = \(k): \(observed) vs \(pmf)")
        }
    }

    @Test("one draw of tables, several statistics: each result is that statistic's test alone")
    func monteCarloBySeveralStatistics() throws {
        let fx = try loadFixture("exact_rxc", as: ExactRxCFixture.self)
        for c in fx.cases {
            let table = try ContingencyTable(counts: c.table)
            for seed in [1, 7] as [UInt64] {
                let both = try monteCarloTableTests(table, statistics: [.tableProbability, .chiSquare], replicates: 2_000, seed: seed)
                let alone = try [TableStatistic.tableProbability, .chiSquare].map {
                    try monteCarloTableTest(table, statistic: $0, replicates: 2_000, seed: seed)
                }
                #expect(both == alone, "\(c.table), seed \(seed)")
                let reversed = try monteCarloTableTests(table, statistics: [.chiSquare, .tableProbability], replicates: 2_000, seed: seed)
                #expect(reversed == alone.reversed(), "\(c.table), seed \(seed)")
            }
        }
        #expect(throws: StatsError.self) {
            try monteCarloTableTests(try ContingencyTable(counts: [[1, 2], [3, 4]]), statistics: [], seed: 1)
        }
    }

    @Test func monteCarloMatchesExactEnumeration() throws {
        let fx = try loadFixture("exact_rxc", as: ExactRxCFixture.self)
        let b = 20_000
        for c in fx.cases {
            let table = try ContingencyTable(counts: c.table)
            for (stat, exact) in [(TableStatistic.tableProbability, c.pProbability), (.chiSquare, c.pChiSquare)] {
                let r = try monteCarloTableTest(table, statistic: stat, replicates: b, seed: 7)
                let again = try monteCarloTableTest(table, statistic: stat, replicates: b, seed: 7)
                #expect(r == again)
                #expect(r.pValue == Double(1 + r.exceedances) / Double(b + 1))
                let se = (exact * (1 - exact) / Double(b)).squareRoot()
                // Deterministic (fixed seed); 5 Monte-Carlo standard errors of the exact p.
                #expect(abs(r.pValue - exact) < 5 * se + 2.0 / Double(b),
                        "\(c.table) \(stat): MC \(r.pValue) vs exact \(exact)")
            }
        }
        // For a 2×2 table the probability statistic is Fisher's exact test.
        let t = try ContingencyTable(counts: [[1, 9], [11, 3]])
        let mc = try monteCarloTableTest(t, statistic: .tableProbability, replicates: b, seed: 3)
        let exact = try fisherExactTest(t).pValue
        #expect(abs(mc.pValue - exact) < 5 * (exact * (1 - exact) / Double(b)).squareRoot() + 2.0 / Double(b))
    }

    @Test func degenerateTablesThrow() throws {
        var rng = SeededGenerator(seed: 1)
        #expect(throws: StatsError.self) { try randomTable(rowTotals: [2, 3], columnTotals: [4], using: &rng) }
        #expect(throws: StatsError.emptyTable) { try randomTable(rowTotals: [], columnTotals: [], using: &rng) }
        #expect(throws: StatsError.zeroMargin(what: "row '2'")) {
            try chiSquareTest(try ContingencyTable(counts: [[1, 2], [0, 0]]))
        }
        #expect(throws: StatsError.zeroMargin(what: "column '1'")) {
            try fisherExactTest(try ContingencyTable(counts: [[0, 2], [0, 3]]))
        }
        #expect(throws: StatsError.invalidTableShape(expected: "2×2", rows: 2, columns: 3)) {
            try fisherExactTest(try ContingencyTable(counts: [[1, 2, 3], [3, 2, 1]]))
        }
        #expect(throws: StatsError.invalidTableShape(expected: "at least 2×2", rows: 1, columns: 3)) {
            try chiSquareTest(try ContingencyTable(counts: [[1, 2, 3]]))
        }
        #expect(throws: StatsError.emptyTable) {
            try monteCarloTableTest(try ContingencyTable(counts: [[0, 0], [0, 0]]), seed: 1)
        }
        #expect(throws: StatsError.self) {
            try monteCarloTableTest(try ContingencyTable(counts: [[1, 2], [3, 4]]), replicates: 0, seed: 1)
        }
    }

    @Test func fisherEdgeCasesAreFinite() throws {
        let r = try fisherExactTest(try ContingencyTable(counts: [[0, 5], [5, 0]]))
        #expect(r.oddsRatio == 0 && r.oddsRatioInterval.lower == 0)
        #expect(r.oddsRatioInterval.upper.isFinite && r.pValue > 0)
        let s = try fisherExactTest(try ContingencyTable(counts: [[7, 0], [3, 9]]))
        #expect(s.oddsRatio == .infinity && s.oddsRatioInterval.upper == .infinity && s.sampleOddsRatio == nil)
    }
}

import Foundation
