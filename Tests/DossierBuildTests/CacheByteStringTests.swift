@testable import DossierBuild
import Testing

/// ``CacheByteReader/string()`` reads back every text ``CacheByteWriter/string(_:)`` wrote,
/// ASCII (taken as it stands) or not (validated), and refuses bytes that are not UTF-8: a
/// damaged entry is never read as text.
@Suite struct CacheByteStringTests {
    static let texts = ["", "a", "plain ASCII text of some length, past a small string", "\u{7F}\t\n\0",
                        "é", "naïve", "日本語", "🙂 emoji", "e\u{301}", "mixed ascii then é", String(repeating: "x", count: 300)]

    @Test func textsReadBackAsWritten() throws {
        var writer = CacheByteWriter()
        for text in Self.texts { writer.string(text) }
        var reader = CacheByteReader(writer.bytes)
        for text in Self.texts {
            let read = try reader.string()
            #expect(read == text)
            #expect(Array(read.utf8) == Array(text.utf8))
        }
        #expect(reader.atEnd)
    }

    /// Bytes that are not UTF-8 — a lone continuation byte, a truncated sequence (alone, or
    /// followed by ASCII that `String(decoding:)` would repair into a text of the same
    /// length), an overlong form, a surrogate, a byte no UTF-8 uses — are refused.
    @Test(arguments: [[0x80], [0x61, 0x80], [0xC3], [0xE6, 0x97], [0xF0, 0x9F, 0x98, 0x61, 0x62], [0xC0, 0xAF],
                      [0xED, 0xA0, 0x80], [0xFF], [0x61, 0x62, 0xFE, 0x63]] as [[UInt8]])
    func bytesThatAreNotUTF8AreRefused(_ bytes: [UInt8]) {
        var writer = CacheByteWriter()
        writer.data(bytes)
        var reader = CacheByteReader(writer.bytes)
        #expect(throws: CacheEntryDamaged.self) { try reader.string() }
    }

    /// Integers read back from any position (the reads are unaligned loads): after one byte,
    /// after a text of each length from 0 to 8.
    @Test func integersReadBackAtEveryAlignment() throws {
        let values: [Int] = [0, 1, -1, 255, 256, -256, Int.max, Int.min, 0x0102_0304_0506_0708, -0x0102_0304_0506_0708]
        for prefix in 0...8 {
            var writer = CacheByteWriter()
            writer.byte(7)
            writer.string(String(repeating: "p", count: prefix))
            for value in values { writer.integer(value) }
            writer.unsigned(UInt64.max)
            writer.double(-0.0)
            var reader = CacheByteReader(writer.bytes)
            #expect(try reader.byte() == 7)
            #expect(try reader.string() == String(repeating: "p", count: prefix))
            for value in values { #expect(try reader.integer() == value) }
            #expect(try reader.unsigned() == UInt64.max)
            #expect(try reader.double().bitPattern == (-0.0).bitPattern)
            #expect(reader.atEnd)
        }
        var short = CacheByteReader([1, 2, 3, 4, 5, 6, 7])
        #expect(throws: CacheEntryDamaged.self) { try short.unsigned() }
    }

    @Test func asciiIsEveryByteBelow0x80() {
        for byte in UInt8.min...UInt8.max {
            let isASCII = [0x61, byte, 0x62].withUnsafeBufferPointer { CacheByteReader.isASCII($0) }
            #expect(isASCII == (byte < 0x80), "\(byte)")
        }
    }
}
