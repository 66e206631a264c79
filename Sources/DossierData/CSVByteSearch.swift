/// The tokenizer's byte searches: word-at-a-time (SWAR) matches, a 16-byte vector search for
/// the first of three bytes, and the in-place collapse of doubled quotes.
extension CSVReader {
    /// Collapses each doubled `quote` in `bytes[start..<end]` in place, moving the bytes between
    /// quotes eight at a time; returns the new end.
    static func collapseQuotes(_ bytes: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int, quote q: UInt8) -> Int {
        let pattern = UInt64(q) &* 0x0101_0101_0101_0101
        var r = start, w = start
        while r < end {
            // Words without a quote move whole: the bytes stored (below r + 8) are all read.
            if r + 8 <= end {
                let word = UnsafeRawPointer(bytes + r).loadUnaligned(as: UInt64.self)
                let m = match(word, pattern)
                if m == 0 {
                    UnsafeMutableRawPointer(bytes + w).storeBytes(of: word, as: UInt64.self)
                    r += 8
                    w += 8
                    continue
                }
                // Up to and including the quote, byte by byte (a whole word could overwrite unread bytes).
                for _ in 0...(m.trailingZeroBitCount >> 3) {
                    bytes[w] = bytes[r]
                    w += 1
                    r += 1
                }
            } else {
                let b = bytes[r]
                bytes[w] = b
                w += 1
                r += 1
                if b != q { continue }
            }
            // Just after a quote: skip its double.
            if r < end, bytes[r] == q { r += 1 }
        }
        return w
    }

    /// High bit set in each byte of `w` equal to the byte repeated in `pattern` (exact for the
    /// lowest matching byte, which is all the scanner uses; little-endian loads).
    @inline(__always)
    static func match(_ w: UInt64, _ pattern: UInt64) -> UInt64 {
        let x = w ^ pattern
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    /// The bytes of `w` below the lowest match flagged in `m` (a ``match(_:_:)`` result).
    @inline(__always)
    static func bytesBefore(_ w: UInt64, _ m: UInt64) -> UInt64 { w & ((m & (0 &- m)) &- 1) }

    /// The high bit of every byte of a word.
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The offset (0...15) of the first of the 16 bytes at `p` equal to `a`, `b` or `c`, or 16
    /// when none is; ORs the bytes before it into `high`. Three vector compares (SSE2 / NEON)
    /// instead of two words' worth of ``match(_:_:)``.
    @inline(__always)
    static func firstOf3(_ p: UnsafePointer<UInt8>, _ a: SIMD16<UInt8>, _ b: SIMD16<UInt8>, _ c: SIMD16<UInt8>,
                         high: inout UInt64) -> Int {
        let v = UnsafeRawPointer(p).loadUnaligned(as: SIMD16<UInt8>.self)
        // A true lane is all ones: the mask read as two words has 0xFF in each matching byte.
        let hit = unsafeBitCast((v .== a) .| (v .== b) .| (v .== c), to: SIMD2<UInt64>.self)
        let words = unsafeBitCast(v, to: SIMD2<UInt64>.self)
        let lo = hit[0]
        if lo != 0 {
            high |= words[0] & ((lo & (0 &- lo)) &- 1)
            return lo.trailingZeroBitCount >> 3
        }
        high |= words[0]
        let hi = hit[1]
        if hi != 0 {
            high |= words[1] & ((hi & (0 &- hi)) &- 1)
            return 8 + hi.trailingZeroBitCount >> 3
        }
        high |= words[1]
        return 16
    }
}
