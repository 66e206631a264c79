/// Writes one embedded font of a PDF: a Type0 font (Identity-H, 2-byte glyph ids) whose
/// CIDFontType2 descendant maps CIDs to the face's own glyph ids (`/CIDToGIDMap /Identity`),
/// with the advances of the glyphs used (`/W`), a font descriptor, the subset font file
/// (glyph ids kept) and a ToUnicode CMap. The subset's tag is made from the glyph set, so the
/// same glyphs give the same bytes.
struct PDFFontWriter {
    let face: PDFFontFace
    /// The glyphs drawn, each with the text it maps to (empty: none).
    let glyphs: [UInt32: [UInt8]]

    /// The font's streams (subset font file and ToUnicode CMap, compressed): read from `store`
    /// when it holds them, else made (and given to `store`); nil if HarfBuzz cannot subset the
    /// face or a stream cannot be compressed.
    func objects(compressor: DeflateCompressor, store: PDFFontObjectStore?) -> PDFFontObjects? {
        if let kept = store?.fontObjects(face: face, glyphs: glyphs) { return kept }
        let ids = glyphs.keys.sorted()
        guard let subset = face.face.subset(ids),
              let fontFile = subset.withUnsafeBytes({ compressor.zlib($0) }),
              let toUnicode = cmap(ids).withUnsafeBytes({ compressor.zlib($0) }) else { return nil }
        let made = PDFFontObjects(subsetLength: subset.count, fontFile: fontFile, toUnicode: toUnicode)
        store?.store(made, face: face, glyphs: glyphs)
        return made
    }

    /// Writes the font as object `object` (and four objects after it), its streams read from
    /// or kept in `store` (``objects(compressor:store:)``); false if HarfBuzz cannot subset the
    /// face or a stream cannot be compressed.
    func write(object: Int, compressor: DeflateCompressor, store: PDFFontObjectStore? = nil, into file: inout PDFFile) -> Bool {
        let ids = glyphs.keys.sorted()
        guard let streams = objects(compressor: compressor, store: store) else { return false }
        let descendant = file.reserve(), descriptor = file.reserve(), fontFile = file.reserve(), toUnicode = file.reserve()
        let name = Self.tag(ids) + "+" + face.metrics.postScriptName
        file.begin(object)
        file += "<< /Type /Font /Subtype /Type0 /BaseFont /\(name) /Encoding /Identity-H /DescendantFonts [\(descendant) 0 R]"
        file += " /ToUnicode \(toUnicode) 0 R >>"
        file.end()
        file.begin(descendant)
        file += "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /\(name)"
        file += " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
        file += " /FontDescriptor \(descriptor) 0 R /CIDToGIDMap /Identity /W [" + widths(ids) + "] >>"
        file.end()
        let metrics = face.metrics
        var flags = 32
        if metrics.fixedPitch { flags |= 1 }
        if metrics.italic { flags |= 64 }
        let box = metrics.boundingBox
        file.begin(descriptor)
        file += "<< /Type /FontDescriptor /FontName /\(name) /Flags \(flags) /FontBBox [\(box.0) \(box.1) \(box.2) \(box.3)]"
        file += " /ItalicAngle \(PDFString.number(metrics.italicAngle)) /Ascent \(metrics.ascent) /Descent \(metrics.descent)"
        file += " /CapHeight \(metrics.capHeight) /StemV 80 /FontFile2 \(fontFile) 0 R >>"
        file.end()
        return file.rawStream(fontFile, streams.fontFile, dictionary: "/Length1 \(streams.subsetLength) /Filter /FlateDecode")
            && file.rawStream(toUnicode, streams.toUnicode, dictionary: "/Filter /FlateDecode")
    }

    /// `/W` entries: runs of consecutive ids as `first [w w …]`.
    private func widths(_ ids: [UInt32]) -> String {
        var out = ""
        var index = 0
        while index < ids.count {
            var end = index + 1
            while end < ids.count, ids[end] == ids[end - 1] + 1 { end += 1 }
            out += "\(ids[index]) [" + ids[index..<end].map { String(face.width($0)) }.joined(separator: " ") + "] "
            index = end
        }
        return out
    }

    /// The ToUnicode CMap: each glyph with text to its UTF-16BE, in blocks of at most 100.
    private func cmap(_ ids: [UInt32]) -> [UInt8] {
        var out = """
        /CIDInit /ProcSet findresource begin
        12 dict begin
        begincmap
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
        /CMapName /Adobe-Identity-UCS def
        /CMapType 2 def
        1 begincodespacerange
        <0000> <FFFF>
        endcodespacerange

        """
        let mapped = ids.filter { !(glyphs[$0] ?? []).isEmpty }
        var index = 0
        while index < mapped.count {
            let block = mapped[index..<min(index + 100, mapped.count)]
            out += "\(block.count) beginbfchar\n"
            for id in block {
                let text = String(decoding: glyphs[id] ?? [], as: UTF8.self)
                out += "<" + PDFString.hex4(UInt16(id)) + "> <" + text.utf16.map(PDFString.hex4).joined() + ">\n"
            }
            out += "endbfchar\n"
            index += block.count
        }
        out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
        return Array(out.utf8)
    }

    /// Six upper-case letters from an FNV-1a hash of the glyph ids.
    static func tag(_ ids: [UInt32]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for id in ids {
            for shift in [0, 8, 16, 24] {
                hash ^= UInt64((id >> UInt32(shift)) & 0xFF)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        var letters = ""
        for _ in 0..<6 {
            letters.unicodeScalars.append(UnicodeScalar(UInt8(ascii: "A") + UInt8(hash % 26)))
            hash /= 26
        }
        return letters
    }
}
