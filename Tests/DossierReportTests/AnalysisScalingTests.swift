import DossierBase
import DossierData
import DossierStats
@testable import DossierReport
import Foundation
import Testing

/// The linear paths of the analyses (issue 22): filters and group counts made column by
/// column, filters on the resource's own fields run before joins and derived columns, and
/// prepared tables and exact tests computed once per build — each checked against the
/// row-by-row way they replaced.
@Suite struct AnalysisScalingTests {
    static let package: DataPackage? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try? DataPackage.load(from: root.appendingPathComponent("datasets/datapackage.json"))
    }()

    /// Seeded columns of every type with missing cells and repeats.
    private func columns(rows: Int) -> [Column] {
        var rng = SeededGenerator(seed: 22)
        func pick<T>(_ values: [T?]) -> [T?] { (0..<rows).map { _ in values[Int.random(in: 0..<values.count, using: &rng)] } }
        return [
            .string(pick(["a", "b", "", nil, "c"])),
            .integer(pick([1, 2, 2020, nil, 0])),
            .number(pick([0.5, 1, -0.0, 0, nil, 1e20])),
            .boolean(pick([true, false, nil])),
            .date(pick([CivilDate(year: 2020, month: 1, day: 2), CivilDate(year: 2021, month: 12, day: 31), nil])),
        ]
    }

    @Test func filterMatchesTheRowByRowText() {
        let columns = columns(rows: 300)
        let accepted: [Set<String>] = [["a", ""], ["2020", "1"], ["0", "0.5", "1e+20", "100000000000000000000"], ["true"], ["2020-01-02", ""]]
        for (column, texts) in zip(columns, accepted) {
            for keep in [true, false] {
                var kept = Array(repeating: true, count: column.count)
                FilterMatch.apply(texts, to: column, keepMatches: keep, kept: &kept)
                let expected = (0..<column.count).map { texts.contains(column[$0].description) == keep }
                #expect(kept == expected, "\(column) keep \(keep)")
                // A row already dropped stays dropped.
                var none = Array(repeating: false, count: column.count)
                FilterMatch.apply(texts, to: column, keepMatches: keep, kept: &none)
                #expect(!none.contains(true))
            }
            #expect(CellText.texts(of: column) == (0..<column.count).map { column.isNull($0) ? nil : column[$0].description })
        }
    }

    @Test func groupCountsMatchKeyGroups() {
        let columns = columns(rows: 400)
        for selection in [[0], [1, 2], [0, 3, 4], [2, 1, 0, 4], []] {
            let chosen = selection.map { columns[$0] }
            let grouped = GroupCounts(chosen, rowCount: 400)
            let reference = KeyGroups((0..<400).lazy.map { row -> [Value]? in chosen.map { $0[row] } })
            #expect(grouped.keys == reference.keys, "\(selection)")
            #expect(grouped.counts == reference.keys.map { reference.count(of: $0) }, "\(selection)")
        }
        #expect(GroupCounts([.string([])], rowCount: 0).keys.isEmpty)
    }

    /// `where` and `exclude` on the resource's fields run before the join and the derived
    /// columns now: the rows are those of filtering last, in the same order, with the same lines.
    @Test func earlyFiltersKeepTheRows() throws {
        let package = try #require(Self.package)
        let join = [AnalysisSpec.JoinSpec(table: "channels", on: "channel", to: "code")]
        let derive = [AnalysisSpec.DeriveSpec(name: "outcome", recode: .init(field: "outcome", values: ["deal": "Concrete deal"]))]
        let cases: [([String: FilterValue], [String: FilterValue]?)] = [
            (["level_scope": .one("local")], nil),
            (["level_scope": .one("local"), "twinning": .one("false")], ["outcome": .one("Concrete deal")]),
            (["label": .any(["Chinese companies", "Chinese provinces and cities"])], ["level_scope": .one("central")]),
        ]
        for (filters, exclude) in cases {
            let preparation = TablePreparation(package: package)
            let early = try preparation.prepare(table: "cases", join: join, derive: derive, where: filters, exclude: exclude)
            let all = try TablePreparation(package: package).prepare(table: "cases", join: join, derive: derive, where: nil)
            let late = try preparation.filtered(try preparation.filtered(all, by: filters), by: exclude, keep: false)
            #expect(early.rowCount > 0 && early.rowCount < all.rowCount)
            #expect(early.columnNames == late.columnNames && early.columns == late.columns && early.sourceLines == late.sourceLines)
            // The second request is the stored table.
            let again = try preparation.prepare(table: "cases", join: join, derive: derive, where: filters, exclude: exclude)
            #expect(again.columns == early.columns)
        }
        // A filter on a field that only the join brings is still an error naming it, after the join.
        #expect(throws: FormatFailure.self) {
            try TablePreparation(package: package).prepare(table: "cases", join: nil, derive: nil, where: ["label": .one("x")])
        }
    }

    /// Two threads asking for the same key at once: one computes, the other waits for it.
    @Test func computeOnceAcrossThreads() async {
        let memo = ComputeOnce<Int, Int>()
        let calls = Counter()
        await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { (try? memo.value(for: 7) { calls.increment(); return 49 }) ?? -1 }
            }
            for await value in group { #expect(value == 49) }
        }
        #expect(calls.value == 1)
        struct Failure: Error {}
        #expect(throws: Failure.self) { try memo.value(for: 8) { calls.increment(); throw Failure() } }
        #expect(throws: Failure.self) { try memo.value(for: 8) { calls.increment(); return 0 } }
        #expect(calls.value == 2)
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func increment() { lock.withLock { count += 1 } }
    }
}
