import DossierVegaLite
import Foundation

/// The continuous axis of data binned already (`bin: "binned"` or `{binned: true, step}`,
/// Vega-Lite): its scale is not niced unless some other layer on it asks for nice rounding,
/// and its zero default is off (as for `bin`; ``Compilation/vegaLiteZero(_:_:)``); with a
/// `step`, its ticks are the bin boundaries from the domain's start, every other one dropped
/// until they fit the tick count — Vega's axis over a scale with `bins: {step}`
/// (vega-encode's bin boundaries, vega-guides' `validTicks`).
enum BinnedAxis {
    /// Whether every layer on `channel` shows data binned already.
    static func allBinned(_ channel: Channel, _ group: [ResolvedLayer]) -> Bool {
        !group.isEmpty && group.allSatisfy { $0.defs[channel]?.bin?.binned == true }
    }

    /// The bin step of the first binned layer on `channel` that gives one.
    static func step(_ channel: Channel, _ group: [ResolvedLayer]) -> Double? {
        group.lazy.compactMap { layer -> Double? in
            guard let bin = layer.defs[channel]?.bin, bin.binned else { return nil }
            return bin.step
        }.first
    }

    /// The boundaries `lo, lo + step, …` up to `hi` (within half a step), halved (every other
    /// one kept) while more than `count` and at least 3; fewer than 3 left: the two ends.
    /// Empty when the step is too small for the domain (more than 10,000 bins).
    static func ticks(_ lo: Double, _ hi: Double, step: Double, count: Int) -> [Double] {
        guard step > 0, hi >= lo, (hi - lo) / step <= 10_000 else { return [] }
        var ticks: [Double] = []
        var index = 0.0
        while lo + index * step <= hi + step / 2 {
            let value = lo + index * step
            if value <= hi + 1e-9 * Swift.max(1, abs(hi)) { ticks.append(value) }
            index += 1
        }
        guard count > 0, ticks.count > 1, let first = ticks.first, let last = ticks.last else { return ticks }
        while ticks.count > count && ticks.count >= 3 {
            ticks = ticks.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        }
        return ticks.count < 3 ? [first, last] : ticks
    }
}
