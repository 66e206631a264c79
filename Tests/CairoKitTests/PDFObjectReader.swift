/// Reads a PDF with a classic cross-reference table and no object streams (as
/// ``PDFDocumentWriter`` writes them) far enough for tests: where each object starts, and each
/// stream object's dictionary and data. Shared with DossierChartsTests through a symbolic link.
struct CrossReference {
    /// Byte offset of each in-use object, by object number.
    let offsets: [Int: Int]
    /// Where `xref` starts.
    let start: Int
    /// The number of entries (object 0 included).
    let count: Int

    init?(_ pdf: [UInt8]) {
        let needle = Array("\nxref\n".utf8)
        guard let position = Self.findLast(needle, in: pdf) else { return nil }
        start = position + 1
        var cursor = start + 5
        guard let headerEnd = pdf[cursor...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let header = String(decoding: pdf[cursor..<headerEnd], as: UTF8.self).split(separator: " ")
        guard header.count == 2, header[0] == "0", let count = Int(header[1]) else { return nil }
        cursor = headerEnd + 1
        guard cursor + count * 20 <= pdf.count else { return nil }
        self.count = count
        var offsets: [Int: Int] = [:]
        for number in 1..<max(count, 1) {
            let entry = cursor + number * 20
            let parts = String(decoding: pdf[entry..<(entry + 18)], as: UTF8.self).split(separator: " ")
            if parts.count == 3, parts[2] == "n", let offset = Int(parts[0]) { offsets[number] = offset }
        }
        self.offsets = offsets
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    static func findLast(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).reversed().first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}

/// A stream object: `N 0 obj\n<< … >>\nstream\n` data `\nendstream\nendobj`.
struct StreamObject {
    /// The dictionary text, `<<` to `>>`.
    let dictionary: String
    /// The stream's bytes.
    let data: Range<Int>

    init?(_ pdf: [UInt8], at offset: Int, table: CrossReference) {
        let head = Array(pdf[offset..<min(pdf.count, offset + 4096)])
        // `N 0 obj` then the dictionary on the next line; anything else is not a stream object.
        guard let newline = head.firstIndex(of: UInt8(ascii: "\n")), newline + 2 < head.count,
              head[newline + 1] == UInt8(ascii: "<"), head[newline + 2] == UInt8(ascii: "<"),
              let streamAt = CrossReference.find(Array(">>\nstream\n".utf8), in: head),
              CrossReference.find(Array("endobj".utf8), in: Array(head[..<streamAt])) == nil else { return nil }
        dictionary = String(decoding: pdf[(offset + newline + 1)..<(offset + streamAt + 2)], as: UTF8.self)
        let dataStart = offset + streamAt + 10
        guard let length = Self.length(dictionary, pdf, table), dataStart + length <= pdf.count else { return nil }
        data = dataStart..<(dataStart + length)
    }

    /// Whether this is a Form XObject.
    var isForm: Bool { dictionary.contains("/Subtype /Form") && dictionary.contains("/FlateDecode") }

    /// The `/Length`, direct or as a reference to an integer object.
    private static func length(_ dictionary: String, _ pdf: [UInt8], _ table: CrossReference) -> Int? {
        guard let range = dictionary.range(of: "/Length ") else { return nil }
        let words = dictionary[range.upperBound...].split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard let first = words.first, let value = Int(first) else { return nil }
        if words.count >= 3, words[1] == "0", words[2].hasPrefix("R") {
            guard let offset = table.offsets[value] else { return nil }
            let text = String(decoding: pdf[offset..<min(pdf.count, offset + 64)], as: UTF8.self)
            let parts = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
            guard parts.count >= 4, parts[2] == "obj" else { return nil }
            return Int(parts[3])
        }
        return value
    }
}
