import Foundation
import Testing
@testable import DossierData

/// Integer and number columns stored as values plus the positions of their missing cells
/// (``NullableCells``), against the `[T?]` they stand for.
@Suite struct NullableCellsTests {
    /// Random cells, about one in `gap` missing (seeded).
    private func randomCells(_ n: Int, gap: Int, seed: UInt64) -> [Int?] {
        var rng = SplitMix64(seed: seed)
        return (0..<n).map { _ in Int.random(in: 0..<gap, using: &rng) == 0 ? nil : Int.random(in: -1_000_000...1_000_000, using: &rng) }
    }

    private func cells(_ values: [Int?]) -> NullableCells<Int> {
        var cells = NullableCells<Int>(placeholder: 0)
        for v in values { if let v { cells.append(v) } else { cells.appendMissing() } }
        return cells
    }

    @Test(arguments: [1, 2, 7, 1000])
    func chunksJoinToTheOptionalCells(gap: Int) {
        let parts = [randomCells(5_000, gap: gap, seed: 1), [], randomCells(1, gap: gap, seed: 2),
                     [nil, nil], randomCells(3_000, gap: gap, seed: 3)]
        var all = cells(parts[0])
        for p in parts.dropFirst() {
            var next = cells(p)
            all.absorb(&next)
        }
        let column = ChunkedColumn(.integer(all.sealAll()))
        let expected = parts.flatMap { $0 }
        #expect(column.count == expected.count)
        var seen: [Int?] = []
        #expect(column.forEachInteger { seen.append($0) })
        #expect(seen == expected)
        #expect(column.column == .integer(expected))
    }

    @Test func missingCellsHoldThePlaceholder() {
        var numbers = NullableCells<Double>(placeholder: 0)
        numbers.append(1.5)
        numbers.appendMissing()
        numbers.append(-0.0)
        numbers.appendMissing()
        let chunks = numbers.sealAll()
        #expect(chunks.count == 1)
        #expect(Array(chunks[0].values.buffer) == [1.5, 0, -0.0, 0])
        #expect(Array(chunks[0].missing.buffer) == [1, 3])
        #expect(ChunkedColumn(.number(chunks)).column == .number([1.5, nil, -0.0, nil]))
        #expect(numbers.count == 0)
    }

    @Test func anEmptyColumnIsOneEmptyChunk() {
        var empty = NullableCells<Int>(placeholder: 0)
        let chunks = empty.sealAll()
        #expect(chunks.count == 1 && chunks[0].count == 0)
        #expect(ChunkedColumn(.integer(chunks)).column == .integer([]))
    }

    /// Through the loader, cut into chunks at every line: missing integers, years and numbers
    /// (the default empty spelling and a declared one) keep their places.
    @Test func loadedColumnsKeepMissingCellsAcrossCuts() {
        let schema = TableSchema(fields: [Field(name: "id", type: .integer), Field(name: "year", type: .year),
                                          Field(name: "amount", type: .number)],
                                 missingValues: ["", "NA"])
        let text = "id,year,amount\n1,2020,1.5\n,NA,\n3,,NA\nNA,1999,-2e3\n5,2001,\n"
        let resource = Resource(name: "t", path: "t.csv", schema: schema)
        let size = text.utf8.count
        for cut in [[], [16], [20], [size - 3], [16, 30]] {
            var loader = ResourceLoader(resource: resource, file: nil, displayPath: "t.csv")
            loader.bytes = Array(text.utf8)
            loader.plan = ChunkPlan(targets: cut)
            var sink = DiagnosticSink(cap: 100)
            let columns = loader.load(sink: &sink)?.table.columns ?? []
            #expect(sink.finish().diagnostics.isEmpty, "cut \(cut)")
            #expect(columns == [.integer([1, nil, 3, nil, 5]), .integer([2020, nil, nil, 1999, 2001]),
                                .number([1.5, nil, nil, -2000, nil])], "cut \(cut)")
        }
    }
}
