/// A set of byte strings of 1 to 7 bytes each, held as one word apiece: what a foreign key
/// looks its rows up in when every target value is that short (country and currency codes,
/// short identifiers). A lookup reads only the value's own bytes (two overlapping loads) and
/// compares words, with no byte-by-byte hash and no arena.
struct ShortKeySet: Sendable {
    /// Keys by slot (0: empty), a power of two long, at most a quarter full.
    private let slots: [UInt64]
    private let shift: UInt64

    /// The set of `values`, or `nil` when one of them is empty or longer than 7 bytes.
    init?(_ values: [UnsafeBufferPointer<UInt8>]) {
        var keys: [UInt64] = []
        keys.reserveCapacity(values.count)
        for v in values {
            guard let k = Self.key(v) else { return nil }
            keys.append(k)
        }
        var bits = 4
        while (1 << bits) < keys.count * 4 { bits += 1 }
        var slots = [UInt64](repeating: 0, count: 1 << bits)
        let shift = UInt64(64 - bits)
        let mask = slots.count - 1
        for k in keys {
            var i = Self.slot(k, shift)
            while slots[i] != 0 && slots[i] != k { i = (i + 1) & mask }
            slots[i] = k
        }
        self.slots = slots
        self.shift = shift
    }

    /// The word standing for `b` when it has 1 to 7 bytes (its length in the top byte, so
    /// never 0), else `nil`. Reads only `b`'s bytes.
    @inline(__always)
    static func key(_ b: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let n = b.count
        guard n > 0, n < 8, let p = b.baseAddress else { return nil }
        let word: UInt64
        if n >= 4 {
            let raw = UnsafeRawPointer(p)
            let lo = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            let hi = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)))
            // The two loads overlap on bytes 4 - n ..< 4 of `hi`: equal bytes, OR'd at the same place.
            word = lo | hi &<< UInt64((n &- 4) &* 8)
        } else {
            word = UInt64(p[0]) | UInt64(p[n >> 1]) &<< 8 | UInt64(p[n &- 1]) &<< 16
        }
        return word | UInt64(n) &<< 56
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> shift)
    }

    /// Whether `b` is one of the values.
    @inline(__always)
    func contains(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let k = Self.key(b) else { return false }
        return slots.withUnsafeBufferPointer { s in
            let mask = s.count &- 1
            var i = Self.slot(k, shift)
            while true {
                let v = s[i]
                if v == k { return true }
                if v == 0 { return false }
                i = (i &+ 1) & mask
            }
        }
    }
}
