import Foundation

/// Reuses one `String` for repeated long cell values (categorical columns such as country names or
/// localities), so a million rows of "Ciudad de Panamá" cost one heap allocation, not a million.
/// Adaptive: switches itself off when the column turns out to hold mostly distinct values.
/// Values of 15 UTF-8 bytes or fewer are never interned (Swift stores them inline, allocation-free).
struct StringInterner {
    private var slots: [Int32]
    private var slotHashes: [UInt64]
    private var mask: Int
    private var arena: [UInt8] = []
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var pool: [String] = []
    private(set) var enabled = true
    private var lookups = 0
    private var hits = 0
    /// Stop adding entries beyond this many distinct values.
    private let maxEntries = 1 << 16

    init() {
        mask = (1 << 12) - 1
        slots = [Int32](repeating: -1, count: mask + 1)
        slotHashes = [UInt64](repeating: 0, count: mask + 1)
    }

    @inline(__always)
    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(b.count)
        guard let base = b.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        let n = b.count
        while i + 8 <= n {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ w) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n { tail |= UInt64(base[i]) << shift; shift += 8; i += 1 }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 31)
    }

    /// A String for valid UTF-8 bytes, shared with earlier equal values when possible.
    @inline(__always)
    mutating func string(_ b: UnsafeBufferPointer<UInt8>) -> String {
        guard enabled, b.count > 15, let bytes = b.baseAddress else { return String(decoding: b, as: UTF8.self) }
        lookups += 1
        if lookups == 8192, hits < lookups / 4 { disable(); return String(decoding: b, as: UTF8.self) }
        let h = Self.hash(b)
        var idx = Int(truncatingIfNeeded: h) & mask
        while true {
            let e = slots[idx]
            if e < 0 { break }
            if slotHashes[idx] == h {
                let k = Int(e)
                if lengths[k] == b.count,
                   arena.withUnsafeBufferPointer({ a in a.baseAddress.map { memcmp($0 + starts[k], bytes, b.count) == 0 } ?? false }) {
                    hits += 1
                    return pool[k]
                }
            }
            idx = (idx + 1) & mask
        }
        let s = String(decoding: b, as: UTF8.self)
        if pool.count >= maxEntries { return s }
        slots[idx] = Int32(pool.count)
        slotHashes[idx] = h
        starts.append(arena.count)
        lengths.append(b.count)
        arena.append(contentsOf: b)
        pool.append(s)
        if pool.count * 2 > mask { grow() }
        return s
    }

    private mutating func disable() {
        enabled = false
        slots = []
        slotHashes = []
        arena = []
        starts = []
        lengths = []
        pool = []
    }

    private mutating func grow() {
        (slots, slotHashes) = OpenAddressing.doubled(slots, slotHashes)
        mask = slots.count - 1
    }
}

/// Shared by the open-addressing tables (``StringInterner``, ``ByteStringSet``): entry index
/// per slot (-1 when empty) and the entry's hash, linear probing.
enum OpenAddressing {
    /// The same entries spread over twice as many slots.
    static func doubled(_ slots: [Int32], _ hashes: [UInt64]) -> ([Int32], [UInt64]) {
        let mask = slots.count * 2 - 1
        var newSlots = [Int32](repeating: -1, count: mask + 1)
        var newHashes = [UInt64](repeating: 0, count: mask + 1)
        for i in slots.indices where slots[i] >= 0 {
            var j = Int(truncatingIfNeeded: hashes[i]) & mask
            while newSlots[j] >= 0 { j = (j + 1) & mask }
            newSlots[j] = slots[i]
            newHashes[j] = hashes[i]
        }
        return (newSlots, newHashes)
    }
}
