import DossierBase

/// Writes a ``MarkerLayer`` as SVG: each symbol once, as a `<path id>` inside `<defs>`, then
/// one `<use>` per marker, in drawing order.
enum SVGMarkerWriter {
    /// The placeholder fill Cairo writes for a layer, up to the blue component.
    static let sentinelPrefix = Array("fill:rgb(12.3457%,65.4321%,".utf8)

    /// The id of symbol `symbol` of layer `serial`.
    static func id(_ serial: Int, _ symbol: Int) -> String { "m\(serial)-\(symbol)" }

    /// Appends the layer's definitions and references.
    static func append(_ layer: MarkerLayer, to out: inout [UInt8]) {
        out += Array("<defs>\n".utf8)
        for (index, symbol) in layer.symbols.enumerated() {
            out += Array("<path id=\"\(id(layer.serial, index))\" style=\"\(style(symbol))\" d=\"\(layer.outlines[index])\"/>\n".utf8)
        }
        out += Array("</defs>\n".utf8)
        let references = layer.symbols.indices.map { Array("<use xlink:href=\"#\(id(layer.serial, $0))\" x=\"".utf8) }
        let middle = Array("\" y=\"".utf8), end = Array("\"/>\n".utf8)
        out.reserveCapacity(out.count + layer.count * (references[0].count + 34))
        for index in 0..<layer.count {
            out += references[layer.symbol(index)]
            DecimalWriter.append(layer.positions[2 * index], to: &out)
            out += middle
            DecimalWriter.append(layer.positions[2 * index + 1], to: &out)
            out += end
        }
    }

    /// The symbol's paint, in Cairo's notation for a filled and stroked path.
    static func style(_ symbol: MarkerSymbol) -> String {
        var parts: [String] = []
        if let fill = symbol.fill {
            parts.append("fill-rule:nonzero;fill:\(rgb(fill));fill-opacity:\(DecimalWriter.string(fill.alpha, digits: 6))")
        } else {
            parts.append("fill:none")
        }
        if let stroke = symbol.stroke {
            parts.append("stroke-width:\(DecimalWriter.string(symbol.lineWidth, digits: 6));stroke-linecap:butt;stroke-linejoin:miter;"
                + "stroke:\(rgb(stroke));stroke-opacity:\(DecimalWriter.string(stroke.alpha, digits: 6));stroke-miterlimit:10")
        } else {
            parts.append("stroke:none")
        }
        return parts.joined(separator: ";") + ";"
    }

    private static func rgb(_ color: Color) -> String {
        "rgb(\(DecimalWriter.string(color.red * 100, digits: 4))%,\(DecimalWriter.string(color.green * 100, digits: 4))%,"
            + "\(DecimalWriter.string(color.blue * 100, digits: 4))%)"
    }

    /// If `bytes[index...]` starts a placeholder fill, the layer serial it names and the index
    /// just past the end of its element (`/>`).
    static func placeholder(in bytes: [UInt8], at index: Int) -> (serial: Int, end: Int)? {
        let prefix = sentinelPrefix
        guard index + prefix.count < bytes.count, bytes[index..<(index + prefix.count)].elementsEqual(prefix) else { return nil }
        var cursor = index + prefix.count
        var number: [UInt8] = []
        while cursor < bytes.count, bytes[cursor] != UInt8(ascii: "%") { number.append(bytes[cursor]); cursor += 1 }
        guard let percent = Double(String(decoding: number, as: UTF8.self)) else { return nil }
        while cursor + 1 < bytes.count, !(bytes[cursor] == UInt8(ascii: "/") && bytes[cursor + 1] == UInt8(ascii: ">")) { cursor += 1 }
        guard cursor + 1 < bytes.count else { return nil }
        var end = cursor + 2
        if end < bytes.count, bytes[end] == UInt8(ascii: "\n") { end += 1 }
        return (Int((percent * 10).rounded()), end)
    }
}
