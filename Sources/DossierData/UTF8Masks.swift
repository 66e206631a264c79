/// UTF-8 well-formedness of a field checked 64 bytes at a time through bitmasks, without a
/// branch per character: bit `i` of each mask stands for byte `i` of the window.
///
/// A lead byte (≥ 0xC0) expects a continuation byte (0x80–0xBF) after it, a three-byte lead
/// (≥ 0xE0) a second one; the bytes are well formed when the expected continuations are exactly
/// the continuation bytes. Bytes whose rules are finer than that (C0 and C1, never valid; E0 and
/// ED, whose second byte has a narrower range; F0 and above, four-byte sequences and invalid
/// bytes) are rare in text: a field holding one is left to the exact scalar check
/// (``FieldParsers/utf8ErrorOffset(_:)``).
struct UTF8Masks {
    /// Bytes ≥ 0x80.
    var high: UInt64 = 0
    /// Bytes ≥ 0xC0: leads.
    var lead: UInt64 = 0
    /// Bytes ≥ 0xE0: three-byte leads (and the rare ones).
    var lead3: UInt64 = 0
    /// C0, C1, E0, ED and F0–FF: the bytes this check does not decide.
    var rare: UInt64 = 0

    /// The masks of the `count` (1...64) bytes at `p`, which must be followed by 15 readable
    /// bytes (bits at and above `count` are cleared).
    @inline(__always)
    init(_ p: UnsafeRawPointer, count: Int) {
        let c0 = SIMD16<UInt8>(repeating: 0xC0), e0 = SIMD16<UInt8>(repeating: 0xE0), f0 = SIMD16<UInt8>(repeating: 0xF0)
        let c1 = SIMD16<UInt8>(repeating: 0xC1), ed = SIMD16<UInt8>(repeating: 0xED)
        var k = 0
        while k < count {
            let v = p.loadUnaligned(fromByteOffset: k, as: SIMD16<UInt8>.self)
            let shift = UInt64(k)
            high |= StructuralBlock.highBits(v) &<< shift
            lead |= StructuralBlock.bits(v .>= c0) &<< shift
            lead3 |= StructuralBlock.bits(v .>= e0) &<< shift
            rare |= StructuralBlock.bits((v .>= f0) .| (v .== c0) .| (v .== c1) .| (v .== e0) .| (v .== ed)) &<< shift
            k &+= 16
        }
        let lanes: UInt64 = count >= 64 ? ~0 : (1 &<< UInt64(count)) &- 1
        high &= lanes
        lead &= lanes
        lead3 &= lanes
        rare &= lanes
    }
}

extension FieldParsers {
    /// Whether `b` is well-formed UTF-8 (exactly when ``utf8ErrorOffset(_:)`` is `nil`). `b`
    /// must be followed by at least 15 readable bytes (a field in the reader's buffer, see
    /// ``CSVReader/padding``).
    @inline(__always)
    static func isValidUTF8(paddedField b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return true }
        let n = b.count
        var offset = 0
        // Continuations the previous window's last leads expect at the start of this one.
        var carry: UInt64 = 0
        while offset < n {
            let count = min(n &- offset, 64)
            let m = UTF8Masks(UnsafeRawPointer(base + offset), count: count)
            if m.rare != 0 { return utf8ErrorOffset(b) == nil }
            let expected = (m.lead &<< 1) | (m.lead3 &<< 2) | carry
            let continuation = m.high & ~m.lead
            let lanes: UInt64 = count >= 64 ? ~0 : (1 &<< UInt64(count)) &- 1
            // A continuation expected past the last byte is a truncated sequence.
            if expected & lanes != continuation || (count < 64 && expected & ~lanes != 0) { return false }
            carry = (m.lead &>> 63) | (m.lead3 &>> 62)
            offset &+= 64
        }
        return carry == 0
    }
}
