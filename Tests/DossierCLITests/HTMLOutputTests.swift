import Foundation
import Testing

/// `out/<name>.html`: written with the other outputs, listed in the manifest, every figure
/// inline, the same bytes whether the charts were drawn in this build or not.
@Suite(.serialized) struct HTMLOutputTests {
    @Test func flagshipHTMLHoldsEveryFigureAndIsInTheManifest() throws {
        let out = try Repository.temporaryDirectory("html")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try dossier(["build", Repository.flagship.path, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Data(contentsOf: out.appendingPathComponent("china-lac-local.html"))
        #expect(data.count < 1_500_000, "the flagship's HTML has \(data.count) bytes")
        let html = String(decoding: data, as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(!html.contains("{{"), "an expression was left unexpanded")
        #expect(!html.contains(out.path) && !html.contains(Repository.root.path), "an absolute path in the HTML")
        let charts = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("charts").path)
            .filter { $0.hasSuffix(".svg") }.map { String($0.dropLast(4)) }
        #expect(!charts.isEmpty)
        for id in charts {
            #expect(html.contains("<figure id=\"fig-\(id)\">"), "figure \(id) missing")
            #expect(html.contains("aria-labelledby=\"fig-\(id)-title fig-\(id)-desc\""), "figure \(id) has no labelled SVG")
        }
        let manifest = try Data(contentsOf: out.appendingPathComponent("manifest.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: manifest) as? [String: Any])
        let outputs = try #require(object["outputs"] as? [[String: String]])
        #expect(outputs.contains { $0["path"] == "china-lac-local.html" })
    }

    @Test func documentOnlyBuildWritesTheSameHTML() throws {
        let full = try Repository.temporaryDirectory("html-full")
        let document = try Repository.temporaryDirectory("html-document")
        defer {
            try? FileManager.default.removeItem(at: full)
            try? FileManager.default.removeItem(at: document)
        }
        #expect(try dossier(["build", Repository.flagship.path, "--out", full.path]).status == 0)
        // No chart is redrawn here: the HTML renders each chart's SVG itself.
        let result = try dossier(["build", Repository.flagship.path, "--document-only", "--out", document.path])
        #expect(result.status == 0, "\(result.stderr)")
        let first = try Data(contentsOf: full.appendingPathComponent("china-lac-local.html"))
        let second = try Data(contentsOf: document.appendingPathComponent("china-lac-local.html"))
        #expect(first == second)
    }
}
