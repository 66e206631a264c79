import CZlib

/// zlib's CRC-32 (PNG chunks), and its inflater for zlib streams (RFC 1950, as PDF's
/// `/FlateDecode` streams and PNG's `IDAT` hold them; tests read outputs back with it). Dossier
/// compresses with libdeflate (``DeflateCompressor``).
enum Zlib {
    /// The CRC-32 of `bytes`, continuing from `crc` (`crc32`).
    static func crc32(_ bytes: [UInt8], continuing crc: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBytes { crc32($0, continuing: crc) }
    }

    /// The CRC-32 of `bytes`, continuing from `crc` (`crc32_z`; no bytes leave `crc` as it is,
    /// where zlib would answer its initial value for a null pointer).
    static func crc32(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
        guard !bytes.isEmpty else { return crc }
        let value = CZlib.crc32_z(uLong(crc), bytes.baseAddress?.assumingMemoryBound(to: Bytef.self), z_size_t(bytes.count))
        return UInt32(truncatingIfNeeded: value)
    }

    /// Decompresses a complete zlib stream; nil if it is not one.
    static func inflate(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = Array(bytes)
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            repeat {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return target.count - Int(stream.avail_out)
                }
                out += chunk[0..<produced]
            } while status == Z_OK
        }
        return status == Z_STREAM_END ? out : nil
    }
}
