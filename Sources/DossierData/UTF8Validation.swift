extension FieldParsers {
    /// Offset of the first invalid UTF-8 byte, or `nil` if valid (Unicode's well-formed byte
    /// sequences, table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF).
    ///
    /// ASCII runs are skipped eight bytes at a time, an ASCII tail with one overlapping load;
    /// multi-byte sequences are checked by their lead byte's allowed second-byte range.
    @inline(__always)
    static func utf8ErrorOffset(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = b.baseAddress else { return nil }
        let n = b.count
        let raw = UnsafeRawPointer(base)
        let high: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        while i < n {
            while i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & high == 0 { i += 8 }
            if i >= n { return nil }
            // An ASCII tail shorter than a word: one load ending at the last byte.
            if n >= 8, n - i < 8, raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) & high == 0 { return nil }
            let c = base[i]
            if c < 0x80 { i += 1; continue }
            if let length = sequenceLength(base + i, available: n - i) { i += length } else { return i }
        }
        return nil
    }

    /// Length of the well-formed multi-byte sequence at `p` (lead byte ≥ 0x80), or `nil`.
    @inline(__always)
    private static func sequenceLength(_ p: UnsafePointer<UInt8>, available: Int) -> Int? {
        let c = p[0]
        @inline(__always) func continuation(_ k: Int) -> Bool { p[k] & 0xC0 == 0x80 }
        switch c {
        case 0xC2...0xDF:
            return available >= 2 && continuation(1) ? 2 : nil
        case 0xE0...0xEF:
            guard available >= 3 else { return nil }
            let c1 = p[1]
            let ok1 = c == 0xE0 ? (0xA0...0xBF).contains(c1) : c == 0xED ? (0x80...0x9F).contains(c1) : c1 & 0xC0 == 0x80
            return ok1 && continuation(2) ? 3 : nil
        case 0xF0...0xF4:
            guard available >= 4 else { return nil }
            let c1 = p[1]
            let ok1 = c == 0xF0 ? (0x90...0xBF).contains(c1) : c == 0xF4 ? (0x80...0x8F).contains(c1) : c1 & 0xC0 == 0x80
            return ok1 && continuation(2) && continuation(3) ? 4 : nil
        default:
            return nil
        }
    }
}
