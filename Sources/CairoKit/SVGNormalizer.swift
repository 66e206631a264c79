/// Post-processes Cairo's SVG output so that it is the same whatever else the process drew,
/// and carries an accessible `<title>` and `<desc>`.
enum SVGNormalizer {
    /// Renumbers `surfaceN` ids in order of first appearance (Cairo draws them from a
    /// process-wide counter) and inserts `<title>`/`<desc>` after the root element's start tag.
    /// One pass over the bytes.
    static func normalize(_ bytes: [UInt8], title: String?, description: String?) -> [UInt8] {
        var accessible: [UInt8] = []
        if let title { accessible += Array("<title>\(escape(title))</title>\n".utf8) }
        if let description { accessible += Array("<desc>\(escape(description))</desc>\n".utf8) }
        let marker = Array("surface".utf8)
        let svgOpen = Array("<svg".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + accessible.count + 1)
        var numbers: [[UInt8]: [UInt8]] = [:]
        var insertedAccessible = accessible.isEmpty
        var insideSVGStart = false
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if !insertedAccessible {
                if !insideSVGStart, byte == UInt8(ascii: "<"), index + svgOpen.count <= count,
                   bytes[index..<(index + svgOpen.count)].elementsEqual(svgOpen) {
                    insideSVGStart = true
                } else if insideSVGStart, byte == UInt8(ascii: ">") {
                    output.append(byte)
                    output.append(UInt8(ascii: "\n"))
                    output += accessible.dropLast()
                    insertedAccessible = true
                    index += 1
                    continue
                }
            }
            if byte == UInt8(ascii: "s"), index + marker.count < count,
               bytes[index..<(index + marker.count)].elementsEqual(marker) {
                var end = index + marker.count
                while end < count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9") { end += 1 }
                output += marker
                if end > index + marker.count {
                    let digits = Array(bytes[(index + marker.count)..<end])
                    let renumbered = numbers[digits] ?? Array(String(numbers.count + 1).utf8)
                    numbers[digits] = renumbered
                    output += renumbered
                }
                index = end
                continue
            }
            output.append(byte)
            index += 1
        }
        return output
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
