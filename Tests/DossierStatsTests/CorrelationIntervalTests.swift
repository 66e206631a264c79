import Testing
@testable import DossierStats

struct CorrelationCIFixture: Decodable {
    struct Case: Decodable {
        let name: String
        let x: [Double]
        let y: [Double]
        let level: Double
        let pearson: Double
        let spearman: Double
        let kendall: Double
        let pearsonCI: [Double]
        let spearmanCI: [Double]
        let kendallCI: [Double]
    }
    let cases: [Case]
}

@Suite("Correlation intervals vs R cor.test and the Bonett–Wright / Fieller formulas")
struct CorrelationIntervalTests {
    @Test func matchesTheReferences() throws {
        let fx = try loadFixture("correlation_ci", as: CorrelationCIFixture.self)
        #expect(fx.cases.count >= 20)
        var e = ErrorTracker("correlation intervals")
        for c in fx.cases {
            let id = "\(c.name) @\(c.level)"
            let pearson = try pearsonCorrelation(c.x, c.y, confidenceLevel: c.level)
            let spearman = try spearmanCorrelation(c.x, c.y)
            let kendall = try kendallTau(c.x, c.y)
            let results: [(CorrelationResult, Double, [Double], CorrelationIntervalMethod)] = [
                (pearson, c.pearson, c.pearsonCI, .fisherZ), (spearman, c.spearman, c.spearmanCI, .bonettWright),
                (kendall, c.kendall, c.kendallCI, .fiellerHartleyPearson),
            ]
            for (result, estimate, expected, method) in results {
                #expect(CorrelationIntervalMethod(for: result.method) == method)
                let ci = try correlationInterval(estimate: result.estimate, n: result.n, method: method, level: c.level)
                e.check(result.estimate, estimate, rel: 1e-12, abs: 1e-15, "\(id) \(method) estimate")
                e.check(ci.lower, expected[0], rel: 1e-10, abs: 1e-14, "\(id) \(method) low")
                e.check(ci.upper, expected[1], rel: 1e-10, abs: 1e-14, "\(id) \(method) high")
                #expect(ci.level == c.level)
            }
            // The Pearson interval of pearsonCorrelation is the same Fisher-z interval (R's cor.test).
            let own = try #require(pearson.confidenceInterval)
            e.check(own.lower, c.pearsonCI[0], rel: 1e-10, abs: 1e-14, "\(id) pearsonCorrelation low")
            e.check(own.upper, c.pearsonCI[1], rel: 1e-10, abs: 1e-14, "\(id) pearsonCorrelation high")
        }
        e.report()
    }

    @Test func edgeCases() throws {
        let perfect = try correlationInterval(estimate: 1, n: 10, method: .bonettWright)
        #expect(perfect.lower == 1 && perfect.upper == 1)
        let tooFew = try correlationInterval(estimate: 0.3, n: 4, method: .fiellerHartleyPearson)
        #expect(tooFew.lower == -1 && tooFew.upper == 1)
        #expect(throws: StatsError.self) { try correlationInterval(estimate: 1.5, n: 10, method: .fisherZ) }
        #expect(throws: StatsError.self) { try correlationInterval(estimate: 0.5, n: 10, method: .fisherZ, level: 1) }
    }
}
