import DossierData

/// Rows per distinct combination of the cells of some columns (a missing cell is a value of
/// its own), the combinations in order of first appearance — what ``KeyGroups`` gives over
/// each row's `[Value]`, without making an array per row: each column's cells are numbered
/// once (a hash of the typed cell), and a row's group is found from its group over the columns
/// before and its number in this column. Linear in rows × columns.
struct GroupCounts {
    /// The distinct combinations, in order of first appearance.
    private(set) var keys: [[Value]] = []
    /// Rows of each combination, parallel to ``keys``.
    private(set) var counts: [Int] = []

    init(_ columns: [Column], rowCount: Int) {
        var group = Array(repeating: 0, count: rowCount)
        var firstRow = rowCount > 0 ? [0] : []
        for column in columns {
            let (codes, distinct) = Self.codes(of: column)
            var renumbered: [Int: Int] = [:]
            var nextFirstRow: [Int] = []
            for row in 0..<rowCount {
                let pair = group[row] * distinct + codes[row]
                if let known = renumbered[pair] {
                    group[row] = known
                } else {
                    renumbered[pair] = nextFirstRow.count
                    group[row] = nextFirstRow.count
                    nextFirstRow.append(row)
                }
            }
            firstRow = nextFirstRow
        }
        counts = Array(repeating: 0, count: firstRow.count)
        for row in 0..<rowCount { counts[group[row]] += 1 }
        keys = firstRow.map { row in columns.map { $0[row] } }
    }

    /// Each cell's number among the column's distinct cells (numbered by first appearance; a
    /// missing cell is one more), and how many numbers there are.
    private static func codes(of column: Column) -> (codes: [Int], distinct: Int) {
        func number<T: Hashable>(_ cells: [T?]) -> ([Int], Int) {
            var seen: [T: Int] = [:]
            var missing: Int?
            var next = 0
            let codes = cells.map { cell -> Int in
                guard let cell else {
                    if let missing { return missing }
                    missing = next
                    next += 1
                    return next - 1
                }
                if let known = seen[cell] { return known }
                seen[cell] = next
                next += 1
                return next - 1
            }
            return (codes, max(next, 1))
        }
        switch column {
        case .string(let cells): return number(cells)
        case .integer(let cells): return number(cells)
        case .number(let cells): return number(cells)
        case .boolean(let cells): return number(cells)
        case .date(let cells): return number(cells)
        }
    }
}
