import Foundation
import Testing

/// Careless or hostile chart options (issue 15): each is an error at the option's line and
/// column in report.md with exit 65 — never a crash, an exit 70, a hang or a blank chart.
@Suite(.serialized) struct ChartLimitsCLITests {
    /// A bad chart option, the text its error must point at, and a part of the message.
    struct Case: CustomTestStringConvertible, Sendable {
        var chart: String
        var at: String
        var message: String
        var testDescription: String { chart.split(separator: "\n").joined(separator: " ") }
    }

    static let point = "data: pts\nmark: point\nencoding: {x: {field: x}, y: {field: y}}"

    static let cases: [Case] = [
        Case(chart: "width: .nan\n" + point, at: ".nan", message: "width is nan, expected a number from 20 to 2000 points"),
        Case(chart: "width: .inf\n" + point, at: ".inf", message: "width is inf"),
        Case(chart: "width: 1e308\n" + point, at: "1e308", message: "width is 1e308"),
        Case(chart: "width: 1e9\n" + point, at: "1e9", message: "width is 1000000000"),
        Case(chart: "width: 0\n" + point, at: "0\n", message: "width is 0"),
        Case(chart: "height: -20\n" + point, at: "-20", message: "height is -20"),
        Case(chart: "width: 100000\n" + point, at: "100000", message: "width is 100000"),
        Case(chart: "data: pts\nmark: {type: line, strokeDash: [0, 0]}\nencoding: {x: {field: x}, y: {field: y}}",
             at: "[0, 0]", message: "strokeDash is all zeros"),
        Case(chart: "data: pts\nmark: {type: line, strokeDash: [4, -1]}\nencoding: {x: {field: x}, y: {field: y}}",
             at: "-1]", message: "a strokeDash entry is -1"),
        Case(chart: "data: pts\nmark: point\nencoding: {x: {field: x, scale: {domain: [-1e308, 1e308]}}, y: {field: y}}",
             at: "-1e308", message: "a domain value is -1e308, expected a number from -1e15 to 1e15"),
        Case(chart: "annotations: [{x: 1e308, label: far}]\n" + point, at: "1e308", message: "x is 1e308"),
        Case(chart: "data: pts\nmark: point\nencoding: {x: {field: x, axis: {tickCount: 100000}}, y: {field: y}}",
             at: "100000", message: "tickCount is 100000, expected a number from 1 to 100"),
        Case(chart: "data: pts\nmark: {type: point, color: notacolour}\nencoding: {x: {field: x}, y: {field: y}}",
             at: "notacolour", message: "\"notacolour\" is not a colour"),
        Case(chart: "data: pts\nmark: {type: point, color: steelbleu}\nencoding: {x: {field: x}, y: {field: y}}",
             at: "steelbleu", message: "did you mean \"steelblue\"?"),
        Case(chart: "data: pts\nmark: {type: point, color: 123}\nencoding: {x: {field: x}, y: {field: y}}",
             at: "123}", message: "\"123\" is not a colour"),
        Case(chart: "data: pts\nmark: point\nencoding: {x: {field: x}, y: {field: y, scale: {type: log, domain: [0, 10]}}}",
             at: "0, 10]", message: "a domain value is 0 on a log scale, expected a number > 0"),
        Case(chart: "data: pts\nmark: point\nencoding: {x: {field: x}, y: {field: y}, color: {field: g, scale: {range: [\"#000\", reed]}}}",
             at: "reed", message: "did you mean \"red\"?"),
        Case(chart: "data: pts\nmark: {type: line, strokeDahs: [4, 2]}\nencoding: {x: {field: x}, y: {field: y}}",
             at: "[4, 2]", message: "unknown key \"strokeDahs\" in a mark; did you mean \"strokeDash\"?"),
        // Issue 17: a Vega-Lite key Dossier does not implement yet is named, at its value.
        Case(chart: "data: pts\nmark: bar\nencoding: {x: {field: x}, y: {field: y, impute: {value: 0}}}",
             at: "{value: 0}", message: "`impute` in a channel is not supported in charts yet: compute it in an analysis"),
        // Issue 21: a mistake in a transform's expression is an error at the expression, naming the character.
        Case(chart: "transform: [{filter: \"datum.x >> 1\"}]\n" + point,
             at: "\"datum.x >>", message: "expression \"datum.x >> 1\", at character 10: found \"> 1\""),
        Case(chart: "transform: [{calculate: \"sqr(datum.x)\", as: s}]\n" + point,
             at: "\"sqr(", message: "function `sqr` is not supported in expressions yet; did you mean \"sqrt\"?"),
    ]

    @Test(arguments: cases) func badOptionIsAnErrorAtItsPosition(_ bad: Case) throws {
        let (root, report) = try Self.project(chart: bad.chart)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try dossier(["build", "reports/t"], in: root)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("reports/t/report.md:\(Self.position(of: bad.at, in: report)): error: "), "\(result.stderr)")
        #expect(result.stderr.contains(bad.message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("reports/t/out").path))
    }

    /// A log scale over data holding 0 is the documented error, not a blank plot.
    @Test func zeroOnALogScaleFromTheDataIsAnError() throws {
        let (root, report) = try Self.project(chart: "data: pts\nmark: point\nencoding: {x: {field: x}, y: {field: y, scale: {type: log}}}")
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try dossier(["build", "reports/t"], in: root)
        #expect(result.status == 65)
        #expect(result.stderr.contains("reports/t/report.md:\(Self.position(of: "id: f", in: report)): error: "), "\(result.stderr)")
        #expect(result.stderr.contains("field \"y\" has 0 on a log scale; log scales need values > 0"), "\(result.stderr)")
    }

    /// 10,000 facet panels took 63 s and 1.4 GB; now the count is refused at once.
    @Test func tenThousandFacetPanelsAreRefused() throws {
        let rows = (0..<10_000).map { "g\($0),\($0 % 97),\($0 % 13 + 1)" }
        let (root, report) = try Self.project(chart: "facet: {field: g}\n" + Self.point, rows: rows)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try dossier(["build", "reports/t"], in: root)
        #expect(result.status == 65)
        #expect(result.stderr.contains("reports/t/report.md:\(Self.position(of: "id: f", in: report)): error: "), "\(result.stderr)")
        #expect(result.stderr.contains("facet: field \"g\" has 10000 values, expected at most 100 panels"), "\(result.stderr)")
    }

    /// A chart at the limits still builds.
    @Test func optionsAtTheirLimitsBuild() throws {
        let chart = """
            width: 2000
            height: 20
            annotations: [{x: 2, label: two, color: "hsl(120 100% 25%)", strokeDash: [1, 0]}]
            data: pts
            mark: {type: point, color: "rgb(255 0 0 / 50%)", opacity: 1, size: 0.1}
            encoding: {x: {field: x, axis: {tickCount: 100}}, y: {field: y, axis: {tickCount: 1}}}
            """
        let (root, _) = try Self.project(chart: chart)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try dossier(["build", "reports/t"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
    }

    // MARK: - Fixture

    /// A project with one report whose only figure has `chart` (unindented YAML lines), over a
    /// table `pts` of `g,x,y` rows.
    static func project(chart: String, rows: [String] = ["a,1,2", "b,2,0", "c,3,5", "a,4,3"]) throws -> (URL, String) {
        let root = try Repository.temporaryDirectory("chart-limits")
        let manager = FileManager.default
        try manager.copyItem(at: Repository.root.appendingPathComponent("fonts"), to: root.appendingPathComponent("fonts"))
        let data = root.appendingPathComponent("reports/t/data")
        try manager.createDirectory(at: data, withIntermediateDirectories: true)
        try #"{"name": "t", "resources": [{"name": "pts", "path": "pts.csv", "format": "csv", "schema": {"fields": [{"name": "g", "type": "string"}, {"name": "x", "type": "number"}, {"name": "y", "type": "number"}]}}]}"#
            .write(to: data.appendingPathComponent("datapackage.json"), atomically: true, encoding: .utf8)
        try (["g,x,y"] + rows).joined(separator: "\n").appending("\n")
            .write(to: data.appendingPathComponent("pts.csv"), atomically: true, encoding: .utf8)
        let indented = chart.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n")
        let report = """
            ---
            title: "T"
            date: "2026-11-29"
            data: data/datapackage.json
            figures:
              - id: f
                alt: "A chart."
                chart:
            \(indented)
            ---

            # T

            ```{figure} f
            F.
            ```

            """
        try report.write(to: root.appendingPathComponent("reports/t/report.md"), atomically: true, encoding: .utf8)
        return (root, report)
    }

    /// `line:column` (1-based) of the first occurrence of `needle` after the `chart:` line.
    static func position(of needle: String, in report: String) -> String {
        let lines = report.components(separatedBy: "\n")
        let start = needle.hasPrefix("id:") ? 0 : (lines.firstIndex { $0.hasSuffix("chart:") } ?? 0)
        for (index, line) in lines.enumerated().dropFirst(start) {
            let probe = needle.hasSuffix("\n") ? String(needle.dropLast()) : needle
            guard let range = line.range(of: probe), !needle.hasSuffix("\n") || line.hasSuffix(probe) else { continue }
            return "\(index + 1):\(line.distance(from: line.startIndex, to: range.lowerBound) + 1)"
        }
        return "not found"
    }
}
