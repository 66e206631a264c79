import Foundation
import Testing
@testable import DossierData

/// Loads `text` as one resource with the file cut before the first record start at or after
/// each of `targets` (no cut for `[]`); returns the diagnostics and, when valid, the columns
/// and source lines.
private func load(_ text: String, schema: TableSchema, targets: [Int]) -> (diagnostics: String, columns: [Column], lines: [Int]) {
    let resource = Resource(name: "t", path: "t.csv", schema: schema)
    var loader = ResourceLoader(resource: resource, file: nil, displayPath: "t.csv")
    loader.bytes = Array(text.utf8)
    loader.plan = ChunkPlan(targets: targets)
    var sink = DiagnosticSink(cap: 100)
    let loaded = loader.load(sink: &sink)
    return (sink.finish().description, loaded?.table.columns ?? [], loaded?.table.sourceLines ?? [])
}

/// Expects the load cut at each byte offset (and at pairs of offsets) to equal the load in one piece.
private func expectEveryCutMatches(_ text: String, schema: TableSchema, sourceLocation: SourceLocation = #_sourceLocation) {
    let whole = load(text, schema: schema, targets: [])
    let size = text.utf8.count
    for t in 1..<max(size, 2) {
        let cut = load(text, schema: schema, targets: [t])
        #expect(cut.diagnostics == whole.diagnostics, "cut at \(t)", sourceLocation: sourceLocation)
        #expect(cut.columns == whole.columns, "cut at \(t)", sourceLocation: sourceLocation)
        #expect(cut.lines == whole.lines, "cut at \(t)", sourceLocation: sourceLocation)
    }
    for t in stride(from: 1, to: size, by: 3) {
        let cut = load(text, schema: schema, targets: [t, t + size / 3])
        #expect(cut.diagnostics == whole.diagnostics, "cuts at \(t), \(t + size / 3)", sourceLocation: sourceLocation)
        #expect(cut.columns == whole.columns, "cuts at \(t), \(t + size / 3)", sourceLocation: sourceLocation)
    }
}

private let twoFields = TableSchema(fields: [Field(name: "id", type: .integer), Field(name: "text", type: .string)],
                                    primaryKey: ["id"])

@Suite struct ChunkedLoadTests {
    @Test func plainRowsSplitAnywhere() {
        expectEveryCutMatches("id,text\n1,a\n2,b\n3,c\n4,d\n", schema: twoFields)
    }

    @Test func quotedNewlineAtTheCut() {
        // The cut after the line feed inside the quotes is a wrong guess: chunk one reads on.
        let text = "id,text\n1,\"first\nsecond\"\n2,\"x\ny\"\n3,z\n"
        let cutInside = text.utf8.firstIndex(of: 10).map { text.utf8.distance(from: text.utf8.startIndex, to: $0) + 3 } ?? 0
        let guessed = load(text, schema: twoFields, targets: [cutInside])
        let whole = load(text, schema: twoFields, targets: [])
        #expect(guessed.columns == whole.columns)
        #expect(whole.columns[1].strings == ["first\nsecond", "x\ny", "z"])
        #expect(whole.lines == [2, 4, 6])
        expectEveryCutMatches(text, schema: twoFields)
    }

    /// Past ten times the error cap, the errors kept are the first ones in the file, whatever
    /// order the chunks found them in (blank lines are reported as they are read, bad values
    /// when their batch is converted) — found by the fuzzer: a cut changed which were kept.
    @Test func errorsBeyondTheCapAreTheFirstInTheFile() {
        // Bad values first (reported when their batch is converted), then more blank lines
        // (reported at once) than ten times the cap, then more bad values.
        var text = "id,text\n"
        for i in 1...50 { text += "x\(i),t\n" }
        text += String(repeating: "\n", count: 1_500)
        for i in 51...100 { text += "x\(i),t\n" }
        let whole = load(text, schema: twoFields, targets: [])
        let size = text.utf8.count
        for t in stride(from: 1, to: size, by: size / 23) {
            #expect(load(text, schema: twoFields, targets: [t]).diagnostics == whole.diagnostics, "cut at \(t)")
            #expect(load(text, schema: twoFields, targets: [t, t + size / 5]).diagnostics == whole.diagnostics, "cuts at \(t)")
        }
        let lines = whole.diagnostics.split(separator: "\n")
        #expect(lines.first?.hasPrefix("t.csv:2:") == true, "\(lines.prefix(2))")
        #expect(lines.count == 100 + 2, "100 errors, the count of the others, the summary")
        #expect(lines.dropLast(2).last?.hasPrefix("t.csv:101:") == true, "\(lines.dropLast(2).suffix(2))")
        #expect(lines.dropLast().last == "… 1500 more errors not shown", "\(lines.suffix(2))")
    }

    @Test func crlfAtTheCut() {
        expectEveryCutMatches("id,text\r\n1,a\r\n2,\"b\r\nc\"\r\n3,d\r\n", schema: twoFields)
    }

    @Test func raggedRowInTheSecondChunkKeepsItsLine() {
        let text = "id,text\n1,a\n2,\"two\nlines\"\n3,b,extra\n4,c\n"
        let whole = load(text, schema: twoFields, targets: [])
        #expect(whole.diagnostics.contains("t.csv:5:3: error:"))
        let cut = load(text, schema: twoFields, targets: [text.utf8.count - 14])
        #expect(cut.diagnostics == whole.diagnostics)
        expectEveryCutMatches(text, schema: twoFields)
    }

    @Test func blankLinesAroundTheCut() {
        // A blank line followed by rows is an error; trailing blank lines are not.
        expectEveryCutMatches("id,text\n1,a\n\n\n2,b\n\n3,c\n\n\n", schema: twoFields)
    }

    @Test func duplicateKeysAcrossChunks() {
        let text = "id,text\n1,a\n2,b\n3,c\n2,d\n1,e\n"
        let whole = load(text, schema: twoFields, targets: [])
        #expect(whole.diagnostics.contains("t.csv:5:1: error:"))
        #expect(whole.diagnostics.contains("t.csv:6:1: error:"))
        expectEveryCutMatches(text, schema: twoFields)
    }

    @Test func typeErrorsMissingValuesAndUnterminatedQuote() {
        var amount = Field(name: "amount", type: .number)
        amount.constraints.minimum = .number(0)
        var code = Field(name: "code", type: .string)
        code.constraints.pattern = "[A-Z]{3}"
        code.constraints.required = true
        let schema = TableSchema(fields: [Field(name: "id", type: .integer), amount, code])
        expectEveryCutMatches("id,amount,code\n1,2.5,ARG\nx,-1,BR\n3,,\n4,1e3,\"PE\"R\"\n5,7,\"CHL\n", schema: schema)
        expectEveryCutMatches("\u{FEFF}id,amount,code\n1,2.5,ARG\n2,3,BRA\n", schema: schema)
    }

    @Test func invalidUTF8InTheSecondChunk() {
        var bytes = Array("id,text\n1,a\n2,b\n3,c\n".utf8)
        bytes[bytes.count - 2] = 0xFF
        expectEveryCutMatches(String(decoding: bytes, as: UTF8.self), schema: twoFields)
    }

    @Test func cutsLandAfterLineFeeds() {
        let text = Array("ab\ncd\r\nef\n".utf8)
        let plan = ChunkPlan(targets: [1, 3, 4, 9, 20])
        let starts = plan.starts(fileSize: text.count) { offset, count in
            Array(text[min(offset, text.count)..<min(text.count, offset + count)])
        }
        #expect(starts == [0, 3, 7])
    }

    @Test func smallFilesAreNotCut() {
        let plan = ChunkPlan()
        #expect(plan.starts(fileSize: 1000) { _, _ in [10] } == [0])
    }
}

@Suite struct CorpusChunkedTests {
    /// Every corpus package validates to the same text with its files cut at any of several points.
    @Test(arguments: Corpus.cases)
    func corpusCaseCut(_ name: String) throws {
        let dir = try #require(Corpus.root).appendingPathComponent(name, isDirectory: true)
        let url = URL(fileURLWithPath: "datapackage.json", relativeTo: dir)
        func text(_ v: DataPackage.Validation) -> String {
            v.failure?.description ?? "\(v.package?.rowCount ?? -1) rows"
        }
        let whole = text(DataPackage.validate(at: url, plan: ChunkPlan(targets: [])))
        for t in [1, 5, 9, 17, 30, 45, 70, 100, 150, 250, 400] {
            #expect(text(DataPackage.validate(at: url, plan: ChunkPlan(targets: [t]))) == whole, "cut at \(t)")
            #expect(text(DataPackage.validate(at: url, plan: ChunkPlan(targets: [t, t + 20, t + 40]))) == whole, "cuts from \(t)")
        }
    }
}

@Suite struct ChunkStorageTests {
    @Test func cellEndsWidenPastInt32() {
        var ends = CellEnds()
        ends.append(end: 5)
        ends.appendMissing(at: 5)
        ends.append(end: Int(Int32.max) + 10)
        ends.appendMissing(at: Int(Int32.max) + 10)
        #expect(ends.count == 4)
        #expect(ends[0] == 5)
        #expect(ends[1] == ~5)
        #expect(ends[2] == Int(Int32.max) + 10)
        #expect(ends[3] == ~(Int(Int32.max) + 10))
        var more = CellEnds()
        more.append(end: 3)
        more.appendMissing(at: 3)
        more.append(ends, shiftedBy: 3)
        #expect(more.count == 6)
        #expect(more[2] == 8)
        #expect(more[3] == ~8)
        #expect(more[5] == ~(Int(Int32.max) + 13))
    }

    @Test func byteStringSetFindsWhatItHolds() {
        var set = ByteStringSet()
        for i in 0..<5000 {
            let bytes = Array("value-\(i)".utf8)
            let earlier = bytes.withUnsafeBufferPointer { set.insert($0, payload: i) }
            #expect(earlier == nil)
        }
        #expect(set.count == 5000)
        for i in stride(from: 0, to: 5000, by: 7) {
            let bytes = Array("value-\(i)".utf8)
            #expect(bytes.withUnsafeBufferPointer { set.payload(of: $0) } == i)
            #expect(bytes.withUnsafeBufferPointer { set.insert($0, payload: -1) } == i)
        }
        #expect(Array("value-5000".utf8).withUnsafeBufferPointer { set.contains($0) } == false)
        #expect([UInt8]().withUnsafeBufferPointer { set.contains($0) } == false)
        #expect(set.values.prefix(2) == ["value-0", "value-1"])
    }

    @Test func stringColumnsConcatenate() {
        var a = StringStorageBuilder()
        var b = StringStorageBuilder()
        for s in ["x", "", "yz"] { Array(s.utf8).withUnsafeBufferPointer { a.append($0) } }
        a.appendNull()
        b.appendNull()
        for s in ["é", "w"] { Array(s.utf8).withUnsafeBufferPointer { b.append($0) } }
        a.absorb(&b)
        #expect(b.count == 0)
        let storage = a.finish()
        #expect(storage.strings == ["x", "", "yz", nil, nil, "é", "w"])
        #expect(storage.segments.count == 2)
        #expect(storage.presentRows { $0.count == 1 } == [0, 6])
        #expect(storage.presentRows { $0.count != 1 } == [1, 2, 5])
        #expect(storage.string(5) == "é" && storage.isNull(4) && !storage.isNull(1))
    }
}
