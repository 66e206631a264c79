import Foundation
import Testing

/// Every complete report example in docs/report-format.md builds, so the reference cannot
/// drift from the code. An example is a block fenced with four backticks and the info string
/// `markdown report-example`; it is written as `report.md` next to a copy of
/// docs/examples/data/ and built with the pinned fonts.
@Suite struct DocsExampleTests {
    static let reference = Repository.root.appendingPathComponent("docs/report-format.md")
    static let exampleData = Repository.root.appendingPathComponent("docs/examples/data")

    /// The examples, in order, with the line each starts on.
    static func examples() throws -> [(line: Int, text: String)] {
        let lines = try String(contentsOf: reference, encoding: .utf8).components(separatedBy: "\n")
        var examples: [(Int, String)] = []
        var current: [String]?
        var start = 0
        for (index, line) in lines.enumerated() {
            if current == nil, line.trimmingCharacters(in: .whitespaces) == "````markdown report-example" {
                current = []
                start = index + 2
            } else if current != nil, line.trimmingCharacters(in: .whitespaces) == "````" {
                examples.append((start, (current ?? []).joined(separator: "\n") + "\n"))
                current = nil
            } else if current != nil {
                current?.append(line)
            }
        }
        return examples
    }

    @Test func theReferenceHasExamplesForEveryAnalysisKindAndMark() throws {
        let all = try Self.examples().map(\.text).joined()
        #expect(try Self.examples().count >= 10)
        for kind in ["count", "rows", "summary", "correlation", "permutation", "regression", "poisson", "negbin", "sensitivity",
                     "proportion", "crosstab", "fisher", "adjust"] {
            #expect(all.contains("kind: \(kind)"), "no example uses kind \(kind)")
        }
        for mark in ["point", "line", "bar", "area", "rule", "rect", "text"] {
            #expect(all.contains("mark: \(mark)") || all.contains("type: \(mark)"), "no example uses mark \(mark)")
        }
        for formatter in ["fixed", "number", "count", "percent", "signed", "interval", "pvalue", "usd_millions", "list", "text"] {
            #expect(all.contains("| \(formatter)"), "no example uses formatter \(formatter)")
        }
    }

    @Test func everyExampleBuilds() throws {
        let examples = try Self.examples()
        #expect(!examples.isEmpty, "no ````markdown report-example blocks found in docs/report-format.md")
        let root = try Repository.temporaryDirectory("docs-examples")
        defer { try? FileManager.default.removeItem(at: root) }
        for (number, example) in examples.enumerated() {
            let folder = root.appendingPathComponent(String(format: "example-%02d", number + 1))
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Self.exampleData, to: folder.appendingPathComponent("data"))
            try example.text.write(to: folder.appendingPathComponent("report.md"), atomically: true, encoding: .utf8)
            let result = try dossier(["build", folder.path, "--fonts", Repository.root.appendingPathComponent("fonts").path])
            #expect(result.status == 0,
                    "docs/report-format.md:\(example.line): example \(number + 1) fails to build:\n\(result.stderr)")
            if result.status == 0 {
                let pdf = folder.appendingPathComponent("out/\(folder.lastPathComponent).pdf")
                #expect(FileManager.default.fileExists(atPath: pdf.path))
            }
        }
    }

    @Test func theExampleDataIsValid() throws {
        let result = try dossier(["validate", Self.exampleData.appendingPathComponent("datapackage.json").path])
        #expect(result.status == 0, "\(result.stderr)")
    }
}
