import Foundation
import Testing
@testable import DossierStats

struct FlagshipFixture: Decodable {
    struct RhoP: Decodable { let rho: Double; let p: Double }
    struct TauP: Decodable { let tau: Double; let p: Double }
    struct Fit: Decodable {
        let label: String
        let keep: [Bool]
        let params: [Double]
        let bse: [Double]
        let ciLower: [Double]
        let ciUpper: [Double]
        let quasiLower: [Double]
        let quasiUpper: [Double]
        let deviance: Double
        let pearsonChi2: Double
        let dfResid: Double
        let rrPer10: Double
        let rrPer10Quasi: [Double]
    }
    struct Q1: Decodable {
        let iso3: [String]
        let rai: [Double]
        let ties: [Double]
        let population: [Double]
        let taipei: [Double]
        let spearmanTies: RhoP
        let spearmanPer10M: RhoP
        let kendallTies: TauP
        let taipeiSeparated: Bool
        let poisson: [Fit]
    }
    struct Share: Decodable { let channel: String; let x: Int; let n: Int; let lower: Double; let upper: Double }
    struct Fisher: Decodable { let p: Double; let oddsRatio: Double; let lower: Double; let upper: Double }
    struct Q2: Decodable {
        let channels: [String]
        let outcomes: [String]
        let table: [[Int]]
        let chiSquare: Double
        let chiP: Double
        let df: Int
        let cramersV: Double
        let minExpected: Double
        let dealShare: [Share]
        let initiatorTable: [[Int]]
        let fisher: Fisher?
    }
    let q1: [Q1]
    let q2: [Q2]
}

/// The briefing's own analyses (ANALYSIS.md Q1 and Q2) on datasets/, as computed by
/// scripts/stats_reference.py with SciPy/statsmodels.
@Suite("Flagship analyses vs SciPy/statsmodels")
struct FlagshipTests {
    @Test func decentralizationVersusTies() throws {
        let fx = try loadFixture("flagship", as: FlagshipFixture.self)
        let q = try #require(fx.q1.first)
        var e = ErrorTracker("flagship Q1")
        let sp = try spearmanCorrelation(q.rai, q.ties)
        e.check(sp.estimate, q.spearmanTies.rho, rel: 1e-12, "Spearman rho")
        e.check(sp.pValue, q.spearmanTies.p, rel: 1e-10, "Spearman p")
        let per10M = zip(q.ties, q.population).map { $0 / $1 * 1e7 }
        let sp2 = try spearmanCorrelation(q.rai, per10M)
        e.check(sp2.estimate, q.spearmanPer10M.rho, rel: 1e-12, "Spearman rho per 10M")
        e.check(sp2.pValue, q.spearmanPer10M.p, rel: 1e-10, "Spearman p per 10M")
        let kt = try kendallTau(q.rai, q.ties)
        e.check(kt.estimate, q.kendallTies.tau, rel: 1e-12, "Kendall tau")
        e.check(kt.pValue, q.kendallTies.p, rel: 1e-10, "Kendall p")

        let logPop = q.population.map { log($0) }
        if q.taipeiSeparated {
            // Recognition of Taipei perfectly predicts zero ties: refuse, don't report β ≈ −39.
            #expect(throws: StatsError.self) {
                try poissonRegression(counts: q.ties, covariates: [q.rai, q.taipei], names: ["rai", "taipei"], offset: logPop)
            }
        }
        for f in q.poisson {
            let pick = { (v: [Double]) in zip(v, f.keep).filter(\.1).map(\.0) }
            let r = try poissonRegression(counts: pick(q.ties), covariates: [pick(q.rai)], names: ["rai"],
                                          offset: pick(logPop))
            #expect(Double(r.degreesOfFreedom) == f.dfResid)
            for j in 0..<2 {
                e.check(r.coefficients[j].estimate, f.params[j], rel: 1e-10, "\(f.label) β\(j)")
                e.check(r.coefficients[j].standardError, f.bse[j], rel: 1e-10, "\(f.label) se\(j)")
                e.check(r.coefficients[j].interval.lower, f.ciLower[j], rel: 1e-10, "\(f.label) lower\(j)")
                e.check(r.coefficients[j].interval.upper, f.ciUpper[j], rel: 1e-10, "\(f.label) upper\(j)")
                e.check(r.coefficients[j].quasiInterval.lower, f.quasiLower[j], rel: 1e-10, "\(f.label) qlower\(j)")
                e.check(r.coefficients[j].quasiInterval.upper, f.quasiUpper[j], rel: 1e-10, "\(f.label) qupper\(j)")
            }
            e.check(r.deviance, f.deviance, rel: 1e-10, "\(f.label) deviance")
            e.check(r.pearsonChiSquare, f.pearsonChi2, rel: 1e-10, "\(f.label) Pearson χ²")
            let rr = try r.rateRatio(for: "rai", per: 10, quasi: true)
            e.check(rr.estimate, f.rrPer10, rel: 1e-10, "\(f.label) RR per 10 RAI")
            e.check(rr.interval.lower, f.rrPer10Quasi[0], rel: 1e-10, "\(f.label) RR lower")
            e.check(rr.interval.upper, f.rrPer10Quasi[1], rel: 1e-10, "\(f.label) RR upper")
        }
        e.report()
    }

    @Test func outcomesByChannel() throws {
        let fx = try loadFixture("flagship", as: FlagshipFixture.self)
        let q = try #require(fx.q2.first)
        var e = ErrorTracker("flagship Q2")
        let table = try ContingencyTable(counts: q.table, rowLabels: q.channels, columnLabels: q.outcomes)
        let chi = try chiSquareTest(table)
        e.check(chi.statistic, q.chiSquare, rel: 1e-10, "X²")
        e.check(chi.pValue, q.chiP, rel: 1e-10, "p")
        e.check(chi.cramersV, q.cramersV, rel: 1e-10, "Cramér's V")
        #expect(chi.degreesOfFreedom == q.df)
        e.check(chi.minimumExpected, q.minExpected, rel: 1e-12, "min expected")
        #expect(chi.lowExpectedCounts == (q.minExpected < 5))
        for s in q.dealShare {
            let w = try wilsonInterval(successes: s.x, trials: s.n)
            e.check(w.interval.lower, s.lower, rel: 1e-12, abs: 1e-15, "\(s.channel) Wilson lower")
            e.check(w.interval.upper, s.upper, rel: 1e-12, abs: 1e-15, "\(s.channel) Wilson upper")
        }
        if let f = q.fisher {
            let r = try fisherExactTest(try ContingencyTable(counts: q.initiatorTable))
            e.check(r.pValue, f.p, rel: 1e-10, "initiator × deal Fisher p")
            e.check(r.oddsRatio, f.oddsRatio, rel: 1e-8, "conditional OR")
            e.check(r.oddsRatioInterval.lower, f.lower, rel: 1e-8, "OR lower")
            e.check(r.oddsRatioInterval.upper, f.upper, rel: 1e-8, "OR upper")
        }
        // The Monte-Carlo p for the r×c table is reproducible from its seed.
        let mc1 = try monteCarloTableTest(table, replicates: 2000, seed: 20_240_601)
        let mc2 = try monteCarloTableTest(table, replicates: 2000, seed: 20_240_601)
        #expect(mc1 == mc2 && mc1.pValue > 0 && mc1.pValue <= 1)
        e.report()
    }
}
