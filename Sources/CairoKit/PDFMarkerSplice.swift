/// Fills the placeholder Form XObjects that ``DrawingContext/drawMarkers(_:positions:symbolIndices:)``
/// leaves in a Cairo PDF with one `q 1 0 0 1 x y cm /xN Do Q` per marker, where `/xN` is the
/// symbol's own Form XObject (written once by Cairo). Then moves the later objects' offsets in
/// the cross-reference table. Cairo 1.16 writes a classic xref table and no object streams.
enum PDFMarkerSplice {
    /// Returns `pdf` with every marker layer's placeholder replaced; unchanged if there is none.
    static func apply(_ pdf: [UInt8], layers: [MarkerLayer]) -> [UInt8] {
        guard !layers.isEmpty, let table = CrossReference(pdf) else { return pdf }
        let bySerial = Dictionary(layers.map { ($0.serial, $0) }, uniquingKeysWith: { first, _ in first })
        var replacements: [(range: Range<Int>, bytes: [UInt8])] = []
        for offset in table.offsets.values.sorted() {
            guard let object = StreamObject(pdf, at: offset, table: table), object.isForm,
                  let content = Zlib.inflate(pdf[object.data]),
                  let placeholder = Placeholder(content), let layer = bySerial[placeholder.serial],
                  placeholder.names.count == layer.symbols.count,
                  let replacement = object.replacing(content: placements(layer, placeholder)) else { continue }
            replacements.append((object.dictionaryStart..<object.end, replacement))
        }
        guard !replacements.isEmpty else { return pdf }
        return table.rewrite(pdf, replacing: replacements)
    }

    /// The layer's content: one reference per marker, positions to 0.01 pt.
    static func placements(_ layer: MarkerLayer, _ placeholder: Placeholder) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(layer.count * 34 + 32)
        out += Array("q\n".utf8)
        if let state = placeholder.graphicsState { out += Array("/\(state) gs\n".utf8) }
        let references = placeholder.names.map { Array(" cm /\($0) Do Q\n".utf8) }
        let start = Array("q 1 0 0 1 ".utf8)
        for index in 0..<layer.count {
            out += start
            DecimalWriter.append(layer.positions[2 * index], to: &out)
            out.append(UInt8(ascii: " "))
            DecimalWriter.append(layer.positions[2 * index + 1], to: &out)
            out += references[layer.symbol(index)]
        }
        out += Array("Q\n".utf8)
        return out
    }

    /// What Cairo wrote for a placeholder layer: the sentinel colour (which names the layer),
    /// then one paint of each symbol's Form XObject.
    struct Placeholder {
        let serial: Int
        /// The symbols' XObject names (`x12`), in symbol order.
        let names: [String]
        /// The graphics state Cairo set before the first symbol, if any (`a0`).
        let graphicsState: String?

        init?(_ content: [UInt8]) {
            let tokens = String(decoding: content, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" })
            guard let rg = tokens.firstIndex(of: "rg"), rg >= 3,
                  let red = Double(tokens[rg - 3]), let green = Double(tokens[rg - 2]), let blue = Double(tokens[rg - 1]),
                  abs(red - MarkerLayer.sentinelRed) < 1e-6, abs(green - MarkerLayer.sentinelGreen) < 1e-6 else { return nil }
            serial = Int((blue * 1000).rounded())
            var names: [String] = []
            var state: String?
            for index in tokens.indices.dropFirst() {
                if tokens[index] == "Do", tokens[index - 1].hasPrefix("/") { names.append(String(tokens[index - 1].dropFirst())) }
                if tokens[index] == "gs", names.isEmpty, index > rg + 1, tokens[index - 1].hasPrefix("/") {
                    state = String(tokens[index - 1].dropFirst())
                }
            }
            self.names = names
            graphicsState = state
        }
    }
}
