import CCairo

/// Collects the bytes Cairo writes to a stream surface or PNG stream.
final class ByteSink {
    var bytes: [UInt8] = []

    /// The C write callback: `context` is an unretained `ByteSink`.
    static let write: cairo_write_func_t = { context, data, length in
        guard let context, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(context).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }

    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}
