import CCairo

/// SVG path data from a Cairo path (`cairo_copy_path`), in the path's own coordinates.
enum CairoPathData {
    /// Appends `path` as SVG path data (`M x y L x y C … Z`), each number rounded to `digits`
    /// decimals, each command separated by a space.
    static func append(_ path: UnsafeMutablePointer<cairo_path_t>, digits: Int, to out: inout [UInt8]) {
        let start = out.count
        func point(_ p: cairo_path_data_t) {
            out.append(UInt8(ascii: " "))
            DecimalWriter.append(p.point.x, digits: digits, to: &out)
            out.append(UInt8(ascii: " "))
            DecimalWriter.append(p.point.y, digits: digits, to: &out)
        }
        let data = path.pointee.data
        let count = Int(path.pointee.num_data)
        var index = 0
        while index < count, let data {
            let header = data[index].header
            if out.count > start { out.append(UInt8(ascii: " ")) }
            switch header.type {
            case CAIRO_PATH_MOVE_TO: out.append(UInt8(ascii: "M")); point(data[index + 1])
            case CAIRO_PATH_LINE_TO: out.append(UInt8(ascii: "L")); point(data[index + 1])
            case CAIRO_PATH_CURVE_TO:
                out.append(UInt8(ascii: "C"))
                point(data[index + 1]); point(data[index + 2]); point(data[index + 3])
            default: out.append(UInt8(ascii: "Z"))
            }
            index += max(Int(header.length), 1)
        }
    }
}
