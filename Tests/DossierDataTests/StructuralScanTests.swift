import Foundation
import Testing
@testable import DossierData

/// What the tokenizer produced, field by field, as the tests compare it.
private struct Tokens: Equatable {
    var fields: [[String]] = []
    /// Per field: line, quoted, ascii.
    var flags: [[String]] = []
    var lines: [Int] = []
    var errors: [String] = []
}

/// Tokenizes `bytes` from memory in buffers of `chunkSize`, with or without the 64-byte masks.
private func tokens(_ bytes: [UInt8], chunkSize: Int, blocks: Bool) throws -> Tokens {
    let reader = CSVReader(bytes: bytes, dialect: CSVDialect(), chunkSize: chunkSize)
    reader.usesBlockMasks = blocks
    var out = Tokens()
    try reader.scan(onRecord: { rec in
        out.fields.append((0..<rec.count).map { String(decoding: rec.bytes($0), as: UTF8.self) })
        out.flags.append((0..<rec.count).map { "\(rec.fields[$0].line)\(rec.fields[$0].quoted ? "q" : "")\(rec.fields[$0].ascii ? "a" : "")" })
        out.lines.append(rec.line)
    }, onError: { e in
        switch e {
        case let .unterminatedQuote(line, column): out.errors.append("unterminated \(line):\(column)")
        case let .characterAfterQuote(line, column, byte): out.errors.append("after-quote \(line):\(column) \(byte)")
        }
    })
    return out
}

/// Random CSV-like bytes: fields of every length (so that ends fall on every offset of a 64-byte
/// block), quoted and not, with doubled quotes, line breaks inside quotes, multi-byte UTF-8,
/// CRLF / LF / CR record ends, and (when `broken`) stray quotes and unterminated fields.
private func randomCSV(_ rng: inout SplitMix64, broken: Bool) -> [UInt8] {
    let pieces: [[UInt8]] = [Array("é".utf8), Array("–".utf8), Array("😀".utf8), [0x2C], [0x22, 0x22], [0x0D, 0x0A],
                             [0x0A], [0x0D], [0x20], [0x22]]
    var bytes: [UInt8] = Bool.random(using: &rng) ? [0xEF, 0xBB, 0xBF] : []
    for _ in 0..<Int.random(in: 1...8, using: &rng) {
        for f in 0..<Int.random(in: 1...6, using: &rng) {
            if f > 0 { bytes.append(0x2C) }
            let length = [0, 1, 3, 15, 16, 17, 31, 63, 64, 65, 70, 130][Int.random(in: 0..<12, using: &rng)]
            let quoted = Int.random(in: 0..<3, using: &rng) == 0
            if quoted { bytes.append(0x22) }
            for _ in 0..<length {
                var piece = Int.random(in: 0..<6, using: &rng) == 0 ? pieces[Int.random(in: 0..<pieces.count, using: &rng)] : [0x61]
                if piece == [0x22], !broken { piece = [0x22, 0x22] }
                if !quoted, !broken, piece.contains(where: { $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == 0x2C }) { continue }
                if !quoted, piece.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x2C }) { continue }
                bytes.append(contentsOf: piece)
            }
            if quoted, !(broken && Int.random(in: 0..<12, using: &rng) == 0) { bytes.append(0x22) }
            if quoted, broken, Int.random(in: 0..<8, using: &rng) == 0 { bytes.append(0x78) }
        }
        let ends: [[UInt8]] = [[0x0D, 0x0A], [0x0A], [0x0D], []]
        bytes.append(contentsOf: ends[Int.random(in: 0..<(broken ? 4 : 3), using: &rng)])
    }
    return bytes
}

/// The 64-byte masks (``StructuralBlock``) agree with the per-field vector search they replace,
/// on every input, buffer size and position.
@Suite struct StructuralScanTests {
    @Test func highBitsWithAndWithoutIntrinsics() {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<5_000 {
            let v = SIMD16<UInt8>((0..<16).map { _ in UInt8.random(in: 0...255, using: &rng) })
            let expected = (0..<16).reduce(UInt64(0)) { $0 | (v[$1] >= 0x80 ? 1 << UInt64($1) : 0) }
            #expect(StructuralBlock.highBits(v) == expected)
            #expect(StructuralBlock.portableHighBits(v) == expected)
        }
    }

    @Test func blockMasksMatchTheBytes() {
        var rng = SplitMix64(seed: 5)
        let alphabet: [UInt8] = [0x2C, 0x22, 0x0A, 0x0D, 0x61, 0xC3, 0xA9, 0xFF, 0x3B]
        for _ in 0..<2_000 {
            let bytes = (0..<64).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }
            let block = bytes.withUnsafeBufferPointer {
                StructuralBlock($0.baseAddress.unsafelyUnwrapped, at: 100, delimiter: SIMD16(repeating: 0x3B), quote: SIMD16(repeating: 0x22))
            }
            func mask(_ hit: (UInt8) -> Bool) -> UInt64 { (0..<64).reduce(0) { $0 | (hit(bytes[$1]) ? 1 << UInt64($1) : 0) } }
            #expect(block.fieldEnds == mask { $0 == 0x3B || $0 == 0x0A || $0 == 0x0D })
            #expect(block.quotedStops == mask { $0 == 0x22 || $0 == 0x0A || $0 == 0x0D })
            #expect(block.high == mask { $0 >= 0x80 })
            #expect(block.covers(100) && block.covers(163) && !block.covers(99) && !block.covers(164))
        }
    }

    @Test func validInputSameWithAndWithoutMasks() throws {
        var rng = SplitMix64(seed: 17)
        for _ in 0..<300 {
            let bytes = randomCSV(&rng, broken: false)
            let reference = try tokens(bytes, chunkSize: 1 << 20, blocks: false)
            #expect(reference.errors.isEmpty)
            for chunk in [1, 7, 63, 64, 65, 100, 129, 1 << 20] {
                #expect(try tokens(bytes, chunkSize: chunk, blocks: true) == reference, "chunk \(chunk): \(bytes)")
            }
        }
    }

    @Test func brokenInputSameErrorsWithAndWithoutMasks() throws {
        var rng = SplitMix64(seed: 23)
        var sawErrors = 0
        for _ in 0..<300 {
            let bytes = randomCSV(&rng, broken: true)
            let reference = try tokens(bytes, chunkSize: 1 << 20, blocks: false)
            if !reference.errors.isEmpty { sawErrors += 1 }
            for chunk in [5, 64, 65, 1 << 20] {
                #expect(try tokens(bytes, chunkSize: chunk, blocks: true) == reference, "chunk \(chunk): \(bytes)")
            }
        }
        #expect(sawErrors > 50, "the generator makes structural errors")
    }

    /// A quoted field whose closing quote, doubled quotes or line break falls on each offset
    /// around a 64-byte block's end, after a run of ASCII or of multi-byte UTF-8.
    @Test func quotesAndBreaksOnEveryBlockOffset() throws {
        for lead in 0..<70 {
            for filler in ["a", "é"] {
                let pad = String(repeating: filler, count: lead / filler.utf8.count)
                for tail in ["\"x\"\"y\",b\n", "\"x\ny\"\r\nz\n", "\"\",\"\"\"\"\r", "\"ab\"c,d\n", "\"open\nno close"] {
                    let bytes = Array((pad + "," + tail + pad + "\n").utf8)
                    let reference = try tokens(bytes, chunkSize: 1 << 20, blocks: false)
                    for chunk in [3, 64, 1 << 20] {
                        #expect(try tokens(bytes, chunkSize: chunk, blocks: true) == reference, "lead \(lead) \(tail)")
                    }
                }
            }
        }
    }
}

/// The parallel load (chunks cut at guessed record starts) with the masks equals the load in
/// one piece without them: same columns, lines and diagnostics (line:column of every bad cell).
@Suite struct ParallelScanEqualityTests {
    private static func load(_ bytes: [UInt8], targets: [Int], blocks: Bool, chunkSize: Int = 1 << 20)
        -> (diagnostics: String, columns: [Column], lines: [Int]) {
        var amount = Field(name: "amount", type: .number)
        amount.constraints.minimum = .number(0)
        var code = Field(name: "code", type: .string)
        code.constraints.pattern = "[A-Z]{3}"
        let schema = TableSchema(fields: [Field(name: "id", type: .integer), Field(name: "text", type: .string), amount, code,
                                          Field(name: "day", type: .date)])
        let resource = Resource(name: "t", path: "t.csv", schema: schema)
        var loader = ResourceLoader(resource: resource, file: nil, displayPath: "t.csv")
        loader.bytes = bytes
        loader.plan = ChunkPlan(targets: targets)
        loader.usesBlockMasks = blocks
        loader.chunkSize = chunkSize
        var sink = DiagnosticSink(cap: 1000)
        let loaded = loader.load(sink: &sink)
        return (sink.finish().description, loaded?.table.columns ?? [], loaded?.table.sourceLines ?? [])
    }

    private static func rows(_ rng: inout SplitMix64, count: Int, bad: Bool) -> [UInt8] {
        var text = "id,text,amount,code,day\r\n"
        let texts = ["plain", "\"with, comma\"", "\"say \"\"hi\"\"\"", "\"two\nlines\"", "São Paulo – Perú 😀",
                     String(repeating: "long é text ", count: 9), "\"" + String(repeating: "q\"\"", count: 30) + "\"", ""]
        let amounts = bad ? ["1.5", "-2", "x", "", "3e2"] : ["1.5", "0", "", "3e2"]
        let codes = bad ? ["ARG", "br", "CHL", "\"PER\"x", "É"] : ["ARG", "CHL", "\"PER\""]
        let days = bad ? ["2024-02-29", "2023-02-29", "", "2024-13-01"] : ["2024-02-29", "", "1999-12-31"]
        for i in 1...count {
            func pick(_ a: [String]) -> String { a[Int.random(in: 0..<a.count, using: &rng)] }
            let end = ["\n", "\r\n", "\r\n", "\n"][Int.random(in: 0..<4, using: &rng)]
            text += "\(i),\(pick(texts)),\(pick(amounts)),\(pick(codes)),\(pick(days))" + end
        }
        return Array(text.utf8)
    }

    @Test func cutsAnywhereEqualTheScalarWholeLoad() {
        var rng = SplitMix64(seed: 41)
        for bad in [false, true] {
            let bytes = Self.rows(&rng, count: 60, bad: bad)
            let reference = Self.load(bytes, targets: [], blocks: false)
            if bad { #expect(reference.diagnostics.contains("t.csv:")) } else { #expect(reference.columns.count == 5) }
            for t in stride(from: 1, to: bytes.count, by: 7) {
                for targets in [[t], [t, t + bytes.count / 3]] {
                    let cut = Self.load(bytes, targets: targets, blocks: true, chunkSize: t % 2 == 0 ? 97 : 1 << 20)
                    #expect(cut.diagnostics == reference.diagnostics, "cuts \(targets)")
                    #expect(cut.columns == reference.columns, "cuts \(targets)")
                    #expect(cut.lines == reference.lines, "cuts \(targets)")
                }
            }
        }
    }

    /// Cuts inside a multi-byte character, between CR and LF, and inside quotes.
    @Test func cutsAtAwkwardBytes() {
        let text = "id,text,amount,code,day\n1,\"a\r\nb\",1,ARG,\n2,é–😀,2,CHL,\r\n3,\"x\n\",3,PER,2024-01-01\n4,\"\"\"\",,ARG,\n"
        let bytes = Array(text.utf8)
        let reference = Self.load(bytes, targets: [], blocks: false)
        #expect(reference.lines == [2, 4, 5, 7])
        for t in 1..<bytes.count {
            let cut = Self.load(bytes, targets: [t], blocks: true, chunkSize: 61)
            #expect(cut.diagnostics == reference.diagnostics && cut.columns == reference.columns && cut.lines == reference.lines,
                    "cut at \(t)")
        }
    }
}
