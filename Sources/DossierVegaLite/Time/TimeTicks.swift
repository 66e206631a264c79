import DossierBase
import Foundation

/// Ticks for a time axis, chosen as d3's `utcTicks` (d3-time's ticker) chooses them: the
/// interval among 1, 5, 15, 30 seconds; 1, 5, 15, 30 minutes; 1, 3, 6, 12 hours; 1, 2 days;
/// 1 week (Sundays); 1, 3 months; and multiples of years (1, 2, 5, 10…) nearest in log ratio to
/// the span divided by the wanted count, then every boundary of that interval within the
/// domain (both ends included). Below one second, multiples of 1, 2, 5 × 10ⁿ milliseconds.
package enum TimeTicks {
    static let second = 1000.0
    static let minute = 60 * second
    static let hour = 60 * minute
    package static let day = 24 * hour
    static let week = 7 * day
    static let month = 30 * day
    static let year = 365 * day

    /// A calendar interval and its step.
    package enum Interval: Equatable {
        case milliseconds(Double)
        case seconds(Int), minutes(Int), hours(Int), days(Int), weeks, months(Int), years(Int)
    }

    private static let table: [(Interval, Double)] = [
        (.seconds(1), second), (.seconds(5), 5 * second), (.seconds(15), 15 * second), (.seconds(30), 30 * second),
        (.minutes(1), minute), (.minutes(5), 5 * minute), (.minutes(15), 15 * minute), (.minutes(30), 30 * minute),
        (.hours(1), hour), (.hours(3), 3 * hour), (.hours(6), 6 * hour), (.hours(12), 12 * hour),
        (.days(1), day), (.days(2), 2 * day), (.weeks, week), (.months(1), month), (.months(3), 3 * month),
        (.years(1), year),
    ]

    /// d3's choice of interval for about `count` ticks between `start` and `stop` (ms).
    static func interval(_ start: Double, _ stop: Double, count: Int) -> Interval {
        let target = abs(stop - start) / Double(max(1, count))
        // The first entry whose duration exceeds the target (bisect right).
        let i = table.firstIndex { $0.1 > target } ?? table.count
        if i == table.count {
            return .years(max(1, Int(tickStep(start / year, stop / year, count: count).rounded())))
        }
        if i == 0 {
            return .milliseconds(max(1, tickStep(start, stop, count: count)))
        }
        let (below, above) = (table[i - 1], table[i])
        return target / below.1 < above.1 / target ? below.0 : above.0
    }

    /// d3-array's `tickStep`: 1, 2 or 5 × 10ⁿ near `(stop - start) / count`.
    static func tickStep(_ start: Double, _ stop: Double, count: Int) -> Double {
        let raw = abs(stop - start) / Double(max(1, count))
        guard raw > 0, raw.isFinite else { return 1 }
        let power = (log10(raw)).rounded(.down)
        let error = raw / pow(10, power)
        let factor = error >= 50.0.squareRoot() ? 10.0 : error >= 10.0.squareRoot() ? 5 : error >= 2.0.squareRoot() ? 2 : 1
        return factor * pow(10, power)
    }

    /// The ticks for about `count` intervals over `lo`…`hi` (ms), both ends included; never
    /// finer than `coarsest` when given (a time unit's period: a monthly axis has no weekly ticks).
    package static func ticks(_ lo: Double, _ hi: Double, count: Int, atLeast coarsest: Interval? = nil) -> [Double] {
        guard hi >= lo else { return ticks(hi, lo, count: count, atLeast: coarsest).reversed() }
        var chosen = interval(lo, hi, count: count)
        if let coarsest, duration(chosen) < duration(coarsest) { chosen = coarsest }
        return boundaries(of: chosen, from: lo, through: hi)
    }

    /// The nominal length of an interval's step (months of 30 days, years of 365).
    static func duration(_ interval: Interval) -> Double {
        switch interval {
        case .milliseconds(let k): return k
        case .seconds(let k): return Double(k) * second
        case .minutes(let k): return Double(k) * minute
        case .hours(let k): return Double(k) * hour
        case .days(let k): return Double(k) * day
        case .weeks: return week
        case .months(let k): return Double(k) * month
        case .years(let k): return Double(k) * year
        }
    }

    /// The domain widened to boundaries of the interval d3 would choose for ten ticks (`nice`).
    package static func nice(_ lo: Double, _ hi: Double) -> (Double, Double) {
        let step = interval(lo, hi, count: 10)
        return (floor(lo, step), ceil(hi, step))
    }

    /// The most ticks one axis may get (a guard against absurd spans).
    static let maximumTicks = 2000

    /// Every boundary of `interval` from `lo` through `hi`.
    static func boundaries(of interval: Interval, from lo: Double, through hi: Double) -> [Double] {
        var result: [Double] = []
        var t = ceil(lo, interval)
        while t <= hi, result.count < maximumTicks {
            result.append(t)
            let next = offset(t, interval)
            guard next > t else { break }
            t = next
        }
        return result
    }

    /// The latest boundary at or before `ms`.
    static func floor(_ ms: Double, _ interval: Interval) -> Double {
        switch interval {
        case .milliseconds(let k): return (ms / k).rounded(.down) * k
        case .seconds(let k): return (ms / (Double(k) * second)).rounded(.down) * Double(k) * second
        case .minutes(let k): return (ms / (Double(k) * minute)).rounded(.down) * Double(k) * minute
        case .hours(let k): return (ms / (Double(k) * hour)).rounded(.down) * Double(k) * hour
        case .days(let k):
            let t = UTCTime(milliseconds: ms)
            // Days 1, 1 + k, 1 + 2k… of each month (d3: the day of the month minus one, modulo k).
            return UTCTime(year: t.year, month: t.month, day: t.day - (t.day - 1) % k).milliseconds
        case .weeks:
            let t = UTCTime(milliseconds: ms)
            return UTCTime(year: t.year, month: t.month, day: t.day - t.weekday).milliseconds
        case .months(let k):
            let t = UTCTime(milliseconds: ms)
            return UTCTime(year: t.year, month: t.month - (t.month - 1) % k, day: 1).milliseconds
        case .years(let k):
            let t = UTCTime(milliseconds: ms)
            let y = Int((Double(t.year) / Double(k)).rounded(.down)) * k
            return UTCTime(year: y, month: 1, day: 1).milliseconds
        }
    }

    /// The earliest boundary at or after `ms`.
    static func ceil(_ ms: Double, _ interval: Interval) -> Double {
        let f = floor(ms, interval)
        return f < ms ? offset(f, interval) : f
    }

    /// The next boundary after the boundary `ms`.
    static func offset(_ ms: Double, _ interval: Interval) -> Double {
        switch interval {
        case .milliseconds(let k): return ms + k
        case .seconds(let k): return ms + Double(k) * second
        case .minutes(let k): return ms + Double(k) * minute
        case .hours(let k): return ms + Double(k) * hour
        case .days(let k):
            let t = UTCTime(milliseconds: ms)
            let next = t.day + k
            // Skip to the 1st of the next month when the next step would not be a boundary of it.
            if next > GregorianCalendar.daysIn(month: t.month, year: t.year) {
                return UTCTime(year: t.year, month: t.month + 1, day: 1).milliseconds
            }
            return UTCTime(year: t.year, month: t.month, day: next).milliseconds
        case .weeks: return ms + week
        case .months(let k):
            let t = UTCTime(milliseconds: ms)
            return UTCTime(year: t.year, month: t.month + k, day: 1).milliseconds
        case .years(let k):
            let t = UTCTime(milliseconds: ms)
            return UTCTime(year: t.year + k, month: 1, day: 1).milliseconds
        }
    }
}
