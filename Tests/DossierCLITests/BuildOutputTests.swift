import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The flagship build, seen as a user sees it: the files, their text and their structure.
@Suite(.serialized) struct BuildOutputTests {
    @Test func flagshipBuildsEveryOutput() throws {
        let out = try Repository.temporaryDirectory("build")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try dossier(["build", Repository.flagship.path, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")

        let pdf = out.appendingPathComponent("china-lac-local.pdf")
        let info = try run("pdfinfo", [pdf.path])
        #expect(info.status == 0)
        let pages = info.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        #expect(pages >= 1)
        #expect(info.stdout.contains("Title:           Going local"))
        #expect(info.stdout.contains("Creator:         Dossier"))
        #expect(info.stdout.contains("Page size:       595.276 x 841.89 pts (A4)"))

        let text = try run("pdftotext", ["-layout", pdf.path, "-"]).stdout
        #expect(text.contains("Key findings"))
        #expect(text.contains("Figure 1."))
        #expect(text.contains("Page 1 of \(pages)"))
        #expect(!text.contains("{{"), "an expression was left unexpanded")

        let fonts = try run("pdffonts", [pdf.path]).stdout
        let fontRows = fonts.split(separator: "\n").dropFirst(2)
        #expect(!fontRows.isEmpty)
        for row in fontRows { #expect(row.contains(" yes yes yes "), "font not embedded: \(row)") }

        let manifest = try Data(contentsOf: out.appendingPathComponent("manifest.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: manifest) as? [String: Any])
        let outputs = try #require(object["outputs"] as? [[String: String]])
        #expect(outputs.contains { $0["path"] == "china-lac-local.pdf" })
        #expect((object["inputs"] as? [[String: String]])?.contains { $0["path"] == "../../datasets/cases.csv" } == true)

        let stats = try Data(contentsOf: out.appendingPathComponent("stats.json"))
        #expect((try JSONSerialization.jsonObject(with: stats) as? [String: Any]) != nil)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("pages/page-01.svg").path))
    }

    @Test func everyChartHasSVGWithTitlePDFAndPNG() throws {
        let out = try Repository.temporaryDirectory("charts")
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(try dossier(["build", Repository.flagship.path, "--out", out.path]).status == 0)
        let charts = out.appendingPathComponent("charts")
        let names = try FileManager.default.contentsOfDirectory(atPath: charts.path).filter { $0.hasSuffix(".svg") }
        #expect(!names.isEmpty)
        for name in names {
            let id = String(name.dropLast(4))
            let svg = try Data(contentsOf: charts.appendingPathComponent(name))
            let parser = XMLParser(data: svg)
            let collector = ElementCollector()
            parser.delegate = collector
            #expect(parser.parse(), "\(name) is not well-formed XML")
            #expect(collector.elements.contains("title"), "\(name) has no <title>")
            #expect(collector.elements.contains("desc"), "\(name) has no <desc>")

            let pdf = charts.appendingPathComponent(id + ".pdf")
            let chartText = try run("pdftotext", [pdf.path, "-"]).stdout
            #expect(!chartText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(id).pdf has no text")

            let png = try Data(contentsOf: charts.appendingPathComponent(id + ".png"))
            let size = try #require(pngSize(png))
            let pdfInfo = try run("pdfinfo", [pdf.path]).stdout
            let dims = pdfInfo.split(separator: "\n").first { $0.hasPrefix("Page size:") }?
                .split(separator: " ").compactMap { Double($0) } ?? []
            #expect(dims.count >= 2)
            if dims.count >= 2 {
                #expect(size.width == Int((dims[0] * 2).rounded(.up)), "PNG is 2 px per point of the chart")
                #expect(size.height == Int((dims[1] * 2).rounded(.up)))
            }
        }
    }
}

/// Records element names while parsing XML.
final class ElementCollector: NSObject, XMLParserDelegate {
    var elements: Set<String> = []
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.insert(name)
    }
}
