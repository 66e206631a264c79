import Foundation

/// Vega-Lite's `nice: true` on a linear scale: Vega calls d3-scale's `linear.nice(count)`,
/// which widens the domain to multiples of d3-array's `tickIncrement` for `count` ticks
/// (10 when `nice` is `true`), repeating until the step no longer changes. So 0…55 stays
/// 0…55 (step 5) and 1.2…9.7 becomes 1…10. The facts are d3's; the code is Dossier's.
enum NiceDomain {
    /// The niced `lo…hi` (ascending), or the input when the span is empty or not finite.
    static func linear(_ lo: Double, _ hi: Double, count: Int = 10) -> (Double, Double) {
        guard lo.isFinite, hi.isFinite else { return (lo, hi) }
        var start = min(lo, hi), stop = max(lo, hi)
        var previous: Double?
        for _ in 0..<10 {
            let step = tickIncrement(start, stop, count: count)
            if step == previous { break }
            if step > 0 {
                start = (start / step).rounded(.down) * step
                stop = (stop / step).rounded(.up) * step
            } else if step < 0 {
                start = (start * step).rounded(.up) / step
                stop = (stop * step).rounded(.down) / step
            } else {
                break
            }
            previous = step
        }
        return (start, stop)
    }

    /// d3-array's `tickIncrement`: a step of 1, 2, 5 or 10 × 10^k for about `count` ticks;
    /// negative `-10^k / m` for steps below 1 (so the arithmetic stays exact), 0 when empty.
    static func tickIncrement(_ start: Double, _ stop: Double, count: Int) -> Double {
        let step = (stop - start) / Double(max(0, count))
        guard step > 0, step.isFinite else { return 0 }
        let power = log10(step).rounded(.down)
        let error = step / pow(10, power)
        let factor: Double = error >= 50.0.squareRoot() ? 10 : error >= 10.0.squareRoot() ? 5 : error >= 2.0.squareRoot() ? 2 : 1
        return power >= 0 ? factor * pow(10, power) : -pow(10, -power) / factor
    }

    /// Vega-Lite's `nice: true` on a log scale: d3-scale's `log.nice()` widens the domain to
    /// whole powers of ten, so 0.26…67.7 becomes 0.1…100 (not 0.2…100).
    static func log(_ lo: Double, _ hi: Double) -> (Double, Double) {
        guard lo > 0, hi > 0, lo.isFinite, hi.isFinite else { return (lo, hi) }
        let power: (Double) -> Double = { e in e < 0 ? 1 / pow(10, -e) : pow(10, e) }
        return (power(log10(min(lo, hi)).rounded(.down)), power(log10(max(lo, hi)).rounded(.up)))
    }
}
