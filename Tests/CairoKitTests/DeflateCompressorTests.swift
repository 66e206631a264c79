@testable import CairoKit
import Testing

/// libdeflate's zlib streams, as the PNG encoder writes them: zlib gives back exactly the input,
/// and the same input always gives the same bytes.
@Suite struct DeflateCompressorTests {
    /// Chart-like bytes: long runs of one value with noisy stretches, from a fixed seed.
    static func sample(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        while bytes.count < count {
            let run = Int(next() % 3000) + 1
            let noisy = next() % 4 == 0
            let value = UInt8(truncatingIfNeeded: next())
            for _ in 0..<min(run, count - bytes.count) {
                bytes.append(noisy ? UInt8(truncatingIfNeeded: next()) : value)
            }
        }
        return bytes
    }

    @Test(arguments: [(0, UInt64(1)), (1, 2), (977, 3), (700_000, 4)])
    func zlibInflatesToTheInput(count: Int, seed: UInt64) throws {
        let input = Self.sample(count: count, seed: seed)
        let compressor = try #require(DeflateCompressor(level: PNGEncoder.compressionLevel))
        let compressed = try #require(input.withUnsafeBytes { compressor.zlib($0) })
        #expect(Zlib.inflate(compressed[...]) == input)
        // A zlib header (deflate, 32 KB window) whose check bits hold.
        #expect(compressed[0] == 0x78)
        #expect((UInt16(compressed[0]) << 8 | UInt16(compressed[1])) % 31 == 0)
        // Reproducible: a second compressor, and the same one again, give the same bytes.
        let other = try #require(DeflateCompressor(level: PNGEncoder.compressionLevel))
        #expect(input.withUnsafeBytes { other.zlib($0) } == compressed)
        #expect(input.withUnsafeBytes { compressor.zlib($0) } == compressed)
    }

    @Test func refusesALevelLibdeflateDoesNotHave() {
        #expect(DeflateCompressor(level: 13) == nil)
        #expect(DeflateCompressor(level: -1) == nil)
    }
}
