import Foundation

/// Repairs the cross-reference table of PDFs written by Cairo 1.16, which reserves an object
/// number for a link annotation's content but never writes it; the xref entry then points at
/// another object, and strict readers (qpdf) call the file damaged.
///
/// Every in-use entry whose offset does not hold `N 0 obj` for its own number is marked free,
/// and the free list is rebuilt. Entries have a fixed width, so no offset moves.
enum PDFCrossReferenceRepair {
    static func repair(_ pdf: [UInt8]) -> [UInt8] {
        guard let xrefStart = lastIndex(of: Array("\nxref\n".utf8), in: pdf).map({ $0 + 1 }) else { return pdf }
        var cursor = xrefStart + 5
        guard let headerEnd = pdf[cursor...].firstIndex(of: UInt8(ascii: "\n")) else { return pdf }
        let header = String(decoding: pdf[cursor..<headerEnd], as: UTF8.self).split(separator: " ")
        guard header.count == 2, header[0] == "0", let count = Int(header[1]) else { return pdf }
        cursor = headerEnd + 1
        let entryLength = 20
        guard cursor + count * entryLength <= pdf.count else { return pdf }

        var free: [Int] = []
        var valid = Array(repeating: true, count: count)
        for number in 1..<max(count, 1) {
            let entry = cursor + number * entryLength
            let text = String(decoding: pdf[entry..<(entry + 18)], as: UTF8.self)
            let parts = text.split(separator: " ")
            guard parts.count == 3, parts[2] == "n", let offset = Int(parts[0]) else {
                free.append(number)
                continue
            }
            let expected = Array("\(number) 0 obj".utf8)
            let inRange = offset >= 0 && offset + expected.count <= pdf.count
            if !inRange || !pdf[offset..<(offset + expected.count)].elementsEqual(expected) {
                valid[number] = false
                free.append(number)
            }
        }
        guard valid.contains(false) else { return pdf }
        var output = pdf
        func write(_ number: Int, _ text: String) {
            let bytes = Array(text.utf8)
            let entry = cursor + number * entryLength
            output.replaceSubrange(entry..<(entry + bytes.count), with: bytes)
        }
        // Object 0 heads the free list; each free entry points at the next, the last at 0.
        let chain = free.sorted()
        write(0, String(format: "%010d 65535 f", chain.first ?? 0))
        for (index, number) in chain.enumerated() where !valid[number] {
            let next = index + 1 < chain.count ? chain[index + 1] : 0
            write(number, String(format: "%010d 00001 f", next))
        }
        return output
    }

    private static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.count - needle.count
        while index >= 0 {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index -= 1
        }
        return nil
    }
}
