@testable import DossierVegaLite
import Foundation
import Testing
@testable import DossierCharts

/// Issue 21: temporal charts drawn — time ticks and labels, bars over their period, time units
/// on bands and colour, dates that are not dates (the parsing, ticks and formats themselves are
/// tested in DossierVegaLiteTests' TemporalTests).
@Suite struct TemporalChartTests {
    static let weather = ChartData(columns: [
        ("date", .strings(["2012-01-01", "2012-01-15", "2012-02-03", "2012-03-09", "2013-01-20", "2013-03-02"])),
        ("rain", .numbers([1, 3, 4, 6, 5, 2])),
    ])

    @Test func aTemporalLineHasTimeTicksAndLabels() throws {
        let scene = try ChartFixture.compile(
            #"{"width": 480, "layers": [{"data": "w", "mark": "line", "encoding": {"x": {"field": "date", "type": "temporal"}, "y": {"field": "rain", "type": "quantitative"}}}]}"#,
            ["w": Self.weather])
        let labels = SceneCheck.texts(scene, "axis-x/label").map(\.text)
        #expect(labels.contains("2013"))
        #expect(labels.contains("April"))
        #expect(!labels.contains { $0.contains("e+") || $0.contains(",") })
    }

    @Test func monthlyBarsSpanTheirMonth() throws {
        let scene = try ChartFixture.compile(
            #"{"layers": [{"data": "w", "mark": "bar", "encoding": {"x": {"field": "date", "timeUnit": "month", "type": "temporal"}, "y": {"field": "rain", "aggregate": "sum"}}}]}"#,
            ["w": Self.weather])
        let bars = scene.paths.filter { $0.id.contains("/bar/") }
        #expect(bars.count == 3)   // January, February and March of both years together
        let widths = bars.map(\.bounds.width)
        #expect(widths.allSatisfy { $0 > 20 })
        #expect(SceneCheck.texts(scene, "axis-x/label").map(\.text).prefix(2) == ["Jan", "Feb"])
        #expect(SceneCheck.texts(scene, "axis-x/title").first?.text == "date (month)")
    }

    @Test func bandPositionZeroCentresEachBarOnItsPeriodsStart() throws {
        let json = #"{"layers": [{"data": "w", "mark": "bar", "encoding": {"x": {"field": "date", "timeUnit": "month", "type": "temporal", "bandPosition": 0}, "y": {"field": "rain", "aggregate": "sum"}}}]}"#
        let scene = try ChartFixture.compile(json, ["w": Self.weather])
        let bars = scene.paths.filter { $0.id.contains("/bar/") }.map(\.bounds).sorted { $0.x < $1.x }
        let ticks = SceneCheck.texts(scene, "axis-x/label")
        #expect(ticks.map(\.text) == ["Jan", "Feb", "Mar"])
        // January's bar straddles the January tick (the label's centre).
        let jan = try #require(ticks.first), bar = try #require(bars.first)
        let centre = jan.bounds.x + jan.bounds.width / 2
        #expect(bar.x < centre && bar.x + bar.width > centre)
        #expect(throws: (any Error).self) {
            _ = try ChartFixture.compile(json.replacingOccurrences(of: #""timeUnit": "month", "#, with: ""), ["w": Self.weather])
        }
    }

    @Test func anOrdinalTimeUnitLabelsItsBands() throws {
        let scene = try ChartFixture.compile(
            #"{"layers": [{"data": "w", "mark": "bar", "encoding": {"x": {"field": "date", "timeUnit": "month", "type": "ordinal"}, "y": {"field": "rain", "aggregate": "mean"}}}]}"#,
            ["w": Self.weather])
        #expect(SceneCheck.texts(scene, "axis-x/label").map(\.text) == ["Jan", "Feb", "Mar"])
    }

    @Test func weekdayBandsFollowAnExplicitSortByName() throws {
        let days = ChartData(columns: [("t", .strings((1...7).map { "2021-03-0\($0) 10:00" })), ("n", .numbers([1, 2, 3, 4, 5, 6, 7]))])
        let scene = try ChartFixture.compile(
            #"{"layers": [{"data": "d", "mark": "point", "encoding": {"y": {"field": "t", "type": "ordinal", "timeUnit": "day", "sort": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]}, "x": {"field": "n", "type": "quantitative"}}}]}"#,
            ["d": days])
        #expect(SceneCheck.texts(scene, "axis-y/label").map(\.text) == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
        let plain = try ChartFixture.compile(
            #"{"layers": [{"data": "d", "mark": "point", "encoding": {"y": {"field": "t", "type": "ordinal", "timeUnit": "day"}, "x": {"field": "n", "type": "quantitative"}}}]}"#,
            ["d": days])
        #expect(SceneCheck.texts(plain, "axis-y/label").map(\.text).first == "Sun")
    }

    @Test func aTimeUnitOnColourListsItsPeriodsInTimeOrder() throws {
        let scene = try ChartFixture.compile(
            #"{"layers": [{"data": "w", "mark": "point", "encoding": {"x": {"field": "rain", "type": "quantitative"}, "y": {"field": "rain", "type": "quantitative"}, "color": {"field": "date", "timeUnit": "month", "type": "ordinal"}}}]}"#,
            ["w": Self.weather])
        #expect(SceneCheck.texts(scene, "legend").map(\.text).filter { $0.count == 3 } == ["Jan", "Feb", "Mar"])
    }

    @Test func aUTCScaleOnMillisecondsAndADomainOfDates() throws {
        let data = ChartData(columns: [("t", .numbers([UTCTime(year: 2020, month: 3, day: 1).milliseconds,
                                                       UTCTime(year: 2020, month: 9, day: 1).milliseconds])), ("v", .numbers([1, 2]))])
        let scene = try ChartFixture.compile(
            #"{"layers": [{"data": "d", "mark": "line", "encoding": {"x": {"field": "t", "type": "quantitative", "scale": {"type": "utc", "domain": ["2020-01-01", "2021-01-01"]}, "axis": {"tickCount": 4}}, "y": {"field": "v", "type": "quantitative"}}}]}"#,
            ["d": data])
        // One year ÷ 4 = 91.5 days: three-month ticks.
        #expect(SceneCheck.texts(scene, "axis-x/label").map(\.text) == ["2020", "April", "July", "October", "2021"])
    }

    @Test func aValueThatIsNotADateIsAnErrorNamingIt() {
        let data = ChartData(columns: [("d", .strings(["2021-01-01", "soon"])), ("v", .numbers([1, 2]))])
        #expect {
            _ = try ChartFixture.compile(
                #"{"layers": [{"data": "t", "mark": "point", "encoding": {"x": {"field": "d", "type": "temporal"}, "y": {"field": "v"}}}]}"#,
                ["t": data])
        } throws: { error in
            "\(error)" == "layer 1: x: field \"d\" is temporal but holds \"soon\", expected \(TemporalParser.examples)"
        }
    }

    @Test func millisecondsBeyondTheDateRangeAreAnError() {
        let data = ChartData(columns: [("t", .numbers([0, 1e20])), ("v", .numbers([1, 2]))])
        #expect {
            _ = try ChartFixture.compile(
                #"{"layers": [{"data": "d", "mark": "line", "encoding": {"x": {"field": "t", "type": "temporal"}, "y": {"field": "v"}}}]}"#,
                ["d": data])
        } throws: { error in
            "\(error)".contains("is temporal but holds 1e20, expected milliseconds since 1970 within ±8.64e15")
        }
        #expect(UTCTime(milliseconds: 1e300).year > 200_000)   // clamped, not a trap
    }
}
