@testable import DossierReport
import Testing

/// `adjust` lists a family of analyses, checked when the front matter is read (unknown ids with a
/// did-you-mean, cycles, duplicates, a table) and combined from their results after they run.
@Suite struct AdjustAnalysisTests {
    static let head = "---\ntitle: T\ndate: \"2020-12-01\"\ndata: d.json\nanalyses:\n"
    static let tests = """
      - {id: outcomes, kind: crosstab, table: t, rows: r, columns: c, seed: 1}
      - {id: initiator_deal, kind: fisher, table: t, rows: r, columns: d}
      - {id: ties_rai, kind: correlation, table: t, x: a, y: b, method: spearman}

    """

    static func source(_ analyses: String) throws(ReportError) -> ReportSource {
        try ReportSource(text: head + tests + analyses + "\n---\n", path: "r.md")
    }

    static func error(_ analyses: String) -> ReportError? {
        do {
            _ = try source(analyses)
            return nil
        } catch {
            return error
        }
    }

    @Test func decodesTheFamilyAndMethod() throws {
        let spec = try #require(try Self.source("  - {id: family, kind: adjust, family: [outcomes, initiator_deal, ties_rai], method: holm}")
            .spec.analyses.last)
        guard case let .adjust(adjust) = spec.kind else { Issue.record("\(spec.kind)"); return }
        #expect(adjust.family == ["outcomes", "initiator_deal", "ties_rai"] && adjust.method == .holm)
        #expect(adjust.dependencies == ["outcomes", "initiator_deal", "ties_rai"] && spec.table.isEmpty)
    }

    @Test func anUnknownAnalysisIsAnErrorAtItsEntryWithASuggestion() throws {
        // Line 9 of the file; "outcmes" starts at column 41.
        let error = try #require(Self.error("  - {id: family, kind: adjust, family: [outcmes, ties_rai]}"))
        #expect(error.message.contains("unknown analysis \"outcmes\" in `family`; did you mean \"outcomes\"?"), "\(error.message)")
        #expect(error.location?.line == 9 && error.location?.column == 41, "\(String(describing: error.location))")
    }

    @Test func aCycleIsAnErrorNamingIt() throws {
        let error = try #require(Self.error("""
          - {id: first, kind: adjust, family: [outcomes, second]}
          - {id: second, kind: adjust, family: [first]}
        """))
        #expect(error.message.contains("analysis \"first\" reads its own result through \"first\" → \"second\" → \"first\""),
                "\(error.message)")
        #expect(error.location?.line == 9, "\(error)")
        let itself = try #require(Self.error("  - {id: family, kind: adjust, family: [family]}"))
        #expect(itself.message.contains("reads its own result"), "\(itself.message)")
    }

    @Test func badFamiliesAndTablesAreErrors() throws {
        for (analysis, message) in [
            ("  - {id: f, kind: adjust, family: []}", "needs at least one test in `family`"),
            ("  - {id: f, kind: adjust}", "an adjust analysis needs `family`"),
            ("  - {id: f, kind: adjust, family: [outcomes, outcomes]}", "\"outcomes\" is listed twice in `family`"),
            ("  - {id: f, kind: adjust, table: t, family: [outcomes]}", "reads the results of other analyses, not a table: remove `table`"),
            ("  - {id: f, kind: adjust, family: [outcomes], method: holmes}", "unknown adjustment method \"holmes\"; did you mean \"holm\"?"),
        ] {
            let error = try #require(Self.error(analysis), "\(analysis)")
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func combinesThePValuesOfItsFamily() throws {
        let spec = try #require(try Self.source("  - {id: family, kind: adjust, family: [outcomes, initiator_deal, ties_rai]}").spec.analyses.last)
        guard case let .adjust(adjust) = spec.kind else { Issue.record("\(spec.kind)"); return }
        let results: [String: ResultValue] = [
            "outcomes": .record([.init("p", .number(0.006)), .init("test", .text("Fisher–Freeman–Halton exact test"))]),
            "initiator_deal": .record([.init("p", .number(0.04))]),
            "ties_rai": .record([.init("method", .text("spearman")), .init("p", .number(0.5))]),
        ]
        let kinds = ["outcomes": "crosstab", "initiator_deal": "fisher", "ties_rai": "correlation"]
        let value = try adjust.combine(results: results, kinds: kinds)
        guard case let .table(table)? = value.field("table") else { Issue.record("\(value)"); return }
        #expect(table.columns.map(\.name) == ["id", "test", "p", "p_holm", "p_bh", "rank"])
        #expect(table.column("p_holm")?.values == [.number(3 * 0.006), .number(2 * 0.04), .number(0.5)])
        #expect(table.column("p_bh")?.values == [.number(3 * 0.006), .number(3 * 0.04 / 2), .number(0.5)])
        #expect(table.column("test")?.values == [.text("Fisher–Freeman–Halton exact test"), .text("fisher"), .text("correlation (spearman)")])
        #expect(table.column("rank")?.values == [.integer(1), .integer(2), .integer(3)])
        // A member without a p-value is named.
        let noP = ["outcomes": ResultValue.record([.init("n", .integer(3))])]
        #expect(throws: FormatFailure.self) { try adjust.combine(results: results.merging(noP) { $1 }, kinds: kinds) }
    }
}

/// `exact:` of `crosstab` decodes its ordering; a wrong key or statistic is an error at its place.
@Suite struct CrosstabExactOptionTests {
    static func crosstab(_ exact: String) throws(ReportError) -> AnalysisSpec? {
        try ReportSource(text: AdjustAnalysisTests.head + "  - {id: c, kind: crosstab, table: t, rows: r, columns: k, seed: 1\(exact)}\n---\n",
                         path: "r.md").spec.analyses.first
    }

    @Test func decodesTheOrdering() throws {
        for (exact, ordering) in [("", ExactTestOptions.Ordering.probability), (", exact: {statistic: probability}", .probability),
                                  (", exact: {statistic: chi-square}", .chiSquare), (", exact: {}", .probability)] {
            let spec = try #require(try Self.crosstab(exact))
            guard case let .crosstab(parameters) = spec.kind else { Issue.record("\(spec.kind)"); continue }
            #expect(parameters.exact.ordering == ordering, "\(exact)")
        }
    }

    @Test func wrongKeysAndStatisticsAreErrors() throws {
        for (exact, message) in [(", exact: {statistic: chi-sqare}", "unknown exact-test statistic \"chi-sqare\"; did you mean \"chi-square\"?"),
                                 (", exact: {statistc: chi-square}", "unknown key \"statistc\" in `exact`; did you mean \"statistic\"?")] {
            do {
                _ = try Self.crosstab(exact)
                Issue.record("no error for \(exact)")
            } catch {
                #expect(error.message.contains(message), "\(error.message)")
                #expect(error.location?.line == 6, "\(String(describing: error.location))")
            }
        }
    }
}
