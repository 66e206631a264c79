import Foundation

/// The statistic a Monte-Carlo table test ranks tables by.
public enum TableStatistic: String, Sendable, Codable {
    /// Pearson X² (R's `chisq.test(simulate.p.value = TRUE)`): tables with X² ≥ observed
    /// (relative tolerance 64ε) count as extreme.
    case chiSquare
    /// The table's conditional probability (R's `fisher.test(simulate.p.value = TRUE)`,
    /// i.e. the Fisher–Freeman–Halton exact test): tables no more probable than the
    /// observed one count as extreme; the statistic is −Σ ln xᵢⱼ!.
    case tableProbability
}

/// A Monte-Carlo p-value for independence in an r × c table.
public struct MonteCarloTableTestResult: Sendable, Equatable, Codable {
    /// Total count.
    public let n: Int
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// Which statistic was used.
    public let statistic: TableStatistic
    /// The observed statistic (X², or −Σ ln xᵢⱼ!).
    public let observed: Double
    /// Number of simulated tables B.
    public let replicates: Int
    /// How many simulated tables were at least as extreme as the observed one.
    public let exceedances: Int
    /// p = (1 + exceedances) / (B + 1), as R's `simulate.p.value`.
    public let pValue: Double
    /// Monte-Carlo standard error √(p(1 − p)/B) of `pValue`.
    public let monteCarloStandardError: Double
    /// The generator's seed.
    public let seed: UInt64
}

/// Draws a random r × c table with the given margins, uniformly under independence
/// (the multiple hypergeometric distribution), by Patefield's (1981) algorithm AS 159 —
/// the algorithm of R's `r2dtable` — using `rng` for the uniforms.
///
/// Throws `emptyTable` for no rows or columns and `invalidCount` for negative totals or
/// row and column totals with different sums.
public func randomTable(rowTotals: [Int], columnTotals: [Int], using rng: inout SeededGenerator) throws -> [[Int]] {
    guard !rowTotals.isEmpty, !columnTotals.isEmpty else { throw StatsError.emptyTable }
    guard rowTotals.allSatisfy({ $0 >= 0 }), columnTotals.allSatisfy({ $0 >= 0 }) else {
        throw StatsError.invalidCount(what: "a negative margin")
    }
    guard rowTotals.reduce(0, +) == columnTotals.reduce(0, +) else {
        throw StatsError.invalidCount(what: "row totals and column totals have different sums")
    }
    let logFactorials = logFactorialTable(rowTotals.reduce(0, +))
    return patefield(rowTotals: rowTotals, columnTotals: columnTotals, logFactorial: logFactorials, rng: &rng)
}

func logFactorialTable(_ n: Int) -> [Double] {
    var f = [0.0]
    f.reserveCapacity(n + 1)
    var acc = 0.0
    if n >= 1 {
        for i in 1...n {
            acc += log(Double(i))
            f.append(acc)
        }
    }
    return f
}

/// Port of R's rcont2 (Patefield's AS 159). Margins are validated by the callers.
func patefield(rowTotals: [Int], columnTotals: [Int], logFactorial fact: [Double], rng: inout SeededGenerator) -> [[Int]] {
    let nrow = rowTotals.count, ncol = columnTotals.count
    if nrow == 0 || ncol == 0 { return Array(repeating: Array(repeating: 0, count: ncol), count: nrow) }
    var matrix: [Int] = []
    var jwork: [Int] = []
    patefield(rowTotals: rowTotals, columnTotals: columnTotals, logFactorial: fact, rng: &rng, into: &matrix, work: &jwork)
    return (0..<nrow).map { Array(matrix[($0 * ncol)..<(($0 + 1) * ncol)]) }
}

/// ``patefield(rowTotals:columnTotals:logFactorial:rng:)`` writing the table row by row into
/// `matrix` (resized to rows × columns), with `jwork` as scratch: a Monte-Carlo test reuses
/// both for every replicate instead of allocating a table each time. Same draws, same tables.
func patefield(rowTotals: [Int], columnTotals: [Int], logFactorial fact: [Double], rng: inout SeededGenerator,
               into matrix: inout [Int], work jwork: inout [Int]) {
    let nrow = rowTotals.count, ncol = columnTotals.count
    let ntotal = rowTotals.reduce(0, +)
    if matrix.count != nrow * ncol { matrix = Array(repeating: 0, count: nrow * ncol) }
    if nrow == 0 || ncol == 0 { return }
    jwork.removeAll(keepingCapacity: true)
    jwork.append(contentsOf: columnTotals.prefix(ncol - 1))
    var jc = ntotal
    for l in 0..<(nrow - 1) {
        var ia = rowTotals[l]
        var ic = jc
        jc -= ia
        var m = 0
        columns: while m < ncol - 1 {
            let id = jwork[m]
            let ie = ic
            ic -= id
            let ib = ie - ia
            let ii = ib - id
            if ie == 0 {
                for j in m..<(ncol - 1) { matrix[l * ncol + j] = 0 }
                ia = 0
                break columns
            }
            let nlm = fact.withUnsafeBufferPointer { logFactorial in
                patefieldEntry(rowLeft: ia, columnLeft: id, total: ie, rowRest: ib, restTotal: ic,
                               corner: ii, logFactorial: logFactorial, rng: &rng)
            }
            matrix[l * ncol + m] = nlm
            ia -= nlm
            jwork[m] -= nlm
            m += 1
        }
        matrix[l * ncol + ncol - 1] = ia
    }
    let last = (nrow - 1) * ncol
    var lastRowSum = 0
    for m in 0..<(ncol - 1) {
        matrix[last + m] = jwork[m]
        lastRowSum += jwork[m]
    }
    matrix[last + ncol - 1] = rowTotals[nrow - 1] - lastRowSum
}

/// One entry of Patefield's table: the count in the current cell, drawn from its conditional
/// (hypergeometric) distribution given what is left of its row (`ia`) and column (`id`) out
/// of `ie` (`ib` = ie − ia, `ic` = ie − id, `ii` = ib − id), by searching out from the mode.
/// `fact` is read through a buffer pointer: every index is a count within the table's total,
/// which the table has an entry for (the array's bounds checks were a fifth of a Monte-Carlo
/// test at 1000× data).
@inline(__always)
private func patefieldEntry(rowLeft ia: Int, columnLeft id: Int, total ie: Int, rowRest ib: Int, restTotal ic: Int,
                            corner ii: Int, logFactorial fact: UnsafeBufferPointer<Double>, rng: inout SeededGenerator) -> Int {
    var dummy = rng.nextDouble()
    var nlm: Int
    outer: while true {
        nlm = Int(Double(ia) * (Double(id) / Double(ie)) + 0.5)
        // Summed left to right, as the one expression this was.
        var logX: Double = fact[ia]
        logX += fact[ib]
        logX += fact[ic]
        logX += fact[id]
        logX -= fact[ie]
        logX -= fact[nlm]
        logX -= fact[id - nlm]
        logX -= fact[ia - nlm]
        logX -= fact[ii + nlm]
        var x = exp(logX)
        if x >= dummy { break outer }
        if x == 0 {
            // Cannot happen for valid margins; fall back to the mode.
            break outer
        }
        var sumprb = x
        var y = x
        var nll = nlm
        var lsp = false
        repeat {
            // Increment entry (l, m).
            let j = (id - nlm) * (ia - nlm)
            lsp = j == 0
            if !lsp {
                nlm += 1
                x = x * Double(j) / (Double(nlm) * Double(ii + nlm))
                sumprb += x
                if sumprb >= dummy { break outer }
            }
            var lsm = false
            repeat {
                // Decrement entry (l, m).
                let j2 = nll * (ii + nll)
                lsm = j2 == 0
                if !lsm {
                    nll -= 1
                    y = y * Double(j2) / (Double(id - nll) * Double(ia - nll))
                    sumprb += y
                    if sumprb >= dummy {
                        nlm = nll
                        break outer
                    }
                    if !lsp { break }
                }
            } while !lsm
        } while !lsp
        dummy = sumprb * rng.nextDouble()
    }
    return nlm
}

/// Monte-Carlo test of independence for an r × c table, as R's `simulate.p.value`:
/// B tables with the observed margins are drawn by Patefield's algorithm from the
/// seeded generator, and p = (1 + #{simulated at least as extreme}) / (B + 1).
///
/// Throws for fewer than 2 rows or columns, a zero row or column total, or B < 1.
public func monteCarloTableTest(_ table: ContingencyTable, statistic: TableStatistic = .tableProbability,
                                replicates: Int = 9999, seed: UInt64) throws -> MonteCarloTableTestResult {
    try monteCarloTableTests(table, statistics: [statistic], replicates: replicates, seed: seed)[0]
}

/// ``monteCarloTableTest(_:statistic:replicates:seed:)`` by each of `statistics`, from one
/// set of B drawn tables: the tables depend only on the margins and the seed, so each result
/// is the one the test by that statistic alone gives, for the cost of drawing the tables once
/// (a report that ranks the same table by probability and by X² draws them once).
///
/// Throws as ``monteCarloTableTest(_:statistic:replicates:seed:)``, and for no statistic.
public func monteCarloTableTests(_ table: ContingencyTable, statistics: [TableStatistic],
                                 replicates: Int = 9999, seed: UInt64) throws -> [MonteCarloTableTestResult] {
    guard table.rowCount >= 2, table.columnCount >= 2 else {
        throw StatsError.invalidTableShape(expected: "at least 2×2", rows: table.rowCount, columns: table.columnCount)
    }
    try table.requirePositiveMargins()
    guard replicates >= 1 else {
        throw StatsError.invalidArgument("Monte-Carlo test: replicates must be at least 1, got \(replicates)")
    }
    guard !statistics.isEmpty else { throw StatsError.invalidArgument("Monte-Carlo test: no statistic") }
    let rowTotals = table.rowTotals, columnTotals = table.columnTotals
    let fact = logFactorialTable(table.total)
    let expected = expectedCounts(table)
    let columns = table.columnCount
    /// The statistic of a row-major table, summed in the same order as over nested rows.
    func value(_ counts: [Int], _ statistic: TableStatistic) -> Double {
        switch statistic {
        case .chiSquare:
            var x2 = 0.0
            for (index, count) in counts.enumerated() {
                let expectedCount = expected[index / columns][index % columns]
                let d = abs(Double(count) - expectedCount)
                x2 += d * d / expectedCount
            }
            return x2
        case .tableProbability:
            var total = 0.0
            for row in stride(from: 0, to: counts.count, by: columns) {
                var rowSum = 0.0
                for index in row..<(row + columns) { rowSum += fact[counts[index]] }
                total += rowSum
            }
            return -total
        }
    }
    let observedCounts = table.counts.flatMap { $0 }
    let observed = statistics.map { value(observedCounts, $0) }
    let eps = Double.ulpOfOne
    var rng = SeededGenerator(seed: seed)
    var counts = [Int](repeating: 0, count: statistics.count)
    var simulatedTable: [Int] = []
    var work: [Int] = []
    for _ in 0..<replicates {
        patefield(rowTotals: rowTotals, columnTotals: columnTotals, logFactorial: fact, rng: &rng, into: &simulatedTable, work: &work)
        for (index, statistic) in statistics.enumerated() {
            let simulated = value(simulatedTable, statistic)
            switch statistic {
            case .chiSquare:
                if simulated >= (1 - 64 * eps) * observed[index] { counts[index] += 1 }
            case .tableProbability:
                if simulated <= observed[index] / (1 + 64 * eps) { counts[index] += 1 }
            }
        }
    }
    return statistics.indices.map { index in
        let p = Double(1 + counts[index]) / Double(replicates + 1)
        return MonteCarloTableTestResult(
            n: table.total, rows: table.rowCount, columns: table.columnCount, statistic: statistics[index],
            observed: observed[index], replicates: replicates, exceedances: counts[index], pValue: p,
            monteCarloStandardError: (p * (1 - p) / Double(replicates)).squareRoot(), seed: seed)
    }
}
