import CCairo

/// SVG path data from a Cairo path (`cairo_copy_path`), in the path's own coordinates.
enum CairoPathData {
    /// Appends `path` as SVG path data (`M x y L x y C … Z`), each number rounded to `digits`
    /// decimals, each command separated by a space.
    static func append(_ path: UnsafeMutablePointer<cairo_path_t>, digits: Int, to out: inout [UInt8]) {
        GlyphPath(path).append(digits: digits, to: &out)
    }
}
