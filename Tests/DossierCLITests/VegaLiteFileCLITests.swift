import Foundation
import Testing

/// Issue 21, first step: a figure drawn from a Vega-Lite file (`vega-lite: specs/x.vl.json`)
/// whose layers bring their own data (`url` files, inline `values`), in a report with no data
/// package; errors point into the chart or data file; the files stay inside the project.
@Suite(.serialized) struct VegaLiteFileCLITests {
    static let towns = "town,rain,region\nAlba,120.5,north\nBorgo,80,south\nCima,95.25,north\n"

    static let barSpec = """
        {
          "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
          "description": "Rainfall by town",
          "data": {"url": "data/towns.csv"},
          "encoding": {"y": {"field": "town", "type": "nominal"}},
          "layer": [
            {"mark": "bar", "encoding": {"x": {"field": "rain", "type": "quantitative"}}},
            {"data": {"values": [{"town": "Alba", "v": 100}, {"town": "Cima", "v": 90}]},
             "mark": {"type": "point", "color": "black"},
             "encoding": {"x": {"field": "v", "type": "quantitative"}}}
          ]
        }
        """

    static let lineSpec = """
        # YAML works too.
        data: {url: data/years.tsv}
        mark: line
        encoding:
          x: {field: year, type: quantitative}
          y: {field: n, type: quantitative}
        """

    /// A project whose report has the given figures block; returns the project root.
    static func project(figures: String, files: [String: String]) throws -> URL {
        let root = try Repository.temporaryDirectory("vega-lite-file")
        let manager = FileManager.default
        try manager.copyItem(at: Repository.root.appendingPathComponent("fonts"), to: root.appendingPathComponent("fonts"))
        try Data().write(to: root.appendingPathComponent(".dossier-project"))
        let report = root.appendingPathComponent("reports/t")
        for (path, text) in files {
            let url = report.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let body = figures.split(separator: "\n").compactMap { line -> String? in
            line.hasPrefix("  - id: ") ? "```{figure} \(line.dropFirst(8))\nA figure.\n```\n" : nil
        }.joined(separator: "\n")
        try """
            ---
            title: "T"
            date: "2026-12-06"
            figures:
            \(figures)
            ---

            # T

            \(body)
            """.write(to: report.appendingPathComponent("report.md"), atomically: true, encoding: .utf8)
        return root
    }

    static let standardFiles = [
        "specs/bar.vl.json": barSpec, "specs/line.vl.yaml": lineSpec, "data/towns.csv": towns,
        "data/years.tsv": "year\tn\n2019\t3\n2020\t5\n2021\t4\n",
        "data/points.json": #"[{"x": 1, "y": 2, "g": "a"}, {"x": 2, "y": 3, "g": "b"}]"#,
    ]

    static let standardFigures = """
          - id: bars
            alt: "Bars."
            vega-lite: specs/bar.vl.json
          - id: years
            vega-lite: specs/line.vl.yaml
          - id: points
            alt: "Points."
            chart: {data: {url: data/points.json}, mark: point, encoding: {x: {field: x}, y: {field: y}, color: {field: g}}}
        """

    @Test func figuresWithTheirOwnDataBuildWithoutADataPackage() throws {
        let root = try Self.project(figures: Self.standardFigures, files: Self.standardFiles)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try dossier(["build", "reports/t"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        for id in ["bars", "years", "points"] {
            let svg = try String(contentsOf: root.appendingPathComponent("reports/t/out/charts/\(id).svg"), encoding: .utf8)
            #expect(svg.contains("<svg"))
        }
        let bars = try String(contentsOf: root.appendingPathComponent("reports/t/out/charts/bars.svg"), encoding: .utf8)
        // The figure's own alt wins over the spec's description; a figure with neither gets
        // the spec's texts or a generated summary.
        #expect(bars.contains("<desc>Bars.</desc>"), "\(bars.prefix(600))")
        let years = try String(contentsOf: root.appendingPathComponent("reports/t/out/charts/years.svg"), encoding: .utf8)
        #expect(years.contains("Line marks (x: year, y: n)."))
    }

    @Test func theMakeKeyOfAFigureHoldsItsChartFile() throws {
        let root = try Self.project(figures: Self.standardFigures, files: Self.standardFiles)
        defer { try? FileManager.default.removeItem(at: root) }
        let state = root.appendingPathComponent("state").path
        #expect(try dossier(["plan", "reports/t", "--state", state, "--output", state + "/rules.mk"], in: root).status == 0)
        let key = try String(contentsOfFile: state + "/figure-bars.key", encoding: .utf8)
        #expect(key.contains("\"layer\": ["))
    }

    @Test func anErrorInTheChartFilePointsIntoIt() throws {
        let bad = Self.barSpec.replacingOccurrences(of: "\"mark\": \"bar\"", with: "\"mark\": \"bar\", \"params\": []")
        var files = Self.standardFiles
        files["specs/bar.vl.json"] = bad
        let root = try Self.project(figures: Self.standardFigures, files: files)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try dossier(["build", "reports/t"], in: root)
        #expect(result.status == 65)
        #expect(result.stderr.contains("reports/t/specs/bar.vl.json:7:"), "\(result.stderr)")
        #expect(result.stderr.contains("`params` in a layer is not supported in charts yet"), "\(result.stderr)")
    }

    @Test func aBadDataFileIsAnErrorAtItsLine() throws {
        var files = Self.standardFiles
        files["data/towns.csv"] = "town,rain\nAlba,1\nBorgo,2,3\n"
        let root = try Self.project(figures: Self.standardFigures, files: files)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try dossier(["build", "reports/t"], in: root)
        #expect(result.status == 65)
        #expect(result.stderr.contains("reports/t/data/towns.csv:3"), "\(result.stderr)")
    }

    @Test(arguments: [
        ("chart: {data: {url: ../../../outside.csv}, mark: point}", Int32(65), "outside"),
        ("chart: {data: {url: data/missing.csv}, mark: point}", Int32(66), "missing.csv"),
        ("vega-lite: ../../../outside.vl.json", Int32(65), "outside"),
        ("vega-lite: specs/none.vl.json", Int32(66), "none.vl.json"),
    ])
    func filesOutsideTheProjectOrMissingAreRefused(_ figure: String, _ status: Int32, _ mention: String) throws {
        let root = try Self.project(figures: "  - id: f\n    alt: \"F.\"\n    \(figure)", files: Self.standardFiles)
        defer { try? FileManager.default.removeItem(at: root) }
        try "x,y\n1,2\n".write(to: root.deletingLastPathComponent().appendingPathComponent("outside.csv"), atomically: true, encoding: .utf8)
        let result = try dossier(["build", "reports/t"], in: root)
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.contains(mention), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("reports/t/out").path))
    }
}
