import Foundation
import Testing
@testable import DossierStats

/// `PoissonRegressionResult.rateBand` against statsmodels (scripts/poisson_band_reference.py).
struct PoissonRateBandTests {
    struct Band: Decodable { let level: Double; let quasi: Bool; let fit: [Double]; let lower: [Double]; let upper: [Double] }
    struct Case: Decodable {
        let y: [Double]; let covariates: [[Double]]; let offset: [Double]?
        let means: [Double]; let grid: [Double]; let scale: Double; let bands: [Band]
    }
    struct Fixture: Decodable { let cases: [Case] }

    @Test func bandMatchesStatsmodelsAtEveryLevel() throws {
        let fx = try loadFixture("poisson_band", as: Fixture.self)
        var e = ErrorTracker("Poisson rate band")
        for (k, c) in fx.cases.enumerated() {
            let fit = try poissonRegression(counts: c.y, covariates: c.covariates, offset: c.offset)
            for b in c.bands {
                let band = try fit.rateBand(covariate: 0, grid: c.grid, others: c.means, scale: c.scale,
                                            level: b.level, quasi: b.quasi)
                #expect(band.level == b.level)
                for i in c.grid.indices {
                    let id = "case \(k) level \(b.level)\(b.quasi ? " quasi" : "") point \(i)"
                    e.check(band.fit[i], b.fit[i], rel: 1e-12, "\(id) fit")
                    e.check(band.lower[i], b.lower[i], rel: 1e-12, "\(id) lower")
                    e.check(band.upper[i], b.upper[i], rel: 1e-12, "\(id) upper")
                }
            }
        }
        e.report()
    }

    @Test func bandWidensWithTheLevel() throws {
        let fit = try poissonRegression(counts: [2, 3, 6, 7, 8, 9, 10, 12, 15], covariates: [[1, 2, 3, 4, 5, 6, 7, 8, 9]])
        let narrow = try fit.rateBand(covariate: 0, grid: [5], others: [0], level: 0.8, quasi: false)
        let wide = try fit.rateBand(covariate: 0, grid: [5], others: [0], level: 0.99, quasi: false)
        #expect(narrow.fit == wide.fit)
        #expect(wide.lower[0] < narrow.lower[0] && narrow.upper[0] < wide.upper[0])
    }

    @Test func criticalValueFollowsTheLevel() {
        // The band used a fixed 1.959963984540054 before it followed the level; z at the double
        // 0.95 (the z of every other normal interval in DossierStats) is within an ulp of it.
        #expect(abs(NormalDistribution.criticalValue(level: 0.95) - 1.959963984540054) < 1e-15)
        #expect(abs(NormalDistribution.criticalValue(level: 0.9) - 1.6448536269514729) < 1e-14)
        #expect(abs(NormalDistribution.criticalValue(level: 0.99) - 2.575829303548901) < 1e-14)
    }

    @Test func rejectsBadArguments() throws {
        let fit = try poissonRegression(counts: [2, 3, 6, 7, 8, 9], covariates: [[1, 2, 3, 4, 5, 6]])
        #expect(throws: StatsError.self) { try fit.rateBand(covariate: 1, grid: [1], others: [0], level: 0.95, quasi: false) }
        #expect(throws: StatsError.self) { try fit.rateBand(covariate: 0, grid: [1], others: [], level: 0.95, quasi: false) }
        #expect(throws: StatsError.self) { try fit.rateBand(covariate: 0, grid: [1], others: [0], level: 1, quasi: false) }
    }
}
