@testable import DossierReport
import Foundation
import Testing

/// `sensitivity` variants are the base analysis with their keys replaced, checked as an
/// analysis of the base's kind, with errors at the variant.
@Suite struct SensitivityKindTests {
    static let base = """
          - id: fit
            kind: poisson
            table: countries
            label: iso3
            response: ties
            covariates: [rai]
            offset: population
            per: {rai: 10}
          - id: s
            kind: sensitivity
            of: fit
            report: rate_ratio.rai
            variants:

        """

    static func source(_ variants: String, base: String = SensitivityKindTests.base) throws -> ReportSource {
        try ReportSource(text: AnalysisKindTests.head + base + variants + "---\n", path: "r.md")
    }

    static func error(_ variants: String, base: String = SensitivityKindTests.base) -> ReportError? {
        do { _ = try source(variants, base: base); return nil } catch { return error as? ReportError }
    }

    static func variants(_ text: String) throws -> [SensitivityVariant] {
        let spec = try #require(try source(text).spec.analyses.last)
        guard case let .sensitivity(parameters) = spec.kind else { Issue.record("\(spec.kind)"); return [] }
        #expect(spec.table == "countries")
        return parameters.variants
    }

    @Test func aVariantReplacesTheBaseKeysItNames() throws {
        let variants = try Self.variants("""
                  - {name: "All"}
                  - {name: "Without the big three", drop: [BRA, MEX, ARG]}
                  - {name: "NB", kind: negbin}
                  - name: "Two covariates"
                    covariates: [rai, log_population]
                    derive: [{name: log_population, log: population}]

            """)
        #expect(variants.map(\.name) == ["All", "Without the big three", "NB", "Two covariates"])
        guard case let .poisson(all) = variants[0].spec.kind, case let .poisson(drop) = variants[1].spec.kind,
              case let .negbin(nb) = variants[2].spec.kind, case let .poisson(two) = variants[3].spec.kind
        else { Issue.record("\(variants.map(\.spec.kind.name))"); return }
        #expect(all.fields.drop == nil && drop.fields.drop == ["BRA", "MEX", "ARG"])
        #expect(nb.fields.covariates == ["rai"] && nb.fields.offset == "population" && nb.fields.per == ["rai": 10])
        #expect(two.fields.covariates == ["rai", "log_population"] && variants[3].spec.derive?.first?.log == "population")
        #expect(variants.allSatisfy { $0.spec.id == "fit" && $0.spec.table == "countries" })
    }

    /// The front matter's analyses are read once per document (``NodeDecodingContext`` keeps
    /// them): a second sensitivity analysis still finds its own base among all of them.
    @Test func eachSensitivityAnalysisFindsItsOwnBase() throws {
        // The base pair again, as `fit2` and `s2`, after the first sensitivity's one variant.
        let second = Self.base.replacingOccurrences(of: "id: fit", with: "id: fit2")
            .replacingOccurrences(of: "of: fit", with: "of: fit2").replacingOccurrences(of: "id: s\n", with: "id: s2\n")
        let analyses = try Self.source("      - {name: \"All\"}\n" + second + "      - {name: \"Two\", drop: [BRA]}\n").spec.analyses
        let bases = analyses.map { spec -> [String] in
            guard case let .sensitivity(parameters) = spec.kind else { return [] }
            return parameters.variants.map(\.spec.id)
        }
        #expect(bases == [[], ["fit"], [], ["fit2"]])
    }

    @Test func yamlMergeKeysInTheBaseAreFollowed() throws {
        let base = """
              - id: fit
                kind: poisson
                <<: {table: countries, response: ties, covariates: [rai], label: iso3}
              - id: s
                kind: sensitivity
                of: fit
                report: rate_ratio.rai
                variants:

            """
        let spec = try #require(try Self.source("      - {name: A, covariates: [x]}\n", base: base).spec.analyses.last)
        guard case let .sensitivity(parameters) = spec.kind, case let .poisson(fit)? = parameters.variants.first?.spec.kind
        else { Issue.record("\(spec.kind)"); return }
        #expect(fit.fields.covariates == ["x"] && fit.fields.response == "ties" && spec.table == "countries")
    }

    @Test func variantErrorsAreAtTheVariantsKeys() throws {
        let line = 19  // the first variant's line in the file; the column is the value's (or the variant's)
        for (variant, message, column) in [
            ("      - {name: A, respons: x}", "unknown key \"respons\" in a poisson analysis; did you mean \"response\"?", 28),
            ("      - {name: A, kind: negbni}", "unknown analysis kind \"negbni\"; did you mean \"negbin\"?", 25),
            ("      - {name: A, kind: crosstab}", "unknown key \"covariates\" in a crosstab analysis", 9),
            ("      - {name: A, per: {ria: 10}}", "per names \"ria\", which is not a covariate; did you mean \"rai\"?", 24),
            ("      - {name: A, id: x}", "a sensitivity variant is named by `name`, not `id`", 23),
            ("      - {drop: [BRA]}", "a sensitivity variant needs `name`", 9),
            ("      - {name: A, kind: sensitivity}", "unknown key", 9),
        ] {
            let error = try #require(Self.error(variant + "\n"), "\(variant)")
            #expect(error.message.contains(message), "\(variant): \(error.message)")
            #expect(error.location?.line == line && error.location?.column == column, "\(variant): \(error)")
            #expect(error.message.hasPrefix("in analyses[1].variants[0]"), "\(error.message)")
        }
        let twice = try #require(Self.error("      - {name: A}\n      - {name: A, drop: [X]}\n"))
        #expect(twice.message.contains("two variants are named \"A\""), "\(twice.message)")
        #expect(twice.location?.line == 20, "\(twice)")
    }

    @Test func theSensitivityItselfIsChecked() throws {
        func error(_ analysis: String) throws -> ReportError {
            try #require(Self.error("", base: "  - {id: fit, kind: poisson, table: t, response: y, covariates: [x]}\n" + analysis + "\n"))
        }
        let unknown = try error("  - {id: s, kind: sensitivity, of: fti, report: p, variants: [{name: A}]}")
        #expect(unknown.message.contains("no analysis \"fti\" to vary; did you mean \"fit\"?"), "\(unknown.message)")
        #expect(unknown.location?.line == 7 && unknown.location?.column == 36, "\(unknown)")
        let itself = try error("  - {id: s, kind: sensitivity, of: s, report: p, variants: [{name: A}]}")
        #expect(itself.message.contains("\"s\" is a sensitivity analysis, expected an analysis that computes one result"), "\(itself.message)")
        let rows = try error("  - {id: s, kind: sensitivity, of: fit, report: p, where: {x: 1}, variants: [{name: A}]}")
        #expect(rows.message.contains("a sensitivity analysis reads the rows of its variants, so `where` belongs in the base"), "\(rows.message)")
        let empty = try error("  - {id: s, kind: sensitivity, of: fit, report: p, variants: []}")
        #expect(empty.message.contains("variants is empty"), "\(empty.message)")
        let path = try error("  - {id: s, kind: sensitivity, of: fit, report: rate_ratio..x, variants: [{name: A}]}")
        #expect(path.message.contains("report must be a dotted path"), "\(path.message)")
        let many = (0...100).map { "{name: v\($0)}" }.joined(separator: ", ")
        let tooMany = try error("  - {id: s, kind: sensitivity, of: fit, report: p, variants: [\(many)]}")
        #expect(tooMany.message.contains("101 variants, expected at most 100"), "\(tooMany.message)")
        let missing = try error("  - {id: s, kind: sensitivity, of: fit, variants: [{name: A}]}")
        #expect(missing.message.contains("a sensitivity analysis needs `report`"), "\(missing.message)")
    }

    @Test func theCostIsTheVariantsCost() throws {
        let base = """
              - {id: t, kind: crosstab, table: c, rows: r, columns: k, seed: 1, resamples: 500}
              - id: s
                kind: sensitivity
                of: t
                report: p
                variants:

            """
        let spec = try #require(try Self.source("      - {name: A}\n      - {name: B, resamples: 100}\n", base: base).spec.analyses.last)
        #expect(spec.kind.resamplingCost == 600 && spec.kind.parameters.nestedAnalyses.count == 2)
    }
}
