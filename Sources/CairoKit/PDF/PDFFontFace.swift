import CCairo

/// A font face as a PDF embeds it: its key (the Pango description without a size, which
/// every size of the face shares), its file, its glyphs' advances in 1/1000 em (the `/W` the
/// PDF declares and the advances ``PDFCanvas`` positions text against; looked up per glyph
/// used, not for every glyph of the face) and its metrics.
public struct PDFFontFace: Sendable {
    /// The face's name: Pango's description of the font without its size.
    public let key: String
    /// The font file.
    public let face: OpenTypeFace
    /// The glyphs' advances, in 1/1000 em.
    public let advances: GlyphAdvances
    /// The font descriptor's metrics.
    public let metrics: OpenTypeFace.Metrics

    /// The face of `font` (a Pango font) named `key`; nil when HarfBuzz cannot read its file.
    init?(key: String, font: UnsafeMutablePointer<PangoFont>) {
        guard let face = OpenTypeFace(font: font) else { return nil }
        self.init(key: key, face: face)
    }

    /// The face of `face` named `key`; nil when HarfBuzz cannot make a font of it.
    public init?(key: String, face: OpenTypeFace) {
        guard let advances = face.glyphAdvances else { return nil }
        self.key = key
        self.face = face
        self.advances = advances
        metrics = face.metrics
    }

    /// The number of glyphs in the face.
    public var glyphCount: Int { advances.glyphCount }

    /// The advance of `glyph` in 1/1000 em (0 past the face's glyphs).
    public func width(_ glyph: UInt32) -> Int {
        advances.width(glyph)
    }
}

/// A font as a run draws it: its face and its font matrix (Cairo's: font space, y down, to
/// user space; `xx` is the size in points).
struct PDFFontRef {
    let face: PDFFontFace
    let xx: Double, yx: Double, xy: Double, yy: Double
}
