@testable import DossierReport
import Testing

/// Analysis specs decode into their kind's own parameters; keys of another kind, unknown kinds
/// and methods, missing parameters and out-of-range numbers are errors at their place.
@Suite struct AnalysisKindTests {
    static let head = "---\ntitle: T\ndate: \"2020-12-01\"\ndata: d.json\nanalyses:\n"

    /// The error `analysis` (one line, line 6 of the file) gives, or nil when it decodes.
    static func error(_ analysis: String) -> ReportError? {
        do {
            _ = try ReportSource(text: head + analysis + "\n---\n", path: "r.md")
            return nil
        } catch {
            return error
        }
    }

    static func spec(_ analysis: String) throws -> AnalysisSpec {
        try #require(try ReportSource(text: head + analysis + "\n---\n", path: "r.md").spec.analyses.first)
    }

    /// Each analysis gives an error whose message holds its text (on line 6 when `line` is set).
    static func expectErrors(_ cases: [(analysis: String, message: String)], line: Int? = nil) throws {
        for (analysis, message) in cases {
            let error = try #require(Self.error(analysis), "\(analysis)")
            #expect(error.message.contains(message), "\(error.message)")
            if let line { #expect(error.location?.line == line, "\(error)") }
        }
    }

    @Test func eachKindDecodesItsOwnParameters() throws {
        let count = try Self.spec("  - {id: a, kind: count, table: t, by: [year], order_by: key, complete: true}")
        guard case let .count(parameters) = count.kind else { Issue.record("\(count.kind)"); return }
        #expect(parameters.by == ["year"] && parameters.orderBy == .key && parameters.complete && !parameters.cumulative)
        let crosstab = try Self.spec("  - {id: c, kind: crosstab, table: t, rows: r, columns: k, seed: 7, resamples: 99, where: {x: y}}")
        guard case let .crosstab(table) = crosstab.kind else { Issue.record("\(crosstab.kind)"); return }
        #expect(table.fields.rows == "r" && table.resampling.seed == 7 && crosstab.kind.resamplingCost == 99)
        #expect(crosstab.where != nil && crosstab.kind.name == "crosstab")
        let correlation = try Self.spec("  - {id: r, kind: correlation, table: t, x: a, y: b, label: c, drop: [X]}")
        guard case let .correlation(pair) = correlation.kind else { Issue.record("\(correlation.kind)"); return }
        #expect(pair.method == .pearson && pair.fields.drop == ["X"] && correlation.kind.resamplingCost == 0)
    }

    @Test func everyKindIsListedOnceWithItsKeys() {
        let names = AnalysisKind.all.map { $0.name }
        #expect(names == ["count", "rows", "summary", "correlation", "permutation", "regression", "poisson",
                          "negbin", "proportion", "crosstab", "fisher", "sensitivity", "adjust"])
        for kind in AnalysisKind.all {
            #expect(Set(kind.keys).count == kind.keys.count, "\(kind.name)")
            #expect(Set(kind.keys).isDisjoint(with: AnalysisSpec.sharedKeys), "\(kind.name)")
        }
    }

    @Test func aKeyOfAnotherKindNamesTheKindAndItsKeys() throws {
        let error = try #require(Self.error("  - {id: a, kind: count, table: t, by: [x], seed: 1}"))
        #expect(error.message.contains("unknown key \"seed\" in a count analysis"), "\(error.message)")
        #expect(error.message.contains("(known: by, complete, cumulative"), "\(error.message)")
        #expect(error.location?.line == 6 && error.location?.column == 51)
        let typo = try #require(Self.error("  - {id: a, kind: crosstab, table: t, rows: r, column: c, seed: 1}"))
        #expect(typo.message.contains("unknown key \"column\" in a crosstab analysis; did you mean \"columns\"?"), "\(typo.message)")
        let nowhere = try #require(Self.error("  - {id: a, kind: count, table: t, by: [x], bye: 1}"))
        #expect(nowhere.message.contains("unknown key \"bye\" in a count analysis; did you mean \"by\"?"), "\(nowhere.message)")
        let noKind = try #require(Self.error("  - {id: a, kind: cuont, table: t, bye: 1}"))
        #expect(noKind.message.contains("unknown key \"bye\" in an analysis; did you mean \"by\"?"), "\(noKind.message)")
    }

    @Test func unknownKindAndMethodAreErrorsAtTheirValue() throws {
        let kind = try #require(Self.error("  - {id: a, kind: cuont, table: t}"))
        #expect(kind.message.contains("unknown analysis kind \"cuont\"; did you mean \"count\"?"), "\(kind.message)")
        #expect(kind.location?.line == 6 && kind.location?.column == 19, "\(kind)")
        let method = try #require(Self.error("  - {id: a, kind: correlation, table: t, x: a, y: b, method: pearsn}"))
        #expect(method.message.contains("unknown correlation method \"pearsn\"; did you mean \"pearson\"?"), "\(method.message)")
        let orderBy = try #require(Self.error("  - {id: a, kind: count, table: t, by: [x], order_by: kye}"))
        #expect(orderBy.message.contains("unknown order_by \"kye\"; did you mean \"key\"?"), "\(orderBy.message)")
    }

    @Test func aMissingParameterIsNamed() throws {
        try Self.expectErrors([
            ("  - {id: a, kind: count, table: t}", "a count analysis needs `by`"),
            ("  - {id: a, kind: correlation, table: t, x: a}", "a correlation analysis needs `y`"),
            ("  - {id: a, kind: permutation, table: t, x: a, y: b}", "a permutation analysis needs `seed`"),
            ("  - {id: a, kind: poisson, table: t, response: r}", "a poisson analysis needs `covariates`"),
            ("  - {id: a, kind: fisher, table: t, columns: c}", "a fisher analysis needs `rows`"),
        ], line: 6)
    }

    @Test func rangesAreCheckedPerKind() throws {
        try Self.expectErrors([
            ("  - {id: a, kind: crosstab, table: t, rows: r, columns: c, seed: 1, resamples: 0}", "resamples must be a whole number from 1 to 1000000"),
            ("  - {id: a, kind: proportion, table: t, success: {field: f, equals: y}, level: 1.5}", "level must be a confidence level"),
            ("  - {id: a, kind: poisson, table: t, response: r, covariates: [x], curve_scale: 0}", "curve_scale must be a positive number"),
            ("  - {id: a, kind: poisson, table: t, response: r, covariates: [x], per: {x: -1}}", "per x must be a positive number of units"),
            ("  - {id: a, kind: rows, table: t, derive: [{name: d, ratio: [a, b], per: 0}]}", "derive \"d\": per must be a positive number"),
        ])
    }
}
