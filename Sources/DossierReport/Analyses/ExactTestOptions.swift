import DossierBase
import DossierStats

/// `exact: {statistic: probability | chi-square}` of `crosstab`: how the exact r × c test
/// (Fisher–Freeman–Halton) orders tables.
package struct ExactTestOptions: Sendable {
    /// How tables are ranked: by their probability (R's `fisher.test`) or by Pearson's X².
    package enum Ordering: String, Sendable, CaseIterable {
        case probability
        case chiSquare = "chi-square"

        /// The DossierStats statistic.
        var statistic: TableStatistic { self == .probability ? .tableProbability : .chiSquare }
        /// "table probability" or "chi-square", for the test's name.
        var phrase: String { self == .probability ? "table probability" : "chi-square" }
    }

    package var ordering: Ordering

    /// The keys these options read.
    static let keys = CodingKeys.allCases.map(\.rawValue)

    enum CodingKeys: String, CodingKey, CaseIterable { case exact }
    enum InnerKeys: String, CodingKey, CaseIterable { case statistic }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard c.contains(.exact) else {
            ordering = .probability
            return
        }
        let inner = try c.nestedOptions(InnerKeys.self, forKey: .exact)
        ordering = try inner.choice(.statistic, default: Ordering.probability, what: "exact-test statistic")
    }

    /// The most work units the exact test may spend in a report before the seeded Monte-Carlo
    /// test is used instead: about 50 ms. A table small enough for the exact p to matter
    /// (expected counts below 5) needs far less — the flagship's 6 × 4 table with n = 30 needs
    /// 2,425 by probability and 10,807 by chi-square — while a table that passes the limit
    /// spends all of it before falling back: at DossierStats' own default (5,000,000, about a
    /// second) the flagship at 10× data spent 7.5 s of CPU in six such attempts before taking
    /// the Monte-Carlo p anyway. R's `fisher.test` gives up on these tables at its default
    /// workspace too.
    static let workLimit = 250_000

    /// The exact p by `ordering`, or the seeded Monte-Carlo p when the exact test passes its
    /// work limit (``workLimit``); computed once per build for the same counts and options
    /// (`memo`). The Monte-Carlo test is run by both orderings at once, from one set of drawn
    /// tables, and kept (`simulations`): the other ordering of the same counts takes its p from
    /// there, the same p it would draw.
    func test(_ table: ContingencyTable, resampling: ResamplingOptions, memo: ComputeOnce<ExactTestKey, [ResultValue.Field]>,
              simulations: ComputeOnce<MonteCarloKey, [MonteCarloTableTestResult]>? = nil) throws -> [ResultValue.Field] {
        let key = ExactTestKey(counts: table.counts, ordering: ordering, workLimit: Self.workLimit,
                               resamples: resampling.resamples, seed: resampling.seed)
        return try memo.value(for: key) { try test(table, resampling: resampling, simulations: simulations) }
    }

    /// ``test(_:resampling:memo:simulations:)`` computed afresh (the Monte-Carlo p taken from
    /// `simulations` when they hold it).
    func test(_ table: ContingencyTable, resampling: ResamplingOptions,
              simulations: ComputeOnce<MonteCarloKey, [MonteCarloTableTestResult]>? = nil) throws -> [ResultValue.Field] {
        let name = "Fisher–Freeman–Halton exact test"
        if let exact = try exactTableTest(table, statistic: ordering.statistic, workLimit: Self.workLimit) {
            return [
                .init("p_exact", .number(exact.pValue)), .init("p_method", .text("exact")),
                .init("ordering", .text(ordering.rawValue)), .init("resamples", .integer(0)),
                .init("exact_test", .text("\(name) (ordered by \(ordering.phrase))")),
            ]
        }
        let replicates = try resampling.bounded(rows: table.rowCount, columns: table.columnCount, observations: table.total)
        let simulated: MonteCarloTableTestResult
        if let simulations {
            let orderings = Ordering.allCases
            let key = MonteCarloKey(counts: table.counts, resamples: replicates, seed: resampling.seed)
            let both = try simulations.value(for: key) {
                try monteCarloTableTests(table, statistics: orderings.map(\.statistic), replicates: replicates, seed: resampling.seed)
            }
            simulated = both[orderings.firstIndex(of: ordering) ?? 0]
        } else {
            simulated = try monteCarloTableTest(table, statistic: ordering.statistic, replicates: replicates, seed: resampling.seed)
        }
        return [
            .init("p_exact", .number(simulated.pValue)), .init("p_method", .text("monte-carlo")),
            .init("ordering", .text(ordering.rawValue)), .init("resamples", .integer(simulated.replicates)),
            .init("exact_test", .text("\(name) (ordered by \(ordering.phrase); Monte-Carlo p from "
                                      + "\(simulated.replicates) seeded tables: the table is too large to enumerate)")),
        ]
    }
}
