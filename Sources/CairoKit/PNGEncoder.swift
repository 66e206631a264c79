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
    @inline(__always)
    private static func convertRow(_ source: UnsafePointer<UInt8>, width: Int, opaque: Bool,
                                   into out: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        let row = UnsafeRawPointer(source).assumingMemoryBound(to: UInt32.self)
        out[offset] = 0
        var o = offset + 1
        for x in 0..<width {
            let argb = row[x]
            let a = UInt8(truncatingIfNeeded: argb >> 24)
            var r = UInt8(truncatingIfNeeded: argb >> 16)
            var g = UInt8(truncatingIfNeeded: argb >> 8)
            var b = UInt8(truncatingIfNeeded: argb)
            if opaque {
                out[o] = r; out[o + 1] = g; out[o + 2] = b
                o += 3
            } else {
                if a != 0 && a != 255 {
                    r = unpremultiply(r, a); g = unpremultiply(g, a); b = unpremultiply(b, a)
                }
                out[o] = r; out[o + 1] = g; out[o + 2] = b; out[o + 3] = a
                o += 4
            }
        }
    }

    /// Whether every pixel has alpha 255.
    private static func isOpaque(pixels: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int) -> Bool {
        for y in 0..<height {
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
