import CCairo

/// The horizontal advances of a face's glyphs in 1/1000 em, read from the font file (HarfBuzz's
/// `hmtx`) one glyph at a time, as the PDF needs them: only the glyphs a page draws and a font's
/// `/W` lists are looked up, never every glyph of the face.
///
/// Holds one immutable HarfBuzz font over the file's blob (shared with the Pango font's face,
/// not copied). Sendable: an immutable `hb_font_t` may be read from any thread.
public final class GlyphAdvances: @unchecked Sendable {
    private let face: OpaquePointer
    private let font: OpaquePointer
    private let upem: Double
    /// The number of glyphs in the face; glyphs past it have no advance (0).
    public let glyphCount: Int

    /// The advances of the face at `index` of the font file `blob` (a reference it holds).
    init?(blob: OpaquePointer, index: UInt32) {
        guard let face = hb_face_create(blob, index) else { return nil }
        guard let font = hb_font_create(face) else {
            hb_face_destroy(face)
            return nil
        }
        hb_font_make_immutable(font)
        self.face = face
        self.font = font
        upem = Double(hb_face_get_upem(face))
        glyphCount = Int(hb_face_get_glyph_count(face))
    }

    deinit {
        hb_font_destroy(font)
        hb_face_destroy(face)
    }

    /// The advance of `glyph` in 1/1000 em, rounded (0 past the face's glyphs).
    public func width(_ glyph: UInt32) -> Int {
        guard Int(glyph) < glyphCount else { return 0 }
        return Int((Double(hb_font_get_glyph_h_advance(font, glyph)) * 1000 / upem).rounded())
    }
}
