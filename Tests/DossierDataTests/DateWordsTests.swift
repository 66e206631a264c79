import Foundation
import Testing
@testable import DossierData

/// The word-at-a-time ISO date parser agrees with a byte-by-byte reading of `YYYY-MM-DD`.
@Suite struct DateWordsTests {
    /// The reference: each byte checked on its own.
    private static func reference(_ b: [UInt8]) -> CivilDate? {
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
        func digits(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard (0x30...0x39).contains(b[i]) else { return nil }
                v = v * 10 + Int(b[i] - 0x30)
            }
            return v
        }
        guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }

    @Test func agreesWithTheByteByByteParser() {
        var rng = SplitMix64(seed: 29)
        let odd: [UInt8] = [0x2F, 0x3A, 0x2D, 0x00, 0x80, 0xB9, 0xFF, 0x20, 0x61, 0x30, 0x39, 0xC6]
        var valid = 0
        for _ in 0..<100_000 {
            var b = Array(String(format: "%04d-%02d-%02d", Int.random(in: 0...9999, using: &rng),
                                 Int.random(in: 0...13, using: &rng), Int.random(in: 0...32, using: &rng)).utf8)
            if Int.random(in: 0..<3, using: &rng) == 0 { b[Int.random(in: 0..<10, using: &rng)] = odd[Int.random(in: 0..<odd.count, using: &rng)] }
            if Int.random(in: 0..<50, using: &rng) == 0 { b.removeLast() }
            let expected = Self.reference(b)
            if expected != nil { valid += 1 }
            #expect(b.withUnsafeBufferPointer { CivilDate.parseISO($0) } == expected, "\(b)")
        }
        #expect(valid > 30_000)
    }

    @Test func eachByteLane() {
        for lane in 0..<8 {
            for v in 0...255 {
                var w: UInt64 = 0x3030_3030_3030_3030
                w = w & ~(0xFF << UInt64(8 * lane)) | UInt64(v) << UInt64(8 * lane)
                #expect(DateWords.allDigits(w) == (0x30...0x39).contains(v), "lane \(lane) byte \(v)")
            }
        }
    }
}
