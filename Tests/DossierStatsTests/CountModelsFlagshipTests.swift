import Foundation
import Testing
@testable import DossierStats

/// The flagship's Q1 count models on datasets/ (countries recognising Beijing), with one and
/// two covariates, as computed by scripts/stats_reference_models.py with statsmodels.
@Suite("Flagship count models (Poisson, NB, several covariates) vs statsmodels")
struct CountModelsFlagshipTests {
    struct PoissonPart: Decodable {
        let params: [Double]
        let bse: [Double]
        let pvalues: [Double]
        let ciLower: [Double]
        let ciUpper: [Double]
        let quasiBse: [Double]
        let quasiPvalues: [Double]
        let quasiLower: [Double]
        let quasiUpper: [Double]
        let dispersion: Double
        let llf: Double
        let raiPer10: [Double]
        let raiPer10Quasi: [Double]
    }
    struct Fit: Decodable {
        let label: String
        let iso3: [String]
        let names: [String]
        let y: [Double]
        let covariates: [[Double]]
        let offset: [Double]?
        let poisson: PoissonPart
        let negbin: NegativeBinomialCase
    }
    struct Fixture: Decodable { let fits: [Fit] }

    @Test func poissonWithSeveralCovariates() throws {
        let fixture = try loadFixture("count_models_flagship", as: Fixture.self)
        #expect(fixture.fits.count == 4)
        var e = ErrorTracker("flagship Poisson, one and two covariates")
        for f in fixture.fits {
            let r = try poissonRegression(counts: f.y, covariates: f.covariates, names: f.names, offset: f.offset)
            let s = f.poisson
            for j in s.params.indices {
                let c = r.coefficients[j]
                e.check(c.estimate, s.params[j], rel: 1e-9, abs: 1e-12, "\(f.label) β\(j)")
                e.check(c.standardError, s.bse[j], rel: 1e-9, "\(f.label) se\(j)")
                e.check(c.pValue, s.pvalues[j], rel: 1e-8, "\(f.label) p\(j)")
                e.check(c.interval.lower, s.ciLower[j], rel: 1e-9, abs: 1e-12, "\(f.label) lower\(j)")
                e.check(c.interval.upper, s.ciUpper[j], rel: 1e-9, abs: 1e-12, "\(f.label) upper\(j)")
                e.check(c.quasiStandardError, s.quasiBse[j], rel: 1e-9, "\(f.label) quasi se\(j)")
                e.check(c.quasiPValue, s.quasiPvalues[j], rel: 1e-8, "\(f.label) quasi p\(j)")
                e.check(c.quasiInterval.lower, s.quasiLower[j], rel: 1e-9, abs: 1e-12, "\(f.label) quasi lower\(j)")
                e.check(c.quasiInterval.upper, s.quasiUpper[j], rel: 1e-9, abs: 1e-12, "\(f.label) quasi upper\(j)")
            }
            e.check(r.dispersion, s.dispersion, rel: 1e-9, "\(f.label) dispersion")
            e.check(r.logLikelihood, s.llf, rel: 1e-10, "\(f.label) log-likelihood")
            let plain = try r.rateRatio(for: "rai", per: 10), quasi = try r.rateRatio(for: "rai", per: 10, quasi: true)
            for (got, want, what) in [(plain.estimate, s.raiPer10[0], "RR"), (plain.interval.lower, s.raiPer10[1], "RR lower"),
                                      (plain.interval.upper, s.raiPer10[2], "RR upper"),
                                      (quasi.interval.lower, s.raiPer10Quasi[1], "quasi RR lower"),
                                      (quasi.interval.upper, s.raiPer10Quasi[2], "quasi RR upper")] {
                e.check(got, want, rel: 1e-9, "\(f.label) \(what) per 10 RAI")
            }
        }
        // The referee's figure: with log population as a covariate, the RAI rate ratio per 10
        // points is about 1.07 [0.45, 2.52] — the quasi-Poisson interval.
        let fit = try #require(fixture.fits.first { $0.names == ["rai", "log_population"] && $0.offset == nil })
        let r = try poissonRegression(counts: fit.y, covariates: fit.covariates, names: fit.names)
        let rr = try r.rateRatio(for: "rai", per: 10, quasi: true)
        #expect((rr.estimate * 100).rounded() == 107)
        #expect((rr.interval.lower * 100).rounded() == 45 && (rr.interval.upper * 100).rounded() == 252)
        e.report()
    }

    @Test func negativeBinomialOnTheFlagship() throws {
        let fixture = try loadFixture("count_models_flagship", as: Fixture.self)
        var e = ErrorTracker("flagship negative binomial")
        for f in fixture.fits {
            try checkNegativeBinomial(f.negbin, label: f.label, names: f.names, tracker: &e)
        }
        e.report()
    }
}
