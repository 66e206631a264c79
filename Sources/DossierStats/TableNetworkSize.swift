/// A lower bound on the work of the exact r × c test's network, computed from the margins
/// before any partial table is listed, so that an attempt that cannot finish within its work
/// limit is not started (it would spend the whole limit, then fall back to Monte Carlo).
///
/// Why it is a lower bound. At stage s the network's states are the remaining row totals
/// y (0 ≤ yᵢ ≤ rᵢ, Σ y = Rₛ, the total of the columns still to fill), up to exchanging rows of
/// one class; every such y is reached (a table with row totals r − y and the filled columns'
/// totals always exists), and ``TableNetwork/restBounds(stage:state:memo:workLimit:)`` lists
/// every column of every reached state, one work unit each, before the p-value's pass adds
/// more. The ordered pairs (y, column x ≤ y of total cₛ) are the r × 3 tables with row totals
/// r and column totals (cₛ, Rₛ₊₁, n − Rₛ); a state stands for at most Π (class size)! ordered
/// vectors, all with the same columns. So the listing at stage s costs at least
/// ⌈pairs / Π (class size)!⌉ units — or, where the pairs are too costly to count,
/// ⌈vectors / Π (class size)!⌉ (each state has at least one column).
extension TableNetwork {
    /// Most cell updates the pair count may take (about 5 ms); above it the vector count is used.
    static let pairCountBudget = 4_000_000

    /// A lower bound on the work units the network spends (its bounds pass alone), or a
    /// number above `cap` as soon as the bound passes `cap`.
    func minimumWork(atMost cap: Int) -> Int {
        let symmetry = interchangeableOrderings
        var bound = 0
        var remaining = total
        for columnTotal in columnTotals {
            let after = remaining - columnTotal
            // The stage passes the cap once its ordered count reaches this.
            // (Clamped so that the counts' running sums cannot overflow: any count at most the
            // true one is still a lower bound.)
            let needed = min(saturatingProduct(cap - bound + 1, symmetry), Int.max / (remaining + 2))
            var ordered = columnCount(total: remaining, remaining: rowTotals, atMost: needed)
            if ordered < needed, let pairs = Self.pairCount(rowTotals, columnTotal, after, total - remaining, atMost: needed) {
                ordered = pairs
            }
            bound += ordered / symmetry + (ordered % symmetry == 0 ? 0 : 1)
            if bound > cap { return bound }
            remaining = after
        }
        return bound
    }

    /// Π over row classes of (rows in the class)!: how many orderings of the rows one state
    /// stands for at most (saturated at `Int.max`).
    var interchangeableOrderings: Int {
        var sizes: [Int: Int] = [:]
        for rowClass in rowClass { sizes[rowClass, default: 0] += 1 }
        var product = 1
        for size in sizes.values where size > 1 {
            for factor in 2...size { product = saturatingProduct(product, factor) }
        }
        return product
    }

    /// The number of r × 3 tables with row totals `rowTotals` and column totals `first`,
    /// `second`, `third` (their sum is the rows' sum), or `atMost` when there are at least that
    /// many; nil when counting would overflow or pass `budget` cell updates. A dynamic
    /// programme over rows on the two smallest column totals, each row adding (a, b) with
    /// a + b ≤ rᵢ, summed by prefix sums along b.
    static func pairCount(_ rowTotals: [Int], _ first: Int, _ second: Int, _ third: Int, atMost cap: Int,
                          budget: Int = pairCountBudget) -> Int? {
        let sorted = [first, second, third].sorted()
        let (a, b) = (sorted[0], sorted[1])
        // Every partial count is at most the number of ways to split each row in three.
        let cells = saturatingProduct(a + 1, b + 1)
        guard cells <= budget else { return nil }
        var ways = 1, cost = 0
        for r in rowTotals {
            ways = saturatingProduct(ways, saturatingProduct(r + 1, r + 2) / 2)
            cost = min(Int.max / 2, cost + saturatingProduct(cells, min(a, r) + 1))
        }
        guard ways < Int.max / 4, cost <= budget else { return nil }
        let width = b + 1
        var counts = Array(repeating: 0, count: (a + 1) * width)
        counts[0] = 1
        var prefix = counts, next = counts
        for r in rowTotals {
            for x in 0...a {
                var running = 0
                for z in 0...b {
                    running += counts[x * width + z]
                    prefix[x * width + z] = running
                }
            }
            for x in 0...a {
                for z in 0...b {
                    var sum = 0
                    for dx in 0...min(r, x) {
                        let row = (x - dx) * width
                        let reach = r - dx
                        sum += prefix[row + z] - (z - reach - 1 >= 0 ? prefix[row + z - reach - 1] : 0)
                    }
                    next[x * width + z] = sum
                }
            }
            swap(&counts, &next)
        }
        return min(cap, counts[a * width + b])
    }
}

/// `a × b`, or `Int.max` when it overflows (both non-negative).
func saturatingProduct(_ a: Int, _ b: Int) -> Int {
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? Int.max : product
}
