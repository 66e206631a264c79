/// Labels for times: a subset of d3-time-format's directives, in UTC and English, or Vega's
/// multi-scale default that names each tick by its coarsest non-zero unit ("2005", "April",
/// "Apr 03", "Fri 08", "06 PM", "06:30", ":15", ".250").
package struct TimeFormat: Equatable {
    private enum Piece: Equatable {
        case literal(String)
        /// A directive letter and its padding (`0`, ` ` or none: `-`).
        case field(Character, pad: Character?)
    }

    private enum Kind: Equatable {
        case pattern([Piece])
        case multiScale
    }

    private let kind: Kind

    /// The directives understood after `%` (with an optional padding flag `-`, `_` or `0`).
    static let directives: [Character: String] = [
        "a": "abbreviated weekday (Mon)", "A": "weekday (Monday)", "b": "abbreviated month (Jan)",
        "B": "month (January)", "d": "day of the month, 01–31", "e": "day of the month, space-padded",
        "H": "hour, 00–23", "I": "hour, 01–12", "j": "day of the year, 001–366", "L": "milliseconds, 000–999",
        "m": "month, 01–12", "M": "minute, 00–59", "p": "AM or PM", "q": "quarter, 1–4", "S": "second, 00–59",
        "u": "weekday, 1–7 from Monday", "w": "weekday, 0–6 from Sunday", "U": "week of the year from Sunday, 00–53",
        "y": "year without century, 00–99", "Y": "year", "%": "a literal %",
    ]

    /// Vega's default for time axes: each tick labelled by the coarsest unit it does not sit on
    /// a boundary of.
    package static let multiScale = TimeFormat(kind: .multiScale)

    private init(kind: Kind) { self.kind = kind }

    /// Parses a d3 time-format specifier; throws a message naming the first directive that is
    /// not understood.
    package init(_ specifier: String) throws(TimeFormatError) {
        var pieces: [Piece] = []
        var literal = ""
        var chars = specifier.makeIterator()
        while let c = chars.next() {
            guard c == "%" else { literal.append(c); continue }
            guard var d = chars.next() else { throw TimeFormatError(message: "`%` at the end of the format") }
            var pad: Character? = "0"
            if d == "-" || d == "_" || d == "0" {
                pad = d == "-" ? nil : (d == "_" ? " " : "0")
                guard let next = chars.next() else { throw TimeFormatError(message: "`%\(d)` at the end of the format") }
                d = next
            }
            guard Self.directives[d] != nil else {
                throw TimeFormatError(message: "unknown time format directive `%\(d)`, expected one of "
                    + Self.directives.keys.sorted().map { "%\($0)" }.joined(separator: " "))
            }
            if d == "%" { literal.append("%"); continue }
            if !literal.isEmpty { pieces.append(.literal(literal)); literal = "" }
            if d == "e", pad == "0" { pad = " " }
            pieces.append(.field(d, pad: pad))
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        kind = .pattern(pieces)
    }

    /// Whether `specifier` looks like a time format (a `%` directive before its end) rather than a
    /// number format (whose `%` can only be its last character: `.0%`).
    static func looksTemporal(_ specifier: String) -> Bool { specifier.dropLast().contains("%") }

    /// The label of `milliseconds` since the epoch.
    package func string(_ milliseconds: Double) -> String {
        switch kind {
        case .pattern(let pieces): return Self.render(pieces, UTCTime(milliseconds: milliseconds))
        case .multiScale: return Self.multiScaleFormat(milliseconds).string(milliseconds)
        }
    }

    private static func render(_ pieces: [Piece], _ t: UTCTime) -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .literal(let s): out += s
            case let .field(d, pad): out += field(d, pad: pad, t)
            }
        }
        return out
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]
    static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    private static func field(_ d: Character, pad: Character?, _ t: UTCTime) -> String {
        func padded(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            guard let pad, s.count < width else { return s }
            return String(repeating: pad, count: width - s.count) + s
        }
        switch d {
        case "a": return String(weekdayNames[t.weekday].prefix(3))
        case "A": return weekdayNames[t.weekday]
        case "b": return String(monthNames[t.month - 1].prefix(3))
        case "B": return monthNames[t.month - 1]
        case "d", "e": return padded(t.day, 2)
        case "H": return padded(t.hour, 2)
        case "I": return padded(t.hour % 12 == 0 ? 12 : t.hour % 12, 2)
        case "j": return padded(t.dayOfYear, 3)
        case "L": return padded(t.millisecond, 3)
        case "m": return padded(t.month, 2)
        case "M": return padded(t.minute, 2)
        case "p": return t.hour < 12 ? "AM" : "PM"
        case "q": return String((t.month - 1) / 3 + 1)
        case "S": return padded(t.second, 2)
        case "u": return String(t.weekday == 0 ? 7 : t.weekday)
        case "w": return String(t.weekday)
        case "U":
            let first = UTCTime(year: t.year, month: 1, day: 1).weekday
            return padded((t.dayOfYear - 1 + first) / 7 + (first == 0 ? 1 : 0), 2)
        case "y": return padded(((t.year % 100) + 100) % 100, 2)
        default: return padded(t.year, 4)   // "Y"
        }
    }

    private static let formats: [String: TimeFormat] = {
        var all: [String: TimeFormat] = [:]
        for s in [".%L", ":%S", "%I:%M", "%I %p", "%a %d", "%b %d", "%B", "%Y"] {
            all[s] = try? TimeFormat(s)
        }
        return all
    }()

    /// Vega's multi-scale choice: milliseconds, seconds, minutes, hours, weekday and day, week,
    /// month or year, by the coarsest boundary the time is not on (weeks start on Sunday).
    private static func multiScaleFormat(_ ms: Double) -> TimeFormat {
        let t = UTCTime(milliseconds: ms)
        let specifier: String
        if t.millisecond != 0 { specifier = ".%L" }
        else if t.second != 0 { specifier = ":%S" }
        else if t.minute != 0 { specifier = "%I:%M" }
        else if t.hour != 0 { specifier = "%I %p" }
        else if t.day != 1 { specifier = t.weekday != 0 ? "%a %d" : "%b %d" }
        else if t.month != 1 { specifier = "%B" }
        else { specifier = "%Y" }
        return formats[specifier] ?? TimeFormat(kind: .pattern([]))
    }
}

/// A time format that cannot be read.
package struct TimeFormatError: Error, Equatable {
    package let message: String
}
