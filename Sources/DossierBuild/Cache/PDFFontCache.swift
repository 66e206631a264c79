import CairoKit

/// The document PDF's font objects in the build cache (``PDFFontObjects``: a face's subset font
/// file and ToUnicode CMap, compressed), so that a build whose glyph set per face did not change
/// (a prose edit that brings no new letter) neither subsets nor compresses a font again.
///
/// An entry (`pdf font`) is named by the tool identity, the fonts' contents (`fonts`: the key
/// of every font file's SHA-256, as the page entries use), the face (its Pango description
/// without size, its index in its file and the file's size) and every glyph the font holds with
/// its text. An entry that does not verify or does not read back whole is ignored: the font is
/// made again and stored again.
struct PDFFontCache: PDFFontObjectStore {
    let session: BuildCacheSession
    /// The key of the font files' contents (``CachedPages/fonts``).
    let fonts: String

    /// The entry's key for `face` holding `glyphs`.
    func key(face: PDFFontFace, glyphs: [UInt32: [UInt8]]) -> CacheKey {
        var key = session.cache.key("pdf font")
        key.add("fonts", fonts)
        key.add("face", face.key)
        key.add("index", "\(face.face.index) of \(face.face.byteCount) bytes")
        var writer = CacheByteWriter()
        for id in glyphs.keys.sorted() {
            writer.integer(Int(id))
            writer.data(glyphs[id] ?? [])
        }
        key.add("glyphs", bytes: writer.bytes)
        return key.key
    }

    func fontObjects(face: PDFFontFace, glyphs: [UInt32: [UInt8]]) -> PDFFontObjects? {
        session.cache.read(key(face: face, glyphs: glyphs)).flatMap(PDFFontObjects.init(serialized:))
    }

    func store(_ objects: PDFFontObjects, face: PDFFontFace, glyphs: [UInt32: [UInt8]]) {
        session.cache.write(objects.serialized, for: key(face: face, glyphs: glyphs))
    }
}

extension ReportBuilder {
    /// The font objects of this build's cache (nil without one), keyed with the fonts of `pages`.
    func pdfFontCache(_ pages: CachedPages) -> PDFFontCache? {
        guard let cacheSession, let fonts = pages.fonts else { return nil }
        return PDFFontCache(session: cacheSession, fonts: fonts)
    }
}
