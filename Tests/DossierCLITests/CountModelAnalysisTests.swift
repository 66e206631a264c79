import Foundation
import Testing

/// The `negbin` kind, `poisson`/`negbin` with several covariates and the `log` derive rule,
/// run through `dossier stats --json` on the flagship's datasets and compared with the
/// statsmodels fixture (Tests/DossierStatsTests/Fixtures/count_models_flagship.json).
@Suite(.serialized) struct CountModelAnalysisTests {
    static let header = """
        ---
        title: T
        date: "2026-01-01"
        data: ../../datasets/datapackage.json
        analyses:

        """
    static let body = "---\n# T\n\nText.\n"

    /// A project with the datasets and `analyses` (YAML lines under `analyses:`) as its report.
    static func project(_ analyses: String) throws -> URL {
        let root = try Repository.temporaryDirectory("count-models")
        try Data().write(to: root.appendingPathComponent(".dossier-project"))
        let manager = FileManager.default
        for folder in ["datasets", "fonts"] {
            try manager.copyItem(at: Repository.root.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        let report = root.appendingPathComponent("reports/t")
        try manager.createDirectory(at: report, withIntermediateDirectories: true)
        try (header + analyses + body).write(to: report.appendingPathComponent("report.md"), atomically: true, encoding: .utf8)
        return root
    }

    static func stats(_ analyses: String) throws -> (result: CommandResult, json: [String: Any]) {
        let root = try project(analyses)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try dossier(["stats", "reports/t", "--json"], in: root)
        let json = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any] ?? [:]
        return (result, json)
    }

    static func number(_ object: Any?, _ path: String) -> Double? {
        var current = object
        for key in path.split(separator: ".") { current = (current as? [String: Any])?[String(key)] }
        return (current as? NSNumber)?.doubleValue
    }

    /// The statsmodels fit labelled `label` in the fixture.
    static func reference(_ label: String) throws -> [String: Any] {
        let url = Repository.root.appendingPathComponent("Tests/DossierStatsTests/Fixtures/count_models_flagship.json")
        let fixture = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let fits = try #require(fixture["fits"] as? [[String: Any]])
        return try #require(fits.first { $0["label"] as? String == label })
    }

    static func close(_ got: Double?, _ want: Double?, _ what: String, rel: Double = 1e-8) {
        guard let got, let want else { Issue.record("missing \(what): \(String(describing: got)) vs \(String(describing: want))"); return }
        #expect(abs(got - want) <= rel * abs(want), "\(what): Dossier \(got), statsmodels \(want)")
    }

    static let beijing = """
            table: countries
            where: {recognizes_taipei_2020: "false"}
            label: iso3
            response: twinning_ties
            per: {rai: 10}

        """

    @Test func negbinMatchesStatsmodelsOnTheFlagship() throws {
        let (result, json) = try Self.stats("  - id: ties_nb\n    kind: negbin\n    covariates: [rai]\n    offset: population\n" + Self.beijing)
        #expect(result.status == 0, "\(result.stderr)")
        let nb = try #require(try Self.reference("rai, log-population offset")["negbin"] as? [String: Any])
        let params = try #require(nb["params"] as? [Double]), lower = try #require(nb["ciLower"] as? [Double])
        let upper = try #require(nb["ciUpper"] as? [Double])
        Self.close(Self.number(json, "ties_nb.alpha"), nb["alpha"] as? Double, "α")
        Self.close(Self.number(json, "ties_nb.alpha_se"), nb["alphaBse"] as? Double, "se(α)")
        Self.close(Self.number(json, "ties_nb.loglik"), nb["llf"] as? Double, "log-likelihood", rel: 1e-10)
        Self.close(Self.number(json, "ties_nb.rate_ratio.rai.estimate"), exp(10 * params[1]), "RR per 10")
        Self.close(Self.number(json, "ties_nb.rate_ratio.rai.ci.low"), exp(10 * lower[1]), "RR low")
        Self.close(Self.number(json, "ties_nb.rate_ratio.rai.ci.high"), exp(10 * upper[1]), "RR high")
        #expect(Self.number(json, "ties_nb.n") == 21)
    }

    /// The referee's model: log population as a covariate (from the `log` derive rule), a rate
    /// ratio for each covariate; quasi-Poisson since the counts are overdispersed.
    @Test func poissonAndNegbinWithTwoCovariates() throws {
        let analyses = ["poisson", "negbin"].map { kind in
            "  - id: ties_\(kind)\n    kind: \(kind)\n    covariates: [rai, log_population]\n"
                + "    derive: [{name: log_population, log: population}]\n" + Self.beijing
        }.joined()
        let (result, json) = try Self.stats(analyses)
        #expect(result.status == 0, "\(result.stderr)")
        let reference = try Self.reference("rai and log population, no offset")
        let poisson = try #require(reference["poisson"] as? [String: Any])
        let quasi = try #require(poisson["raiPer10Quasi"] as? [Double])
        Self.close(Self.number(json, "ties_poisson.rate_ratio.rai.estimate"), quasi[0], "Poisson RR")
        Self.close(Self.number(json, "ties_poisson.rate_ratio.rai.ci.low"), quasi[1], "quasi-Poisson RR low")
        Self.close(Self.number(json, "ties_poisson.rate_ratio.rai.ci.high"), quasi[2], "quasi-Poisson RR high")
        // 1.07 [0.45, 2.52], the referee's figure.
        #expect(String(format: "%.2f [%.2f, %.2f]", quasi[0], quasi[1], quasi[2]) == "1.07 [0.45, 2.52]")
        let params = try #require(poisson["params"] as? [Double]), quasiLower = try #require(poisson["quasiLower"] as? [Double])
        Self.close(Self.number(json, "ties_poisson.rate_ratio.log_population.estimate"), exp(params[2]), "log population RR")
        Self.close(Self.number(json, "ties_poisson.rate_ratio.log_population.ci.low"), exp(quasiLower[2]), "log population RR low")
        #expect(Self.number(json, "ties_poisson.rate_ratio.log_population.per") == 1)
        let nb = try #require(reference["negbin"] as? [String: Any])
        let nbParams = try #require(nb["params"] as? [Double]), nbUpper = try #require(nb["ciUpper"] as? [Double])
        Self.close(Self.number(json, "ties_negbin.rate_ratio.rai.estimate"), exp(10 * nbParams[1]), "NB RR")
        Self.close(Self.number(json, "ties_negbin.rate_ratio.log_population.ci.high"), exp(nbUpper[2]), "NB log population RR high")
    }

    @Test func aLogOfZeroNamesTheRowUnlessItIsExcluded() throws {
        let analysis = """
              - id: logs
                kind: summary
                table: countries
                derive: [{name: log_ties, log: twinning_ties}]
                field: log_ties

            """
        let (result, _) = try Self.stats(analysis)
        #expect(result.status == 65)
        #expect(result.stderr.contains("reports/t/report.md:6:5: error: analysis \"logs\": derive \"log_ties\": the log of \"twinning_ties\" needs a positive number, found 0 at "), "\(result.stderr)")
        #expect(result.stderr.contains("datasets/countries.csv:3;"), "\(result.stderr)")
        let (excluded, json) = try Self.stats(analysis + "    exclude: {twinning_ties: \"0\"}\n")
        #expect(excluded.status == 0, "\(excluded.stderr)")
        #expect((Self.number(json, "logs.n") ?? 0) > 10)
    }

    @Test func negbinWithoutOverdispersionSaysUsePoisson() throws {
        // Counts of one per row: no variation at all beyond the covariate.
        let (result, _) = try Self.stats("""
              - id: flat
                kind: negbin
                table: countries
                derive: [{name: one, ratio: [population, population]}]
                response: one
                covariates: [rai]

            """)
        #expect(result.status == 65)
        #expect(result.stderr.contains("analysis \"flat\": negative binomial regression: no overdispersion"), "\(result.stderr)")
        #expect(result.stderr.contains("use poisson"), "\(result.stderr)")
    }
}
