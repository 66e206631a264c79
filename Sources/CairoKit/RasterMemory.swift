/// Memory that one thread's PNG surfaces use one after another: the raster Cairo draws into,
/// the converted rows the PNG encoder compresses, the compressed stream, and the compressor.
///
/// A fresh raster (`cairo_image_surface_create`) and a fresh row buffer are new pages from the
/// kernel for every chart, 2–3 MB each for the flagship's: the page faults were 8% of the chart
/// files' CPU. With a `RasterMemory` the pages are faulted in once and reused: a buffer that
/// must grow is reserved at twice the size asked for (pages never written are never faulted
/// in), so charts of similar sizes fit the first one's reserve. It is lent to one
/// surface at a time (``Surface/png(pixelWidth:pixelHeight:memory:)``); a surface asked for
/// while the memory is lent gets memory of its own, so nothing is ever drawn over a live surface.
/// Not thread-safe: keep one per thread.
public final class RasterMemory {
    /// The raster's bytes (64-byte aligned), grown as needed and never shrunk.
    private var raster: UnsafeMutableRawPointer?
    private var rasterCapacity = 0
    /// The PNG encoder's converted rows.
    private var rows: UnsafeMutableRawPointer?
    private var rowsCapacity = 0
    /// The PNG encoder's compressed stream.
    private var stream: UnsafeMutableRawPointer?
    private var streamCapacity = 0
    /// libdeflate's compressor, made on first use.
    private var compressor: DeflateCompressor?
    /// Whether a surface holds the raster now.
    private(set) var isLent = false

    public init() {}

    deinit {
        raster?.deallocate()
        rows?.deallocate()
        stream?.deallocate()
    }

    /// The raster, at least `byteCount` bytes, lent until ``giveBack()``; nil while lent.
    func lendRaster(byteCount: Int) -> UnsafeMutableRawPointer? {
        guard !isLent else { return nil }
        isLent = true
        return Self.grow(&raster, &rasterCapacity, to: byteCount)
    }

    /// Ends the loan of ``lendRaster(byteCount:)`` (the surface over it was destroyed).
    func giveBack() {
        isLent = false
    }

    /// The row buffer, at least `byteCount` bytes; valid until the next call.
    func rowBuffer(byteCount: Int) -> UnsafeMutableRawPointer {
        Self.grow(&rows, &rowsCapacity, to: byteCount)
    }

    /// The compressed-stream buffer, `byteCount` bytes; valid until the next call.
    func streamBuffer(byteCount: Int) -> UnsafeMutableRawBufferPointer {
        UnsafeMutableRawBufferPointer(start: Self.grow(&stream, &streamCapacity, to: byteCount), count: byteCount)
    }

    /// The PNG encoder's compressor (``PNGEncoder/compressionLevel``), made once.
    func pngCompressor() -> DeflateCompressor? {
        if let compressor { return compressor }
        compressor = DeflateCompressor(level: PNGEncoder.compressionLevel)
        return compressor
    }

    /// `buffer`, reallocated at twice `byteCount` (contents dropped) when smaller than it.
    private static func grow(_ buffer: inout UnsafeMutableRawPointer?, _ capacity: inout Int,
                             to byteCount: Int) -> UnsafeMutableRawPointer {
        if let buffer, capacity >= byteCount { return buffer }
        buffer?.deallocate()
        let size = max(byteCount.multipliedReportingOverflow(by: 2).overflow ? byteCount : 2 * byteCount, 64)
        let fresh = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 64)
        buffer = fresh
        capacity = size
        return fresh
    }
}
