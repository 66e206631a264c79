import Foundation
import Testing
@testable import DossierStats

/// One case of negbin.json / the `negbin` part of count_models_flagship.json.
struct NegativeBinomialCase: Decodable {
    let y: [Double]
    let covariates: [[Double]]
    let offset: [Double]?
    let poissonLlf: Double
    let noOverdispersion: Bool
    let params: [Double]?
    let bse: [Double]?
    let pvalues: [Double]?
    let ciLower: [Double]?
    let ciUpper: [Double]?
    let alpha: Double?
    let alphaBse: Double?
    let llf: Double?
    let aic: Double?
    let lr: Double?
    let lrP: Double?
}

/// Compares one NB2 fit with statsmodels' `NegativeBinomial(loglike_method='nb2')`.
func checkNegativeBinomial(_ c: NegativeBinomialCase, label: String, names: [String]? = nil,
                           tracker e: inout ErrorTracker) throws {
    if c.noOverdispersion {
        #expect {
            try negativeBinomialRegression(counts: c.y, covariates: c.covariates, names: names, offset: c.offset)
        } throws: { error in
            "\(error)".contains("no overdispersion") && "\(error)".contains("use poisson")
        }
        return
    }
    let r = try negativeBinomialRegression(counts: c.y, covariates: c.covariates, names: names, offset: c.offset)
    let params = try #require(c.params), bse = try #require(c.bse), pvalues = try #require(c.pvalues)
    let lower = try #require(c.ciLower), upper = try #require(c.ciUpper)
    #expect(r.coefficients.count == params.count)
    for j in params.indices {
        let coefficient = r.coefficients[j]
        e.check(coefficient.estimate, params[j], rel: 1e-8, abs: 1e-10, "\(label) β\(j)")
        e.check(coefficient.standardError, bse[j], rel: 1e-8, "\(label) se\(j)")
        e.check(coefficient.pValue, pvalues[j], rel: 1e-7, abs: 1e-300, "\(label) p\(j)")
        e.check(coefficient.interval.lower, lower[j], rel: 1e-8, abs: 1e-10, "\(label) lower\(j)")
        e.check(coefficient.interval.upper, upper[j], rel: 1e-8, abs: 1e-10, "\(label) upper\(j)")
    }
    e.check(r.alpha, try #require(c.alpha), rel: 1e-8, "\(label) α")
    e.check(r.alphaStandardError, try #require(c.alphaBse), rel: 1e-8, "\(label) se(α)")
    e.check(r.logLikelihood, try #require(c.llf), rel: 1e-10, "\(label) log-likelihood")
    e.check(r.aic, try #require(c.aic), rel: 1e-10, "\(label) AIC")
    e.check(r.poissonLogLikelihood, c.poissonLlf, rel: 1e-10, "\(label) Poisson log-likelihood")
    e.check(r.likelihoodRatio, try #require(c.lr), rel: 1e-7, "\(label) LR")
    e.check(r.likelihoodRatioPValue, try #require(c.lrP), rel: 1e-5, abs: 1e-300, "\(label) LR p")
}

/// NB2 regression against statsmodels' `NegativeBinomial(..., loglike_method='nb2')`.
@Suite("Negative binomial regression vs statsmodels")
struct NegativeBinomialTests {
    struct Fixture: Decodable { let cases: [NegativeBinomialCase] }

    @Test func matchesStatsmodels() throws {
        let fixture = try loadFixture("negbin", as: Fixture.self)
        #expect(fixture.cases.count == 9)
        var e = ErrorTracker("negativeBinomialRegression")
        for (index, c) in fixture.cases.enumerated() {
            try checkNegativeBinomial(c, label: "case \(index)", tracker: &e)
        }
        e.report()
    }

    @Test func rateRatioIsTheScaledCoefficient() throws {
        let fixture = try loadFixture("negbin", as: Fixture.self)
        let c = fixture.cases[0]
        let r = try negativeBinomialRegression(counts: c.y, covariates: c.covariates, names: ["x"], offset: c.offset)
        let rr = try r.rateRatio(for: "x", per: 10)
        let b = r.coefficients[1]
        #expect(abs(rr.estimate - exp(10 * b.estimate)) <= 1e-12 * rr.estimate)
        #expect(abs(rr.interval.lower - exp(10 * b.interval.lower)) <= 1e-12 * rr.interval.lower)
        #expect(abs(rr.interval.upper - exp(10 * b.interval.upper)) <= 1e-12 * rr.interval.upper)
        #expect(throws: StatsError.self) { try r.rateRatio(for: "y") }
    }

    @Test func refusesBadInput() {
        #expect(throws: StatsError.self) {
            try negativeBinomialRegression(counts: [1, 2.5, 3, 4], covariates: [[1, 2, 3, 4]])
        }
        #expect(throws: StatsError.self) {
            try negativeBinomialRegression(counts: [1, -2, 3, 4], covariates: [[1, 2, 3, 4]])
        }
        #expect(throws: StatsError.self) {
            try negativeBinomialRegression(counts: [1, 2, 3, 4], covariates: [[1, 1, 1, 1]])
        }
        #expect(throws: StatsError.self) {
            try negativeBinomialRegression(counts: [0, 0, 0, 0], covariates: [[1, 2, 3, 4]])
        }
        // Errors name the negative binomial fit, not the Poisson start.
        #expect {
            try negativeBinomialRegression(counts: [1, 5, 0, 9], covariates: [[2, 2, 2, 2]], names: ["x"])
        } throws: { error in "\(error)".hasPrefix("negative binomial regression covariate 'x'") }
    }

    @Test func equidispersedCountsSayUsePoisson() {
        // Exactly Poisson-sized variation is not enough: Σ[(y − μ)² − y] ≤ 0 here.
        let x: [Double] = [0, 1, 2, 3, 4, 5, 6, 7]
        let y: [Double] = [3, 4, 4, 5, 6, 6, 7, 8]
        #expect {
            try negativeBinomialRegression(counts: y, covariates: [x])
        } throws: { error in "\(error)" == "negative binomial regression: \(noOverdispersionMessage)" }
    }
}
