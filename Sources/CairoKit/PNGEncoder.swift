/// Encodes a Cairo ARGB32 raster as PNG with zlib, tuned for charts rather than photographs.
///
/// `cairo_surface_write_to_png` goes through libpng with its adaptive per-row filter search and
/// zlib's default level: about a quarter of a full briefing build's CPU time. Chart rasters are
/// large areas of flat colour, which deflate compresses well without any filter, so this encoder
/// writes unfiltered rows at zlib level 3: 3–4× faster and no larger (measured on the flagship's
/// six charts; see `bench/RESULTS.md`). Opaque images (every chart has a background) are written
/// as 8-bit RGB, others as 8-bit RGBA with Cairo's premultiplied alpha undone exactly as Cairo
/// does it. Rows are converted and compressed 64 KB at a time (``ZlibStream``): no copy of the
/// raster and no worst-case output buffer, which had made PNG encoding a third of a build's page
/// faults. No time stamp or other ancillary chunk is written, so equal pixels give equal bytes.
enum PNGEncoder {
    /// The zlib level: 3 compresses chart rasters as well as level 6 with filters, at a third of the time.
    static let compressionLevel: Int32 = 3

    /// PNG bytes for `height` rows of `width` native-endian premultiplied ARGB32 pixels,
    /// `stride` bytes apart.
    static func encode(pixels: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int) throws(CairoError) -> [UInt8] {
        let opaque = isOpaque(pixels: pixels, width: width, height: height, stride: stride)
        let channels = opaque ? 3 : 4
        let rowBytes = 1 + width * channels
        guard let stream = ZlibStream(level: compressionLevel) else {
            throw .status(function: "deflateInit", message: "zlib could not start a stream")
        }
        // Filter-type byte 0 (None) followed by the samples, a batch of rows at a time.
        let rowsPerBatch = max(1, (1 << 16) / rowBytes)
        var batch = [UInt8](repeating: 0, count: rowBytes * min(rowsPerBatch, max(height, 1)))
        var y = 0
        while y < height {
            let rows = min(rowsPerBatch, height - y)
            batch.withUnsafeMutableBufferPointer { out in
                for index in 0..<rows {
                    convertRow(pixels + (y + index) * stride, width: width, opaque: opaque, into: out, at: index * rowBytes)
                }
                stream.append(UnsafeBufferPointer(rebasing: out[0..<(rows * rowBytes)]))
            }
            y += rows
        }
        guard let compressed = stream.finish() else {
            throw .status(function: "deflate", message: "zlib could not compress the image")
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        appendBigEndian(UInt32(width), to: &header)
        appendBigEndian(UInt32(height), to: &header)
        // Bit depth 8; colour type 2 (RGB) or 6 (RGBA); deflate; adaptive filtering; no interlace.
        header += [8, opaque ? 2 : 6, 0, 0, 0]
        appendChunk("IHDR", header, to: &png)
        png.reserveCapacity(png.count + compressed.count + 24)
        appendChunk("IDAT", compressed, to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    /// Writes one row as PNG samples (filter byte 0, then RGB or RGBA with premultiplication
    /// undone) into `out` at `offset`.
    ///
    /// Each pixel is reordered with one 32-bit load and one store (a native-endian ARGB word in,
    /// the word whose little-endian bytes are R, G, B, A out), and
    /// only pixels with partial alpha take the unpremultiplying path. An RGB row stores four
    /// bytes a pixel three bytes apart, each store's fourth byte overwritten by the next pixel;
    /// the last pixel is written byte by byte so that nothing lands past the row.
    @inline(__always)
    static func convertRow(_ source: UnsafePointer<UInt8>, width: Int, opaque: Bool,
                                   into out: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        guard let base = out.baseAddress else { return }
        let row = UnsafeRawPointer(source)
        let target = UnsafeMutableRawPointer(base + offset)
        target.storeBytes(of: 0, as: UInt8.self)
        if opaque {
            var o = 1
            for x in 0..<max(0, width - 1) {
                target.storeBytes(of: rgbaBytes(row.loadUnaligned(fromByteOffset: 4 * x, as: UInt32.self)).littleEndian,
                                  toByteOffset: o, as: UInt32.self)
                o += 3
            }
            if width > 0 {
                let last = rgbaBytes(row.loadUnaligned(fromByteOffset: 4 * (width - 1), as: UInt32.self))
                target.storeBytes(of: UInt8(truncatingIfNeeded: last), toByteOffset: o, as: UInt8.self)
                target.storeBytes(of: UInt8(truncatingIfNeeded: last >> 8), toByteOffset: o + 1, as: UInt8.self)
                target.storeBytes(of: UInt8(truncatingIfNeeded: last >> 16), toByteOffset: o + 2, as: UInt8.self)
            }
            return
        }
        for x in 0..<width {
            let argb = row.loadUnaligned(fromByteOffset: 4 * x, as: UInt32.self)
            let a = UInt8(truncatingIfNeeded: argb >> 24)
            var rgba = rgbaBytes(argb)
            if a != 0 && a != 255 {
                let r = unpremultiply(UInt8(truncatingIfNeeded: argb >> 16), a)
                let g = unpremultiply(UInt8(truncatingIfNeeded: argb >> 8), a)
                let b = unpremultiply(UInt8(truncatingIfNeeded: argb), a)
                rgba = UInt32(r) | UInt32(g) << 8 | UInt32(b) << 16 | UInt32(a) << 24
            }
            target.storeBytes(of: rgba.littleEndian, toByteOffset: 1 + 4 * x, as: UInt32.self)
        }
    }

    /// A native ARGB32 pixel as the word `R | G << 8 | B << 16 | A << 24`.
    @inline(__always)
    private static func rgbaBytes(_ argb: UInt32) -> UInt32 {
        (argb & 0xFF00_FF00) | (argb >> 16 & 0xFF) | (argb & 0xFF) << 16
    }

    /// Whether every pixel has alpha 255. The last row and the last column are looked at
    /// first: a chart whose size is not a whole number of pixels is translucent there, and the
    /// answer is then known without reading the rest of the raster.
    static func isOpaque(pixels: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int) -> Bool {
        guard width > 0, height > 0 else { return true }
        func alpha(_ x: Int, _ y: Int) -> UInt32 {
            UnsafeRawPointer(pixels + y * stride).loadUnaligned(fromByteOffset: 4 * x, as: UInt32.self) >> 24
        }
        for x in 0..<width where alpha(x, height - 1) != 255 { return false }
        for y in 0..<height where alpha(width - 1, y) != 255 { return false }
        for y in 0..<(height - 1) {
            let row = UnsafeRawPointer(pixels + y * stride).assumingMemoryBound(to: UInt32.self)
            var all: UInt32 = 0xFF00_0000
            for x in 0..<width { all &= row[x] | 0x00FF_FFFF }
            if all != 0xFF00_0000 { return false }
        }
        return true
    }

    /// Cairo's rounding: `(c * 255 + a / 2) / a`.
    @inline(__always)
    private static func unpremultiply(_ c: UInt8, _ a: UInt8) -> UInt8 {
        UInt8(min(255, (UInt32(c) * 255 + UInt32(a) / 2) / UInt32(a)))
    }

    private static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        appendBigEndian(UInt32(data.count), to: &png)
        let typeBytes = Array(type.utf8)
        png += typeBytes
        png += data
        appendBigEndian(Zlib.crc32(data, continuing: Zlib.crc32(typeBytes)), to: &png)
    }

    private static func appendBigEndian(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes += [UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16),
                  UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }
}
