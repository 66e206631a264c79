/// The fonts of the glyphs some ``GlyphRuns`` draw, by name, as plain values: what
/// ``SVGCanvas``, besides the runs, needs to write their `<defs>` and strikethrough bars on
/// any thread. Made by a ``GlyphRunRecorder`` on the thread that owns the layouts, which names
/// each font (its Pango description) but outlines no glyph and measures no font: the thread
/// that writes an SVG loads each named font in its own typesetter, outlines each glyph it is
/// the first to need (``outline(_:fonts:)``), formats it as SVG path data, and shares that
/// with every other thread and copy of the set. Glyphs are keyed by the font serials the runs
/// carry.
public struct GlyphOutlineSet: Sendable {
    /// Each font's name (``GlyphOutlines/name(serial:)``), by font serial.
    var fonts: [String] = []
    /// The outlines formatted so far, shared by every copy of the set.
    private let formatted = FormattedOutlines()

    /// No fonts.
    public init() {}

    /// The number of fonts named.
    public var fontCount: Int { fonts.count }

    /// The outline of `key`'s glyph as SVG path data, outlined with `source` (the calling
    /// thread's typesetter's cache) if no thread did yet; empty for a blank glyph or a font
    /// the set does not name.
    func outline(_ key: GlyphOutlines.GlyphKey, fonts source: GlyphOutlines) -> [UInt8] {
        guard fonts.indices.contains(key.font) else { return [] }
        let name = fonts[key.font]
        return formatted.outline(key, font: name) { source.path(key.glyph, fontNamed: name) }
    }

    /// Takes outlines from `store` (an earlier build's) from now on, for this set and every
    /// copy of it, and notes there the outlines formatted anew.
    public func keep(in store: GlyphOutlineStore) {
        formatted.keep(in: store)
    }

    /// The strikethrough offset and thickness of the font numbered `font`, measured by
    /// `source` (the calling thread's typesetter's cache).
    func strikethrough(_ font: Int, fonts source: GlyphOutlines) -> GlyphOutlines.Strikethrough {
        fonts.indices.contains(font) ? source.strikethrough(fontNamed: fonts[font]) : (0, 0)
    }

    /// The PDF face and font matrix of the font numbered `font`, loaded by `source` (the
    /// calling thread's typesetter's cache).
    func pdfFont(_ font: Int, fonts source: GlyphOutlines) -> PDFFontRef? {
        fonts.indices.contains(font) ? source.pdfFont(fontNamed: fonts[font]) : nil
    }

    /// The number of glyphs outlined so far, by any thread.
    var outlinedCount: Int { formatted.count }
}
