import DossierBase
@testable import DossierReport
import DossierStats
import Testing

/// The proportion analysis counts each group's rows and accepted outcomes in one pass; the
/// counts equal those of grouping the rows' positions first (``KeyGroups``), as it did before.
@Suite struct ProportionCountingTests {
    @Test func countsEqualThoseOfKeyGroups() {
        var generator = SeededGenerator(seed: 22)
        let groupNames: [String?] = ["b", "a", nil, "c", "all", "d"]
        let outcomeNames: [String?] = ["yes", "no", nil, "maybe", ""]
        let accepted: Set<String> = ["yes", "maybe"]
        for rows in [0, 1, 7, 1_000] {
            let groups = (0..<rows).map { _ in groupNames[Int.random(in: 0..<groupNames.count, using: &generator)] }
            let outcomes = (0..<rows).map { _ in outcomeNames[Int.random(in: 0..<outcomeNames.count, using: &generator)] }
            for byField in [groups, nil] {
                let counted = ProportionAnalysis.count(rows: rows, groups: byField, outcomes: outcomes, accepted: accepted)
                let grouped = KeyGroups((0..<rows).lazy.map { row -> String? in byField?[row] ?? "all" })
                #expect(counted.keys == grouped.keys)
                #expect(counted.trials == grouped.positions.mapValues(\.count))
                #expect(counted.successes == grouped.positions.mapValues { $0.count { outcomes[$0].map(accepted.contains) ?? false } })
            }
        }
    }
}
