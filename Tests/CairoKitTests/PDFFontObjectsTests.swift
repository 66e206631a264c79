@testable import CairoKit
import Foundation
import Testing

/// A PDF's font objects kept by a ``PDFFontObjectStore`` (the build cache's `pdf font` entries)
/// give the bytes of fonts made afresh; their saved form reads back only when whole; and the
/// advances looked up per glyph are those of every glyph of the face.
@Suite struct PDFFontObjectsTests {
    /// A store in memory, keyed by face and glyphs (ids and texts), counting what it answers.
    final class MemoryStore: PDFFontObjectStore {
        var kept: [String: PDFFontObjects] = [:]
        var hits = 0
        var stored = 0

        static func key(_ face: PDFFontFace, _ glyphs: [UInt32: [UInt8]]) -> String {
            face.key + "|" + glyphs.keys.sorted().map { "\($0):\(glyphs[$0] ?? [])" }.joined(separator: ",")
        }

        func fontObjects(face: PDFFontFace, glyphs: [UInt32: [UInt8]]) -> PDFFontObjects? {
            let found = kept[Self.key(face, glyphs)]
            if found != nil { hits += 1 }
            return found
        }

        func store(_ objects: PDFFontObjects, face: PDFFontFace, glyphs: [UInt32: [UInt8]]) {
            stored += 1
            kept[Self.key(face, glyphs)] = objects
        }
    }

    /// The pages and faces of `texts` (PDFWriterTests' document: Noto Sans, bold for `*`).
    static func pages(_ texts: [String]) throws -> (pages: [PDFPage], faces: [String: PDFFontFace]) {
        let document = try PDFWriterTests.document(texts)
        return (document.pages, document.faces)
    }

    @Test func keptFontsGiveTheBytesOfFontsMadeAfresh() throws {
        let (pages, faces) = try Self.pages(["Hello, world — ﬁne", "*Bold text", "Ünïcode ✓ 123"])
        let plain = try #require(PDFDocumentWriter().write(pages, faces: faces))
        let store = MemoryStore()
        var writer = PDFDocumentWriter()
        writer.fontStore = store
        let first = try #require(writer.write(pages, faces: faces))
        #expect(first == plain, "a store that holds nothing yet: the same bytes")
        #expect(faces.count == 3, "regular, bold and the fallback face of ✓")
        #expect(store.stored == faces.count && store.hits == 0, "every font made and kept")
        let second = try #require(writer.write(pages, faces: faces))
        #expect(second == plain, "fonts read from the store: the same bytes")
        #expect(store.hits == faces.count && store.stored == faces.count, "every font read, none made again")
    }

    @Test func anotherGlyphSetIsNotAnsweredByTheKeptFonts() throws {
        let store = MemoryStore()
        var writer = PDFDocumentWriter()
        writer.fontStore = store
        let (pages, faces) = try Self.pages(["Hello", "*Bold"])
        _ = try #require(writer.write(pages, faces: faces))
        let (others, otherFaces) = try Self.pages(["Hello!", "*Bold"])
        let plain = try #require(PDFDocumentWriter().write(others, faces: otherFaces))
        #expect(try #require(writer.write(others, faces: otherFaces)) == plain)
        #expect(store.hits == 1 && store.stored == 3, "the bold font read, the regular one (a new glyph) made again")
    }

    @Test func savedObjectsReadBackOnlyWhole() throws {
        let objects = PDFFontObjects(subsetLength: 1234, fontFile: [1, 2, 3, 4, 5], toUnicode: [9, 8, 7])
        let bytes = objects.serialized
        #expect(PDFFontObjects(serialized: bytes) == objects)
        #expect(PDFFontObjects(serialized: Array(bytes.dropLast())) == nil, "truncated")
        #expect(PDFFontObjects(serialized: bytes + [0]) == nil, "a byte too many")
        var wrongMagic = bytes
        wrongMagic[0] ^= 1
        #expect(PDFFontObjects(serialized: wrongMagic) == nil, "another format")
        var wrongCount = bytes
        wrongCount[PDFFontObjects.magic.count + 8] = 200
        #expect(PDFFontObjects(serialized: wrongCount) == nil, "a length past the end")
        #expect(PDFFontObjects(serialized: []) == nil)
    }

    /// The advances looked up one glyph at a time are those computed for every glyph of the
    /// face at once (the `/W` before), in every face the test fonts hold.
    @Test func advancesPerGlyphAreThoseOfTheWholeFace() throws {
        let (_, faces) = try Self.pages(["Hello", "*Bold"])
        #expect(faces.count == 2)
        for face in faces.values {
            let all = face.face.advances(Array(0..<UInt32(face.face.glyphCount)))
            #expect(face.glyphCount == all.count && all.count > 100)
            #expect((0..<UInt32(all.count)).map(face.width) == all, "\(face.key)")
            #expect(face.width(UInt32(all.count)) == 0 && face.width(0xFFFF) == 0, "no advance past the glyphs")
        }
    }
}
