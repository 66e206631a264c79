import Foundation

/// Pearson's chi-square test of independence for an r × c table.
public struct ChiSquareTestResult: Sendable, Equatable, Codable {
    /// Total count.
    public let n: Int
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// X² = Σ(O − E)²/E (no Yates correction, unless `yatesCorrected`).
    public let statistic: Double
    /// (r − 1)(c − 1).
    public let degreesOfFreedom: Int
    /// Upper-tail chi-square p-value.
    public let pValue: Double
    /// Expected counts E = row total × column total / n, [row][column].
    public let expected: [[Double]]
    /// Smallest expected count.
    public let minimumExpected: Double
    /// Number of cells with expected count below 5.
    public let cellsBelowFive: Int
    /// True when any expected count is below 5: the chi-square approximation is doubtful;
    /// report Fisher's exact test (2×2) or the Monte-Carlo p-value instead.
    public let lowExpectedCounts: Bool
    /// Cramér's V = √(X²/(n·(min(r, c) − 1))), computed from the uncorrected X².
    public let cramersV: Double
    /// Whether Yates' continuity correction was applied (2×2 only).
    public let yatesCorrected: Bool
}

/// Expected counts under independence.
func expectedCounts(_ table: ContingencyTable) -> [[Double]] {
    let rt = table.rowTotals.map(Double.init), ct = table.columnTotals.map(Double.init)
    let n = Double(table.total)
    return rt.map { r in ct.map { c in r * c / n } }
}

/// Pearson X² of a table given expected counts.
func chiSquareStatistic(_ counts: [[Int]], _ expected: [[Double]], yates: Bool = false) -> Double {
    var x2 = 0.0
    for i in counts.indices {
        for j in counts[i].indices {
            var d = abs(Double(counts[i][j]) - expected[i][j])
            if yates { d = max(0, d - 0.5) }
            x2 += d * d / expected[i][j]
        }
    }
    return x2
}

/// Chi-square test of independence (SciPy `chi2_contingency(table, correction=False)`
/// by default; `yatesCorrection: true` reproduces SciPy's default for 2×2 tables, where
/// the correction shrinks |O − E| by ½ but not past zero).
///
/// Throws for an empty table, a table with fewer than 2 rows or columns, or a zero row
/// or column total.
public func chiSquareTest(_ table: ContingencyTable, yatesCorrection: Bool = false) throws -> ChiSquareTestResult {
    guard table.rowCount >= 2, table.columnCount >= 2 else {
        throw StatsError.invalidTableShape(expected: "at least 2×2", rows: table.rowCount, columns: table.columnCount)
    }
    try table.requirePositiveMargins()
    let expected = expectedCounts(table)
    let x2 = chiSquareStatistic(table.counts, expected)
    let df = (table.rowCount - 1) * (table.columnCount - 1)
    let yates = yatesCorrection && df == 1
    let statistic = yates ? chiSquareStatistic(table.counts, expected, yates: true) : x2
    let dist = try ChiSquareDistribution(degreesOfFreedom: Double(df))
    let flat = expected.flatMap { $0 }
    let minimum = flat.min() ?? 0
    let below = flat.filter { $0 < 5 }.count
    let n = table.total
    let v = (x2 / (Double(n) * Double(min(table.rowCount, table.columnCount) - 1))).squareRoot()
    return ChiSquareTestResult(n: n, rows: table.rowCount, columns: table.columnCount, statistic: statistic,
                               degreesOfFreedom: df, pValue: dist.survival(statistic), expected: expected,
                               minimumExpected: minimum, cellsBelowFive: below, lowExpectedCounts: below > 0,
                               cramersV: min(1, v), yatesCorrected: yates)
}
