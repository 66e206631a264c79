import Foundation
import Testing

/// Bad input gets a clear message, the documented exit code, and leaves outputs untouched.
@Suite(.serialized) struct ErrorReportingTests {
    private func project() throws -> URL {
        let directory = try Repository.temporaryDirectory("errors")
        try Repository.copyProject(to: directory)
        return directory
    }

    private func replace(_ old: String, with new: String, in file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old), "fixture text not found: \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func missingReportFolderExits66() throws {
        let result = try dossier(["build", "/nonexistent/report"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("no such report folder"))
    }

    @Test func unknownNameInExpressionIsReportedAtItsPosition() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let report = root.appendingPathComponent("reports/china-lac-local/report.md")
        try replace("Of {{ outcomes.n }} documented", with: "Of {{ outcome.n }} documented", in: report)
        let result = try dossier(["build", "reports/china-lac-local"], in: root)
        #expect(result.status == 65)
        #expect(result.stderr.contains("reports/china-lac-local/report.md:"))
        #expect(result.stderr.contains("unknown name \"outcome\""))
        #expect(result.stderr.contains("did you mean \"outcomes\"?"))
    }

    /// Resampling tests run first (on two threads), but the error reported is the first
    /// failing analysis in declaration order, as a sequential run would give.
    @Test func theFirstFailingAnalysisInDeclarationOrderIsReported() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let report = root.appendingPathComponent("reports/china-lac-local/report.md")
        try replace("    by: [in_wikipedia]", with: "    by: [in_wikipedi]", in: report)
        try replace("    rows: label\n    columns: outcome_label", with: "    rows: lable\n    columns: outcome_label", in: report)
        for threads in ["1", "2"] {
            let result = try dossier(["build", "reports/china-lac-local"], in: root, environment: ["DOSSIER_THREADS": threads])
            #expect(result.status == 65)
            #expect(result.stderr.contains("analysis \"twinning_all\""), "\(result.stderr)")
            #expect(!result.stderr.contains("analysis \"outcomes\""), "\(result.stderr)")
        }
    }

    @Test func unknownFormatterListsTheKnownOnes() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let report = root.appendingPathComponent("reports/china-lac-local/report.md")
        try replace("{{ ties_total.sum | count }} twinning ties", with: "{{ ties_total.sum | cuont }} twinning ties", in: report)
        let result = try dossier(["build", "reports/china-lac-local"], in: root)
        #expect(result.status == 65)
        #expect(result.stderr.contains("unknown formatter \"cuont\"; did you mean \"count\"?"))
    }

    @Test func badCSVFailsAndLeavesPreviousOutputsIntact() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try dossier(["build", "reports/china-lac-local"], in: root).status == 0)
        let out = root.appendingPathComponent("reports/china-lac-local/out")
        let before = try FileManager.default.subpathsOfDirectory(atPath: out.path).sorted()
        let pdfBefore = try Data(contentsOf: out.appendingPathComponent("china-lac-local.pdf"))

        let cases = root.appendingPathComponent("datasets/cases.csv")
        var lines = try String(contentsOf: cases, encoding: .utf8).components(separatedBy: "\n")
        lines[3] = lines[3].replacingOccurrences(of: ",local,", with: ",loca,")
        try lines.joined(separator: "\n").write(to: cases, atomically: true, encoding: .utf8)
        try replace("# Money and scale", with: "# Money and scale\n\nAn added sentence.", in: root.appendingPathComponent("reports/china-lac-local/report.md"))

        let result = try dossier(["build", "reports/china-lac-local"], in: root)
        #expect(result.status == 65)
        #expect(result.stderr.contains("datasets/cases.csv:4:"))
        #expect(result.stderr.contains("loca"))
        let after = try FileManager.default.subpathsOfDirectory(atPath: out.path).sorted()
        #expect(before == after, "no file may appear or vanish")
        #expect(try Data(contentsOf: out.appendingPathComponent("china-lac-local.pdf")) == pdfBefore)
    }

    @Test func checkNamesStaleFilesAndTheChangedInput() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try dossier(["build", "reports/china-lac-local"], in: root).status == 0)
        #expect(try dossier(["check", "reports/china-lac-local"], in: root).status == 0)
        try replace("# Money and scale", with: "# Money and scale\n\nAn added sentence.", in: root.appendingPathComponent("reports/china-lac-local/report.md"))
        let result = try dossier(["check", "reports/china-lac-local"], in: root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("china-lac-local.pdf: stale"))
        #expect(result.stderr.contains("report.md"))
    }
}
