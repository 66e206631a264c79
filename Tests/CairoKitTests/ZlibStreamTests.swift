@testable import CairoKit
import Testing

/// A zlib stream fed piece by piece gives back its input, and the same bytes as compressing
/// the whole input at once (so the PNG encoder's output did not change when it began streaming).
@Suite struct ZlibStreamTests {
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

    @Test(arguments: [(1, UInt64(1)), (977, 2), (65_536, 3), (300_001, 4)])
    func piecesGiveTheWholeStreamsBytes(pieceSize: Int, seed: UInt64) throws {
        let input = Self.sample(count: 700_000, seed: seed)
        let stream = try #require(ZlibStream(level: 3))
        var offset = 0
        input.withUnsafeBufferPointer { buffer in
            while offset < buffer.count {
                let end = min(offset + pieceSize, buffer.count)
                stream.append(UnsafeBufferPointer(rebasing: buffer[offset..<end]))
                offset = end
            }
        }
        let streamed = try #require(stream.finish())
        #expect(streamed == Zlib.deflate(input, level: 3))
        #expect(Zlib.inflate(streamed[...]) == input)
    }

    @Test func emptyInputIsAValidStream() throws {
        let stream = try #require(ZlibStream(level: 3))
        let bytes = try #require(stream.finish())
        #expect(Zlib.inflate(bytes[...]) == [])
    }
}
