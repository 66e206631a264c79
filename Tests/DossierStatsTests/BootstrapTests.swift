import Testing
@testable import DossierStats

struct BootstrapFixture: Decodable {
    struct Case: Decodable {
        let name: String
        let x: [Double]
        let y: [Double]
        let statistic: String
        let resamples: Int
        let seed: UInt64
        let level: Double
        let estimate: Double
        let percentile: [Double]
        let bca: [Double]
        let undefined: Int
        let se: Double
        let z0: Double
        let acceleration: Double
    }
    let cases: [Case]
}

@Suite("Seeded bootstrap intervals vs the script's replay of SeededGenerator and SciPy's formulas")
struct BootstrapTests {
    static func statistic(_ name: String) -> ([Double], [Double]) throws -> Double {
        switch name {
        case "pearson": { try pearsonCorrelation($0, $1).estimate }
        case "spearman": { try spearmanCorrelation($0, $1).estimate }
        case "mean": { x, _ in try mean(x) }
        case "median": { x, _ in try median(x) }
        default: { try kendallTau($0, $1).estimate }
        }
    }

    @Test func matchesTheReference() throws {
        let fx = try loadFixture("bootstrap", as: BootstrapFixture.self)
        #expect(fx.cases.count >= 20)
        var e = ErrorTracker("bootstrap percentile / BCa")
        for c in fx.cases {
            let id = "\(c.name) \(c.statistic) B=\(c.resamples)"
            let percentile = try pairedBootstrapInterval(c.x, c.y, resamples: c.resamples, seed: c.seed, method: .percentile,
                                                         level: c.level, statistic: Self.statistic(c.statistic))
            let bca = try pairedBootstrapInterval(c.x, c.y, resamples: c.resamples, seed: c.seed, method: .bca,
                                                  level: c.level, statistic: Self.statistic(c.statistic))
            #expect(percentile.undefined == c.undefined && bca.undefined == c.undefined, "\(id)")
            e.check(percentile.estimate, c.estimate, rel: 1e-12, abs: 1e-15, "\(id) estimate")
            e.check(percentile.interval.lower, c.percentile[0], rel: 1e-10, abs: 1e-14, "\(id) percentile low")
            e.check(percentile.interval.upper, c.percentile[1], rel: 1e-10, abs: 1e-14, "\(id) percentile high")
            e.check(bca.interval.lower, c.bca[0], rel: 1e-10, abs: 1e-14, "\(id) BCa low")
            e.check(bca.interval.upper, c.bca[1], rel: 1e-10, abs: 1e-14, "\(id) BCa high")
            e.check(percentile.standardError, c.se, rel: 1e-10, "\(id) se")
            e.check(bca.biasCorrection ?? .nan, c.z0, rel: 1e-10, abs: 1e-14, "\(id) z0")
            e.check(bca.acceleration ?? .nan, c.acceleration, rel: 1e-9, abs: 1e-14, "\(id) acceleration")
        }
        e.report()
    }

    @Test func sameSeedSameInterval() throws {
        let x = [1.0, 2, 3, 4, 5, 6, 7, 8], y = [2.0, 1, 4, 3, 6, 5, 8, 7]
        let a = try pairedBootstrapInterval(x, y, resamples: 500, seed: 9, method: .bca, statistic: Self.statistic("pearson"))
        let b = try pairedBootstrapInterval(x, y, resamples: 500, seed: 9, method: .bca, statistic: Self.statistic("pearson"))
        let c = try pairedBootstrapInterval(x, y, resamples: 500, seed: 10, method: .bca, statistic: Self.statistic("pearson"))
        #expect(a == b && a != c)
        #expect(throws: StatsError.self) {
            try pairedBootstrapInterval(x, y, resamples: 0, seed: 1, method: .percentile, statistic: Self.statistic("pearson"))
        }
    }
}
