@testable import CairoKit
import DossierBase
import Foundation
import Testing

/// Dossier's PDF writer (PDFCanvas, PDFDocumentWriter): a file whose xref is exact, fonts
/// subset with their own glyph ids, text that pdftotext reads back, and page streams that do
/// not depend on the other pages.
@Suite struct PDFWriterTests {
    /// A document of one page per text (Noto Sans 11, bold for texts starting with `*`).
    static func document(_ texts: [String]) throws -> (bytes: [UInt8], pages: [PDFPage], faces: [String: PDFFontFace]) {
        let typesetter = try Typesetter(fontDirectory: CairoKitTests.fonts)
        var pages: [PDFPage] = []
        var faces: [String: PDFFontFace] = [:]
        for text in texts {
            let canvas = PDFCanvas(width: 300, height: 200, typesetter: typesetter)
            let bold = text.hasPrefix("*")
            let layout = try TextLayout(bold ? String(text.dropFirst()) : text,
                                        font: Font(family: "Noto Sans", size: 11, weight: bold ? .bold : .regular), typesetter: typesetter)
            canvas.setColor(Color(red: 0.2, green: 0.3, blue: 0.4))
            canvas.show(layout, lines: nil, x: 20, y: 30)
            canvas.rectangle(x: 20, y: 80, width: 100, height: 20)
            canvas.setColor(Color(red: 1, green: 0, blue: 0, alpha: 0.5))
            canvas.fill()
            canvas.addLink(uri: "https://example.org/(a)", x: 20, y: 30, width: 50, height: 12)
            pages.append(canvas.finish())
            faces.merge(canvas.faces) { first, _ in first }
        }
        var writer = PDFDocumentWriter()
        writer.metadata = Surface.Metadata(title: "Tëst", author: "A", date: "2020-12-01T00:00:00Z")
        writer.outline = [.init(title: "One", level: 1, page: 1, y: 20), .init(title: "Two", level: 2, page: texts.count, y: 40)]
        let bytes = try #require(writer.write(pages, faces: faces))
        return (bytes, pages, faces)
    }

    static func run(_ tool: String, _ arguments: [String], input pdf: [UInt8]) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pdfwriter-\(UUID().uuidString).pdf")
        try Data(pdf).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments + [file.path] + (tool == "pdftotext" ? ["-"] : [])
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func crossReferenceOffsetsPointAtTheirObjects() throws {
        let pdf = try Self.document(["Hello", "World"]).bytes
        let table = try #require(CrossReference(pdf))
        #expect(table.offsets.count == table.count - 1)
        for (number, offset) in table.offsets {
            let head = String(decoding: pdf[offset..<min(pdf.count, offset + 20)], as: UTF8.self)
            #expect(head.hasPrefix("\(number) 0 obj\n"), "object \(number) is not at \(offset)")
        }
        let tail = String(decoding: pdf.suffix(40), as: UTF8.self)
        #expect(tail.contains("startxref\n\(table.start)\n"))
        #expect(try PDFWriterTests.run("qpdf", ["--check"], input: pdf).contains("No syntax or stream encoding errors"))
    }

    @Test func fontsAreSubsetWithTheirOwnGlyphIDs() throws {
        let typesetter = try Typesetter(fontDirectory: CairoKitTests.fonts)
        let canvas = PDFCanvas(width: 100, height: 100, typesetter: typesetter)
        let layout = try TextLayout("Quartz", font: Font(family: "Noto Sans", size: 11), typesetter: typesetter)
        canvas.show(layout, lines: nil, x: 0, y: 0)
        let page = canvas.finish()
        let face = try #require(canvas.faces.values.first)
        let glyphs = try #require(page.fonts.first).glyphs.keys.sorted()
        let subset = try #require(face.face.subset(glyphs))
        let reopened = OpenTypeFace(data: subset)
        #expect(subset.count * 10 < face.face.byteCount)
        #expect(reopened.glyphCount > Int(try #require(glyphs.last)))
        #expect(reopened.advances(glyphs) == face.face.advances(glyphs))
        // The stream names the glyphs by their ids in the face ("Q" is not glyph 1), in one
        // hex string of 2-byte ids.
        let content = String(decoding: page.content, as: UTF8.self)
        let open = try #require(content.firstIndex(of: "<")), close = try #require(content.firstIndex(of: ">"))
        let hex = Array(content[content.index(after: open)..<close])
        let shown = stride(from: 0, to: hex.count, by: 4).compactMap { UInt32(String(hex[$0..<min($0 + 4, hex.count)]), radix: 16) }
        #expect(shown.count == 6)
        #expect(Set(shown) == Set(glyphs))
        #expect(glyphs.allSatisfy { $0 > 3 })
    }

    @Test func pdftotextReadsTheTextBack() throws {
        let pdf = try Self.document(["Café ﬁnance — 12%", "*Bold São Paulo"]).bytes
        let text = try PDFWriterTests.run("pdftotext", [], input: pdf)
        #expect(text.contains("Café ﬁnance — 12%") || text.contains("Café finance — 12%"))
        #expect(text.contains("Bold São Paulo"))
        let info = try PDFWriterTests.run("pdfinfo", ["-isodates"], input: pdf)
        #expect(info.contains("Tëst"))
        #expect(info.contains("2020-12-01T00:00:00"))
        let fonts = try PDFWriterTests.run("pdffonts", [], input: pdf)
        #expect(fonts.contains("NotoSans-Regular") && fonts.contains("NotoSans-Bold"))
        #expect(!fonts.contains(" no "))
    }

    @Test func aPageStreamDoesNotDependOnTheOtherPages() throws {
        let before = try Self.document(["Plain words", "Same page"])
        let after = try Self.document(["*Ωmega ĳ new glyphs", "Plain words, more", "Same page"])
        #expect(before.pages[1] == after.pages[2])
        #expect(before.pages[1].content == after.pages[2].content)
        // And in the files: the page's compressed stream is the same bytes.
        let stream = try #require(Self.contentStreams(before.bytes).last)
        #expect(Self.contentStreams(after.bytes).contains(stream))
    }

    /// The compressed content streams of the pages of `pdf` (from `/Contents N 0 R`).
    static func contentStreams(_ pdf: [UInt8]) -> [[UInt8]] {
        guard let table = CrossReference(pdf) else { return [] }
        let text = String(decoding: pdf, as: UTF8.self)
        var streams: [[UInt8]] = []
        var search = text.startIndex
        while let range = text.range(of: "/Contents ", range: search..<text.endIndex) {
            search = range.upperBound
            let number = Int(text[range.upperBound...].prefix { $0.isNumber }) ?? 0
            if let offset = table.offsets[number], let object = StreamObject(pdf, at: offset, table: table) {
                streams.append(Array(pdf[object.data]))
            }
        }
        return streams
    }

    @Test func aPageSurvivesItsBytes() throws {
        let page = try Self.document(["Café", "x"]).pages[0]
        let bytes = page.serialized
        #expect(PDFPage(serialized: bytes) == page)
        #expect(PDFPage(serialized: Array(bytes.dropLast())) == nil)
    }
}
