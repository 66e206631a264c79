import DossierBase
/// Reads the text of a temporal field as a moment, in milliseconds since the epoch, always in
/// UTC (a time without an offset is a UTC time, not the machine's local time, so charts are
/// reproducible). Accepted:
///
/// - ISO 8601: `2021`, `2021-03`, `2021-03-04`, `2021-03-04T10:30`, `2021-03-04 10:30:15.250`,
///   with an optional `Z`, `UTC`, `GMT` or offset (`+01:00`, `-0500`);
/// - slashes: `2021/03/04`, `2021/03/04 10:30:00`, and the US order `03/04/2021`;
/// - month names (English, full or three letters, any case): `Jan 4 2021`, `January 4, 2021`,
///   `4 Jan 2021`, `Thu, Jan 4 2021`, each optionally followed by a time.
///
/// Anything else, or a date that does not exist (2021-02-30), is nil.
package enum TemporalParser {
    /// Milliseconds since 1970-01-01T00:00:00Z, or nil when `text` is not a date.
    package static func milliseconds(_ text: String) -> Double? {
        var scanner = Scanner(Array(text.utf8))
        scanner.skipSpaces()
        guard let time = parse(&scanner) else { return nil }
        scanner.skipSpaces()
        return scanner.atEnd ? time : nil
    }

    /// Examples for error messages.
    package static let examples = "a date such as 2021-03-04, 2021-03-04T10:30:00Z, 2021/03/04 or Mar 4 2021"

    private static func parse(_ s: inout Scanner) -> Double? {
        if let first = s.peek, isLetter(first) { return parseNamed(&s) }
        guard let lead = s.digits(max: 4) else { return nil }
        if lead.count == 4 {
            let year = lead.value
            if s.atEnd || s.peek == UInt8(ascii: " ") && s.restIsSpace { return date(year, 1, 1) }
            guard let sep = s.take(anyOf: "-/") else { return nil }
            guard let month = s.digits(max: 2, min: 1) else { return nil }
            if s.atEnd { return sep == UInt8(ascii: "-") ? date(year, month.value, 1) : nil }
            guard s.take(sep), let day = s.digits(max: 2, min: 1) else { return nil }
            return withTime(&s, year: year, month: month.value, day: day.value, allowT: true)
        }
        if lead.count <= 2 {
            // 1 Jan 2021, or the US order 03/04/2021.
            if s.take(UInt8(ascii: "/")) {
                guard let day = s.digits(max: 2, min: 1), s.take(UInt8(ascii: "/")),
                      let year = s.digits(max: 4, min: 4) else { return nil }
                return withTime(&s, year: year.value, month: lead.value, day: day.value, allowT: false)
            }
            s.skipSpaces()
            guard let month = monthName(&s) else { return nil }
            s.skipSpaces()
            guard let year = s.digits(max: 4, min: 4) else { return nil }
            return withTime(&s, year: year.value, month: month, day: lead.value, allowT: false)
        }
        return nil
    }

    /// `Jan 4 2021`, `January 4, 2021`, `Thu, Jan 4 2021`, then an optional time.
    private static func parseNamed(_ s: inout Scanner) -> Double? {
        let save = s
        if weekdayName(&s) {
            _ = s.take(UInt8(ascii: ","))
            s.skipSpaces()
            if let first = s.peek, !isLetter(first) {
                // Thu, 4 Jan 2021
                return parse(&s)
            }
        } else {
            s = save
        }
        guard let month = monthName(&s) else { return nil }
        s.skipSpaces()
        guard let day = s.digits(max: 2, min: 1) else { return nil }
        _ = s.take(UInt8(ascii: ","))
        s.skipSpaces()
        guard let year = s.digits(max: 4, min: 4) else { return nil }
        return withTime(&s, year: year.value, month: month, day: day.value, allowT: false)
    }

    /// The date with an optional time (`T` or space, `HH:MM[:SS[.fff]]`) and zone.
    private static func withTime(_ s: inout Scanner, year: Int, month: Int, day: Int, allowT: Bool) -> Double? {
        guard let base = date(year, month, day) else { return nil }
        let save = s
        let hasT = allowT && s.take(anyOf: "Tt") != nil
        if !hasT { s.skipSpaces() }
        guard let hour = s.digits(max: 2, min: 2), s.take(UInt8(ascii: ":")), let minute = s.digits(max: 2, min: 2) else {
            if hasT { return nil }
            s = save
            return base
        }
        var second = 0, millis = 0.0
        if s.take(UInt8(ascii: ":")) {
            guard let sec = s.digits(max: 2, min: 2) else { return nil }
            second = sec.value
            if s.take(UInt8(ascii: ".")) {
                guard let fraction = s.digits(max: 9, min: 1) else { return nil }
                millis = Double(fraction.value) / pow10(fraction.count) * 1000
            }
        }
        guard hour.value < 24, minute.value < 60, second < 60 else { return nil }
        var time = base + Double((hour.value * 60 + minute.value) * 60 + second) * 1000 + millis.rounded()
        s.skipSpaces()
        if let offset = zone(&s) { time -= offset } else { return nil }
        return time
    }

    /// The zone's offset from UTC in milliseconds (0 when none is given); nil when malformed.
    private static func zone(_ s: inout Scanner) -> Double? {
        if s.atEnd { return 0 }
        if s.take(anyOf: "Zz") != nil { return 0 }
        if s.takeWord("UTC") || s.takeWord("GMT") {
            if s.atEnd || s.peek == UInt8(ascii: " ") { return 0 }
        }
        guard let sign = s.take(anyOf: "+-"), let digits = s.digits(max: 4, min: 2), digits.count != 3 else {
            return s.atEnd || s.restIsSpace ? 0 : nil
        }
        // +01, +0100 or +01:00.
        var hours = digits.value, minutes = 0
        if digits.count == 4 {
            hours = digits.value / 100; minutes = digits.value % 100
        } else if s.take(UInt8(ascii: ":")) {
            guard let m = s.digits(max: 2, min: 2) else { return nil }
            minutes = m.value
        }
        guard hours <= 23, minutes < 60 else { return nil }
        let offset = Double(hours * 60 + minutes) * 60_000
        return sign == UInt8(ascii: "-") ? -offset : offset
    }

    private static func date(_ year: Int, _ month: Int, _ day: Int) -> Double? {
        guard (1...12).contains(month), day >= 1, day <= GregorianCalendar.daysIn(month: month, year: year) else { return nil }
        return UTCTime(year: year, month: month, day: day).milliseconds
    }

    private static let months = ["january", "february", "march", "april", "may", "june", "july", "august",
                                 "september", "october", "november", "december"]
    private static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    /// A month's English name, in full or its first three letters (`Sept` too); 1…12.
    private static func monthName(_ s: inout Scanner) -> Int? {
        let word = s.letters().lowercased()
        guard word.count >= 3 else { return nil }
        if let i = months.firstIndex(where: { $0.hasPrefix(word) }) {
            _ = s.take(UInt8(ascii: "."))
            return i + 1
        }
        return nil
    }

    private static func weekdayName(_ s: inout Scanner) -> Bool {
        let word = s.letters().lowercased()
        return word.count >= 3 && weekdays.contains { $0.hasPrefix(word) }
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }

    private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { x, _ in x * 10 } }

    /// A cursor over the text's bytes.
    private struct Scanner {
        let bytes: [UInt8]
        var at = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { at >= bytes.count }
        var peek: UInt8? { atEnd ? nil : bytes[at] }
        var restIsSpace: Bool { bytes[at...].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") } }

        mutating func skipSpaces() { while let b = peek, b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") { at += 1 } }

        mutating func take(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            at += 1
            return true
        }

        mutating func take(anyOf set: String) -> UInt8? {
            guard let b = peek, set.utf8.contains(b) else { return nil }
            at += 1
            return b
        }

        mutating func takeWord(_ word: String) -> Bool {
            let w = Array(word.utf8)
            guard at + w.count <= bytes.count, Array(bytes[at..<(at + w.count)]) == w else { return false }
            at += w.count
            return true
        }

        /// Between `min` and `max` ASCII digits: their value and count.
        mutating func digits(max: Int, min: Int = 1) -> (value: Int, count: Int)? {
            var value = 0, count = 0
            while count < max, let b = peek, b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") {
                value = value * 10 + Int(b - UInt8(ascii: "0"))
                count += 1; at += 1
            }
            if let b = peek, b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") { return nil }  // too many digits
            return count >= min ? (value, count) : nil
        }

        mutating func letters() -> String {
            let start = at
            while let b = peek, TemporalParser.isLetter(b) { at += 1 }
            return String(decoding: bytes[start..<at], as: UTF8.self)
        }
    }
}
