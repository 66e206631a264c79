import Foundation

/// An exact test of independence in an r × c table (Fisher–Freeman–Halton), with tables
/// ordered by their probability (as R's `fisher.test`) or by Pearson's X².
public struct ExactTableTestResult: Sendable, Equatable, Codable {
    /// Total count.
    public let n: Int
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// How tables are ranked.
    public let statistic: TableStatistic
    /// The observed table's conditional probability (`tableProbability`) or its X² (`chiSquare`).
    public let observed: Double
    /// Exact p: the total probability, under independence given the margins, of the tables
    /// no more probable than the observed one (relative tolerance 1e-7, as R), or of those with
    /// X² at least the observed X² (relative tolerance 1e-9).
    public let pValue: Double
    /// Work units spent (partial tables extended by one column).
    public let workUnits: Int
}

/// Limits of ``exactTableTest(_:statistic:workLimit:)``.
public enum ExactTableTest {
    /// The default most work units (partial tables extended by one column, counted for each
    /// distinct statistic value carried) before the exact test gives up: about a second.
    public static let defaultWorkLimit = 5_000_000
}

/// The Fisher–Freeman–Halton exact test of independence for an r × c table, by a network
/// algorithm (Mehta & Patel 1983): the table is filled one column at a time; partial tables
/// with the same remaining row totals are merged (rows with equal totals are
/// interchangeable), each carrying the distinct values of the statistic so far with their
/// probabilities; a partial table whose every completion is (or none is) at least as extreme as
/// the observed table is settled at once from bounds on the rest of the statistic.
///
/// `tableProbability` orders tables by their conditional probability (R's `fisher.test`):
/// p = Σ P(T) over tables with P(T) ≤ P(observed)·(1 + 1e-7). `chiSquare` orders them by
/// X²: p = P(X² ≥ observed X²).
///
/// Returns nil when the work passes `workLimit` (call ``monteCarloTableTest`` instead).
/// Throws for fewer than 2 rows or columns or a zero row or column total.
public func exactTableTest(_ table: ContingencyTable, statistic: TableStatistic = .tableProbability,
                           workLimit: Int = ExactTableTest.defaultWorkLimit) throws -> ExactTableTestResult? {
    guard table.rowCount >= 2, table.columnCount >= 2 else {
        throw StatsError.invalidTableShape(expected: "at least 2×2", rows: table.rowCount, columns: table.columnCount)
    }
    try table.requirePositiveMargins()
    // The state holds the shorter margin; the columns of the (maybe transposed) table are the stages.
    let transposed = table.columnCount < table.rowCount
    let counts = transposed ? (0..<table.columnCount).map { j in table.counts.map { $0[j] } } : table.counts
    var network = TableNetwork(counts: counts, statistic: statistic)
    guard let p = network.pValue(workLimit: workLimit) else { return nil }
    let observed: Double
    switch statistic {
    case .tableProbability: observed = exp(network.logConstant - network.observed)
    case .chiSquare: observed = Double(network.total) * (network.observed - 1)
    }
    return ExactTableTestResult(n: table.total, rows: table.rowCount, columns: table.columnCount, statistic: statistic,
                                observed: observed, pValue: min(1, p), workUnits: network.work)
}

/// The network of partial tables of ``exactTableTest(_:statistic:workLimit:)``. The statistic
/// is additive over columns and larger means more extreme: Σ ln xᵢⱼ! for `tableProbability`,
/// S = Σ xᵢⱼ²/(rᵢcⱼ) for `chiSquare` (X² = n(S − 1)).
struct TableNetwork {
    let rowTotals: [Int]
    let columnTotals: [Int]
    let total: Int
    let statistic: TableStatistic
    let logFactorial: [Double]
    /// The row "class" a row belongs to: rows of equal class and equal remaining total are
    /// interchangeable (all rows for `tableProbability`; rows of equal total for `chiSquare`).
    let rowClass: [Int]
    /// The total of the rows of each class.
    let classTotal: [Int]
    /// The observed statistic.
    let observed: Double
    /// ln(Π rᵢ! Π cⱼ! / n!): the observed table's ln P is this minus Σ ln xᵢⱼ!.
    let logConstant: Double
    /// Work done so far.
    var work = 0

    init(counts: [[Int]], statistic: TableStatistic) {
        rowTotals = counts.map { $0.reduce(0, +) }
        // Largest columns first: the state shrinks fastest.
        let columns = (0..<(counts.first?.count ?? 0)).map { j in counts.reduce(0) { $0 + $1[j] } }
        let stageOrder = columns.indices.sorted { columns[$0] != columns[$1] ? columns[$0] > columns[$1] : $0 < $1 }
        columnTotals = stageOrder.map { columns[$0] }
        total = rowTotals.reduce(0, +)
        self.statistic = statistic
        logFactorial = logFactorialTable(total)
        switch statistic {
        case .tableProbability:
            rowClass = Array(repeating: 0, count: rowTotals.count)
            classTotal = [0]
        case .chiSquare:
            let distinct = Array(Set(rowTotals)).sorted()
            rowClass = rowTotals.map { distinct.firstIndex(of: $0) ?? 0 }
            classTotal = distinct
        }
        let lf = logFactorial
        logConstant = rowTotals.reduce(0) { $0 + lf[$1] } + columnTotals.reduce(0) { $0 + lf[$1] } - lf[total]
        var value = 0.0
        for (stage, j) in stageOrder.enumerated() {
            value += Self.columnValue(counts.map { $0[j] }, classes: rowClass, statistic: statistic, classTotal: classTotal,
                                      columnTotal: columnTotals[stage], logFactorial: lf)
        }
        observed = value
    }

    /// The statistic's part from one column.
    static func columnValue(_ column: [Int], classes: [Int], statistic: TableStatistic, classTotal: [Int],
                            columnTotal: Int, logFactorial: [Double]) -> Double {
        var value = 0.0
        switch statistic {
        case .tableProbability:
            for x in column { value += logFactorial[x] }
        case .chiSquare:
            for (i, x) in column.enumerated() where x > 0 {
                value += Double(x * x) / (Double(classTotal[classes[i]]) * Double(columnTotal))
            }
        }
        return value
    }

    /// A state: (class, remaining) per row, sorted, encoded as class·(n + 1) + remaining.
    func key(classes: [Int], remaining: [Int]) -> [Int] {
        zip(classes, remaining).map { $0 * (total + 1) + $1 }.sorted()
    }

    /// The tolerance below the observed statistic that still counts as extreme.
    var tolerance: Double {
        switch statistic {
        case .tableProbability: 1e-7
        case .chiSquare: 1e-9 * observed
        }
    }

    /// The p-value, or nil when the work passes `workLimit`.
    mutating func pValue(workLimit: Int) -> Double? {
        // A network whose bounds pass alone needs more than the limit is not listed at all.
        guard minimumWork(atMost: workLimit) <= workLimit else { return nil }
        let threshold = observed - tolerance
        // Statistic values are merged on a grid far finer than the tolerance.
        let grid = 1e-14 * max(1, logFactorial[total], Double(columnTotals.count))
        var p = 0.0
        let start = key(classes: rowClass, remaining: rowTotals)
        var memo = Array(repeating: [[Int]: (low: Double, high: Double)](), count: columnTotals.count + 1)
        guard restBounds(stage: 0, state: start, memo: &memo, workLimit: workLimit) != nil else { return nil }
        var states: [[Int]: [Int64: (value: Double, probability: Double)]] = [start: [0: (0, 1)]]
        for stage in columnTotals.indices {
            let columnTotal = columnTotals[stage]
            var next: [[Int]: [Int64: (value: Double, probability: Double)]] = [:]
            for (state, paths) in states.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
                let classes = state.map { $0 / (total + 1) }
                let remaining = state.map { $0 % (total + 1) }
                let m = remaining.reduce(0, +)
                let lf = logFactorial
                let logDenominator = lf[m] - lf[columnTotal] - lf[m - columnTotal]
                // Paths by increasing value, with the running sums of their probabilities: the
                // paths a column settles as extreme are a suffix, those it drops a prefix.
                let ordered = paths.values.sorted { $0.value < $1.value }
                let values = ordered.map(\.value)
                var suffix = Array(repeating: 0.0, count: ordered.count + 1)
                for index in stride(from: ordered.count - 1, through: 0, by: -1) {
                    suffix[index] = suffix[index + 1] + ordered[index].probability
                }
                var failed = false
                forEachColumn(total: columnTotal, remaining: remaining) { column -> Bool in
                    var logProbability = -logDenominator
                    var newRemaining = remaining
                    for i in column.indices {
                        logProbability += lf[remaining[i]] - lf[column[i]] - lf[remaining[i] - column[i]]
                        newRemaining[i] -= column[i]
                    }
                    let step = exp(logProbability)
                    let added = Self.columnValue(column, classes: classes, statistic: statistic, classTotal: classTotal,
                                                 columnTotal: columnTotal, logFactorial: lf)
                    let newKey = key(classes: classes, remaining: newRemaining)
                    guard let bound = memo[stage + 1][newKey] else { return true }
                    // Settled: value + added + low ≥ threshold; carried: value + added + high ≥ threshold.
                    let settledFrom = firstIndex(in: values) { $0 + added + bound.low >= threshold }
                    let carriedFrom = firstIndex(in: values) { $0 + added + bound.high >= threshold }
                    p += suffix[settledFrom] * step
                    work += 1 + (settledFrom - carriedFrom)
                    if work > workLimit { failed = true; return false }
                    guard carriedFrom < settledFrom else { return true }
                    var bucket = next[newKey] ?? [:]
                    for path in ordered[carriedFrom..<settledFrom] {
                        let value = path.value + added
                        let probability = path.probability * step
                        guard probability > 0 else { continue }
                        let cell = Int64((value / grid).rounded())
                        if let old = bucket[cell] {
                            bucket[cell] = (old.value, old.probability + probability)
                        } else {
                            bucket[cell] = (value, probability)
                        }
                    }
                    next[newKey] = bucket
                    return true
                }
                if failed { return nil }
            }
            states = next
        }
        return p
    }

    /// The first index of the sorted `values` where `isAbove` holds (it holds from there on).
    private func firstIndex(in values: [Double], where isAbove: (Double) -> Bool) -> Int {
        var low = 0, high = values.count
        while low < high {
            let mid = (low + high) / 2
            if isAbove(values[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }

    /// The smallest and largest statistic the columns `stage…` can add to a partial table in
    /// `state` (the shortest and longest paths of the network), memoized; nil when the work
    /// passes `workLimit`.
    mutating func restBounds(stage: Int, state: [Int], memo: inout [[[Int]: (low: Double, high: Double)]],
                             workLimit: Int) -> (low: Double, high: Double)? {
        if let known = memo[stage][state] { return known }
        if stage == columnTotals.count {
            memo[stage][state] = (0, 0)
            return (0, 0)
        }
        let classes = state.map { $0 / (total + 1) }
        let remaining = state.map { $0 % (total + 1) }
        let columnTotal = columnTotals[stage]
        var low = Double.infinity, high = -Double.infinity
        // Counted before they are listed: a large table has more columns than memory holds
        // (a 6 × 5 table of 3,000 cases listed billions before the limit was checked).
        if work + columnCount(total: columnTotal, remaining: remaining, atMost: workLimit - work + 1) > workLimit { return nil }
        var columns: [[Int]] = []
        var exceeded = false
        forEachColumn(total: columnTotal, remaining: remaining) { column in
            work += 1
            if work > workLimit { exceeded = true; return false }
            columns.append(column)
            return true
        }
        if exceeded { return nil }
        for column in columns {
            let newKey = key(classes: classes, remaining: zip(remaining, column).map { $0 - $1 })
            guard let rest = restBounds(stage: stage + 1, state: newKey, memo: &memo, workLimit: workLimit) else { return nil }
            let added = Self.columnValue(column, classes: classes, statistic: statistic, classTotal: classTotal,
                                         columnTotal: columnTotal, logFactorial: logFactorial)
            low = min(low, added + rest.low)
            high = max(high, added + rest.high)
        }
        memo[stage][state] = (low, high)
        return (low, high)
    }

    /// How many columns of `total` fit under `remaining` (what ``forEachColumn`` would list),
    /// or `atMost` when there are at least that many: ways to split a total among capped
    /// cells, cell by cell, each count saturated at `atMost` and summed over a sliding window
    /// (a saturated term makes the sum saturate too, so the result is exact below the cap).
    func columnCount(total: Int, remaining: [Int], atMost cap: Int) -> Int {
        guard total >= 0, cap > 0 else { return 0 }
        // ways[t]: columns of the cells so far summing to t.
        var ways = Array(repeating: 0, count: total + 1)
        ways[0] = 1
        var next = ways
        for limit in remaining {
            var window = 0
            for t in 0...total {
                window += ways[t]
                if t - limit - 1 >= 0 { window -= ways[t - limit - 1] }
                next[t] = min(cap, window)
            }
            swap(&ways, &next)
        }
        return ways[total]
    }

    /// Calls `body` with every column of `total` that fits under `remaining`, until `body`
    /// returns false.
    func forEachColumn(total: Int, remaining: [Int], _ body: ([Int]) -> Bool) {
        var column = Array(repeating: 0, count: remaining.count)
        var capacityAfter = Array(repeating: 0, count: remaining.count + 1)
        for i in stride(from: remaining.count - 1, through: 0, by: -1) { capacityAfter[i] = capacityAfter[i + 1] + remaining[i] }
        var stopped = false
        func fill(_ i: Int, _ left: Int) {
            if i == remaining.count - 1 {
                column[i] = left
                stopped = !body(column)
                return
            }
            let low = max(0, left - capacityAfter[i + 1]), high = min(left, remaining[i])
            guard low <= high else { return }
            for v in low...high where !stopped {
                column[i] = v
                fill(i + 1, left - v)
            }
        }
        fill(0, total)
    }
}
