/// Byte-lane tests on eight bytes held in one word (byte 0 lowest), for parsing dates without a
/// loop over their bytes.
enum DateWords {
    private static let high: UInt64 = 0x8080_8080_8080_8080

    /// Whether every byte of `w` is an ASCII digit: none has the high bit; adding 0x46 to a byte
    /// above `9` sets it (no carry: the bytes are below 0x80); subtracting `0` from a byte with
    /// the high bit forced clears it only below `0` (no borrow).
    @inline(__always)
    static func allDigits(_ w: UInt64) -> Bool {
        w & high == 0 && (w &+ 0x4646_4646_4646_4646) & high == 0 && ((w | high) &- 0x3030_3030_3030_3030) & high == high
    }

    /// Byte `i` of `w`.
    @inline(__always)
    static func byte(_ w: UInt64, _ i: Int) -> Int { Int(truncatingIfNeeded: (w &>> UInt64(8 &* i)) & 0xFF) }
}
