import Foundation
import Testing
@testable import DossierData

/// The caches of the per-cell checks: short values known to match a column's pattern
/// (``ShortValueVerdicts``) and the byte-string set foreign keys look rows up in
/// (``ByteStringSet``). Each is compared with an independent reference: Swift's `Regex` on
/// every cell, and a `Set` of byte arrays.
@Suite struct CellCheckCacheTests {
    /// The diagnostics' headlines of `text` loaded as one resource, cut at `targets`, read
    /// through a buffer of `chunkSize` bytes (small: records straddle refills and batches).
    private func headlines(_ text: String, _ field: Field, targets: [Int] = [], chunkSize: Int = 1 << 20) -> [String] {
        let resource = Resource(name: "t", path: "t.csv", schema: TableSchema(fields: [field]))
        var loader = ResourceLoader(resource: resource, file: nil, displayPath: "t.csv")
        loader.bytes = Array(text.utf8)
        loader.plan = ChunkPlan(targets: targets)
        loader.chunkSize = chunkSize
        var sink = DiagnosticSink(cap: 100_000)
        _ = loader.load(sink: &sink)
        return sink.finish().diagnostics.map(\.headline)
    }

    /// A field `code` whose values must match `pattern`.
    private func patternField(_ pattern: String) -> Field {
        var f = Field(name: "code", type: .string)
        f.constraints.pattern = pattern
        return f
    }

    @Test func aFailingShortValueIsReportedEveryTimeItComes() {
        let d = headlines("code\nABC\nabc\nABC\nabc\nAB\nABC\n", patternField("[A-Z]{3}"))
        #expect(d.count == 3)
        #expect(d[0].hasPrefix("t.csv:3:1: error:"))
        #expect(d[1].hasPrefix("t.csv:5:1: error:"))
        #expect(d[2].hasPrefix("t.csv:6:1: error:"))
    }

    @Test func valuesOfSevenEightAndNineBytesAreCheckedExactly() {
        // 7 bytes is the longest cached value; 8 and 9 always go to the checker.
        let d = headlines("code\nABCDEFG\nABCDEFGH\nABCDEFGHI\nABCDEFG\nABCDEFGH\nabcdefgh\n", patternField("[A-H]{7,8}"))
        #expect(d.count == 2)
        #expect(d[0].hasPrefix("t.csv:4:1: error:"))
        #expect(d[1].hasPrefix("t.csv:7:1: error:"))
    }

    @Test func aPresentEmptyStringIsCheckedNotCached() {
        // With "-" as the missing value, an empty cell is a present empty string: it fails
        // `[A-Z]+` each time (and is never the cache's empty slot).
        var f = patternField("[A-Z]+")
        f.constraints.required = false
        let resource = Resource(name: "t", path: "t.csv",
                                schema: TableSchema(fields: [f], missingValues: ["-"]))
        var loader = ResourceLoader(resource: resource, file: nil, displayPath: "t.csv")
        loader.bytes = Array("code\n\"\"\nA\n-\n\"\"\n".utf8)
        var sink = DiagnosticSink(cap: 100)
        _ = loader.load(sink: &sink)
        let d = sink.finish().diagnostics.map(\.headline)
        #expect(d.count == 2)
        #expect(d.first?.hasPrefix("t.csv:2:1: error:") == true)
        #expect(d.last?.hasPrefix("t.csv:5:1: error:") == true)
    }

    /// Thousands of short values (more distinct ones than the cache has slots, so they evict
    /// each other), quoted or not, some with doubled quotes or multi-byte UTF-8: the rows
    /// reported are exactly those `Regex` rejects, whatever the cuts and the buffer size.
    @Test func reportedRowsAreThoseRegexRejects() throws {
        let pattern = "[A-Z\"é]{2,4}"
        let regex = try Regex(pattern)
        var rng = SplitMix64(seed: 26)
        let alphabet: [String] = ["A", "B", "C", "D", "a", "\"", "é", "Z"]
        var text = "code\n"
        var expected: [Int] = []
        for row in 0..<4000 {
            let length = Int(rng.next() % 6) + 1
            let value = (0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()
            text += quoteCSV(value, force: rng.next() % 4 == 0) + "\n"
            if (try? regex.wholeMatch(in: value)) == nil { expected.append(row + 2) }
        }
        let size = text.utf8.count
        for (targets, chunkSize) in [([Int](), 1 << 20), ([size / 2], 4096), ([size / 3, 2 * size / 3], 333)] {
            let lines = headlines(text, patternField(pattern), targets: targets, chunkSize: chunkSize)
                .compactMap { Int($0.split(separator: ":")[1]) }
            #expect(lines == expected, "targets \(targets), buffer \(chunkSize)")
        }
    }

    @Test func shortValueKeysStandForOneValueEach() {
        func key(_ bytes: [UInt8]) -> UInt64? {
            let padded = bytes + [UInt8](repeating: 0x41, count: 16)
            return padded.withUnsafeBufferPointer { ShortValueVerdicts.key(paddedField: UnsafeBufferPointer(rebasing: $0[0..<bytes.count])) }
        }
        #expect(key([]) == nil)
        #expect(key(Array("ABCDEFGH".utf8)) == nil)
        #expect(key(Array("A".utf8)) != key([0x41, 0]))
        #expect(key(Array("AB".utf8)) != key(Array("BA".utf8)))
        #expect(key(Array("ABCDEFG".utf8)) != nil)
        var cache = ShortValueVerdicts()
        let keys = (1...200).compactMap { key(Array(String($0).utf8)) }
        for k in keys { #expect(!cache.passes(k)) }
        for k in keys { cache.recordPass(k) }
        // The last value recorded keeps its slot; no key passes that was never recorded.
        if let last = keys.last { #expect(cache.passes(last)) }
        #expect(!cache.passes(key(Array("x".utf8)) ?? 0))
    }

    /// Values of every length around the inline compare's limit (16 bytes), empty ones and
    /// absent ones with the same lengths: `find` agrees with a `Set` of the byte arrays.
    @Test func byteStringSetFindsExactlyWhatWasInserted() {
        var rng = SplitMix64(seed: 2226)
        var set = ByteStringSet()
        var reference: [[UInt8]: Int] = [:]
        func value() -> [UInt8] { (0..<Int(rng.next() % 40)).map { _ in UInt8(rng.next() % 4) + 0x61 } }
        for i in 0..<3000 {
            let v = value()
            let previous = v.withUnsafeBufferPointer { set.insert($0, payload: i) }
            #expect(previous == reference[v])
            if reference[v] == nil { reference[v] = i }
        }
        for _ in 0..<6000 {
            let v = value()
            v.withUnsafeBufferPointer { b in
                #expect(set.payload(of: b) == reference[v])
                #expect(set.contains(b) == (reference[v] != nil))
            }
        }
        #expect(set.count == reference.count)
    }
}

/// Foreign keys whose target values are all short (1 to 7 bytes) are looked up as words
/// (``ShortKeySet``); the rows reported are those a `Set<String>` of the targets lacks.
@Suite struct ShortForeignKeyTests {
    @Test func shortKeysAreFoundExactlyAsASetFindsThem() {
        var rng = SplitMix64(seed: 7_2026)
        func value(_ maxLength: UInt64) -> [UInt8] { (0..<Int(rng.next() % maxLength)).map { _ in UInt8(rng.next() % 3) + 0x41 } }
        let targets = (0..<40).map { _ in value(8) }.filter { !$0.isEmpty }
        let reference = Set(targets)
        let keys = targets.withUnsafeBufferPointers { ShortKeySet($0) }
        #expect(keys != nil)
        for _ in 0..<5000 {
            let v = value(10)
            v.withUnsafeBufferPointer { b in #expect(keys?.contains(b) == reference.contains(v), "\(v)") }
        }
        // An empty or 8-byte target value: no word set (the byte set is used instead).
        #expect([[UInt8](), Array("AB".utf8)].withUnsafeBufferPointers { ShortKeySet($0) } == nil)
        #expect([Array("ABCDEFGH".utf8)].withUnsafeBufferPointers { ShortKeySet($0) } == nil)
    }

    /// A package whose `country` column points at `code`: the rows reported, cut in chunks
    /// or not, are those whose value the target list lacks (missing cells are not reported).
    @Test(arguments: [["ARG", "BRA", "CHL", "A", "ABCDEFG"], ["ARG", "BRA", "CHL", "ABCDEFGH"]])
    func missingTargetsAreReportedByRow(_ codes: [String]) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-fk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data().write(to: dir.appendingPathComponent(".dossier-project"))
        let locals = ["ARG", "CHI", "", "A", "AB", "ABCDEFG", "ABCDEFGH", "ARGE", "BRA", "ÅRG", "CHL"]
        var rows = "id,country\n"
        for (i, v) in (0..<300).map({ locals[$0 % locals.count] }).enumerated() { rows += "\(i),\(v)\n" }
        try Data(rows.utf8).write(to: dir.appendingPathComponent("cases.csv"))
        try Data(("code\n" + codes.joined(separator: "\n") + "\n").utf8).write(to: dir.appendingPathComponent("codes.csv"))
        let descriptor = """
            {"name": "p", "resources": [
              {"name": "cases", "path": "cases.csv", "schema": {"fields": [{"name": "id", "type": "integer"},
                {"name": "country", "type": "string"}], "foreignKeys": [{"fields": "country",
                "reference": {"resource": "codes", "fields": "code"}}]}},
              {"name": "codes", "path": "codes.csv", "schema": {"fields": [{"name": "code", "type": "string"}]}}]}
            """
        try Data(descriptor.utf8).write(to: dir.appendingPathComponent("datapackage.json"))
        let url = dir.appendingPathComponent("datapackage.json")
        let known = Set(codes)
        let expected = (0..<300).filter { let v = locals[$0 % locals.count]; return !v.isEmpty && !known.contains(v) }.map { $0 + 2 }
        for targets in [[Int](), [rows.utf8.count / 2], [500, 1500, 2500]] {
            let result = DataPackage.validate(at: url, errorCap: 1000, plan: ChunkPlan(targets: targets))
            let lines = (result.failure?.diagnostics ?? []).compactMap { $0.line }
            #expect(lines == expected, "cuts \(targets)")
        }
    }
}

private extension Array where Element == [UInt8] {
    /// Calls `body` with a buffer over each element's bytes (valid during the call).
    func withUnsafeBufferPointers<R>(_ body: ([UnsafeBufferPointer<UInt8>]) -> R) -> R {
        var buffers: [UnsafeBufferPointer<UInt8>] = []
        func nest(_ i: Int) -> R {
            if i == count { return body(buffers) }
            return self[i].withUnsafeBufferPointer { b in buffers.append(b); return nest(i + 1) }
        }
        return nest(0)
    }
}
