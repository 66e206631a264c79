/// Encodes a Cairo ARGB32 raster as PNG, tuned for charts rather than photographs.
///
/// `cairo_surface_write_to_png` goes through libpng with its adaptive per-row filter search and
/// zlib's default level: about a quarter of a full briefing build's CPU time. Chart rasters are
/// large areas of flat colour, which deflate compresses well without any filter, so this encoder
/// writes unfiltered rows and compresses them with libdeflate (``DeflateCompressor``) at level 2:
/// 15% smaller and faster than zlib at level 3, which it replaced (filters Sub, Up, or Up for
/// the rows equal to the one above, were no faster and no smaller; see `bench/analysis.md`).
/// Opaque images (every chart has a background) are written as 8-bit RGB, others as 8-bit RGBA
/// with Cairo's premultiplied alpha undone exactly as Cairo does it. libdeflate takes its input
/// whole, so the rows are converted into one buffer, written once and never zeroed (a
/// ``RasterMemory`` keeps it, with the compressor, from one image to the next). No time
/// stamp or other ancillary chunk is written, so equal pixels give equal bytes.
enum PNGEncoder {
    /// libdeflate's level: 2 compresses the flagship's chart rasters to 346 KB in 19 ms, where
    /// zlib at level 3 took 23 ms for 406 KB (levels 3–4: 1–3% smaller, 2–5% slower).
    static let compressionLevel: Int32 = 2

    /// PNG bytes for `height` rows of `width` native-endian premultiplied ARGB32 pixels,
    /// `stride` bytes apart; the rows are converted in `memory`'s buffer and compressed by its
    /// compressor (or by new ones without it).
    static func encode(pixels: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int,
                       memory: RasterMemory? = nil) throws(CairoError) -> [UInt8] {
        let opaque = isOpaque(pixels: pixels, width: width, height: height, stride: stride)
        let channels = opaque ? 3 : 4
        let rowBytes = 1 + width * channels
        guard let compressor = memory?.pngCompressor() ?? DeflateCompressor(level: compressionLevel) else {
            throw .status(function: "libdeflate_alloc_compressor", message: "libdeflate could not start a compressor")
        }
        // Filter-type byte 0 (None) followed by the samples, every row.
        let size = rowBytes * height
        let owned = memory == nil ? UnsafeMutableRawPointer.allocate(byteCount: max(size, 1), alignment: 64) : nil
        defer { owned?.deallocate() }
        guard let base = owned ?? memory?.rowBuffer(byteCount: size) else {
            throw .status(function: "PNGEncoder.encode", message: "no memory for the rows")
        }
        let rows = UnsafeMutableBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size)
        for y in 0..<height {
            convertRow(pixels + y * stride, width: width, opaque: opaque, into: rows, at: y * rowBytes)
        }
        let bound = compressor.bound(forCount: size)
        let ownedStream = memory == nil ? UnsafeMutableRawBufferPointer.allocate(byteCount: bound, alignment: 64) : nil
        defer { ownedStream?.deallocate() }
        guard let stream = ownedStream ?? memory?.streamBuffer(byteCount: bound),
              let count = compressor.zlib(UnsafeRawBufferPointer(rows), into: stream) else {
            throw .status(function: "libdeflate_zlib_compress", message: "libdeflate could not compress the image")
        }
        var header: [UInt8] = []
        appendBigEndian(UInt32(width), to: &header)
        appendBigEndian(UInt32(height), to: &header)
        // Bit depth 8; colour type 2 (RGB) or 6 (RGBA); deflate; adaptive filtering; no interlace.
        header += [8, opaque ? 2 : 6, 0, 0, 0]
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png.reserveCapacity(8 + 25 + 12 + count + 12)
        header.withUnsafeBytes { appendChunk("IHDR", $0, to: &png) }
        appendChunk("IDAT", UnsafeRawBufferPointer(rebasing: stream[0..<count]), to: &png)
        appendChunk("IEND", UnsafeRawBufferPointer(start: nil, count: 0), to: &png)
        return png
    }

    /// Writes one row as PNG samples (filter byte 0, then RGB or RGBA with premultiplication
    /// undone) into `out` at `offset`.
    ///
    /// Each pixel is reordered with one 32-bit load and one store (a native-endian ARGB word in,
    /// the word whose little-endian bytes are R, G, B, A out; in an RGBA row runs of opaque
    /// pixels four at a time, as two 64-bit words with one alpha test), and
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
        // Runs of opaque pixels (most of a chart) four at a time: two 64-bit loads, one alpha
        // test for the four, two reordered stores. Any other pixel on its own, after which the
        // runs are looked for again.
        let opaquePair: UInt64 = 0xFF00_0000_FF00_0000
        var x = 0
        while x < width {
            while x &+ 4 <= width {
                let low = row.loadUnaligned(fromByteOffset: 4 &* x, as: UInt64.self)
                let high = row.loadUnaligned(fromByteOffset: 4 &* x &+ 8, as: UInt64.self)
                guard low & high & opaquePair == opaquePair else { break }
                target.storeBytes(of: rgbaPair(low).littleEndian, toByteOffset: 1 &+ 4 &* x, as: UInt64.self)
                target.storeBytes(of: rgbaPair(high).littleEndian, toByteOffset: 9 &+ 4 &* x, as: UInt64.self)
                x &+= 4
            }
            guard x < width else { break }
            let argb = row.loadUnaligned(fromByteOffset: 4 &* x, as: UInt32.self)
            let a = UInt8(truncatingIfNeeded: argb >> 24)
            var rgba = rgbaBytes(argb)
            if a != 0 && a != 255 {
                let r = unpremultiply(UInt8(truncatingIfNeeded: argb >> 16), a)
                let g = unpremultiply(UInt8(truncatingIfNeeded: argb >> 8), a)
                let b = unpremultiply(UInt8(truncatingIfNeeded: argb), a)
                rgba = UInt32(r) | UInt32(g) << 8 | UInt32(b) << 16 | UInt32(a) << 24
            }
            target.storeBytes(of: rgba.littleEndian, toByteOffset: 1 &+ 4 &* x, as: UInt32.self)
            x &+= 1
        }
    }

    /// Two native ARGB32 pixels (one 64-bit word) as the word whose little-endian bytes are
    /// R, G, B, A of the first then of the second: red and blue swapped in each half.
    @inline(__always)
    private static func rgbaPair(_ pair: UInt64) -> UInt64 {
        (pair & 0xFF00_FF00_FF00_FF00) | (pair >> 16 & 0x0000_00FF_0000_00FF) | (pair & 0x0000_00FF_0000_00FF) << 16
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

    private static func appendChunk(_ type: String, _ data: UnsafeRawBufferPointer, to png: inout [UInt8]) {
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
