import CairoKit
@testable import DossierBuild
import Foundation
import Testing

/// The document PDF's `pdf font` entries (docs/build-cache.md): a build reads a font's subset
/// and ToUnicode streams from its entry only while the glyph set of that face is the same; a new
/// glyph, another face or other font files name another entry; a damaged entry never reaches
/// the output. Every entry is planted with marked streams first, so a font taken from the
/// cache is told from one made again.
@Suite struct PDFFontCacheTests {
    static let marker = Array("planted font".utf8)

    /// Rewrites every `pdf font` entry (valid entries) with streams holding ``marker``.
    static func plantFonts(_ project: AnscombeProject) throws -> Int {
        let files = project.entryFiles("pdf font")
        for path in files {
            let hex = URL(fileURLWithPath: path).lastPathComponent
            let planted = PDFFontObjects(subsetLength: 1, fontFile: marker, toUnicode: marker)
            project.cache.write(planted.serialized, for: CacheKey(kind: "pdf font", hex: hex))
        }
        return files.count
    }

    /// How many times ``marker`` occurs in `bytes`.
    static func markers(_ bytes: [UInt8]) -> Int {
        guard bytes.count >= marker.count else { return 0 }
        return (0...(bytes.count - marker.count)).filter { bytes[$0] == marker[0] && Array(bytes[$0..<($0 + marker.count)]) == marker }.count
    }

    @Test func fontsComeFromTheCacheOnlyForTheSameGlyphs() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        let cold = try project.build(into: "cold", cache: true)
        let pdf = try #require(cold.keys.first { $0.hasSuffix(".pdf") && !$0.contains("/") })
        #expect(cold == (try project.build(into: "reference", cache: false)), "a cold cache: the bytes of a build without one")
        let faces = try Self.plantFonts(project)
        #expect(faces >= 2, "one entry per face")
        // Same glyphs (the digits 0 and 4 are drawn already): every font from its entry.
        try project.edit("report.md", replacing: "Closing paragraph 40.", with: "Closing paragraph 04.")
        let same = try project.build(into: "same", cache: true)
        #expect(Self.markers(same[pdf] ?? []) == 2 * faces, "every font's two streams read from the cache")
        #expect(project.entryFiles("pdf font").count == faces, "no font made again")
        // A new glyph in the body's face: that font alone is made again.
        try project.edit("report.md", replacing: "Closing paragraph 04.", with: "Closing paragraph 04 §.")
        let changed = try project.build(into: "changed", cache: true)
        #expect(Self.markers(changed[pdf] ?? []) == 2 * (faces - 1), "the other faces' fonts read from the cache")
        #expect(project.entryFiles("pdf font").count == faces + 1, "the new glyph set stored")
    }

    @Test func aDamagedEntryIsMadeAgain() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        _ = try project.build(into: "cold", cache: true)
        let files = project.entryFiles("pdf font")
        #expect(files.count >= 2)
        for (index, path) in files.enumerated() {
            var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            if index % 2 == 0 { bytes[bytes.count - 10] ^= 0x5A } else { bytes.removeLast(20) }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        try project.edit("report.md", replacing: "Closing paragraph 40.", with: "Closing paragraph 04.")
        let warm = try project.build(into: "warm", cache: true)
        #expect(warm == (try project.build(into: "reference", cache: false)), "damaged entries: the bytes of a build without a cache")
        for path in files {
            let hex = URL(fileURLWithPath: path).lastPathComponent
            let bytes = project.cache.read(CacheKey(kind: "pdf font", hex: hex))
            #expect(bytes.flatMap(PDFFontObjects.init(serialized:)) != nil, "entry \(hex.prefix(8)) written again, whole")
        }
    }

    /// Every input of a font entry's name changes it: the font files, the face, a glyph, a
    /// glyph's text.
    @Test func everyInputOfAFontChangesItsKey() throws {
        let project = try AnscombeProject()
        defer { project.remove() }
        let typesetter = try Typesetter(fontDirectory: AnscombeProject.repository.appendingPathComponent("fonts").path)
        let regular = try #require(typesetter.pdfFontFace(key: "Noto Sans"))
        let bold = try #require(typesetter.pdfFontFace(key: "Noto Sans Bold"))
        #expect(regular.key != bold.key)
        let session = BuildCacheSession(cache: project.cache, digests: InputDigests(), frontMatter: "")
        func key(fonts: String = "fonts", face: PDFFontFace? = nil, glyphs: [UInt32: [UInt8]] = [3: [32], 40: [65]]) -> CacheKey {
            PDFFontCache(session: session, fonts: fonts).key(face: face ?? regular, glyphs: glyphs)
        }
        let base = key()
        #expect(key() == base, "the same inputs, the same key")
        let changed = [key(fonts: "other fonts"), key(face: bold), key(glyphs: [3: [32], 40: [65], 41: [66]]),
                       key(glyphs: [3: [32]]), key(glyphs: [3: [32], 40: [66]]), key(glyphs: [3: [32], 40: []])]
        for (index, other) in changed.enumerated() {
            #expect(other != base, "input \(index) changes the key")
        }
    }
}
