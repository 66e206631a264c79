/// Vega-Lite's `timeUnit`: a time truncated to some of its calendar parts (UTC). Parts left
/// out take Vega's base values (year 2012, January, the 1st, midnight), so `month` maps every
/// March to 2012-03-01 and the months of several years fall together.
public struct TimeUnit: Sendable, Equatable {
    /// The calendar parts a unit keeps, in Vega's order.
    package enum Part: String, CaseIterable, Sendable {
        case year, quarter, month, week, day, date, dayofyear, hours, minutes, seconds, milliseconds
    }

    /// The unit's name as written (`yearmonth`, `utcmonth`).
    public let name: String
    package let parts: [Part]

    /// The units understood (each also with a `utc` prefix, which changes nothing: times are UTC).
    static let names = ["year", "quarter", "month", "week", "day", "date", "dayofyear", "hours", "minutes", "seconds",
                        "milliseconds", "yearquarter", "yearquartermonth", "yearmonth", "yearmonthdate",
                        "yearmonthdatehours", "yearmonthdatehoursminutes", "yearmonthdatehoursminutesseconds",
                        "yearweek", "yearweekday", "yearweekdayhours", "yeardayofyear", "quartermonth", "monthdate",
                        "monthdatehours", "monthdatehoursminutes", "weekday", "weekdayhours", "dayhours", "hoursminutes",
                        "hoursminutesseconds", "minutesseconds", "secondsmilliseconds"]

    /// The unit called `name`, or nil.
    init?(_ name: String) {
        let bare = name.hasPrefix("utc") ? String(name.dropFirst(3)) : name
        guard Self.names.contains(bare) else { return nil }
        self.name = name
        var rest = Substring(bare)
        var parts: [Part] = []
        // Longest names first, so that `dayofyear` is not read as `day`.
        let ordered = Part.allCases.sorted { $0.rawValue.count > $1.rawValue.count }
        while !rest.isEmpty {
            guard let part = ordered.first(where: { rest.hasPrefix($0.rawValue) }) else { return nil }
            parts.append(part)
            rest = rest.dropFirst(part.rawValue.count)
        }
        self.parts = parts
    }

    /// The column Vega-Lite names for the truncated field (`month_date`).
    package func outputName(of field: String) -> String { "\(name)_\(field)" }

    /// `ms` truncated to the unit's parts.
    package func truncate(_ ms: Double) -> Double {
        let t = UTCTime(milliseconds: ms)
        let has = Set(parts)
        let year = has.contains(.year) ? t.year : 2012
        var month = 1, day = 1
        if has.contains(.quarter) { month = (t.month - 1) / 3 * 3 + 1 }
        if has.contains(.month) { month = t.month }
        if has.contains(.date) { day = t.day }
        if has.contains(.dayofyear) { month = 1; day = t.dayOfYear }
        if has.contains(.week) || has.contains(.day) {
            // Vega's weekday(week, day, first): day + 7·week − (first + 6) mod 7, a day of
            // January of the output year (≤ 0 rolls back into December); weeks start on Sunday
            // and week 0 is the days before a year's first Sunday.
            let first = UTCTime(year: t.year, month: 1, day: 1).weekday
            let weekNumber = (t.dayOfYear - 1 + first) / 7 + (first == 0 ? 1 : 0)
            let week = has.contains(.week) ? weekNumber : 1
            let weekday = has.contains(.day) ? t.weekday : 0
            month = 1
            day = weekday + 7 * week - (UTCTime(year: year, month: 1, day: 1).weekday + 6) % 7
        }
        return UTCTime(year: year, month: month, day: day,
                       hour: has.contains(.hours) ? t.hour : 0,
                       minute: has.contains(.minutes) ? t.minute : 0,
                       second: has.contains(.seconds) ? t.second : 0,
                       millisecond: has.contains(.milliseconds) ? t.millisecond : 0).milliseconds
    }

    /// The start of the period after the one starting at `start` (a truncated time): one
    /// unit of the unit's finest part later.
    package func end(_ start: Double) -> Double {
        let t = UTCTime(milliseconds: start)
        var next = t
        switch parts.last ?? .year {
        case .year: next.year += 1
        case .quarter: next.month += 3
        case .month: next.month += 1
        case .week: next.day += 7
        case .day, .date, .dayofyear: next.day += 1
        case .hours: return start + TimeTicks.hour
        case .minutes: return start + TimeTicks.minute
        case .seconds: return start + TimeTicks.second
        case .milliseconds: return start + 1
        }
        return next.milliseconds
    }

    /// The tick interval of one period of the unit's finest part.
    package var period: TimeTicks.Interval {
        switch parts.last ?? .year {
        case .year: return .years(1)
        case .quarter: return .months(3)
        case .month: return .months(1)
        case .week: return .weeks
        case .day, .date, .dayofyear: return .days(1)
        case .hours: return .hours(1)
        case .minutes: return .minutes(1)
        case .seconds: return .seconds(1)
        case .milliseconds: return .milliseconds(1)
        }
    }

    /// Whether Vega-Lite leaves the axis tick count to Vega's default of 10 (single month,
    /// hours, day and quarter units) rather than one tick per 40 points.
    package var usesDefaultTickCount: Bool { parts.count == 1 && [.month, .hours, .day, .quarter].contains(parts[0]) }

    /// Labels in the unit's format.
    package var labelFormatter: TimeFormat { (try? TimeFormat(labelFormat)) ?? .multiScale }

    /// The label format Vega-Lite gives the unit (`%b` for month, `%b %Y` for yearmonth).
    var labelFormat: String {
        let joined = parts.map(\.rawValue).joined(separator: "-")
        switch joined {
        case "year-month": return "%b %Y"
        case "year-month-date": return "%b %d, %Y"
        default: break
        }
        var out: [String] = []
        var i = 0
        while i < parts.count {
            if i + 1 < parts.count, parts[i] == .hours, parts[i + 1] == .minutes {
                out.append("%H:%M"); i += 2; continue
            }
            switch parts[i] {
            case .year: out.append("%Y")
            case .quarter: out.append("Q%q")
            case .month: out.append("%b")
            case .date: out.append("%d")
            case .week: out.append("W%U")
            case .day: out.append("%a")
            case .dayofyear: out.append("%j")
            case .hours: out.append("%H:00")
            case .minutes: out.append("00:%M")
            case .seconds: out.append(":%S")
            case .milliseconds: out.append(".%L")
            }
            i += 1
        }
        return out.joined(separator: " ")
    }
}
