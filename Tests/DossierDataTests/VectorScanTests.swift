import Foundation
import Testing
@testable import DossierData

/// The 16-byte vector search of the tokenizer agrees with a byte-by-byte search, and so does
/// the tokenizer on long fields, where the vector path runs, at every position of the special bytes.
@Suite struct VectorScanTests {
    @Test func firstOf3MatchesAByteByByteSearch() {
        var rng = SplitMix64(seed: 7)
        let alphabet: [UInt8] = [0x2C, 0x22, 0x0A, 0x0D, 0x61, 0x7A, 0xC3, 0xA9, 0xFF, 0x20]
        let (a, b, c): (UInt8, UInt8, UInt8) = (0x2C, 0x0A, 0x0D)
        for _ in 0..<20_000 {
            // Mostly plain bytes, so that the first special byte falls at every offset.
            let bytes: [UInt8] = (0..<16).map { _ in
                Int.random(in: 0..<6, using: &rng) == 0 ? alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] : 0x61
            }
            let expected = bytes.firstIndex { $0 == a || $0 == b || $0 == c } ?? 16
            let expectedHigh = bytes[..<expected].reduce(UInt8(0)) { $0 | $1 } & 0x80
            var high: UInt64 = 0
            let found = bytes.withUnsafeBufferPointer { p in
                CSVReader.firstOf3(p.baseAddress.unsafelyUnwrapped, SIMD16(repeating: a), SIMD16(repeating: b),
                                   SIMD16(repeating: c), high: &high)
            }
            #expect(found == expected, "\(bytes)")
            #expect((high & CSVReader.highBits != 0) == (expectedHigh != 0), "\(bytes)")
        }
    }

    @Test func longFieldsAgreeAcrossChunkSizes() throws {
        var rng = SplitMix64(seed: 11)
        let pieces: [[UInt8]] = [[0x61], [0x62], Array("é".utf8), [0x2C], [0x22, 0x22], [0x0D, 0x0A], [0x0A], [0x0D], [0x20]]
        for _ in 0..<150 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                for f in 0..<Int.random(in: 1...5, using: &rng) {
                    if f > 0 { bytes.append(0x2C) }
                    let length = Int.random(in: 0...40, using: &rng)
                    let quoted = Bool.random(using: &rng)
                    if quoted { bytes.append(0x22) }
                    for _ in 0..<length {
                        let piece = Int.random(in: 0..<5, using: &rng) == 0
                            ? pieces[Int.random(in: 0..<pieces.count, using: &rng)] : [0x61]
                        // Unquoted fields take no quotes or line breaks (those would end or break them).
                        if !quoted, piece.contains(where: { $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == 0x2C }) { continue }
                        bytes.append(contentsOf: piece)
                    }
                    if quoted { bytes.append(0x22) }
                }
                bytes.append(contentsOf: Bool.random(using: &rng) ? [0x0D, 0x0A] : [0x0A])
            }
            let whole = try tokenize(bytes)
            for chunk in [1, 2, 3, 5, 8, 13, 17] {
                let chunked = try tokenize(bytes, chunkSize: chunk)
                #expect(whole.records == chunked.records, "chunk \(chunk)")
                #expect(whole.errors == chunked.errors, "chunk \(chunk)")
                #expect(whole.lines == chunked.lines, "chunk \(chunk)")
            }
            #expect(whole.errors.isEmpty)
            let reader = CSVReader(bytes: bytes, dialect: CSVDialect())
            try reader.scan(onRecord: { rec in
                for i in 0..<rec.count {
                    #expect(rec.fields[i].ascii == rec.bytes(i).allSatisfy { $0 < 0x80 })
                }
            }, onError: { _ in })
        }
    }
}
