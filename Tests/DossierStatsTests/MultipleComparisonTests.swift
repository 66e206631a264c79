import Testing
@testable import DossierStats

struct AdjustFixture: Decodable {
    struct Case: Decodable {
        let p: [Double]
        let holm: [Double]
        let bh: [Double]
    }
    let cases: [Case]
}

@Suite("Holm and Benjamini–Hochberg vs statsmodels multipletests")
struct MultipleComparisonTests {
    @Test func matchesStatsmodels() throws {
        let fx = try loadFixture("adjust", as: AdjustFixture.self)
        #expect(fx.cases.count >= 10)
        var e = ErrorTracker("Holm / Benjamini–Hochberg")
        for (number, c) in fx.cases.enumerated() {
            let holm = try MultipleComparisons.holm(c.p)
            let bh = try MultipleComparisons.benjaminiHochberg(c.p)
            #expect(holm.count == c.p.count && bh.count == c.p.count)
            for i in c.p.indices {
                e.check(holm[i], c.holm[i], rel: 1e-14, abs: 1e-300, "family \(number) Holm[\(i)]")
                e.check(bh[i], c.bh[i], rel: 1e-14, abs: 1e-300, "family \(number) BH[\(i)]")
            }
        }
        e.report()
    }

    @Test func ranksTiesInTheOrderGiven() throws {
        #expect(try MultipleComparisons.ranks([0.2, 0.01, 0.2, 0.5]) == [2, 1, 3, 4])
    }

    @Test func rejectsAnEmptyFamilyAndImpossiblePValues() {
        #expect(throws: StatsError.self) { try MultipleComparisons.holm([]) }
        #expect(throws: StatsError.self) { try MultipleComparisons.benjaminiHochberg([0.1, 1.5]) }
        #expect(throws: StatsError.self) { try MultipleComparisons.holm([.nan]) }
    }
}
