/// The growing buffer ``SceneBytes`` writes a scene into: plain stores into memory it owns,
/// in ``CacheByteWriter``'s format (integers and doubles as eight little-endian bytes, strings
/// after their length). A page's key writes ~70,000 bytes in ~10,000 values; appending each to
/// an `Array` (a uniqueness and capacity check and a generic copy per value) was most of it. One
/// buffer serves every page of a build's lookup, and is hashed where it lies.
final class SceneByteBuffer {
    private var base: UnsafeMutableRawPointer
    private var capacity: Int
    /// How many bytes were written since the last ``reset()``.
    private(set) var count = 0

    init(capacity: Int = 64 * 1024) {
        self.capacity = max(capacity, 64)
        base = UnsafeMutableRawPointer.allocate(byteCount: self.capacity, alignment: 8)
    }

    deinit { base.deallocate() }

    /// Forgets what was written (the memory is kept).
    func reset() { count = 0 }

    /// Room for `extra` more bytes.
    @inline(__always)
    private func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private func grow(to needed: Int) {
        var next = capacity * 2
        while next < needed { next *= 2 }
        let grown = UnsafeMutableRawPointer.allocate(byteCount: next, alignment: 8)
        grown.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = grown
        capacity = next
    }

    func byte(_ value: UInt8) {
        reserve(1)
        base.storeBytes(of: value, toByteOffset: count, as: UInt8.self)
        count += 1
    }

    func unsigned(_ value: UInt64) {
        reserve(8)
        base.storeBytes(of: value.littleEndian, toByteOffset: count, as: UInt64.self)
        count += 8
    }

    func integer(_ value: Int) { unsigned(UInt64(bitPattern: Int64(value))) }

    func double(_ value: Double) { unsigned(value.bitPattern) }

    func boolean(_ value: Bool) { byte(value ? 1 : 0) }

    /// The length of the text's UTF-8, then its bytes (``CacheByteWriter/string(_:)``).
    func string(_ value: String) {
        var text = value
        text.withUTF8 { utf8 in
            integer(utf8.count)
            guard let start = utf8.baseAddress, !utf8.isEmpty else { return }
            reserve(utf8.count)
            (base + count).copyMemory(from: start, byteCount: utf8.count)
            count += utf8.count
        }
    }

    /// The bytes written, as an array.
    var bytes: [UInt8] {
        Array(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// The SHA-256 (hex) of the bytes written.
    var sha256: String {
        SHA256.hex(UnsafeRawBufferPointer(start: base, count: count))
    }
}
