/// The fonts and strikethrough metrics of the glyphs some ``GlyphRuns`` draw, as plain
/// values: what ``SVGCanvas``, besides the runs, needs to write their `<defs>` and bars on any
/// thread. Made by a ``GlyphRunRecorder`` on the thread that owns the layouts, which names
/// each font (its Pango description) but outlines no glyph: the thread that writes an SVG
/// outlines each glyph it is the first to need with its own typesetter's copy of the font
/// (``outline(_:fonts:)``), formats it as SVG path data, and shares that with every other
/// thread and copy of the set. Glyphs are keyed by the font serials the runs carry.
public struct GlyphOutlineSet: Sendable {
    /// Each font's name (``GlyphOutlines/FontEntry/name``), by font serial.
    var fonts: [Int: String] = [:]
    /// Strikethrough offset above the baseline and thickness, in points, by font serial.
    var strikethrough: [Int: (position: Double, thickness: Double)] = [:]
    /// The outlines formatted so far, shared by every copy of the set.
    private let formatted = FormattedOutlines()

    /// No glyphs.
    public init() {}

    /// The number of fonts named.
    public var fontCount: Int { fonts.count }

    /// The outline of `key`'s glyph as SVG path data, outlined with `source` (the calling
    /// thread's typesetter's cache) if no thread did yet; empty for a blank glyph or a font
    /// the set does not name.
    func outline(_ key: GlyphOutlines.GlyphKey, fonts source: GlyphOutlines) -> [UInt8] {
        guard let name = fonts[key.font] else { return [] }
        return formatted.outline(key) { source.path(key.glyph, fontNamed: name) }
    }

    /// The number of glyphs outlined so far, by any thread.
    var outlinedCount: Int { formatted.count }
}
