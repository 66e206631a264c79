import Foundation
import Testing
@testable import DossierData

/// The mask check's verdict on `bytes`, read from a buffer with 15 bytes of `fill` after them
/// (as a field in the reader's buffer), against the exact scalar validator's.
private func verdicts(_ bytes: [UInt8], fill: UInt8) -> (masks: Bool, scalar: Bool) {
    let padded = bytes + [UInt8](repeating: fill, count: 16)
    return padded.withUnsafeBufferPointer { all in
        let b = UnsafeBufferPointer(rebasing: all[0..<bytes.count])
        return (FieldParsers.isValidUTF8(paddedField: b), FieldParsers.utf8ErrorOffset(b) == nil)
    }
}

@Suite struct UTF8MaskTests {
    /// Every sequence of up to three bytes drawn from the bytes where the rules change, after
    /// ASCII prefixes that put it on every position of the 16- and 64-byte windows.
    @Test func boundaryBytesAtEveryWindowPosition() {
        let interesting: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                                    0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        for prefix in [0, 1, 13, 14, 15, 16, 61, 62, 63, 64, 127] {
            let head = [UInt8](repeating: 0x61, count: prefix)
            for a in interesting {
                for b in interesting {
                    for c in interesting + [nil] {
                        let bytes = head + [a, b] + (c.map { [$0] } ?? [])
                        for fill: UInt8 in [0x80, 0x41] {
                            let v = verdicts(bytes, fill: fill)
                            #expect(v.masks == v.scalar, "\(bytes.map { String($0, radix: 16) }) fill \(fill)")
                        }
                    }
                }
            }
        }
    }

    /// Random text of ASCII, two- and three-byte characters, of every length up to three
    /// windows, half of it with one special piece (a four-byte or rare character, a stray or
    /// truncated sequence) anywhere: same verdict as the scalar validator.
    @Test(arguments: [11, 12, 13] as [UInt64])
    func randomTextSameVerdict(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let common: [[UInt8]] = [[0x61], [0x20], [0x2C], Array("é".utf8), Array("–".utf8), Array("ã".utf8), Array("中".utf8)]
        let special: [[UInt8]] = [Array("😀".utf8), Array("\u{0900}".utf8), Array("\u{D7FF}".utf8), Array("\u{E000}".utf8),
                                  [0x80], [0xC3], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF8], [0xF4, 0x90]]
        var valid = 0, invalid = 0
        for _ in 0..<4_000 {
            let length = Int.random(in: 0...200, using: &rng)
            var bytes: [UInt8] = []
            while bytes.count < length { bytes += common[Int.random(in: 0..<common.count, using: &rng)] }
            // Half the strings get one special piece, anywhere (even inside a character).
            if Bool.random(using: &rng) {
                bytes.insert(contentsOf: special[Int.random(in: 0..<special.count, using: &rng)],
                             at: Int.random(in: 0...bytes.count, using: &rng))
            }
            let v = verdicts(bytes, fill: UInt8.random(in: 0...255, using: &rng))
            #expect(v.masks == v.scalar, "\(bytes)")
            if v.scalar { valid += 1 } else { invalid += 1 }
        }
        #expect(valid > 500 && invalid > 500, "both verdicts exercised: \(valid) valid, \(invalid) invalid")
    }
}
