/// Repairs the cross-reference table of PDFs written by Cairo 1.16, which reserves an object
/// number for a link annotation's content but never writes it; the xref entry then points at
/// another object, and strict readers (qpdf) call the file damaged.
///
/// Every in-use entry whose offset does not hold `N 0 obj` for its own number is marked free,
/// and the free list is rebuilt. Entries have a fixed width, so no offset moves. The table is
/// read by ``CrossReference``, which the dense-marker splice also uses.
enum PDFCrossReferenceRepair {
    static func repair(_ pdf: [UInt8]) -> [UInt8] {
        guard let table = CrossReference(pdf) else { return pdf }
        var free: [Int] = []
        var valid = Array(repeating: true, count: table.count)
        for number in 1..<max(table.count, 1) {
            guard let offset = table.offsets[number] else {
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
            let entry = table.firstEntry + number * 20
            output.replaceSubrange(entry..<(entry + bytes.count), with: bytes)
        }
        // Object 0 heads the free list; each free entry points at the next, the last at 0.
        let chain = free.sorted()
        write(0, CrossReference.padded(chain.first ?? 0) + " 65535 f")
        for (index, number) in chain.enumerated() where !valid[number] {
            let next = index + 1 < chain.count ? chain[index + 1] : 0
            write(number, CrossReference.padded(next) + " 00001 f")
        }
        return output
    }
}
