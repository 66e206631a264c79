import Foundation
@testable import DossierLayout
import Testing

/// HTMLInlineSVG, which searches the chart SVG as bytes: the element it writes is the one the
/// character-by-character version wrote (kept below as the reference), for every chart SVG of
/// the committed reports and for SVGs that lack a part or end in the middle of a pattern.
@Suite struct HTMLInlineSVGTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every chart SVG under reports/*/out/charts.
    static func committedChartSVGs() throws -> [(String, [UInt8])] {
        let reports = repository.appendingPathComponent("reports")
        var svgs: [(String, [UInt8])] = []
        for report in try FileManager.default.contentsOfDirectory(atPath: reports.path).sorted() {
            let charts = reports.appendingPathComponent(report).appendingPathComponent("out/charts")
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: charts.path)) ?? []).sorted() where name.hasSuffix(".svg") {
                svgs.append(("\(report)/\(name)", [UInt8](try Data(contentsOf: charts.appendingPathComponent(name)))))
            }
        }
        return svgs
    }

    @Test func theCommittedChartsAreInlinedAsBefore() throws {
        let svgs = try Self.committedChartSVGs()
        #expect(svgs.count >= 7)
        for (name, svg) in svgs {
            let inlined = HTMLInlineSVG.element(svg, prefix: "fig-x", title: "Figure 1: A & B", description: "<desc>")
            #expect(inlined == ReferenceInlineSVG.element(svg, prefix: "fig-x", title: "Figure 1: A & B", description: "<desc>"), "\(name)")
            #expect(inlined.contains(" id=\"fig-x-"), "\(name)")
        }
    }

    @Test(arguments: [
        "", "<svg", "<svg>", "no root here", "<svg viewBox=\"0 0 20 10\">\n\n<title>T</title>\n<desc>D</desc>\n<g id=\"a\"/></svg>",
        "<svg viewBox=\"1 2\"><desc>D</desc><title>T</title><path id=\"p\"/></svg>",
        "<?xml?><svg\n viewBox=\"0 0 5 5\" width=\"5\"><title>open title, no close<use xlink:href=\"#g\"/><use xlink:href=\"x.svg\"/>",
        "<svg><g clip-path=\"url(#c1)\" fill=\"url(#", "<svg> id=\"", "<svg> xlink:href=\"#", "<svg>u", "<svg> ",
        "<svg viewBox=\"0 0 1 1\">\nurl(#a) url(b) uid=\"x\"  id=\"y\" xid=\"z\" xlink:href=\"#q\" id=\"\"</svg>",
        "<svg viewBox=\"0 0 9 9\"><title>Ünïcode São</title><text id=\"t\">Querétaro</text></svg>",
    ])
    func edgeCasesAreInlinedAsBefore(svg: String) {
        let bytes = Array(svg.utf8)
        #expect(HTMLInlineSVG.element(bytes, prefix: "p", title: "t", description: "d")
                == ReferenceInlineSVG.element(bytes, prefix: "p", title: "t", description: "d"))
    }

    @Test func invalidUTF8IsReplacedAsBefore() {
        let bytes = Array("<svg viewBox=\"0 0 1 1\"><g id=\"".utf8) + [0xFF, 0xC3] + Array("\"/></svg>".utf8)
        #expect(HTMLInlineSVG.element(bytes, prefix: "p", title: "t", description: "d")
                == ReferenceInlineSVG.element(bytes, prefix: "p", title: "t", description: "d"))
    }
}

/// The character-by-character HTMLInlineSVG of 029d190, the reference for its byte version.
private enum ReferenceInlineSVG {
    /// The element for `svg` (the bytes of a standalone chart SVG); ids get `prefix` + `-`.
    /// `title` and `description` replace the document's own `<title>` and `<desc>`.
    static func element(_ svg: [UInt8], prefix: String, title: String, description: String) -> String {
        let text = String(decoding: svg, as: UTF8.self)
        let viewBox = attribute("viewBox", in: text) ?? "0 0 100 100"
        // The opening tags are not what changed: the shared function writes them.
        var out = HTMLInlineSVG.openingTags(viewBox: viewBox, prefix: prefix, title: title, description: description)
        out += prefixedIDs(drawing(of: text), prefix: prefix + "-")
        return out
    }

    /// The document after its root tag, `<title>` and `<desc>`: the `<defs>`, the drawing and
    /// the closing `</svg>`.
    static func drawing(of text: String) -> Substring {
        guard let root = text.range(of: "<svg"), let rootEnd = text[root.upperBound...].firstIndex(of: ">") else { return "</svg>" }
        var rest = text[text.index(after: rootEnd)...]
        for element in ["title", "desc"] {
            let trimmed = rest.drop { $0 == "\n" }
            if trimmed.hasPrefix("<\(element)>"), let close = trimmed.range(of: "</\(element)>") {
                rest = trimmed[close.upperBound...]
            }
        }
        return rest.drop { $0 == "\n" }
    }

    /// `id="x"` → `id="<prefix>x"`, `xlink:href="#x"` → `href="#<prefix>x"` (SVG 2 `href`, which
    /// HTML parses without a namespace declaration), `url(#x)` → `url(#<prefix>x)`.
    static func prefixedIDs(_ text: Substring, prefix: String) -> String {
        let replacements: [(String, String)] = [
            (" id=\"", " id=\"" + prefix),
            (" xlink:href=\"#", " href=\"#" + prefix),
            (" xlink:href=\"", " href=\""),
            ("url(#", "url(#" + prefix),
        ]
        let bytes = Array(text.utf8)
        let patterns = replacements.map { (Array($0.0.utf8), Array($0.1.utf8)) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var index = 0
        scan: while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "u") {
                for (pattern, replacement) in patterns where pattern[0] == byte && hasPrefix(bytes, at: index, pattern) {
                    out += replacement
                    index += pattern.count
                    continue scan
                }
            }
            out.append(byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hasPrefix(_ bytes: [UInt8], at index: Int, _ pattern: [UInt8]) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    /// The value of the root element's attribute `name`.
    static func attribute(_ name: String, in text: String) -> String? {
        guard let root = text.range(of: "<svg"), let rootEnd = text[root.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = text[root.upperBound..<rootEnd]
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        guard let end = tag[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(tag[start.upperBound..<end])
    }
}
