extension CSVReader {
    /// Moves the cursor to the next delimiter or line break (or to `end`): through the 64-byte
    /// masks while 64 bytes remain, then 16, 8 and 1 bytes at a time; notes non-ASCII bytes.
    @inline(__always)
    func findUnquotedEnd(_ c: inout CSVCursor, end: Int, _ k: CSVScanBytes, _ ascii: inout ASCIIAccumulator) {
        if usesBlockMasks, findInBlocks(&c, end: end, k, quoted: false, &ascii) { return }
        if findInVectors(&c, end: end, k.delimiterVector, &ascii) { return }
        if findInWords(&c, end: end, k.delimiterWord, &ascii) { return }
        while c.p < end {
            let b = buffer[c.p]
            if b == k.delimiter || b == CSVScanBytes.lf || b == CSVScanBytes.cr { return }
            ascii.bytes |= UInt64(b)
            c.p += 1
        }
    }

    /// Moves the cursor inside a quoted field to the next quote or line break, or to within 8
    /// bytes of `end` (the caller looks at the last bytes one by one); notes non-ASCII bytes.
    @inline(__always)
    func findQuotedStop(_ c: inout CSVCursor, end: Int, _ k: CSVScanBytes, _ ascii: inout ASCIIAccumulator) {
        if usesBlockMasks, findInBlocks(&c, end: end, k, quoted: true, &ascii) { return }
        if findInVectors(&c, end: end, k.quoteVector, &ascii) { return }
        _ = findInWords(&c, end: end, k.quoteWord, &ascii)
    }

    /// Moves the cursor to the first stop (delimiter or, in a quoted field, quote; or a line
    /// break) through 64-byte masks, reusing the cursor's block while it covers the cursor;
    /// false, with the cursor where 64 bytes no longer remain, when none is found.
    @inline(__always)
    private func findInBlocks(_ c: inout CSVCursor, end: Int, _ k: CSVScanBytes, quoted: Bool,
                              _ ascii: inout ASCIIAccumulator) -> Bool {
        while true {
            if !c.block.covers(c.p) {
                guard c.p + 64 <= end else { return false }
                c.block = StructuralBlock(buffer + c.p, at: c.p, delimiter: k.delimiterVector, quote: k.quoteVector)
            }
            let rel = UInt64(c.p &- c.block.start)
            let m = (quoted ? c.block.quotedStops : c.block.fieldEnds) &>> rel
            if m != 0 {
                let n = UInt64(m.trailingZeroBitCount)
                ascii.blockBits |= (c.block.high &>> rel) & ((1 &<< n) &- 1)
                c.p &+= Int(n)
                return true
            }
            ascii.blockBits |= c.block.high &>> rel
            c.p = c.block.start &+ 64
        }
    }

    /// Moves the cursor to the first `stop` byte or line break 16 bytes at a time while 16
    /// remain; false, with the cursor there, when none is found.
    @inline(__always)
    private func findInVectors(_ c: inout CSVCursor, end: Int, _ stop: SIMD16<UInt8>, _ ascii: inout ASCIIAccumulator) -> Bool {
        while c.p + 16 <= end {
            let n = Self.firstOf3(buffer + c.p, stop, CSVScanBytes.lfVector, CSVScanBytes.crVector, high: &ascii.bytes)
            c.p += n
            if n < 16 { return true }
        }
        return false
    }

    /// Moves the cursor to the first `stop` byte (repeated in `stopWord`) or line break eight
    /// bytes at a time while eight remain; false, with the cursor there, when none is found.
    @inline(__always)
    private func findInWords(_ c: inout CSVCursor, end: Int, _ stopWord: UInt64, _ ascii: inout ASCIIAccumulator) -> Bool {
        while c.p + 8 <= end {
            let w = UnsafeRawPointer(buffer + c.p).loadUnaligned(as: UInt64.self)
            let m = Self.match(w, stopWord) | Self.match(w, CSVScanBytes.lfWord) | Self.match(w, CSVScanBytes.crWord)
            if m != 0 {
                ascii.bytes |= Self.bytesBefore(w, m)
                c.p += m.trailingZeroBitCount >> 3
                return true
            }
            ascii.bytes |= w
            c.p += 8
        }
        return false
    }
}
