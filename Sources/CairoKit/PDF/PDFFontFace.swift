import CCairo

/// A font face as a PDF embeds it: its key (the Pango description without a size, which
/// every size of the face shares), its file, every glyph's advance in 1/1000 em (the `/W` the
/// PDF declares and the advances ``PDFCanvas`` positions text against) and its metrics.
public struct PDFFontFace: Sendable {
    /// The face's name: Pango's description of the font without its size.
    public let key: String
    /// The font file.
    public let face: OpenTypeFace
    /// Each glyph's advance, by glyph id, in 1/1000 em.
    public let widths: [Int]
    /// The font descriptor's metrics.
    public let metrics: OpenTypeFace.Metrics

    /// The face of `font` (a Pango font) named `key`; nil when HarfBuzz cannot read its file.
    init?(key: String, font: UnsafeMutablePointer<PangoFont>) {
        guard let face = OpenTypeFace(font: font) else { return nil }
        self.init(key: key, face: face)
    }

    /// The face of `face` named `key`.
    public init(key: String, face: OpenTypeFace) {
        self.key = key
        self.face = face
        widths = face.advances(Array(0..<UInt32(face.glyphCount)))
        metrics = face.metrics
    }

    /// The advance of `glyph` in 1/1000 em (0 past the face's glyphs).
    func width(_ glyph: UInt32) -> Int {
        Int(glyph) < widths.count ? widths[Int(glyph)] : 0
    }
}

/// A font as a run draws it: its face and its font matrix (Cairo's: font space, y down, to
/// user space; `xx` is the size in points).
struct PDFFontRef {
    let face: PDFFontFace
    let xx: Double, yx: Double, xy: Double, yy: Double
}
