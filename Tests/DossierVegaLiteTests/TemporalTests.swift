@testable import DossierVegaLite
import Foundation
import Testing

/// Issue 21: the temporal type. Expected instants were computed with Python's `datetime`
/// (UTC); expected ticks are d3's, worked out by hand from d3-time's documented interval
/// choice (node is installed here but d3 is not, and nothing is fetched from npm): the target step is span ÷ count, the interval
/// is the one of 1/5/15/30 s, 1/5/15/30 min, 1/3/6/12 h, 1/2 d, 1 week, 1/3 months, 1 year
/// nearest to it in ratio (d3's bisect right, then the closer neighbour), years in multiples
/// of d3's tickStep.
@Suite struct TemporalParsingTests {
    @Test(arguments: [
        ("2021-03-04", 1_614_816_000_000.0),
        ("2021", 1_609_459_200_000),
        ("2021-03", 1_614_556_800_000),
        ("2000-01-01T08:00:00.000Z", 946_713_600_000),
        ("2015/01/01 01:00:00", 1_420_074_000_000),
        ("2015-01-01 01:00", 1_420_074_000_000),
        ("2021-03-04T10:30:00+01:00", 1_614_850_200_000),
        ("2021-03-04T10:30-0500", 1_614_871_800_000),
        ("2021-03-04T10:30:00 UTC", 1_614_853_800_000),
        ("Jan 1 2000", 946_684_800_000),
        ("Jun 12 1998", 897_609_600_000),
        ("June 12, 1998", 897_609_600_000),
        ("12 Jun 1998", 897_609_600_000),
        ("Fri, Jun 12 1998", 897_609_600_000),
        ("06/12/1998", 897_609_600_000),
        ("1969-12-31T23:59:59Z", -1000),
        ("1900-02-28", -2_203_977_600_000),
        ("2024-02-29T12:00:00.25", 1_709_208_000_250),
        ("  2021-03-04  ", 1_614_816_000_000),
    ])
    func datesParseInUTC(_ text: String, _ expected: Double) {
        #expect(TemporalParser.milliseconds(text) == expected, "\(text)")
    }

    @Test(arguments: ["2021-02-30", "2021-13-01", "2021-00-10", "abc", "2021-03-04T25:00", "2021-03-04T10:61",
                      "Foo 1 2000", "", "20210304", "2021-03-04 bananas", "1/2", "Jan 32 2000", "2021-03-04T"])
    func nonDatesAreRejected(_ text: String) {
        #expect(TemporalParser.milliseconds(text) == nil, "\(text)")
    }

    @Test func calendarArithmeticRoundTrips() {
        for ms in stride(from: -5_000_000_000_000.0, through: 5_000_000_000_000, by: 86_400_000 * 37.25) {
            let t = UTCTime(milliseconds: ms)
            #expect(t.milliseconds == ms)
        }
        #expect(UTCTime(milliseconds: 0).weekday == 4)   // 1970-01-01 was a Thursday.
        #expect(UTCTime(year: 2012, month: 1, day: 1).weekday == 0)
        #expect(UTCTime(year: 2021, month: 12, day: 31).dayOfYear == 365)
        #expect(UTCTime(year: 2020, month: 13, day: 1).milliseconds == UTCTime(year: 2021, month: 1, day: 1).milliseconds)
        #expect(UTCTime(year: 2021, month: 3, day: 0).milliseconds == UTCTime(year: 2021, month: 2, day: 28).milliseconds)
    }
}

@Suite struct TimeTickTests {
    static func utc(_ y: Int, _ m: Int = 1, _ d: Int = 1, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> Double {
        UTCTime(year: y, month: m, day: d, hour: h, minute: mi, second: s).milliseconds
    }

    static func labels(_ ticks: [Double], _ format: String) throws -> [String] {
        let f = try TimeFormat(format)
        return ticks.map(f.string)
    }

    @Test func yearsTenYearsByEightAreEveryYear() throws {
        // 10.2 years ÷ 8 = 1.27 years > a year: tickStep(…, 8) = 1.
        let t = TimeTicks.ticks(Self.utc(2000), Self.utc(2010, 3), count: 8)
        #expect(try Self.labels(t, "%Y") == (2000...2010).map(String.init))
    }

    @Test func yearsTenYearsByFiveAreEveryTwoYears() throws {
        // 2.03 years: 2.03 ≥ √2 → factor 2.
        let t = TimeTicks.ticks(Self.utc(2000), Self.utc(2010, 3), count: 5)
        #expect(try Self.labels(t, "%Y") == ["2000", "2002", "2004", "2006", "2008", "2010"])
    }

    @Test func aCenturyByFiveIsEveryTwentyYears() throws {
        let t = TimeTicks.ticks(Self.utc(1900), Self.utc(2000), count: 5)
        #expect(try Self.labels(t, "%Y") == ["1900", "1920", "1940", "1960", "1980", "2000"])
    }

    @Test func aYearByTwelveIsEveryMonth() throws {
        // 366 days ÷ 12 = 30.5 days: 30.5 / 30 = 1.02 < 90 / 30.5 = 2.95 → one month.
        let t = TimeTicks.ticks(Self.utc(2012), Self.utc(2013), count: 12)
        #expect(t.count == 13)
        #expect(try Self.labels(t, "%Y-%m-%d").prefix(3) == ["2012-01-01", "2012-02-01", "2012-03-01"])
        #expect(t.last == Self.utc(2013))
    }

    @Test func threeYearsByTenIsEveryQuarter() throws {
        // 109.6 days: 109.6 / 90 = 1.22 < 365 / 109.6 = 3.33 → three months (Jan, Apr, Jul, Oct).
        let t = TimeTicks.ticks(Self.utc(2000), Self.utc(2003), count: 10)
        #expect(t.count == 13)
        #expect(try Self.labels(Array(t.prefix(5)), "%b %Y") == ["Jan 2000", "Apr 2000", "Jul 2000", "Oct 2000", "Jan 2001"])
    }

    @Test func twoMonthsByEightAreSundays() throws {
        // 59 days ÷ 8 = 7.4 days → weeks, which start on Sunday (3 January 2021).
        let t = TimeTicks.ticks(Self.utc(2021), Self.utc(2021, 3), count: 8)
        #expect(try Self.labels(t, "%b %d %a") == ["Jan 03 Sun", "Jan 10 Sun", "Jan 17 Sun", "Jan 24 Sun", "Jan 31 Sun",
                                                   "Feb 07 Sun", "Feb 14 Sun", "Feb 21 Sun", "Feb 28 Sun"])
    }

    @Test func twoDayStepsRestartOnTheFirstOfTheMonth() throws {
        // 16 days ÷ 8 = 2 days: days 1, 3, 5… of each month, so 31 January is followed by 1 February.
        let t = TimeTicks.ticks(Self.utc(2021, 1, 25), Self.utc(2021, 2, 10), count: 8)
        #expect(try Self.labels(t, "%m-%d") == ["01-25", "01-27", "01-29", "01-31", "02-01", "02-03", "02-05", "02-07", "02-09"])
    }

    @Test func aWeekBySevenIsEveryDay() throws {
        // Exactly one day: bisect right lands on two days, and 1 < 2 keeps one day.
        let t = TimeTicks.ticks(Self.utc(2012), Self.utc(2012, 1, 8), count: 7)
        #expect(t.count == 8)
    }

    @Test func hoursMinutesAndSeconds() throws {
        #expect(TimeTicks.ticks(Self.utc(2021), Self.utc(2021, 1, 1, 6), count: 6).count == 7)   // 1 h
        #expect(try Self.labels(TimeTicks.ticks(Self.utc(2021), Self.utc(2021, 1, 4), count: 6), "%d %H")
                == ["01 00", "01 12", "02 00", "02 12", "03 00", "03 12", "04 00"])   // 12 h
        #expect(try Self.labels(TimeTicks.ticks(Self.utc(2021), Self.utc(2021, 1, 1, 0, 30), count: 6), "%M")
                == ["00", "05", "10", "15", "20", "25", "30"])   // 5 min
        #expect(try Self.labels(TimeTicks.ticks(Self.utc(2021), Self.utc(2021, 1, 1, 0, 1), count: 4), "%M:%S")
                == ["00:00", "00:15", "00:30", "00:45", "01:00"])   // 15 s
    }

    @Test func belowASecondMillisecondsStepLikeNumbers() {
        #expect(TimeTicks.ticks(0, 100, count: 10) == stride(from: 0.0, through: 100, by: 10).map { $0 })
    }

    @Test func ticksStayInsideAnUnroundedDomain() {
        let lo = Self.utc(2004, 8, 19), hi = Self.utc(2010, 3, 1)
        let t = TimeTicks.ticks(lo, hi, count: 6)
        #expect(t.first == Self.utc(2005) && t.last == Self.utc(2010))
        #expect(TimeTicks.nice(lo, hi) == (Self.utc(2004), Self.utc(2011)))
    }
}

@Suite struct TimeFormatTests {
    static let moment = UTCTime(year: 2021, month: 3, day: 4, hour: 17, minute: 6, second: 7, millisecond: 89).milliseconds

    @Test(arguments: [
        ("%Y-%m-%d %H:%M:%S.%L", "2021-03-04 17:06:07.089"),
        ("%b %e, %Y", "Mar  4, 2021"),
        ("%-d %B", "4 March"),
        ("%a %A", "Thu Thursday"),
        ("%I %p, Q%q, %y, day %j, %u/%w, week %U", "05 PM, Q1, 21, day 063, 4/4, week 09"),
        ("100%%", "100%"),
    ])
    func directives(_ format: String, _ expected: String) throws {
        #expect(try TimeFormat(format).string(Self.moment) == expected)
    }

    @Test(arguments: ["%Q", "%", "%-", "%Y %c"])
    func unknownDirectivesAreErrors(_ format: String) {
        #expect(throws: TimeFormatError.self) { try TimeFormat(format) }
    }

    @Test func multiScaleLabelsNameTheCoarsestUnit() {
        let f = TimeFormat.multiScale
        func at(_ m: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0, _ ms: Int = 0) -> String {
            f.string(UTCTime(year: 2005, month: m, day: d, hour: h, minute: mi, second: s, millisecond: ms).milliseconds)
        }
        #expect(at(1, 1) == "2005")
        #expect(at(4, 1) == "April")
        #expect(at(4, 3) == "Apr 03")      // a Sunday: the week format
        #expect(at(4, 8) == "Fri 08")
        #expect(at(4, 8, 18) == "06 PM")
        #expect(at(4, 8, 6, 30) == "06:30")
        #expect(at(4, 8, 6, 30, 15) == ":15")
        #expect(at(4, 8, 6, 30, 15, 250) == ".250")
    }

    @Test func aTimeFormatOnANumberAxisIsCheckedAsATimeFormat() {
        #expect(throws: (any Error).self) {
            _ = try SpecFixture.spec(#"{"data": "t", "mark": "line", "encoding": {"x": {"field": "d", "type": "temporal", "format": "%Y-%Q"}}}"#)
        }
    }
}

@Suite struct TimeUnitTests {
    static func utc(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0) -> Double {
        UTCTime(year: y, month: m, day: d, hour: h, minute: mi).milliseconds
    }

    @Test(arguments: [
        ("month", TimeUnitTests.utc(2012, 7, 1)),
        ("utcmonth", TimeUnitTests.utc(2012, 7, 1)),
        ("yearmonth", TimeUnitTests.utc(2015, 7, 1)),
        ("year", TimeUnitTests.utc(2015, 1, 1)),
        ("quarter", TimeUnitTests.utc(2012, 7, 1)),
        ("yearquarter", TimeUnitTests.utc(2015, 7, 1)),
        ("date", TimeUnitTests.utc(2012, 1, 19)),
        ("monthdate", TimeUnitTests.utc(2012, 7, 19)),
        ("yearmonthdate", TimeUnitTests.utc(2015, 7, 19)),
        ("day", TimeUnitTests.utc(2012, 1, 1)),          // 19 July 2015 was a Sunday
        ("hours", TimeUnitTests.utc(2012, 1, 1, 10)),
        ("hoursminutes", TimeUnitTests.utc(2012, 1, 1, 10, 45)),
        ("yearmonthdatehours", TimeUnitTests.utc(2015, 7, 19, 10)),
        ("yearweek", TimeUnitTests.utc(2015, 7, 19)),      // its week starts that Sunday
    ])
    func truncation(_ name: String, _ expected: Double) throws {
        let unit = try #require(TimeUnit(name))
        #expect(unit.truncate(Self.utc(2015, 7, 19, 10, 45)) == expected, "\(name)")
    }

    @Test func weeksBeforeTheFirstSundayBelongToTheLastWeekOfDecember() throws {
        let unit = try #require(TimeUnit("yearweek"))
        #expect(unit.truncate(Self.utc(2021, 1, 2)) == Self.utc(2020, 12, 27))
        #expect(unit.truncate(Self.utc(2021, 1, 3)) == Self.utc(2021, 1, 3))
    }

    @Test func labelFormatsAreVegaLites() throws {
        let expected = ["month": "%b", "yearmonth": "%b %Y", "yearmonthdate": "%b %d, %Y", "hours": "%H:00",
                        "monthdate": "%b %d", "yearquarter": "%Y Q%q", "hoursminutes": "%H:%M", "day": "%a", "date": "%d"]
        for (name, format) in expected { #expect(TimeUnit(name)?.labelFormat == format, "\(name)") }
    }

    @Test func thePeriodEndsAtTheNextOne() throws {
        #expect(TimeUnit("month")?.end(Self.utc(2012, 12, 1)) == Self.utc(2013, 1, 1))
        #expect(TimeUnit("yearquarter")?.end(Self.utc(2015, 10, 1)) == Self.utc(2016, 1, 1))
        #expect(TimeUnit("hours")?.end(Self.utc(2012, 1, 1, 23)) == Self.utc(2012, 1, 2))
    }

    @Test func anUnknownUnitIsAnErrorWithAHint() throws {
        let json = #"{"data": "t", "mark": "bar", "encoding": {"x": {"field": "d", "timeUnit": "yearmonthh"}}}"#
        #expect {
            _ = try SpecFixture.spec(json)
        } throws: { error in
            "\(error)".contains("unknown time unit \"yearmonthh\"") && "\(error)".contains("yearmonth")
        }
    }
}

@Suite struct TimeUnitTransformTests {
    @Test func theTransformAddsTheTruncatedDates() throws {
        let transform = try JSONDecoder().decode(TimeUnitTransform.self,
                                                 from: Data(#"{"timeUnit": "year", "field": "Release Date", "as": "year"}"#.utf8))
        let table = ChartData(columns: [("Release Date", .strings(["Jun 12 1998", nil, "2001-03-04"]))])
        let out = try transform.apply(table, step: 2)
        #expect(out.column("year") == .numbers([UTCTime(year: 1998, month: 1, day: 1).milliseconds, nil,
                                                UTCTime(year: 2001, month: 1, day: 1).milliseconds]))
        #expect(out.column("Release Date") == table.column("Release Date"))
    }

    @Test func theOutputNameDefaultsToVegaLites() throws {
        let transform = try JSONDecoder().decode(TimeUnitTransform.self, from: Data(#"{"timeUnit": "month", "field": "date"}"#.utf8))
        #expect(transform.output == "month_date")
    }

    @Test func aBadDateOrFieldIsAnError() throws {
        let transform = TimeUnitTransform(timeUnit: try #require(TimeUnit("year")), field: "d", as: "y")
        #expect { _ = try transform.apply(ChartData(columns: [("d", .strings(["later"]))]), step: 1) } throws: { error in
            "\(error)".hasPrefix("transform 1: timeUnit: field \"d\" holds \"later\"")
        }
        #expect { _ = try transform.apply(ChartData(columns: [("e", .strings(["2020"]))]), step: 3) } throws: { error in
            "\(error)".hasPrefix("transform 3: timeUnit: field \"d\" not found")
        }
    }
}
