/// The outlines and strikethrough metrics of the glyphs some ``GlyphRuns`` draw, as plain
/// values: what ``SVGCanvas`` needs, besides the runs, to write their `<defs>` and bars on any
/// thread. Made by a ``GlyphRunRecorder`` from its typesetter's fonts (the outlines as Cairo's
/// paths, formatted as SVG path data by the first thread that writes each); glyphs are keyed
/// by the font serials the runs carry.
public struct GlyphOutlineSet: Sendable {
    /// Each glyph's outline (empty for a blank glyph), by font serial and glyph id.
    var paths: [GlyphOutlines.GlyphKey: GlyphPath] = [:]
    /// Strikethrough offset above the baseline and thickness, in points, by font serial.
    var strikethrough: [Int: (position: Double, thickness: Double)] = [:]
    /// The outlines formatted so far, shared by every copy of the set.
    private let formatted = FormattedOutlines()

    /// No glyphs.
    public init() {}

    /// The number of glyphs held.
    public var count: Int { paths.count }

    /// The outline of `key`'s glyph as SVG path data; empty when the set does not hold it.
    func outline(_ key: GlyphOutlines.GlyphKey) -> [UInt8] {
        guard let path = paths[key], !path.commands.isEmpty else { return [] }
        return formatted.outline(key, path: path)
    }
}
