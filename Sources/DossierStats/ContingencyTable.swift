/// An r × c table of counts with row and column labels.
///
/// Created from counts (validated: rectangular, non-negative) or by cross-tabulating
/// two label arrays.
public struct ContingencyTable: Sendable, Equatable, Codable {
    /// Row labels, one per row.
    public let rowLabels: [String]
    /// Column labels, one per column.
    public let columnLabels: [String]
    /// counts[row][column].
    public let counts: [[Int]]

    /// Validates and stores the table. Labels default to "1", "2", …
    /// Throws `emptyTable` for zero rows or columns and `invalidCount` for negative
    /// counts or ragged rows.
    public init(counts: [[Int]], rowLabels: [String]? = nil, columnLabels: [String]? = nil) throws {
        guard let first = counts.first, !first.isEmpty else { throw StatsError.emptyTable }
        for row in counts {
            guard row.count == first.count else {
                throw StatsError.invalidCount(what: "rows of the table have different lengths")
            }
            guard row.allSatisfy({ $0 >= 0 }) else {
                throw StatsError.invalidCount(what: "the table has a negative count")
            }
        }
        let rl = rowLabels ?? (1...counts.count).map(String.init)
        let cl = columnLabels ?? (1...first.count).map(String.init)
        guard rl.count == counts.count, cl.count == first.count else {
            throw StatsError.invalidArgument("contingency table: label counts do not match the table's shape")
        }
        self.counts = counts
        self.rowLabels = rl
        self.columnLabels = cl
    }

    /// Cross-tabulates paired labels, dropping pairs where either is missing.
    /// Row and column order: `rowOrder` / `columnOrder` when given (listed labels first,
    /// absent ones get zero rows/columns), then others by first appearance.
    public static func crossTabulate(rows: [String?], columns: [String?],
                                     rowOrder: [String]? = nil, columnOrder: [String]? = nil) throws -> ContingencyTable {
        guard rows.count == columns.count else {
            throw StatsError.lengthMismatch(what: "cross-tabulation", first: rows.count, second: columns.count)
        }
        var pairs: [(String, String)] = []
        for (r, c) in zip(rows, columns) {
            if let r, let c { pairs.append((r, c)) }
        }
        guard !pairs.isEmpty else { throw StatsError.emptyTable }
        let rl = orderedKeys(pairs.map(\.0), order: rowOrder)
        let cl = orderedKeys(pairs.map(\.1), order: columnOrder)
        var ri: [String: Int] = [:], ci: [String: Int] = [:]
        for (i, k) in rl.enumerated() { ri[k] = i }
        for (j, k) in cl.enumerated() { ci[k] = j }
        var counts = Array(repeating: Array(repeating: 0, count: cl.count), count: rl.count)
        for (r, c) in pairs {
            if let i = ri[r], let j = ci[c] { counts[i][j] += 1 }
        }
        return try ContingencyTable(counts: counts, rowLabels: rl, columnLabels: cl)
    }

    /// Number of rows.
    public var rowCount: Int { counts.count }
    /// Number of columns.
    public var columnCount: Int { counts.first?.count ?? 0 }
    /// Row sums.
    public var rowTotals: [Int] { counts.map { $0.reduce(0, +) } }
    /// Column sums.
    public var columnTotals: [Int] {
        (0..<columnCount).map { j in counts.reduce(0) { $0 + $1[j] } }
    }
    /// Grand total n.
    public var total: Int { rowTotals.reduce(0, +) }

    /// Throws unless the table has a positive total and no zero row or column sum.
    func requirePositiveMargins() throws {
        guard total > 0 else { throw StatsError.emptyTable }
        for (i, t) in rowTotals.enumerated() where t == 0 {
            throw StatsError.zeroMargin(what: "row '\(rowLabels[i])'")
        }
        for (j, t) in columnTotals.enumerated() where t == 0 {
            throw StatsError.zeroMargin(what: "column '\(columnLabels[j])'")
        }
    }
}
