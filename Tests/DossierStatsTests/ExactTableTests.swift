import Testing
@testable import DossierStats

struct ExactFFHFixture: Decodable {
    struct Case: Decodable {
        let table: [[Int]]
        let pProbability: Double
        let pChiSquare: Double
        let tables: Int
        let pR: Double
        let observedProbability: Double
        let chiSquare: Double
    }
    struct Large: Decodable {
        let table: [[Int]]
        let pR: Double
    }
    let cases: [Case]
    let large: [Large]
}

@Suite("Exact r×c test (Fisher–Freeman–Halton) vs enumeration and R")
struct ExactTableTests {
    let fx: ExactFFHFixture

    init() throws { fx = try loadFixture("exact_ffh") }

    @Test func matchesFullEnumerationBothOrderings() throws {
        var e = ErrorTracker("exact r×c vs enumeration")
        #expect(fx.cases.count >= 30)
        for c in fx.cases {
            let table = try ContingencyTable(counts: c.table)
            let byProbability = try #require(try exactTableTest(table, statistic: .tableProbability))
            let byChiSquare = try #require(try exactTableTest(table, statistic: .chiSquare))
            e.check(byProbability.pValue, min(1, c.pProbability), rel: 1e-9, abs: 1e-300, "\(c.table) p (probability)")
            e.check(byChiSquare.pValue, min(1, c.pChiSquare), rel: 1e-9, abs: 1e-300, "\(c.table) p (X²)")
            e.check(byProbability.observed, c.observedProbability, rel: 1e-10, "\(c.table) P(observed)")
            e.check(byChiSquare.observed, c.chiSquare, rel: 1e-10, abs: 1e-12, "\(c.table) X²")
            #expect(byProbability.statistic == .tableProbability && byChiSquare.statistic == .chiSquare)
            #expect(byProbability.n == table.total && byProbability.rows == table.rowCount && byProbability.columns == table.columnCount)
        }
        e.report()
    }

    @Test func matchesRFisherTest() throws {
        var e = ErrorTracker("exact r×c vs R fisher.test")
        for c in fx.cases {
            let result = try #require(try exactTableTest(try ContingencyTable(counts: c.table)))
            e.check(result.pValue, min(1, c.pR), rel: 1e-9, "\(c.table) p")
        }
        // The larger tables: exact within the default work limit, except the 5×5 with n = 60.
        var exact = 0
        for c in fx.large {
            guard let result = try exactTableTest(try ContingencyTable(counts: c.table)) else { continue }
            exact += 1
            e.check(result.pValue, min(1, c.pR), rel: 1e-9, "\(c.table) p")
        }
        #expect(exact == fx.large.count - 1)
        e.report()
    }

    @Test func orientationDoesNotMatter() throws {
        for c in fx.cases {
            let transposed = (0..<c.table[0].count).map { j in c.table.map { $0[j] } }
            for statistic in [TableStatistic.tableProbability, .chiSquare] {
                let a = try #require(try exactTableTest(try ContingencyTable(counts: c.table), statistic: statistic))
                let b = try #require(try exactTableTest(try ContingencyTable(counts: transposed), statistic: statistic))
                #expect(abs(a.pValue - b.pValue) <= 1e-12 * max(a.pValue, 1e-300), "\(c.table) \(statistic)")
            }
        }
    }

    @Test func twoByTwoIsFishersExactTest() throws {
        for counts in [[[1, 9], [11, 3]], [[3, 1], [1, 3]], [[10, 0], [0, 10]], [[20, 3], [7, 14]]] {
            let table = try ContingencyTable(counts: counts)
            let exact = try #require(try exactTableTest(table))
            let fisher = try fisherExactTest(table)
            #expect(abs(exact.pValue - fisher.pValue) <= 1e-10 * fisher.pValue, "\(counts)")
        }
    }

    @Test func givesUpAboveTheWorkLimit() throws {
        #expect(try exactTableTest(try ContingencyTable(counts: fx.large[0].table)) == nil)
        let flagship = try ContingencyTable(counts: [[0, 0, 1, 0], [1, 0, 0, 0], [1, 12, 4, 1], [1, 0, 1, 0], [3, 0, 1, 1], [0, 3, 0, 0]])
        #expect(try exactTableTest(flagship, workLimit: 100) == nil)
        let done = try #require(try exactTableTest(flagship))
        #expect(done.workUnits > 100 && done.workUnits <= ExactTableTest.defaultWorkLimit)
    }

    @Test func rejectsDegenerateTables() throws {
        #expect(throws: StatsError.self) { try exactTableTest(try ContingencyTable(counts: [[1, 2, 3]])) }
        #expect(throws: StatsError.zeroMargin(what: "column '1'")) {
            try exactTableTest(try ContingencyTable(counts: [[0, 2], [0, 3]]))
        }
    }
}
