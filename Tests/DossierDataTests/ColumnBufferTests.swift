import Foundation
import Testing
@testable import DossierData

/// The loader's unchecked buffers, its per-chunk typed columns and the in-place quote collapsing.
@Suite struct ColumnBufferTests {
    @Test func appendGrowsPastEveryCapacity() {
        var buffer = ColumnBuffer<Int?>()
        var expected: [Int?] = []
        for i in 0..<10_000 {
            let v: Int? = i % 7 == 0 ? nil : i * 3
            buffer.append(v)
            expected.append(v)
            if i == 100 { buffer.reserve(5_000) }
        }
        #expect(buffer.count == expected.count)
        #expect(Array(buffer.buffer) == expected)
        #expect(buffer[9_999] == expected[9_999])
        let sealed = buffer.seal()
        #expect(buffer.count == 0)
        #expect(Array(sealed.buffer) == expected)
        buffer.append(1)
        #expect(Array(buffer.buffer) == [1])
        #expect(sealed.count == expected.count)
    }

    @Test func reserveKeepsTheCells() {
        var buffer = ColumnBuffer<Double?>()
        buffer.append(1.5)
        buffer.append(nil)
        buffer.reserve(1 << 20, touch: 1 << 10)
        buffer.append(-2)
        #expect(Array(buffer.buffer) == [1.5, nil, -2])
    }

    @Test func chunkedColumnJoinsInOrder() {
        var first = NullableCells<Int>(placeholder: 0)
        var second = NullableCells<Int>(placeholder: 0)
        var empty = NullableCells<Int>(placeholder: 0)
        for i in 0..<300 { first.append(i) }
        second.appendMissing()
        for i in 300..<1000 { second.append(i) }
        first.absorb(&second)
        first.absorb(&empty)
        let column = ChunkedColumn(.integer(first.sealAll()))
        #expect(column.count == 1001)
        var seen: [Int?] = []
        #expect(column.forEachInteger { seen.append($0) })
        let expected: [Int?] = Array(0..<300) + [nil] + Array(300..<1000)
        #expect(seen == expected)
        #expect(column.column == .integer(expected))
        // Once joined, the cells are read from the joined column.
        seen = []
        #expect(column.forEachInteger { seen.append($0) })
        #expect(seen == expected)
        let dates = ChunkedColumn(.date([]))
        #expect(dates.count == 0)
        #expect(!dates.forEachInteger { _ in })
    }

    @Test func increasingKeysAreCheckedAcrossChunks() {
        func column(_ chunks: [[Int?]]) -> ChunkedColumn {
            var all = NullableCells<Int>(placeholder: 0)
            for c in chunks {
                var next = NullableCells<Int>(placeholder: 0)
                for v in c { if let v { next.append(v) } else { next.appendMissing() } }
                all.absorb(&next)
            }
            return ChunkedColumn(.integer(all.sealAll()))
        }
        #expect(KeyChecks.checkIncreasing(column([[1, 2, nil], [3, 4]])))
        #expect(!KeyChecks.checkIncreasing(column([[1, 2], [2, 4]])))
        #expect(!KeyChecks.checkIncreasing(column([[5], [1]])))
    }

    /// The byte-by-byte collapse it replaces.
    private func collapseScalar(_ bytes: [UInt8], quote q: UInt8) -> [UInt8] {
        var out: [UInt8] = []
        var r = 0
        while r < bytes.count {
            let b = bytes[r]
            out.append(b)
            r += (b == q && r + 1 < bytes.count && bytes[r + 1] == q) ? 2 : 1
        }
        return out
    }

    @Test func collapseQuotesMatchesTheScalarLoop() {
        var rng = SplitMix64(seed: 42)
        let alphabet: [UInt8] = Array("ab\"\",\r\n\u{e9}".utf8)
        for _ in 0..<5000 {
            let n = Int.random(in: 0...40, using: &rng)
            let bytes = (0..<n).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }
            let start = Int.random(in: 0...3, using: &rng)
            var buffer = [UInt8](repeating: 0x7E, count: start) + bytes + [UInt8](repeating: 0x7E, count: 4)
            let end = buffer.withUnsafeMutableBufferPointer { b in
                CSVReader.collapseQuotes(b.baseAddress.unsafelyUnwrapped, from: start, to: start + n, quote: 34)
            }
            #expect(Array(buffer[start..<end]) == collapseScalar(bytes, quote: 34), "\(bytes)")
            #expect(Array(buffer[(start + n)...]) == [0x7E, 0x7E, 0x7E, 0x7E])
        }
    }

    @Test func enumValuesOfEveryLengthAreFound() {
        var field = Field(name: "v", type: .string)
        let allowed = ["a", "ab", "abcdefgh", "abcdefghi", "abcdefghij", "é"]
        field.constraints.enumValues = allowed.map { .string($0) }
        let resource = Resource(name: "t", path: "t.csv", schema: TableSchema(fields: [field]))
        let cells = allowed + ["b", "abc", "abcdefg", "abcdefgx", "abcdefghx", "abcdefgh\"\"", "e", "aa"]
        let text = "v\n" + cells.map { $0.contains("\"") ? "\"\($0)\"" : $0 }.joined(separator: "\n") + "\n"
        var loader = ResourceLoader(resource: resource, file: nil, displayPath: "t.csv")
        loader.bytes = Array(text.utf8)
        var sink = DiagnosticSink(cap: 100)
        _ = loader.load(sink: &sink)
        let errors = sink.finish().diagnostics.filter { $0.severity == .error }.map(\.line)
        #expect(errors == Array((allowed.count + 2)...(cells.count + 1)))
    }
}
