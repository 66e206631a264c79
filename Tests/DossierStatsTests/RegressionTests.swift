import Testing
@testable import DossierStats

struct OLSFixture: Decodable {
    struct Case: Decodable {
        let kind: String
        let x: [Double]
        let y: [Double]
        let intercept: Double
        let slope: Double
        let interceptSE: Double
        let slopeSE: Double
        let interceptP: Double
        let slopeP: Double
        let interceptT: Double
        let slopeT: Double
        let interceptCI: [Double]
        let slopeCI: [Double]
        let rSquared: Double
        let residualSE: Double
        let grid: [Double]
        let fit: [Double]
        let fitSE: [Double]
        let lower: [Double]
        let upper: [Double]
        let predLower: [Double]
        let predUpper: [Double]
    }
    let cases: [Case]
}

struct PoissonFixture: Decodable {
    struct Case: Decodable {
        let y: [Double]
        let covariates: [[Double]]
        let offset: [Double]?
        let params: [Double]
        let bse: [Double]
        let pvalues: [Double]
        let ciLower: [Double]
        let ciUpper: [Double]
        let quasiBse: [Double]
        let quasiPvalues: [Double]
        let quasiLower: [Double]
        let quasiUpper: [Double]
        let deviance: Double
        let nullDeviance: Double
        let pearsonChi2: Double
        let dfResid: Double
        let scaleX2: Double
        let llf: Double
        let aic: Double
    }
    let cases: [Case]
}

@Suite("Regression vs statsmodels")
struct RegressionTests {
    @Test func ordinaryLeastSquares() throws {
        let fx = try loadFixture("ols", as: OLSFixture.self)
        var regular = ErrorTracker("OLS")
        var huge = ErrorTracker("OLS (x ≈ 1e6, y ≈ 1e9)")
        for (k, c) in fx.cases.enumerated() {
            var e = c.kind == "huge" ? huge : regular
            defer { if c.kind == "huge" { huge = e } else { regular = e } }
            let r = try linearRegression(x: c.x, y: c.y)
            let id = "case \(k) (\(c.kind), n=\(c.x.count))"
            #expect(r.n == c.x.count && r.degreesOfFreedom == c.x.count - 2)
            // Closed forms; 1e-10 relative. The 'huge' case (x ≈ 1e6, y ≈ 1e9) loses
            // log10(1e6²/Sxx) ≈ 6 digits to centring in both implementations: 1e-7 there.
            let rel = c.kind == "huge" ? 1e-7 : 1e-10
            // statsmodels forms the band from the uncentred (XᵀX)⁻¹, which for x ≈ 1e6 has
            // condition number ~1e13; our centred form is the accurate one. 1e-6 there.
            let relBand = c.kind == "huge" ? 1e-6 : 1e-10
            e.check(r.slope, c.slope, rel: rel, "\(id) slope")
            e.check(r.intercept, c.intercept, rel: rel, "\(id) intercept")
            e.check(r.slopeStandardError, c.slopeSE, rel: rel, "\(id) slope SE")
            e.check(r.interceptStandardError, c.interceptSE, rel: rel, "\(id) intercept SE")
            e.check(r.slopeT, c.slopeT, rel: rel, "\(id) slope t")
            e.check(r.interceptT, c.interceptT, rel: rel, "\(id) intercept t")
            e.check(r.slopePValue, c.slopeP, rel: c.kind == "huge" ? 1e-6 : 1e-9, abs: 1e-300, "\(id) slope p")
            e.check(r.interceptPValue, c.interceptP, rel: c.kind == "huge" ? 1e-6 : 1e-9, abs: 1e-300, "\(id) intercept p")
            e.check(r.slopeInterval.lower, c.slopeCI[0], rel: rel, "\(id) slope lower")
            e.check(r.slopeInterval.upper, c.slopeCI[1], rel: rel, "\(id) slope upper")
            e.check(r.interceptInterval.lower, c.interceptCI[0], rel: rel, "\(id) intercept lower")
            e.check(r.interceptInterval.upper, c.interceptCI[1], rel: rel, "\(id) intercept upper")
            e.check(r.rSquared, c.rSquared, rel: rel, abs: 1e-15, "\(id) R²")
            e.check(r.residualStandardError, c.residualSE, rel: rel, "\(id) s")
            for (i, x0) in c.grid.enumerated() {
                let m = r.meanResponse(at: x0)
                e.check(m.fitted, c.fit[i], rel: rel, abs: 1e-12, "\(id) fit@\(x0)")
                e.check(m.standardError, c.fitSE[i], rel: relBand, "\(id) se@\(x0)")
                e.check(m.confidenceInterval.lower, c.lower[i], rel: relBand, abs: 1e-12, "\(id) lower@\(x0)")
                e.check(m.confidenceInterval.upper, c.upper[i], rel: relBand, abs: 1e-12, "\(id) upper@\(x0)")
                e.check(m.predictionInterval.lower, c.predLower[i], rel: relBand, abs: 1e-12, "\(id) pred lower@\(x0)")
                e.check(m.predictionInterval.upper, c.predUpper[i], rel: relBand, abs: 1e-12, "\(id) pred upper@\(x0)")
            }
        }
        regular.report()
        huge.report()
    }

    @Test func poissonGLM() throws {
        let fx = try loadFixture("poisson", as: PoissonFixture.self)
        var e = ErrorTracker("Poisson GLM")
        for (k, c) in fx.cases.enumerated() {
            let names = c.covariates.indices.map { "x\($0 + 1)" }
            let r = try poissonRegression(counts: c.y, covariates: c.covariates, names: names, offset: c.offset)
            let id = "case \(k) (n=\(c.y.count), p=\(c.params.count))"
            #expect(r.n == c.y.count)
            #expect(Double(r.degreesOfFreedom) == c.dfResid)
            // Both fits iterate to convergence (statsmodels refitted from its own optimum,
            // see the script); 1e-10 relative, p-values 1e-8 (their tails amplify the error).
            let rel = 1e-10
            for (j, coef) in r.coefficients.enumerated() {
                e.check(coef.estimate, c.params[j], rel: rel, abs: 1e-12, "\(id) β\(j)")
                e.check(coef.standardError, c.bse[j], rel: rel, "\(id) se\(j)")
                e.check(coef.pValue, c.pvalues[j], rel: 1e-8, abs: 1e-300, "\(id) p\(j)")
                e.check(coef.interval.lower, c.ciLower[j], rel: rel, abs: 1e-12, "\(id) lower\(j)")
                e.check(coef.interval.upper, c.ciUpper[j], rel: rel, abs: 1e-12, "\(id) upper\(j)")
                e.check(coef.quasiStandardError, c.quasiBse[j], rel: rel, "\(id) quasi se\(j)")
                e.check(coef.quasiPValue, c.quasiPvalues[j], rel: 1e-8, abs: 1e-300, "\(id) quasi p\(j)")
                e.check(coef.quasiInterval.lower, c.quasiLower[j], rel: rel, abs: 1e-12, "\(id) quasi lower\(j)")
                e.check(coef.quasiInterval.upper, c.quasiUpper[j], rel: rel, abs: 1e-12, "\(id) quasi upper\(j)")
                e.check(coef.rateRatio, exp(c.params[j]), rel: rel, "\(id) RR\(j)")
            }
            e.check(r.deviance, c.deviance, rel: rel, "\(id) deviance")
            e.check(r.nullDeviance, c.nullDeviance, rel: rel, "\(id) null deviance")
            e.check(r.pearsonChiSquare, c.pearsonChi2, rel: rel, "\(id) Pearson χ²")
            e.check(r.dispersion, c.scaleX2, rel: rel, "\(id) dispersion")
            e.check(r.logLikelihood, c.llf, rel: rel, "\(id) log-likelihood")
            e.check(r.aic, c.aic, rel: rel, "\(id) AIC")
            // Rate ratio per 10 units is exp(10β) with exp(10(β ± z·SE)).
            let rr = try r.rateRatio(for: "x1", per: 10, quasi: true)
            e.check(rr.estimate, exp(10 * c.params[1]), rel: 1e-8, "\(id) RR per 10")
            e.check(rr.interval.lower, exp(10 * c.quasiLower[1]), rel: 1e-8, "\(id) RR per 10 lower")
            e.check(rr.interval.upper, exp(10 * c.quasiUpper[1]), rel: 1e-8, "\(id) RR per 10 upper")
        }
        e.report()
    }

    @Test func degenerateInputThrows() {
        #expect(throws: StatsError.tooFewObservations(what: "linear regression", needed: 3, got: 2)) {
            try linearRegression(x: [1, 2], y: [1, 2])
        }
        #expect(throws: StatsError.constantColumn(what: "linear regression x")) {
            try linearRegression(x: [3, 3, 3], y: [1, 2, 3])
        }
        #expect(throws: StatsError.constantColumn(what: "linear regression y")) {
            try linearRegression(x: [1, 2, 3], y: [4, 4, 4])
        }
        #expect(throws: StatsError.singularDesign(what: "Poisson regression")) {
            try poissonRegression(counts: [1, 2, 3, 4, 5], covariates: [[1, 2, 3, 4, 5], [2, 4, 6, 8, 10]])
        }
        do {
            // Complete separation: every count with x = 1 is zero, so β → −∞.
            _ = try poissonRegression(counts: [0, 0, 0, 3, 5, 2], covariates: [[1, 1, 1, 0, 0, 0]])
            Issue.record("separation should not converge")
        } catch StatsError.didNotConverge(let what, _) {
            #expect(what == "Poisson regression")
        } catch {
            Issue.record("unexpected error \(error)")
        }
        #expect(throws: StatsError.constantColumn(what: "Poisson regression counts (all zero)")) {
            try poissonRegression(counts: [0, 0, 0], covariates: [[1, 2, 3]])
        }
        #expect(throws: StatsError.self) { try poissonRegression(counts: [1, -1, 2], covariates: [[1, 2, 3]]) }
        #expect(throws: StatsError.self) { try poissonRegression(counts: [1, 2], covariates: [[1, 2]]) }
        #expect(throws: StatsError.self) {
            try poissonRegression(counts: [1, 2, 3, 4], covariates: [[1, 2, 3, 4]], offset: [0, 0])
        }
    }

    @Test func perfectLineHasNoNaN() throws {
        let r = try linearRegression(x: [1, 2, 3, 4], y: [3, 5, 7, 9])
        #expect(r.slope == 2 && r.rSquared == 1)
        #expect(!r.slopePValue.isNaN && !r.interceptPValue.isNaN)
    }
}

import Foundation
