import Foundation

/// Ticks and nice bounds of a symmetric-log axis (`scale: {type: symlog, constant: c}`).
///
/// The ticks are 0 (when the domain holds it) and, on each side of it, the log-axis ticks of
/// ``NiceTicks/logTicks(min:max:)`` from the first power of ten at or above `c`: 0, 1, 10,
/// 100, … over a wide range; 0, 1, 2, 5, 10, 20 over a narrow one. Negative values mirror
/// the positive side. Between 0 and `c` the scale is almost linear, so it gets no other tick.
enum SymlogTicks {
    /// The smallest power of ten at or above `constant`.
    static func firstPower(_ constant: Double) -> Double {
        pow(10, ceil(log10(constant) - 1e-12))
    }

    /// The domain widened outwards to a nice log bound on each side (1, 2, 5 × 10^k), a side
    /// within `constant` of zero kept as it is.
    static func niceDomain(_ lo: Double, _ hi: Double, constant: Double) -> (Double, Double) {
        func outward(_ v: Double) -> Double {
            let magnitude = abs(v)
            guard magnitude > constant else { return v }
            return (v < 0 ? -1 : 1) * Compilation.niceLogCeil(magnitude)
        }
        return (outward(lo), outward(hi))
    }

    /// The ticks inside `lo…hi`, ascending.
    static func ticks(_ lo: Double, _ hi: Double, constant: Double) -> [Double] {
        let first = firstPower(constant)
        /// Log ticks from `first` (or `from`, when larger) up to `to`.
        func side(from: Double, to: Double) -> [Double] {
            let start = max(first, from)
            guard to >= start * (1 - 1e-9) else { return [] }
            if to <= start * (1 + 1e-9) { return [start] }
            return NiceTicks.logTicks(min: start, max: to)
        }
        var result: [Double] = []
        if lo < 0 { result += side(from: max(0, -hi), to: -lo).reversed().map { -$0 } }
        if lo <= 0 && hi >= 0 { result.append(0) }
        if hi > 0 { result += side(from: max(0, lo), to: hi) }
        return result
    }
}
