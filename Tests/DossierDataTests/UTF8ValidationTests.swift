import Foundation
import Testing
@testable import DossierData

/// The scalar-by-scalar validator the fast one replaced, as the reference.
private func referenceUTF8ErrorOffset(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
    var i = 0
    let n = b.count
    guard let base = b.baseAddress else { return nil }
    while i < n {
        // ASCII runs, 8 bytes at a time.
        while i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
        if i >= n { break }
        let c = b[i]
        if c < 0x80 { i += 1; continue }
        var need = 0
        var minScalar: UInt32 = 0
        var scalar: UInt32 = 0
        switch c {
        case 0xC2...0xDF: need = 1; scalar = UInt32(c & 0x1F); minScalar = 0x80
        case 0xE0...0xEF: need = 2; scalar = UInt32(c & 0x0F); minScalar = 0x800
        case 0xF0...0xF4: need = 3; scalar = UInt32(c & 0x07); minScalar = 0x10000
        default: return i
        }
        guard i + need < n else { return i }
        for k in 1...need {
            let cc = b[i + k]
            guard cc & 0xC0 == 0x80 else { return i }
            scalar = scalar << 6 | UInt32(cc & 0x3F)
        }
        if scalar < minScalar || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
        i += need + 1
    }
    return nil
}

@Suite struct UTF8ValidationTests {
    /// Random byte strings rich in lead and continuation bytes: same verdict and offset as the
    /// reference, and valid exactly when Swift's own decoder accepts them.
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func agreesWithTheReference(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let alphabet: [UInt8] = [0x41, 0x20, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                                 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        for _ in 0..<20_000 {
            let n = Int.random(in: 0...24, using: &rng)
            var bytes = (0..<n).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }
            if Bool.random(using: &rng) { bytes = Array("São Paulo – Chongqing".utf8) + bytes }
            let fast = bytes.withUnsafeBufferPointer { FieldParsers.utf8ErrorOffset($0) }
            let reference = bytes.withUnsafeBufferPointer { referenceUTF8ErrorOffset($0) }
            #expect(fast == reference, "\(bytes)")
            #expect((fast == nil) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }

    @Test func asciiTailsAndWords() {
        for text in ["", "a", "abcdefg", "abcdefgh", "abcdefghi", "é", "aé", "abcdefgé", "abcdefghé", "北京abcdefgh"] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { FieldParsers.utf8ErrorOffset($0) } == nil, "\(text)")
        }
        #expect(Array("abcdefgh\u{FF}".utf8).withUnsafeBufferPointer { FieldParsers.utf8ErrorOffset($0) } == nil)
        #expect(([UInt8]("abcdefghi".utf8) + [0xFF]).withUnsafeBufferPointer { FieldParsers.utf8ErrorOffset($0) } == 9)
    }
}
