@testable import DossierReport
import DossierStats
import Testing

/// The exact test falls back to the seeded Monte-Carlo test above its work limit and says so;
/// `bootstrap:` of `correlation` decodes, and its wrong keys and methods are errors at their place.
@Suite struct ExactAndBootstrapOptionTests {
    static func spec(_ analysis: String) throws(ReportError) -> AnalysisSpec? {
        try ReportSource(text: AdjustAnalysisTests.head + analysis + "\n---\n", path: "r.md").spec.analyses.first
    }

    @Test func aTableTooLargeToEnumerateGetsAMonteCarloPAndSaysSo() throws {
        let spec = try #require(try Self.spec("  - {id: c, kind: crosstab, table: t, rows: r, columns: k, seed: 3, resamples: 999}"))
        guard case let .crosstab(parameters) = spec.kind else { Issue.record("\(spec.kind)"); return }
        let large = try ContingencyTable(counts: [[8, 2, 0, 3, 1], [1, 6, 4, 0, 2], [0, 3, 7, 2, 1], [2, 1, 1, 6, 3], [1, 0, 2, 3, 9]])
        let fields = try parameters.exact.test(large, resampling: parameters.resampling)
        let value = ResultValue.record(fields)
        #expect(value.field("p_method") == .text("monte-carlo") && value.field("resamples") == .integer(999))
        guard case let .text(test)? = value.field("exact_test") else { Issue.record("\(value)"); return }
        #expect(test.contains("Monte-Carlo p from 999 seeded tables"), "\(test)")
        let expected = try monteCarloTableTest(large, statistic: .tableProbability, replicates: 999, seed: 3).pValue
        #expect(value.field("p_exact") == .number(expected))
        let small = try ContingencyTable(counts: [[3, 1, 0], [0, 2, 4]])
        let exact = ResultValue.record(try parameters.exact.test(small, resampling: parameters.resampling))
        #expect(exact.field("p_method") == .text("exact") && exact.field("resamples") == .integer(0))
    }

    @Test("both orderings of one table take their Monte-Carlo p from one draw of tables, the p each draws alone")
    func bothOrderingsShareOneDraw() throws {
        let spec = try #require(try Self.spec("  - {id: c, kind: crosstab, table: t, rows: r, columns: k, seed: 3, resamples: 999}"))
        guard case let .crosstab(parameters) = spec.kind else { Issue.record("\(spec.kind)"); return }
        let large = try ContingencyTable(counts: [[8, 2, 0, 3, 1], [1, 6, 4, 0, 2], [0, 3, 7, 2, 1], [2, 1, 1, 6, 3], [1, 0, 2, 3, 9]])
        var byChiSquare = parameters.exact
        byChiSquare.ordering = .chiSquare
        let simulations = ComputeOnce<MonteCarloKey, [MonteCarloTableTestResult]>()
        for options in [parameters.exact, byChiSquare] {
            let shared = try options.test(large, resampling: parameters.resampling, simulations: simulations)
            let alone = try options.test(large, resampling: parameters.resampling)
            #expect(ResultValue.record(shared) == ResultValue.record(alone), "\(options.ordering)")
        }
        // The second ordering reads the draw the first stored: a planted one (another table's)
        // shows through.
        let planted = ComputeOnce<MonteCarloKey, [MonteCarloTableTestResult]>()
        let real = try monteCarloTableTests(large, statistics: [.tableProbability, .chiSquare], replicates: 999, seed: 3)
        let near = try ContingencyTable(counts: [[4, 5, 6], [5, 5, 5], [6, 5, 4]])
        let other = try monteCarloTableTests(near, statistics: [.tableProbability, .chiSquare], replicates: 999, seed: 3)
        #expect(other[1].pValue != real[1].pValue)
        _ = try planted.value(for: MonteCarloKey(counts: large.counts, resamples: 999, seed: 3)) { other }
        let read = ResultValue.record(try byChiSquare.test(large, resampling: parameters.resampling, simulations: planted))
        #expect(read.field("p_exact") == .number(other[1].pValue))
    }

    @Test func bootstrapDecodes() throws {
        let spec = try #require(try Self.spec("  - {id: r, kind: correlation, table: t, x: a, y: b, bootstrap: {seed: 5, resamples: 99, method: bca}}"))
        guard case let .correlation(parameters) = spec.kind else { Issue.record("\(spec.kind)"); return }
        let bootstrap = try #require(parameters.bootstrap)
        #expect(bootstrap.seed == 5 && bootstrap.resamples == 99 && bootstrap.method == .bca)
        let plain = try #require(try Self.spec("  - {id: r, kind: correlation, table: t, x: a, y: b, bootstrap: {seed: 5}}"))
        guard case let .correlation(defaults) = plain.kind else { Issue.record("\(plain.kind)"); return }
        #expect(defaults.bootstrap?.method == .percentile && defaults.bootstrap?.resamples == 9999)
    }

    @Test func bootstrapErrorsAreAtTheirPlace() throws {
        for (options, message) in [
            ("{sed: 5}", "unknown key \"sed\" in `bootstrap`; did you mean \"seed\"?"),
            ("{resamples: 10}", "`bootstrap` needs `seed`"),
            ("{seed: 1, method: bcaa}", "unknown bootstrap method \"bcaa\"; did you mean \"bca\"?"),
            ("{seed: 1, resamples: 0}", "resamples must be a whole number from 1 to 1000000"),
        ] {
            do {
                _ = try Self.spec("  - {id: r, kind: correlation, table: t, x: a, y: b, bootstrap: \(options)}")
                Issue.record("no error for \(options)")
            } catch {
                #expect(error.message.contains(message), "\(error.message)")
                #expect(error.location?.line == 6, "\(String(describing: error.location))")
            }
        }
    }
}

/// A report's exact test gives up at its own, smaller work limit: the flagship's tables at 10×
/// data (6 × 4, n = 259 and 145) each spent DossierStats' default limit (about a second) before
/// the Monte-Carlo p was used anyway.
@Suite struct ReportExactTestWorkLimitTests {
    @Test func theReportLimitIsBelowTheLibraryDefaultAndAboveTheFlagshipsNeed() throws {
        #expect(ExactTestOptions.workLimit < ExactTableTest.defaultWorkLimit)
        let flagship = try ContingencyTable(counts: [[0, 1, 0, 0], [1, 0, 0, 0], [1, 4, 12, 1], [1, 1, 0, 0], [3, 1, 0, 1], [0, 0, 3, 0]])
        for statistic in [TableStatistic.tableProbability, .chiSquare] {
            let exact = try #require(try exactTableTest(flagship, statistic: statistic, workLimit: ExactTestOptions.workLimit))
            #expect(exact.workUnits < ExactTestOptions.workLimit / 10)
        }
        let tenfold = try ContingencyTable(counts: [[2, 2, 5, 1], [6, 12, 22, 2], [31, 37, 60, 9], [5, 3, 6, 1], [7, 7, 20, 2], [6, 5, 7, 1]])
        #expect(try exactTableTest(tenfold, workLimit: ExactTestOptions.workLimit) == nil)
    }
}
