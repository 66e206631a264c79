/// The proleptic Gregorian calendar's month lengths, shared by the data layer's dates
/// (`CivilDate`) and the charts' UTC times.
package enum GregorianCalendar {
    /// Whether `year` has 29 February.
    package static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// Days in `month` (1–12) of `year`.
    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
