import Testing
@testable import DossierStats

struct ProportionFixture: Decodable {
    struct Case: Decodable {
        let x: Int
        let n: Int
        let level: Double
        let wilson: [Double]
        let clopperPearson: [Double]
    }
    let cases: [Case]
}

@Suite("Proportion intervals vs statsmodels")
struct ProportionTests {
    @Test func wilsonAndClopperPearson() throws {
        let fx = try loadFixture("proportions", as: ProportionFixture.self)
        #expect(fx.cases.count > 100)
        var w = ErrorTracker("Wilson")
        var cp = ErrorTracker("Clopper-Pearson")
        for c in fx.cases {
            let id = "\(c.x)/\(c.n) @\(c.level)"
            let wi = try wilsonInterval(successes: c.x, trials: c.n, confidenceLevel: c.level)
            #expect(wi.n == c.n && wi.successes == c.x)
            // statsmodels leaves ±1e-17 rounding residue at x = 0 and x = n where we return
            // exactly 0 and 1: absolute 1e-15 on top of 1e-12 relative.
            w.check(wi.interval.lower, c.wilson[0], rel: 1e-12, abs: 1e-15, "\(id) lower")
            w.check(wi.interval.upper, c.wilson[1], rel: 1e-12, abs: 1e-15, "\(id) upper")
            let b = try clopperPearsonInterval(successes: c.x, trials: c.n, confidenceLevel: c.level)
            // Beta quantiles with shapes up to 1e4: 1e-11 (see SpecialFunctionTests).
            cp.check(b.interval.lower, c.clopperPearson[0], rel: 1e-11, abs: 1e-300, "\(id) lower")
            cp.check(b.interval.upper, c.clopperPearson[1], rel: 1e-11, "\(id) upper")
        }
        w.report()
        cp.report()
    }

    @Test func degenerateInputThrows() {
        #expect(throws: StatsError.emptyInput(what: "proportion (no trials)")) { try wilsonInterval(successes: 0, trials: 0) }
        #expect(throws: StatsError.self) { try wilsonInterval(successes: 5, trials: 4) }
        #expect(throws: StatsError.self) { try clopperPearsonInterval(successes: -1, trials: 4) }
        #expect(throws: StatsError.self) { try clopperPearsonInterval(successes: 1, trials: 4, confidenceLevel: 0) }
    }
}
