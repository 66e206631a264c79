/// A standalone chart SVG (as ``SVGCanvas`` writes it) turned into an `<svg>` element for the
/// HTML briefing: the XML declaration and namespace declarations dropped, `role="img"` with
/// its `<title>` and `<desc>` named by `aria-labelledby`, and every id prefixed so that several
/// charts on one page do not share glyph, clip or marker ids.
package enum HTMLInlineSVG {
    /// The element for `svg` (the bytes of a standalone chart SVG); ids get `prefix` + `-`.
    /// `title` and `description` replace the document's own `<title>` and `<desc>`.
    package static func element(_ svg: [UInt8], prefix: String, title: String, description: String) -> String {
        let text = String(decoding: svg, as: UTF8.self)
        let viewBox = attribute("viewBox", in: text) ?? "0 0 100 100"
        let numbers = viewBox.split(separator: " ").compactMap { Double($0) }
        let width = numbers.count == 4 ? numbers[2] : 100, height = numbers.count == 4 ? numbers[3] : 100
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"\(HTMLEscaping.escape(viewBox))\""
        // Points to CSS pixels, so that the chart's natural size is its printed size.
        out += " width=\"\(pixels(width))\" height=\"\(pixels(height))\""
        out += " role=\"img\" aria-labelledby=\"\(prefix)-title \(prefix)-desc\">\n"
        out += "<title id=\"\(prefix)-title\">\(HTMLEscaping.escape(title))</title>\n"
        out += "<desc id=\"\(prefix)-desc\">\(HTMLEscaping.escape(description))</desc>\n"
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

    /// `points` in CSS pixels (4/3 px per point), rounded to whole pixels.
    static func pixels(_ points: Double) -> Int {
        Int((points * 4 / 3).rounded())
    }
}
