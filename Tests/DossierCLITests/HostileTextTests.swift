import Foundation
import Testing

/// Hostile and careless text in a report: no trap, no hang, no silently wrong text. Each test
/// builds a small report made by `dossier init` in a temporary folder.
@Suite struct HostileTextTests {
    /// A project with `reports/t`, scaffolded from a three-row CSV; returns the root and the report text.
    private func project(_ name: String) throws -> (URL, String) {
        let root = try Repository.temporaryDirectory("text-\(name)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("reports"), withIntermediateDirectories: true)
        try "region,value\nnorth,1\nsouth,2\nnorth,3\n".write(to: root.appendingPathComponent("d.csv"), atomically: true, encoding: .utf8)
        let scaffold = try dossier(["init", "reports/t", "--from", "d.csv", "--date", "2026-01-01"], in: root)
        #expect(scaffold.status == 0, "\(scaffold.stderr)")
        return (root, try String(contentsOf: root.appendingPathComponent("reports/t/report.md"), encoding: .utf8))
    }

    private func write(_ text: String, in root: URL) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent("reports/t/report.md"))
    }

    private func build(_ root: URL) throws -> CommandResult {
        try dossier(["build", "reports/t", "--fonts", Repository.root.appendingPathComponent("fonts").path], in: root)
    }

    private func replacing(_ old: String, _ new: String, in text: String) -> String {
        #expect(text.contains(old), "fixture text not found: \(old)")
        return text.replacingOccurrences(of: old, with: new)
    }

    /// The line of the first line containing `needle`, 1-based.
    private func line(of needle: String, in text: String) -> Int {
        (text.components(separatedBy: "\n").firstIndex { $0.contains(needle) } ?? -1) + 1
    }

    /// A 5,000,000-character figure source trapped (Int32 glyph advance); now a limit at its line.
    @Test func aHugeFigureSourceIsAnErrorNotATrap() throws {
        let (root, report) = try project("source")
        defer { try? FileManager.default.removeItem(at: root) }
        try write(replacing("source: \"d.csv\"", "source: \"" + String(repeating: "a", count: 1_000_000) + "\"", in: report), in: root)
        let result = try build(root)
        #expect(result.status == 65, "\(result.stderr.prefix(300))")
        let chartLine = line(of: "chart:", in: report) + 1  // the chart mapping starts on the next line
        #expect(result.stderr.contains("report.md:\(chartLine):7: error: in figures[0].chart: chart.source has 1000000 characters"),
                "\(result.stderr.prefix(300))")
        #expect(result.stderr.count < 400)
        // 5,000,000 characters: over the size limit of report.md, at 1:1.
        try write(replacing("source: \"d.csv\"", "source: \"" + String(repeating: "a", count: 5_000_000) + "\"", in: report), in: root)
        let huge = try build(root)
        #expect(huge.status == 65 && huge.stderr.contains("report.md:1:1: error: the report has"), "\(huge.stderr.prefix(300))")
    }

    /// A 1 MB word took over 120 s in Pango: now a block limit at its line; a 30,000-character
    /// word builds (broken into lines in linear time).
    @Test func aHugeWordIsAnErrorAndALongOneBuilds() throws {
        let (root, report) = try project("word")
        defer { try? FileManager.default.removeItem(at: root) }
        try write(report + "\n" + String(repeating: "x", count: 1_000_000) + "\n", in: root)
        let result = try build(root)
        let lineNumber = report.components(separatedBy: "\n").count + 1
        #expect(result.status == 65)
        #expect(result.stderr.contains("report.md:\(lineNumber):1: error: this paragraph has 1000000 characters"), "\(result.stderr.prefix(300))")
        try write(report + "\n" + String(repeating: "x", count: 30_000) + "\n", in: root)
        let long = try build(root)
        #expect(long.status == 0, "\(long.stderr.prefix(300))")
    }

    /// 20,000 expressions in one paragraph took 16.5 s (quadratic); they build.
    @Test func twentyThousandExpressionsInOneParagraphBuild() throws {
        let (root, report) = try project("expressions")
        defer { try? FileManager.default.removeItem(at: root) }
        try write(report + "\n" + Array(repeating: "{{ rows_by_region.n }}", count: 20_000).joined(separator: " ") + "\n", in: root)
        let result = try build(root)
        #expect(result.status == 0, "\(result.stderr.prefix(300))")
    }

    /// `resamples: 1000000000` ran without end; numeric options have documented ranges.
    @Test func numericAnalysisOptionsOutOfRangeAreErrors() throws {
        let (root, report) = try project("resamples")
        defer { try? FileManager.default.removeItem(at: root) }
        let cases = [
            ("resamples: 1000000000", "resamples must be a whole number from 1 to 1000000"),
            ("resamples: 0", "resamples must be a whole number from 1 to 1000000"),
            ("resamples: 1e300", "expected a number"),
            ("level: 1.5", "level must be a confidence level from 0.5 to 0.9999"),
            ("level: .nan", "level must be a confidence level"),
        ]
        for (option, message) in cases {
            // `level` belongs to fisher, `resamples` to crosstab (a key of another kind is an error).
            let kind = option.hasPrefix("level") ? "fisher" : "crosstab, seed: 1"
            let analysis = "  - {id: ct, kind: \(kind), table: d, rows: region, columns: value, \(option)}\n"
            let text = replacing("analyses:\n", "analyses:\n" + analysis, in: report)
            try write(text, in: root)
            let result = try build(root)
            #expect(result.status == 65, "\(option): \(result.stderr.prefix(300))")
            #expect(result.stderr.contains("report.md:\(line(of: "id: ct", in: text)):"), "\(option): \(result.stderr.prefix(300))")
            #expect(result.stderr.contains(message), "\(option): \(result.stderr.prefix(300))")
        }
        let table = "tables:\n  - {id: top, from: rows_by_region, columns: [{field: region}], limit: -1}\n---"
        try write(replacing("\n---\n\n# Overview", "\n" + table + "\n\n# Overview", in: report), in: root)
        let negative = try build(root)
        #expect(negative.status == 65 && negative.stderr.contains("limit must be a whole number of rows"), "\(negative.stderr.prefix(300))")
    }

    /// An unknown 900-character key was quoted whole, twice; messages quote excerpts.
    @Test func anUnknownLongKeyIsQuotedAsAnExcerpt() throws {
        let (root, report) = try project("key")
        defer { try? FileManager.default.removeItem(at: root) }
        try write(replacing("data: data", String(repeating: "k", count: 900) + ": 1\ndata: data", in: report), in: root)
        let result = try build(root)
        #expect(result.status == 65 && result.stderr.contains("error: in kkk"), "\(result.stderr.prefix(300))")
        #expect(result.stderr.count < 500, "\(result.stderr.count) characters")
    }

    /// `complete: true` over years 1 to 999,999,999,999 filled every year (no end); now a limit.
    @Test func completingAHugeYearSpanIsAnError() throws {
        let (root, report) = try project("complete")
        defer { try? FileManager.default.removeItem(at: root) }
        try "region,value\nnorth,1\nsouth,999999999999\n".write(to: root.appendingPathComponent("reports/t/data/d.csv"),
                                                                atomically: true, encoding: .utf8)
        try write(replacing("    by: [\"region\"]", "    by: [value]\n    complete: true", in: report), in: root)
        let result = try build(root)
        #expect(result.status == 65, "\(result.stderr.prefix(300))")
        #expect(result.stderr.contains("would make more than 1000000 rows"), "\(result.stderr.prefix(300))")
    }

    /// A CRLF report.md was rejected, echoed whole; it builds the same outputs as its LF twin.
    @Test func aCRLFReportBuildsLikeItsLFTwin() throws {
        let (root, report) = try project("crlf")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try build(root).status == 0)
        let out = root.appendingPathComponent("reports/t/out")
        let files = try FileManager.default.subpathsOfDirectory(atPath: out.path).filter { !$0.hasSuffix("manifest.json") }.sorted()
        let lf = try files.map { try? Data(contentsOf: out.appendingPathComponent($0)) }
        try write(report.replacingOccurrences(of: "\n", with: "\r\n"), in: root)
        let result = try build(root)
        #expect(result.status == 0, "\(result.stderr.prefix(300))")
        let crlf = try files.map { try? Data(contentsOf: out.appendingPathComponent($0)) }
        #expect(files.count > 3)
        #expect(lf == crlf)
        // A CRLF file that is not a report: the message quotes an excerpt of the first line.
        try write(String(repeating: "not front matter ", count: 10_000) + "\r\nmore\r\n", in: root)
        let bad = try build(root)
        #expect(bad.status == 65 && bad.stderr.contains("report.md:1:1: error:"))
        #expect(bad.stderr.count < 400, "\(bad.stderr.prefix(500))")
    }

    /// `{{ }}` in alt, source and the report's title was printed literally; it is evaluated.
    @Test func expressionsInEveryTextField() throws {
        let (root, report) = try project("fields")
        defer { try? FileManager.default.removeItem(at: root) }
        var text = replacing("alt: \"Horizontal", "alt: \"{{ rows_by_region.n }} horizontal", in: report)
        text = replacing("title: \"T\"", "title: \"T {{ rows_by_region.groups }}\"", in: text)
        try write(text, in: root)
        let result = try build(root)
        #expect(result.status == 0, "\(result.stderr.prefix(300))")
        let chart = try String(contentsOf: root.appendingPathComponent("reports/t/out/charts/rows-by-region.svg"), encoding: .utf8)
        #expect(chart.contains("<desc>3 horizontal bars"))
        let page = try String(contentsOf: root.appendingPathComponent("reports/t/out/pages/page-01.svg"), encoding: .utf8)
        #expect(page.contains("<title>T 2 — page 1"))
        // An unknown name in the figure's source is an error at the figure.
        try write(replacing("source: \"d.csv\"", "source: \"{{ nope.n }}\"", in: report), in: root)
        let bad = try build(root)
        #expect(bad.status == 65 && bad.stderr.contains("unknown name \"nope\""), "\(bad.stderr.prefix(300))")
        #expect(bad.stderr.contains("report.md:\(line(of: "id: rows-by-region", in: report)):"))
    }

    /// An axis title is printed as written: a `{{` there is refused rather than printed literally.
    @Test func anExpressionInAnAxisTitleIsRefused() throws {
        let (root, report) = try project("axis")
        defer { try? FileManager.default.removeItem(at: root) }
        let text = replacing("title: \"Rows\"}", "title: \"Rows ({{ rows_by_region.n }})\"}", in: report)
        try write(text, in: root)
        let result = try build(root)
        #expect(result.status == 65)
        #expect(result.stderr.contains("report.md:\(line(of: "Rows ({{", in: text)):"), "\(result.stderr)")
        #expect(result.stderr.contains("expressions are not evaluated in a chart's title below its top level"), "\(result.stderr)")
    }

    /// `fixed(1000)` and `fixed(-1)` were clamped; they are errors at the expression.
    @Test func formatterArgumentsOutOfRangeAreErrors() throws {
        let (root, report) = try project("fixed")
        defer { try? FileManager.default.removeItem(at: root) }
        for argument in ["1000", "-1"] {
            let text = replacing("{{ rows_by_region.groups }}", "{{ rows_by_region.groups | fixed(\(argument)) }}", in: report)
            try write(text, in: root)
            let result = try build(root)
            let lineNumber = line(of: "fixed(\(argument))", in: text)
            #expect(result.status == 65)
            #expect(result.stderr.contains("report.md:\(lineNumber):"), "\(result.stderr)")
            #expect(result.stderr.contains("fixed(\(argument)): the number of decimals must be 0 to 12"), "\(result.stderr)")
        }
    }

    /// The front-matter date 2020-02-30 was accepted.
    @Test func anImpossibleDateIsAnError() throws {
        let (root, report) = try project("date")
        defer { try? FileManager.default.removeItem(at: root) }
        try write(replacing("date: \"2026-01-01\"", "date: \"2020-02-30\"", in: report), in: root)
        let result = try build(root)
        #expect(result.status == 65)
        #expect(result.stderr.contains("report.md:7:7: error: in date: date must be a calendar date written YYYY-MM-DD, found \"2020-02-30\""),
                "\(result.stderr)")
    }

    /// `\{{` prints a literal `{{` (there was no way to).
    @Test func backslashBracesBuild() throws {
        let (root, report) = try project("escape")
        defer { try? FileManager.default.removeItem(at: root) }
        try write(report + "\nWrite \\{{ id.member }} for an expression, or `\\{{ x }}` in code.\n", in: root)
        let result = try build(root)
        #expect(result.status == 0, "\(result.stderr.prefix(300))")
    }

    /// `dossier init --date 2020-02-30` and a 6,000-character `--title` wrote reports that did
    /// not build; they are usage errors, and a title with `{{` builds.
    @Test func initRefusesADateOrTitleTheBuildWouldReject() throws {
        let root = try Repository.temporaryDirectory("text-init-options")
        defer { try? FileManager.default.removeItem(at: root) }
        let date = try dossier(["init", "reports/a", "--date", "2020-02-30"], in: root)
        #expect(date.status == 64 && date.stderr.contains("--date must be a calendar date"), "\(date.stderr)")
        let title = try dossier(["init", "reports/a", "--title", String(repeating: "t", count: 6000)], in: root)
        #expect(title.status == 64 && title.stderr.contains("a title may have at most 5000"), "\(title.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("reports/a").path))
        let braces = try dossier(["init", "reports/b", "--title", "{{ a }} and \\{{ b", "--date", "2024-02-29"], in: root)
        #expect(braces.status == 0, "\(braces.stderr)")
        let build = try dossier(["build", "reports/b", "--fonts", Repository.root.appendingPathComponent("fonts").path], in: root)
        #expect(build.status == 0, "\(build.stderr.prefix(300))")
    }

    /// `dossier init` wrote reports that failed to build (a `{{ x }}` header, integers beyond
    /// 64 bits); every hostile CSV here gives a report that builds.
    @Test func initFromHostileCSVsAlwaysBuilds() throws {
        let root = try Repository.temporaryDirectory("text-init")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("reports"), withIntermediateDirectories: true)
        let csvs: [String: String] = [
            "braces": "\"{{ x }}\",big\na,99999999999999999999\nb,1\na,2\n",
            "bigint": "big,v\n99999999999999999999,1\n5,2\n",
            "closing": "\"}} {{\",n\n\"{{\",1\n\"}}\",2\n",
            "quotes": "\"a \"\"q\"\" \\ `b`\",n\nx,1\ny,2\nx,3\n",
            "newline": "\"a\nb # c\",n\nx,1\ny,2\nx,3\n",
            "markdown": "\"*a* <b> [c](source:x) # | !\",n\nx,1\ny,2\nx,3\n",
            "long": String(repeating: "h", count: 6000) + ",n\nx,1\ny,2\nx,3\n",
            "scatter": "\"{{ a }}\",\"{{ b }}\"\n1.5,2\n2.5,3\n3.5,1\n",
            "backslash": "\"\\{{ z }}\",n\nx,1\ny,2\nx,3\n",
            "crlf": "k,n\r\nx,1\r\ny,2\r\n",
            "separators": "\"a\u{2028}b\u{85}c\u{2029}\",n\nx,1\ny,2\nx,3\n",
        ]
        for (name, csv) in csvs.sorted(by: { $0.key < $1.key }) {
            try Data(csv.utf8).write(to: root.appendingPathComponent("\(name).csv"))
            let scaffold = try dossier(["init", "reports/\(name)", "--from", "\(name).csv", "--date", "2026-01-01"], in: root)
            #expect(scaffold.status == 0, "\(name): \(scaffold.stderr)")
            let result = try dossier(["build", "reports/\(name)", "--fonts", Repository.root.appendingPathComponent("fonts").path], in: root)
            #expect(result.status == 0, "\(name): \(result.stderr.prefix(400))")
        }
    }
}
