@testable import DossierStats
import Testing

/// The up-front bound on the exact test's work (``TableNetwork/minimumWork(atMost:)``): never
/// above the work the network's bounds pass really does (so no table that finished within
/// its limit before is sent to Monte Carlo now), and high enough to skip the flagship's
/// tables at 10× the data, which used to spend the whole limit first.
@Suite struct TableNetworkSizeTests {
    /// The bounds pass's real work, with no limit.
    private func boundsPassWork(_ counts: [[Int]], _ statistic: TableStatistic) -> Int {
        let transposed = (counts.first?.count ?? 0) < counts.count
        let oriented = transposed ? (0..<(counts.first?.count ?? 0)).map { j in counts.map { $0[j] } } : counts
        var network = TableNetwork(counts: oriented, statistic: statistic)
        let start = network.key(classes: network.rowClass, remaining: network.rowTotals)
        var memo = Array(repeating: [[Int]: (low: Double, high: Double)](), count: network.columnTotals.count + 1)
        _ = network.restBounds(stage: 0, state: start, memo: &memo, workLimit: Int.max / 2)
        return network.work
    }

    private func network(_ counts: [[Int]], _ statistic: TableStatistic) -> TableNetwork {
        let transposed = (counts.first?.count ?? 0) < counts.count
        let oriented = transposed ? (0..<(counts.first?.count ?? 0)).map { j in counts.map { $0[j] } } : counts
        return TableNetwork(counts: oriented, statistic: statistic)
    }

    /// Seeded random tables of 2–5 rows and columns with 4–40 cases, each cell at least 0 and
    /// every margin positive.
    private func randomTables(count: Int) -> [[[Int]]] {
        var rng = SeededGenerator(seed: 20_261_206)
        var tables: [[[Int]]] = []
        while tables.count < count {
            let rows = Int.random(in: 2...5, using: &rng), columns = Int.random(in: 2...5, using: &rng)
            let n = Int.random(in: 4...40, using: &rng)
            var counts = Array(repeating: Array(repeating: 0, count: columns), count: rows)
            for _ in 0..<n { counts[Int.random(in: 0..<rows, using: &rng)][Int.random(in: 0..<columns, using: &rng)] += 1 }
            let positive = counts.allSatisfy { $0.reduce(0, +) > 0 } && (0..<columns).allSatisfy { j in counts.contains { $0[j] > 0 } }
            if positive { tables.append(counts) }
        }
        return tables
    }

    @Test(arguments: [TableStatistic.tableProbability, .chiSquare])
    func boundNeverPassesTheRealWork(statistic: TableStatistic) {
        var tight = 0
        for counts in randomTables(count: 150) {
            let real = boundsPassWork(counts, statistic)
            let bound = network(counts, statistic).minimumWork(atMost: Int.max / 4)
            #expect(bound >= 1 && bound <= real, "\(counts): bound \(bound), work \(real)")
            if bound * 4 >= real { tight += 1 }
        }
        // Not vacuous: most bounds are within a factor of four of the work.
        #expect(tight > 75)
    }

    @Test func pairCountMatchesListing() {
        for rows in [[2, 3], [1, 1, 1], [4, 0, 2], [5, 5, 5, 5], [3]] {
            let n = rows.reduce(0, +)
            for first in 0...n {
                for second in 0...(n - first) {
                    let third = n - first - second
                    // r × 3 tables listed cell by cell.
                    var listed = 0
                    func fill(_ i: Int, _ a: Int, _ b: Int) {
                        if i == rows.count {
                            if a == first && b == second { listed += 1 }
                            return
                        }
                        for x in 0...rows[i] { for z in 0...(rows[i] - x) { fill(i + 1, a + x, b + z) } }
                    }
                    fill(0, 0, 0)
                    #expect(TableNetwork.pairCount(rows, first, second, third, atMost: 1_000_000) == listed,
                            "\(rows) \(first) \(second) \(third)")
                    #expect(TableNetwork.pairCount(rows, first, second, third, atMost: 3) == min(3, listed))
                }
            }
        }
        // Too costly to count within the budget: nil, and the vector count is used instead.
        #expect(TableNetwork.pairCount([3000, 3000], 2000, 2000, 2000, atMost: 1_000_000) == nil)
    }

    /// The flagship's outcome tables: at 1× they still enumerate (2,425 and 10,807 units, as
    /// before); at 10× (n = 259 and 145) every ordering is skipped before listing anything.
    @Test func flagshipTables() throws {
        let small = [[0, 1, 0, 0], [1, 0, 0, 0], [1, 4, 12, 1], [1, 1, 0, 0], [3, 1, 0, 1], [0, 0, 3, 0]]
        let byProbability = try #require(try exactTableTest(try ContingencyTable(counts: small), statistic: .tableProbability, workLimit: 250_000))
        let byChiSquare = try #require(try exactTableTest(try ContingencyTable(counts: small), statistic: .chiSquare, workLimit: 250_000))
        #expect(byProbability.workUnits == 2_425 && byChiSquare.workUnits == 10_807)
        let large = [[[2, 2, 5, 1], [6, 12, 22, 2], [31, 37, 60, 9], [5, 3, 6, 1], [7, 7, 20, 2], [6, 5, 7, 1]],
                     [[0, 1, 1, 3], [4, 6, 2, 11], [18, 23, 5, 26], [4, 2, 0, 2], [5, 2, 2, 14], [4, 3, 1, 6]]]
        for counts in large {
            for statistic in [TableStatistic.tableProbability, .chiSquare] {
                #expect(network(counts, statistic).minimumWork(atMost: 250_000) > 250_000, "\(counts) \(statistic)")
                #expect(try exactTableTest(try ContingencyTable(counts: counts), statistic: statistic, workLimit: 250_000) == nil)
            }
        }
    }
}
