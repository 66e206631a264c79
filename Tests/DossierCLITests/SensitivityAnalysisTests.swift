import Foundation
import Testing

/// A `sensitivity` analysis gives, row by row, what each variant gives as an analysis of its
/// own; rows are addressable by name in the text; failures name the variant.
@Suite(.serialized) struct SensitivityAnalysisTests {
    static let poissonBase = """
          - id: ties_poisson
            kind: poisson
            table: countries
            where: {recognizes_taipei_2020: "false"}
            derive: [{name: log_population, log: population}]
            label: iso3
            response: twinning_ties
            covariates: [rai]
            offset: population
            per: {rai: 10}

        """

    /// The same analyses written out one by one.
    static let standalone = ["", "    drop: [BRA, MEX, ARG]\n", "", "    covariates: [rai, log_population]\n"]
        .enumerated().map { index, extra in
            poissonBase.replacingOccurrences(of: "id: ties_poisson", with: "id: v\(index)")
                .replacingOccurrences(of: "kind: poisson", with: index == 2 ? "kind: negbin" : "kind: poisson")
                .replacingOccurrences(of: "    covariates: [rai]\n", with: extra.contains("covariates") ? extra : "    covariates: [rai]\n" + extra)
        }.joined()

    static let sensitivity = """
          - id: ties_sensitivity
            kind: sensitivity
            of: ties_poisson
            report: rate_ratio.rai
            variants:
              - {name: "All Beijing-recognising countries"}
              - {name: "Without Brazil, Mexico and Argentina", drop: [BRA, MEX, ARG]}
              - {name: "Negative binomial", kind: negbin}
              - {name: "Log population as a covariate", covariates: [rai, log_population]}

        """

    static func table(_ json: [String: Any], _ id: String) throws -> [String: [Any]] {
        try #require((json[id] as? [String: Any])?["table"] as? [String: [Any]], "\(id) has no table")
    }

    @Test func eachRowIsItsVariantComputedAlone() throws {
        let (result, json) = try CountModelAnalysisTests.stats(Self.poissonBase + Self.sensitivity + Self.standalone)
        #expect(result.status == 0, "\(result.stderr)")
        let table = try Self.table(json, "ties_sensitivity")
        #expect(table["name"] as? [String] == ["All Beijing-recognising countries", "Without Brazil, Mexico and Argentina",
                                               "Negative binomial", "Log population as a covariate"])
        #expect(table["kind"] as? [String] == ["poisson", "poisson", "negbin", "poisson"])
        #expect(table["statistic"] as? [String] == Array(repeating: "rate_ratio.rai", count: 4))
        for row in 0..<4 {
            let alone = "v\(row).rate_ratio.rai"
            for (column, path) in [("estimate", "estimate"), ("low", "ci.low"), ("high", "ci.high"), ("p", "p")] {
                let got = (table[column]?[row] as? NSNumber)?.doubleValue
                #expect(got != nil && got == CountModelAnalysisTests.number(json, "\(alone).\(path)"), "row \(row) \(column)")
            }
            #expect((table["n"]?[row] as? NSNumber)?.intValue == (CountModelAnalysisTests.number(json, "v\(row).n")).map { Int($0) })
        }
        // The base row is the base analysis.
        #expect(CountModelAnalysisTests.number(json, "ties_poisson.rate_ratio.rai.estimate") == (table["estimate"]?[0] as? NSNumber)?.doubleValue)
        #expect((table["n"]?[1] as? NSNumber)?.intValue == 18)
    }

    @Test func aCrosstabBaseReportsItsP() throws {
        let analyses = """
              - {id: outcomes, kind: crosstab, table: cases, where: {level_scope: local}, rows: channel, columns: outcome, seed: 7, resamples: 999}
              - {id: without_f, kind: crosstab, table: cases, where: {level_scope: local}, exclude: {channel: f}, rows: channel, columns: outcome, seed: 7, resamples: 999}
              - id: outcomes_sensitivity
                kind: sensitivity
                of: outcomes
                report: p
                variants:
                  - {name: "All local cases"}
                  - {name: "Without channel f", exclude: {channel: f}}

            """
        let (result, json) = try CountModelAnalysisTests.stats(analyses)
        #expect(result.status == 0, "\(result.stderr)")
        let table = try Self.table(json, "outcomes_sensitivity")
        #expect((table["p"]?[0] as? NSNumber)?.doubleValue == CountModelAnalysisTests.number(json, "outcomes.p"))
        #expect((table["p"]?[1] as? NSNumber)?.doubleValue == CountModelAnalysisTests.number(json, "without_f.p"))
        #expect((table["n"]?[1] as? NSNumber)?.doubleValue == CountModelAnalysisTests.number(json, "without_f.n"))
        #expect(table["estimate"]?.allSatisfy { $0 is NSNull } == true, "\(String(describing: table["estimate"]))")
    }

    @Test func rowsAreAddressableByNameInTheText() throws {
        let root = try CountModelAnalysisTests.project(Self.poissonBase + Self.sensitivity)
        defer { try? FileManager.default.removeItem(at: root) }
        let report = root.appendingPathComponent("reports/t/report.md")
        let text = try String(contentsOf: report, encoding: .utf8).replacingOccurrences(of: "Text.",
            with: "Without them: {{ ties_sensitivity.table[name=\"Without Brazil, Mexico and Argentina\"].estimate | fixed(2) }} "
                + "{{ ties_sensitivity.table[name=\"Negative binomial\"].high | fixed(2) }}.")
        try text.write(to: report, atomically: true, encoding: .utf8)
        let result = try dossier(["build", "reports/t"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let pdf = try run("pdftotext", [root.appendingPathComponent("reports/t/out/t.pdf").path, "-"]).stdout
        #expect(pdf.contains("Without them: 0.38 1.21."), "\(pdf)")
    }

    @Test func failuresNameTheVariantOrTheMissingMember() throws {
        let typo = try CountModelAnalysisTests.stats(Self.poissonBase + Self.sensitivity.replacingOccurrences(
            of: "report: rate_ratio.rai", with: "report: rate_raito.rai"))
        #expect(typo.result.status == 65)
        #expect(typo.result.stderr.contains("reports/t/report.md:16:5: error: analysis \"ties_sensitivity\": variant \"All Beijing-recognising countries\" (a poisson analysis): report: the result has no member \"rate_raito\"; did you mean \"rate_ratio\"?"), "\(typo.result.stderr)")
        let deep = try CountModelAnalysisTests.stats(Self.poissonBase + Self.sensitivity.replacingOccurrences(
            of: "report: rate_ratio.rai", with: "report: rate_ratio.ria"))
        #expect(deep.result.stderr.contains("no member \"ria\" under \"rate_ratio\"; did you mean \"rai\"?"), "\(deep.result.stderr)")
        let text = try CountModelAnalysisTests.stats(Self.poissonBase + Self.sensitivity.replacingOccurrences(
            of: "report: rate_ratio.rai", with: "report: units"))
        #expect(text.result.stderr.contains("report: \"units\" is a list, expected a number, an interval, or a record with estimate, ci and p"), "\(text.result.stderr)")
        let failing = try CountModelAnalysisTests.stats(Self.poissonBase + Self.sensitivity.replacingOccurrences(
            of: "{name: \"Negative binomial\", kind: negbin}",
            with: "{name: \"Negative binomial\", kind: negbin, derive: [{name: one, ratio: [population, population]}], response: one, offset: null}"))
        #expect(failing.result.status == 65)
        #expect(failing.result.stderr.contains("variant \"Negative binomial\" (a negbin analysis): negative binomial regression: no overdispersion"), "\(failing.result.stderr)")
    }
}
