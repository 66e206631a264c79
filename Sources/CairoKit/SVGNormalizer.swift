/// Post-processes Cairo's SVG output so that it is the same whatever else the process drew,
/// and carries an accessible `<title>` and `<desc>`.
enum SVGNormalizer {
    /// Renumbers `surfaceN` ids in order of first appearance (Cairo draws them from a
    /// process-wide counter) and inserts `<title>`/`<desc>` after the root element's start tag.
    static func normalize(_ bytes: [UInt8], title: String?, description: String?) -> [UInt8] {
        var text = String(decoding: bytes, as: UTF8.self)
        text = renumberSurfaces(text)
        var accessible = ""
        if let title { accessible += "<title>\(escape(title))</title>\n" }
        if let description { accessible += "<desc>\(escape(description))</desc>\n" }
        if !accessible.isEmpty, let svgStart = text.range(of: "<svg"),
           let close = text[svgStart.upperBound...].firstIndex(of: ">") {
            let insertAt = text.index(after: close)
            text.insert(contentsOf: "\n" + accessible.dropLast(), at: insertAt)
        }
        return Array(text.utf8)
    }

    private static func renumberSurfaces(_ text: String) -> String {
        var numbers: [Substring: Int] = [:]
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var rest = text[...]
        while let range = rest.range(of: "surface") {
            result += rest[..<range.upperBound]
            var digitsEnd = range.upperBound
            while digitsEnd < rest.endIndex, rest[digitsEnd].isASCII, rest[digitsEnd].isNumber {
                digitsEnd = rest.index(after: digitsEnd)
            }
            let digits = rest[range.upperBound..<digitsEnd]
            if !digits.isEmpty {
                let next = numbers.count + 1
                let number = numbers[digits] ?? next
                numbers[digits] = number
                result += String(number)
            }
            rest = rest[digitsEnd...]
        }
        result += rest
        return result
    }

    /// Escapes XML special characters.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
