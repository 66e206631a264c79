@testable import CairoKit
import DossierBase
import Testing

/// Dense markers on a ``PDFCanvas``: each symbol is one Form XObject of the page, and the page's
/// stream places one `q 1 0 0 1 x y cm /xN Do Q` per marker, in drawing order, at each marker's
/// position, each naming its symbol's form; the file ``PDFDocumentWriter`` makes of the page
/// has exact stream lengths and cross-reference table.
@Suite struct PDFCanvasMarkerTests {
    /// One `q 1 0 0 1 x y cm /xN Do Q` line, read back.
    struct Placement: Equatable {
        let x: Double
        let y: Double
        let form: String
    }

    /// A 300 × 200 pt page with `count` markers of two symbols at scattered positions.
    private func drawn(count: Int) throws -> (pdf: [UInt8], positions: [Double], symbols: [Int32]) {
        let typesetter = try Typesetter(fontDirectory: CairoKitTests.fonts)
        let canvas = PDFCanvas(width: 300, height: 200, typesetter: typesetter)
        var positions: [Double] = []
        var symbols: [Int32] = []
        for index in 0..<count {
            positions += [10 + Double(index * 37 % 280) + 0.125 * Double(index % 8), 10 + Double(index * 53 % 180) + 0.01 * Double(index % 100)]
            symbols.append(Int32(index % 3 == 0 ? 1 : 0))
        }
        let markers = [MarkerSymbol(radius: 2, fill: Color(hex: 0x0072B2), stroke: nil, lineWidth: 0),
                       MarkerSymbol(radius: 3, fill: nil, stroke: Color(hex: 0xD55E00), lineWidth: 0.5)]
        canvas.drawMarkers(markers, positions: positions, symbolIndices: symbols)
        let pdf = try #require(PDFDocumentWriter().write([canvas.finish()], faces: canvas.faces))
        return (pdf, positions, symbols)
    }

    /// Every placement line of every Flate stream, in file order.
    private func placements(_ pdf: [UInt8]) throws -> [Placement] {
        let table = try #require(CrossReference(pdf))
        var found: [Placement] = []
        for offset in table.offsets.values.sorted() {
            guard let object = StreamObject(pdf, at: offset, table: table), object.dictionary.contains("/FlateDecode"),
                  let content = Zlib.inflate(pdf[object.data]) else { continue }
            for line in String(decoding: content, as: UTF8.self).split(separator: "\n") {
                let words = line.split(separator: " ")
                guard words.count == 11, words[0] == "q", words[7] == "cm", words[9] == "Do",
                      let x = Double(words[5]), let y = Double(words[6]) else { continue }
                found.append(Placement(x: x, y: y, form: String(words[8])))
            }
        }
        return found
    }

    @Test(arguments: [1, 2, 500])
    func onePlacementPerMarkerInOrder(count: Int) throws {
        let (pdf, positions, symbols) = try drawn(count: count)
        let found = try placements(pdf)
        #expect(found.count == count)
        // Each symbol is one form; markers of a symbol all name the same one.
        let formOfSymbol = Dictionary(zip(symbols, found.map(\.form)), uniquingKeysWith: { first, _ in first })
        for (index, placement) in found.enumerated() where index < count {
            #expect(abs(placement.x - positions[2 * index]) <= 0.005 + 1e-9, "marker \(index)")
            #expect(abs(placement.y - positions[2 * index + 1]) <= 0.005 + 1e-9, "marker \(index)")
            #expect(placement.form == formOfSymbol[symbols[index]], "marker \(index)")
        }
        if count > 1 { #expect(Set(formOfSymbol.values).count == Set(symbols).count) }
    }

    @Test func streamLengthsAndCrossReferenceAreExact() throws {
        let pdf = try drawn(count: 300).pdf
        let table = try #require(CrossReference(pdf))
        for (number, offset) in table.offsets {
            #expect(pdf[offset...].starts(with: Array("\(number) 0 obj".utf8)), "object \(number)")
        }
        var forms = 0
        for offset in table.offsets.values.sorted() {
            guard let object = StreamObject(pdf, at: offset, table: table), object.dictionary.contains("/FlateDecode") else { continue }
            if object.isForm { forms += 1 }
            // The data ends exactly where `/Length` says: `endstream` follows.
            #expect(pdf[object.data.upperBound...].starts(with: Array("\nendstream".utf8)))
            #expect(Zlib.inflate(pdf[object.data]) != nil)
        }
        #expect(forms == 2)
        let tail = String(decoding: pdf.suffix(40), as: UTF8.self)
        #expect(tail.contains("startxref\n\(table.start)\n"))
        #expect(try PDFWriterTests.run("qpdf", ["--check"], input: pdf).contains("No syntax or stream encoding errors"))
    }
}
