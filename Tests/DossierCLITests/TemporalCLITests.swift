import Foundation
import Testing

/// Issue 21: temporal fields from a CSV file (dates typed by the schema inference, and
/// slash date-times left as text) draw on a time axis; a value that is not a date stops the
/// build at the figure, naming the layer, field and value; a bad time format points into
/// the chart file.
@Suite(.serialized) struct TemporalCLITests {
    static let rain = "date,rain\n2012-01-01,1.5\n2012-01-20,3\n2012-02-11,2\n2012-03-05,4.25\n"
    static let clicks = "time,count\n2015/01/01 01:00:00,2\n2015/01/01 04:00:00,3\n2015/01/02 09:30:00,5\n"

    static let figures = """
          - id: monthly
            alt: "Rain by month."
            vega-lite: specs/monthly.vl.json
          - id: clicks
            alt: "Clicks."
            chart: {data: {url: data/clicks.csv}, mark: line, encoding: {x: {field: time, type: temporal}, y: {field: count, type: quantitative}}}
        """

    static let monthly = """
        {
          "data": {"url": "data/rain.csv"},
          "mark": "bar",
          "encoding": {
            "x": {"field": "date", "timeUnit": "month", "type": "temporal"},
            "y": {"field": "rain", "aggregate": "sum", "type": "quantitative"}
          }
        }
        """

    static var files: [String: String] {
        ["specs/monthly.vl.json": monthly, "data/rain.csv": rain, "data/clicks.csv": clicks]
    }

    @Test func temporalFiguresBuild() throws {
        let root = try VegaLiteFileCLITests.project(figures: Self.figures, files: Self.files)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try dossier(["build", "reports/t"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let monthly = try String(contentsOf: root.appendingPathComponent("reports/t/out/charts/monthly.svg"), encoding: .utf8)
        #expect(monthly.contains("<svg"))
    }

    @Test func aValueThatIsNotADateStopsTheBuildAtTheFigure() throws {
        var files = Self.files
        files["data/rain.csv"] = Self.rain + "2012-02-30,1\n"
        let root = try VegaLiteFileCLITests.project(figures: Self.figures, files: files)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try dossier(["build", "reports/t"], in: root)
        #expect(result.status == 65)
        // The figure's entry in the front matter: line 5 (`  - id: monthly`), column 5.
        #expect(result.stderr.contains("reports/t/report.md:5:5: error: figure \"monthly\": layer 1: x: field \"date\" is temporal but holds \"2012-02-30\", expected a date such as"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("reports/t/out").path))
    }

    @Test func anUnknownTimeFormatDirectivePointsIntoTheChartFile() throws {
        var files = Self.files
        files["specs/monthly.vl.json"] = Self.monthly.replacingOccurrences(of: "\"type\": \"temporal\"}", with: "\"type\": \"temporal\", \"format\": \"%b %K\"}")
        let root = try VegaLiteFileCLITests.project(figures: Self.figures, files: files)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try dossier(["build", "reports/t"], in: root)
        #expect(result.status == 65)
        #expect(result.stderr.contains("reports/t/specs/monthly.vl.json:5:"), "\(result.stderr)")
        #expect(result.stderr.contains("unknown time format directive `%K`"), "\(result.stderr)")
    }
}
