import CZlib

/// A zlib stream (RFC 1950) compressed piece by piece, so that a large input never has to
/// exist whole: the PNG encoder feeds it a few rows at a time instead of building a copy of the
/// raster, and the output grows as deflate produces it instead of being reserved (and zeroed)
/// at its worst-case size.
final class ZlibStream {
    /// zlib keeps a pointer back to its `z_stream`, so the stream lives at a fixed address.
    private let stream: UnsafeMutablePointer<z_stream>
    private var scratch = [UInt8](repeating: 0, count: 1 << 16)
    /// The compressed bytes so far.
    private(set) var output: [UInt8] = []
    private var failed = false

    /// Starts a stream at `level` (0–9); nil if zlib cannot.
    init?(level: Int32) {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard deflateInit_(stream, level, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            return nil
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Compresses `bytes` (more may follow).
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: base)
        stream.pointee.avail_in = uInt(bytes.count)
        pump(Z_NO_FLUSH)
    }

    /// Ends the stream and returns every compressed byte; nil if zlib failed.
    func finish() -> [UInt8]? {
        stream.pointee.next_in = nil
        stream.pointee.avail_in = 0
        pump(Z_FINISH)
        return failed ? nil : output
    }

    /// Runs deflate until it has consumed the input (or, finishing, ended the stream).
    private func pump(_ flush: Int32) {
        guard !failed else { return }
        scratch.withUnsafeMutableBufferPointer { buffer in
            while true {
                stream.pointee.next_out = buffer.baseAddress
                stream.pointee.avail_out = uInt(buffer.count)
                let status = deflate(stream, flush)
                let produced = buffer.count - Int(stream.pointee.avail_out)
                output.append(contentsOf: buffer[0..<produced])
                if status == Z_STREAM_END { return }
                guard status == Z_OK || status == Z_BUF_ERROR else { failed = true; return }
                if flush == Z_NO_FLUSH && stream.pointee.avail_in == 0 { return }
                if status == Z_BUF_ERROR && produced == 0 { failed = true; return }
            }
        }
    }
}
