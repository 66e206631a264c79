#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// Bitmasks of the bytes the tokenizer stops at, for 64 bytes of its buffer: bit `i` stands for
/// the byte at ``start`` + `i`. Built with four 16-byte vector compares per byte class (SSE2 /
/// NEON), so that a field's end is found with one shift and one trailing-zero count, and the
/// next fields of the same 64 bytes reuse the masks instead of comparing again.
struct StructuralBlock {
    /// Buffer offset of the byte of bit 0. A block starts where a search needs one (no alignment).
    var start: Int
    /// Delimiters, line feeds and carriage returns: where an unquoted field ends.
    var fieldEnds: UInt64 = 0
    /// Quotes, line feeds and carriage returns: what a quoted field's scan stops at.
    var quotedStops: UInt64 = 0
    /// Bytes ≥ 0x80 (not ASCII).
    var high: UInt64 = 0

    /// A block that covers no offset (every search builds a new one).
    static let none = StructuralBlock(start: -64)

    private init(start: Int) { self.start = start }

    /// The masks of the 64 bytes at `p`, which is buffer offset `start`.
    @inline(__always)
    init(_ p: UnsafePointer<UInt8>, at start: Int, delimiter: SIMD16<UInt8>, quote: SIMD16<UInt8>) {
        self.start = start
        let lf = SIMD16<UInt8>(repeating: 10), cr = SIMD16<UInt8>(repeating: 13)
        let raw = UnsafeRawPointer(p)
        for k in 0..<4 {
            let v = raw.loadUnaligned(fromByteOffset: 16 &* k, as: SIMD16<UInt8>.self)
            let breaks = (v .== lf) .| (v .== cr)
            let shift = UInt64(16 &* k)
            fieldEnds |= Self.bits(breaks .| (v .== delimiter)) &<< shift
            quotedStops |= Self.bits(breaks .| (v .== quote)) &<< shift
            high |= Self.highBits(v) &<< shift
        }
    }

    /// Whether `offset` lies in this block.
    @inline(__always)
    func covers(_ offset: Int) -> Bool { UInt(bitPattern: offset &- start) < 64 }

    /// One bit per lane of `mask` (lane 0 in bit 0).
    @inline(__always)
    static func bits(_ mask: SIMDMask<SIMD16<Int8>>) -> UInt64 {
        highBits(unsafeBitCast(mask, to: SIMD16<UInt8>.self))
    }

    /// The high bit of each byte of `v` (byte 0 in bit 0).
    @inline(__always)
    static func highBits(_ v: SIMD16<UInt8>) -> UInt64 {
        #if arch(x86_64)
        return UInt64(UInt16(truncatingIfNeeded: _mm_movemask_epi8(unsafeBitCast(v, to: __m128i.self))))
        #else
        return portableHighBits(v)
        #endif
    }

    /// ``highBits(_:)`` without intrinsics: the high bits of each eight-byte word gathered into
    /// its top byte by one multiplication (the partial products never overlap, so no carries).
    @inline(__always)
    static func portableHighBits(_ v: SIMD16<UInt8>) -> UInt64 {
        let words = unsafeBitCast(v, to: SIMD2<UInt64>.self)
        @inline(__always) func gather(_ w: UInt64) -> UInt64 {
            (((w >> 7) & 0x0101_0101_0101_0101) &* 0x0102_0408_1020_4080) >> 56
        }
        return gather(words[0]) | gather(words[1]) << 8
    }
}
