/// The outlines and strikethrough metrics of the glyphs some ``GlyphRuns`` draw, as plain
/// values: what ``SVGCanvas`` needs, besides the runs, to write their `<defs>` and bars on any
/// thread. Made by a ``GlyphRunRecorder`` from its typesetter's outline cache; glyphs are
/// keyed by the font serials the runs carry.
public struct GlyphOutlineSet: Sendable {
    /// SVG path data of each glyph (empty for a blank glyph), by font serial and glyph id.
    var outlines: [GlyphOutlines.GlyphKey: [UInt8]] = [:]
    /// Strikethrough offset above the baseline and thickness, in points, by font serial.
    var strikethrough: [Int: (position: Double, thickness: Double)] = [:]

    /// No glyphs.
    public init() {}

    /// The number of glyphs held.
    public var count: Int { outlines.count }

    /// The outline of `key`'s glyph; empty when the set does not hold it.
    func outline(_ key: GlyphOutlines.GlyphKey) -> [UInt8] {
        outlines[key] ?? []
    }
}
