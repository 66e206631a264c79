@testable import DossierStats
import Testing

/// The exact r × c test stops at its work limit while it lists a stage's columns, not after:
/// a large table (the flagship's 6 × 5 outcome table at 100× the data) has more columns in
/// one stage than memory holds, and listing them all first took 10 GB and minutes.
@Suite struct ExactTableWorkLimitTests {
    @Test(arguments: [TableStatistic.tableProbability, .chiSquare])
    func largeTableFallsBackAtTheLimit(statistic: TableStatistic) throws {
        let counts = [
            [150, 0, 3, 0, 0], [450, 3, 0, 3, 0], [900, 600, 300, 150, 0],
            [150, 150, 150, 0, 0], [150, 300, 300, 0, 150], [0, 450, 150, 0, 0],
        ]
        let table = try ContingencyTable(counts: counts)
        #expect(try exactTableTest(table, statistic: statistic) == nil)
        // A small limit is passed within the first stage too.
        #expect(try exactTableTest(try ContingencyTable(counts: [[3, 1, 2], [1, 4, 2], [2, 2, 5]]), statistic: statistic, workLimit: 3) == nil)
    }

    @Test func smallTablesStillEnumerate() throws {
        let table = try ContingencyTable(counts: [[3, 1, 2], [1, 4, 2], [2, 2, 5]])
        let result = try #require(try exactTableTest(table))
        #expect(result.pValue > 0 && result.pValue <= 1)
    }
}

/// The column count that lets the exact test give up before listing: the same number as
/// listing them, below the cap.
@Suite struct ExactTableColumnCountTests {
    @Test func countMatchesListing() {
        let network = TableNetwork(counts: [[1, 2], [3, 4]], statistic: .tableProbability)
        for (total, remaining) in [(0, [0, 0]), (3, [1, 1, 1]), (5, [2, 3, 4]), (7, [0, 7, 2]), (9, [3, 3]), (4, [10]), (6, [2, 2, 5, 1])] {
            var listed = 0
            network.forEachColumn(total: total, remaining: remaining) { _ in listed += 1; return true }
            #expect(network.columnCount(total: total, remaining: remaining, atMost: 1_000_000) == listed, "\(total) \(remaining)")
            #expect(network.columnCount(total: total, remaining: remaining, atMost: 2) == min(2, listed))
        }
        // Saturates instead of overflowing: C(30005, 5) columns is about 2e20.
        #expect(network.columnCount(total: 30000, remaining: Array(repeating: 30000, count: 6), atMost: 5_000_001) == 5_000_001)
    }
}
