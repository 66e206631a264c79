import Foundation
import Testing

/// Cross-references (`{{ ref:id }}`) and long tables split across pages, built end to end from a
/// small generated project: a 120-row table, a short one and a figure.
@Suite struct LayoutReferenceTests {
    /// The report: `{{ ref:… }}` in a finding, the body and a caption; a short table that fits,
    /// the 120-row table, a figure.
    static let report = """
    ---
    title: "Layout features"
    date: "2026-11-29"
    data: data/datapackage.json
    findings:
      - "{{ ref:all-cases }} lists every case; {{ ref:by-kind }} draws them."
    analyses:
      - {id: kinds, kind: count, table: cases, by: [kind]}
    figures:
      - id: by-kind
        alt: "Bars: cases per kind."
        chart:
          width: 400
          height: 120
          data: kinds
          mark: bar
          encoding:
            y: {field: kind, type: nominal, title: ""}
            x: {field: n, type: quantitative, title: "Cases"}
    tables:
      - id: short
        from: kinds
        columns:
          - {field: kind, title: "Kind"}
          - {field: n, title: "Cases"}
      - id: all-cases
        from: cases
        columns:
          - {field: id, title: "Case"}
          - {field: title, title: "Title"}
          - {field: kind, title: "Kind"}
    ---

    # Cases

    {{ ref:short }} counts the cases by kind, {{ ref:by-kind }} draws the counts and
    {{ ref:all-cases }} lists all {{ kinds.n }} of them.

    ```{table} short
    Cases per kind (drawn in {{ ref:by-kind }}).
    ```

    ```{figure} by-kind
    Cases per kind, from {{ ref:short }}.
    ```

    ```{table} all-cases
    Every case.
    ```
    """

    /// A project with the report and a 120-row `cases` resource; every tenth title is long
    /// enough to wrap, and each title ends with a marker naming its row.
    private func project() throws -> URL {
        let root = try Repository.temporaryDirectory("layout-refs")
        let data = root.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        var csv = "id,title,kind\n"
        for row in 1...120 {
            let filler = row % 10 == 0 ? String(repeating: "a longer title that wraps onto a second line ", count: 3) : ""
            csv += "C\(String(format: "%03d", row)),Case \(row) \(filler)end-\(row),\(["alpha", "beta", "gamma"][row % 3])\n"
        }
        try csv.write(to: data.appendingPathComponent("cases.csv"), atomically: true, encoding: .utf8)
        let descriptor = """
        {"name": "layout", "resources": [{"name": "cases", "path": "cases.csv", "schema": {"fields": [
          {"name": "id", "type": "string"}, {"name": "title", "type": "string"}, {"name": "kind", "type": "string"}]}}]}
        """
        try descriptor.write(to: data.appendingPathComponent("datapackage.json"), atomically: true, encoding: .utf8)
        try Self.report.write(to: root.appendingPathComponent("report.md"), atomically: true, encoding: .utf8)
        return root
    }

    private func build(_ root: URL) throws -> CommandResult {
        try dossier(["build", root.path, "--fonts", Repository.root.appendingPathComponent("fonts").path])
    }

    /// The text of each page of the built PDF.
    private func pages(_ root: URL) throws -> [String] {
        let pdf = root.appendingPathComponent("out/\(root.lastPathComponent).pdf").path
        let count = try run("pdfinfo", [pdf]).stdout.components(separatedBy: "\n")
            .first { $0.hasPrefix("Pages:") }.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) } ?? 0
        return try (1...max(count, 1)).map { page in
            try run("pdftotext", ["-f", "\(page)", "-l", "\(page)", pdf, "-"]).stdout
                .split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        }
    }

    @Test func referencesPrintTheGeneratedNumbersAndLinkToTheirTarget() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try build(root)
        #expect(result.status == 0, "\(result.stderr)")
        let text = try pages(root).joined(separator: " ")
        #expect(text.contains("Table 2 lists every case; Figure 1 draws them."), "the finding")
        #expect(text.contains("Table 1 counts the cases by kind, Figure 1 draws the counts and Table 2 lists all 120"), "the body")
        #expect(text.contains("Table 1. Cases per kind (drawn in Figure 1)."), "a table caption")
        #expect(text.contains("Figure 1. Cases per kind, from Table 1."), "a figure caption")
        // Every reference is an internal link (a /Dest, no URI): three in the body, two in
        // the finding, one in each caption.
        let pdf = try Data(contentsOf: root.appendingPathComponent("out/\(root.lastPathComponent).pdf"))
        let raw = String(decoding: pdf, as: UTF8.self)
        let links = raw.components(separatedBy: "/Subtype /Link").dropFirst()
        #expect(links.count == 7)
        #expect(links.allSatisfy { $0.prefix(200).contains("/Dest [") && !$0.prefix(200).contains("/URI") })
        #expect(try run("qpdf", ["--check", root.appendingPathComponent("out/\(root.lastPathComponent).pdf").path]).status == 0)
    }

    @Test func anUnknownReferenceIsAnErrorAtItsPlace() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let report = Self.report.replacingOccurrences(of: "{{ ref:short }} counts", with: "{{ ref:shorts }} counts")
        try report.write(to: root.appendingPathComponent("report.md"), atomically: true, encoding: .utf8)
        let result = try build(root)
        let line = (report.components(separatedBy: "\n").firstIndex { $0.contains("ref:shorts") } ?? -1) + 1
        #expect(result.status == 65)
        #expect(result.stderr.contains("report.md:\(line):1: error: in {{ ref:shorts }}: no figure or table \"shorts\""), "\(result.stderr)")
        #expect(result.stderr.contains("did you mean \"short\"?"), "\(result.stderr)")
    }

    @Test func aLongTableBreaksBetweenRowsWithItsHeaderAndACaptionOnEveryPage() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try build(root)
        #expect(result.status == 0, "\(result.stderr)")
        let pages = try pages(root)
        let first = pages.firstIndex { $0.contains("Table 2. Every case.") } ?? -1
        #expect(first >= 0)
        var continuations = 0
        for row in 1...120 {
            let id = "C\(String(format: "%03d", row))"
            let holding = pages.indices.filter { pages[$0].contains(id) }
            #expect(holding.count == 1, "row \(id) is on pages \(holding)")
            if let page = holding.first {
                #expect(pages[page].contains("end-\(row) "), "row \(id) is split from its last line")
            }
        }
        for index in pages.indices where index > first {
            guard pages[index].contains("C1") || pages[index].contains("C0") else { continue }
            continuations += 1
            #expect(pages[index].contains("Table 2 (continued)"), "page \(index + 1) has no continued caption")
            #expect(pages[index].contains("Case Title Kind"), "page \(index + 1) repeats no header")
        }
        #expect(continuations >= 2, "120 rows fill more than two pages")
        #expect(!pages.joined().contains("Table 1 (continued)"), "the short table fits: no continuation")
    }
}
