/// Adjusted p-values for a family of m tests, in the order given.
///
/// Holm (1979), step-down: with p₍₁₎ ≤ … ≤ p₍ₘ₎, p̃₍ᵢ₎ = max over j ≤ i of min(1, (m − j + 1)·p₍ⱼ₎).
/// Benjamini–Hochberg (1995), step-up false discovery rate: p̃₍ᵢ₎ = min over j ≥ i of
/// min(1, m·p₍ⱼ₎/j). Both as statsmodels' `multipletests` (`holm`, `fdr_bh`) and R's `p.adjust`.
public enum MultipleComparisons {
    /// Holm-adjusted p-values. Throws for an empty family or a p outside [0, 1].
    public static func holm(_ p: [Double]) throws -> [Double] {
        let order = try sortedOrder(p)
        let m = Double(p.count)
        var adjusted = Array(repeating: 0.0, count: p.count)
        var running = 0.0
        for (position, index) in order.enumerated() {
            running = max(running, min(1, (m - Double(position)) * p[index]))
            adjusted[index] = running
        }
        return adjusted
    }

    /// Benjamini–Hochberg-adjusted p-values. Throws for an empty family or a p outside [0, 1].
    public static func benjaminiHochberg(_ p: [Double]) throws -> [Double] {
        let order = try sortedOrder(p)
        let m = Double(p.count)
        var adjusted = Array(repeating: 0.0, count: p.count)
        var running = 1.0
        for (position, index) in order.enumerated().reversed() {
            running = min(running, min(1, m * p[index] / Double(position + 1)))
            adjusted[index] = running
        }
        return adjusted
    }

    /// Each p's rank in the family, 1 for the smallest (ties in the order given).
    public static func ranks(_ p: [Double]) throws -> [Int] {
        var ranks = Array(repeating: 0, count: p.count)
        for (position, index) in try sortedOrder(p).enumerated() { ranks[index] = position + 1 }
        return ranks
    }

    /// Indices by increasing p, ties in the order given.
    static func sortedOrder(_ p: [Double]) throws -> [Int] {
        guard !p.isEmpty else { throw StatsError.emptyInput(what: "multiple-comparison adjustment") }
        for (index, value) in p.enumerated() where !(value >= 0 && value <= 1) {
            throw StatsError.invalidArgument("multiple-comparison adjustment: p-value \(index + 1) is \(value), expected a number from 0 to 1")
        }
        return p.indices.sorted { p[$0] != p[$1] ? p[$0] < p[$1] : $0 < $1 }
    }
}
