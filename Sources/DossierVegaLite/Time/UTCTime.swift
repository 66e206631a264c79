import DossierBase
import Foundation

/// A moment broken into its UTC calendar fields (proleptic Gregorian calendar, no leap
/// seconds), and back. Charts keep times as milliseconds since 1970-01-01T00:00:00Z, as
/// Vega-Lite does; every calendar computation here is in UTC, never the machine's time zone,
/// so the same data draw the same chart everywhere.
package struct UTCTime: Equatable {
    var year: Int
    /// 1…12.
    var month: Int
    /// 1…31.
    var day: Int
    var hour = 0
    var minute = 0
    var second = 0
    var millisecond = 0

    static let millisecondsPerDay = 86_400_000.0
    /// JavaScript's date range: ±100,000,000 days from the epoch, in milliseconds.
    package static let limit = 8.64e15

    /// The fields of `milliseconds` since the epoch (clamped to ±``limit``; not a number reads as 0).
    init(milliseconds raw: Double) {
        let milliseconds = raw.isNaN ? 0 : min(Self.limit, max(-Self.limit, raw))
        let days = (milliseconds / Self.millisecondsPerDay).rounded(.down)
        var rest = Int((milliseconds - days * Self.millisecondsPerDay).rounded())
        (year, month, day) = Self.civil(fromDays: Int(days))
        millisecond = rest % 1000; rest /= 1000
        second = rest % 60; rest /= 60
        minute = rest % 60; rest /= 60
        hour = rest
    }

    /// A moment from its fields; out-of-range months, days, hours… roll over as in
    /// JavaScript's `Date.UTC` (month 13 is January of the next year).
    init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, millisecond: Int = 0) {
        self.year = year; self.month = month; self.day = day
        self.hour = hour; self.minute = minute; self.second = second; self.millisecond = millisecond
    }

    /// Milliseconds since the epoch.
    var milliseconds: Double {
        let monthIndex = month - 1
        let y = year + Int((Double(monthIndex) / 12).rounded(.down))
        let m = ((monthIndex % 12) + 12) % 12 + 1
        let days = Self.days(fromCivil: y, m, 1) + day - 1
        return Double(days) * Self.millisecondsPerDay
            + Double(((hour * 60 + minute) * 60 + second) * 1000 + millisecond)
    }

    /// Day of the week, 0 = Sunday.
    var weekday: Int {
        let days = Self.days(fromCivil: year, month, day)
        return ((days % 7) + 11) % 7   // 1970-01-01 was a Thursday (4).
    }

    /// Day of the year, 1…366.
    var dayOfYear: Int { Self.days(fromCivil: year, month, day) - Self.days(fromCivil: year, 1, 1) + 1 }

    /// Days since 1970-01-01 of a civil date.
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        GregorianCalendar.daysSinceEpoch(year: year, month: month, day: day)
    }

    /// The civil date of a day count since 1970-01-01.
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

}
