#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Growable malloc'd bytes that free themselves unless handed over with ``take()``.
final class GrowableBytes {
    private(set) var base: UnsafeMutablePointer<UInt8>? = nil
    private(set) var capacity = 0

    /// Makes room for at least `needed` bytes, keeping those already there.
    func grow(to needed: Int) {
        let newCapacity = max(needed, capacity * 2, 4096)
        // realloc can move large blocks with mremap: no copy and no double peak.
        guard let p = realloc(base, newCapacity) else { fatalError("out of memory (\(newCapacity) bytes)") }
        base = p.assumingMemoryBound(to: UInt8.self)
        capacity = newCapacity
    }

    /// Hands the bytes over (the caller frees them); leaves this empty.
    func take() -> UnsafeMutablePointer<UInt8>? {
        defer { base = nil; capacity = 0 }
        return base
    }

    deinit { free(base) }
}

/// Appends cells of a string column into a ``StringStorage``. Call ``finish()`` exactly once.
struct StringStorageBuilder {
    private let bytes = GrowableBytes()
    private var used = 0
    private(set) var ends = CellEnds()
    /// Segments of earlier chunks (see ``absorb(_:)``), before the cells being appended.
    private var sealed: [StringStorage.Segment] = []
    private var sealedCount = 0

    /// Number of cells.
    var count: Int { sealedCount + ends.count }

    /// Reserves room for `rows` cells in all, estimating their bytes from the cells so far.
    mutating func reserve(_ rows: Int) {
        ends.reserveCapacity(rows)
        if ends.count > 0 {
            let perRow = Double(used) / Double(ends.count)
            let expected = Int(perRow * Double(rows))
            if expected + expected / 20 + 64 > bytes.capacity { bytes.grow(to: expected + expected / 20 + 64) }
            Prefault.populate(bytes.base.map { UnsafeMutableRawPointer($0 + used) }, expected - used)
        }
    }

    @inline(__always)
    mutating func append(_ b: UnsafeBufferPointer<UInt8>) {
        let n = b.count
        if used + n > bytes.capacity { bytes.grow(to: used + n) }
        if n > 0, let src = b.baseAddress, let dst = bytes.base { (dst + used).update(from: src, count: n) }
        used += n
        ends.append(end: used)
    }

    /// ``append(_:)`` for bytes followed by at least ``CSVReader/padding`` readable bytes (a
    /// field in the reader's buffer): cells up to 64 bytes are copied 16 bytes at a time (a
    /// few bytes past the cell are copied too, and overwritten by the next cell), without a call.
    @inline(__always)
    mutating func append(paddedField b: UnsafeBufferPointer<UInt8>) {
        let n = b.count
        guard n <= 64, bytes.capacity &- used >= 64, let src = b.baseAddress, let dst = bytes.base else { return append(b) }
        let from = UnsafeRawPointer(src), to = UnsafeMutableRawPointer(dst + used)
        var k = 0
        repeat {
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: k, as: SIMD16<UInt8>.self), toByteOffset: k, as: SIMD16<UInt8>.self)
            k &+= 16
        } while k < n
        used += n
        ends.append(end: used)
    }

    @inline(__always)
    mutating func appendNull() {
        ends.appendMissing(at: used)
    }

    /// The cells appended so far as sealed segments; leaves this builder empty.
    private mutating func sealAll() -> [StringStorage.Segment] {
        var out = sealed
        if ends.count > 0 || out.isEmpty {
            out.append(StringStorage.Segment(arena: ByteArena(base: bytes.take(), count: used), ends: ends))
        }
        self = StringStorageBuilder()
        return out
    }

    /// Appends every cell of `other` (the same column of the next chunk) without copying bytes:
    /// its segments follow this builder's. Both builders are sealed: append nothing afterwards.
    mutating func absorb(_ other: inout StringStorageBuilder) {
        let mine = sealAll()
        let theirs = other.sealAll()
        sealed = mine + theirs
        sealedCount = sealed.reduce(0) { $0 + $1.ends.count }
    }

    /// Hands the cells over to an immutable storage.
    func finish() -> StringStorage {
        var copy = self
        return StringStorage(segments: copy.sealAll())
    }
}
