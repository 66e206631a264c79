import DossierBase

/// Post-processes Cairo's SVG output so that it is the same whatever else the process drew,
/// and carries an accessible `<title>` and `<desc>`.
enum SVGNormalizer {
    /// Renumbers `surfaceN` ids in order of first appearance (Cairo draws them from a
    /// process-wide counter), inserts `<title>`/`<desc>` after the root element's start tag and
    /// replaces each marker layer's placeholder with the layer's `<defs>` and `<use>`s
    /// (``SVGMarkerWriter``). One pass over the bytes.
    static func normalize(_ bytes: [UInt8], title: String?, description: String?, markers: [MarkerLayer] = []) -> [UInt8] {
        var accessible: [UInt8] = []
        if let title { accessible += Array("<title>\(escape(title))</title>\n".utf8) }
        if let description { accessible += Array("<desc>\(escape(description))</desc>\n".utf8) }
        let marker = Array("surface".utf8)
        let svgOpen = Array("<svg".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + accessible.count + 1 + markers.reduce(0) { $0 + $1.count * 56 })
        let layers = Dictionary(markers.map { ($0.serial, $0) }, uniquingKeysWith: { first, _ in first })
        var elementStart = 0
        var numbers: [[UInt8]: [UInt8]] = [:]
        var insertedAccessible = accessible.isEmpty
        var insideSVGStart = false
        var index = 0
        let count = bytes.count
        while index < count {
            if insertedAccessible && layers.isEmpty {
                // Only "surface" matters from here on: copy everything up to the next "s" at once
                // (byte-by-byte appends made this pass a tenth of a briefing's page rendering).
                let next = bytes[index...].firstIndex(of: UInt8(ascii: "s")) ?? count
                output.append(contentsOf: bytes[index..<next])
                index = next
                if index == count { break }
            }
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
            if byte == UInt8(ascii: "<") {
                elementStart = output.count
            } else if byte == UInt8(ascii: "f"), !layers.isEmpty, let found = SVGMarkerWriter.placeholder(in: bytes, at: index),
                      let layer = layers[found.serial] {
                output.removeSubrange(elementStart...)
                SVGMarkerWriter.append(layer, to: &output)
                index = found.end
                continue
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
        XMLEscaping.escape(text)
    }
}
