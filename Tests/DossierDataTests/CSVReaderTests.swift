import Foundation
import Testing
@testable import DossierData

private func records(_ text: String, chunk: Int = 1 << 20) throws -> [[String]] {
    try tokenize(Array(text.utf8), chunkSize: chunk).records
}

@Suite struct CSVReaderTests {
    @Test(arguments: [1, 2, 3, 7, 64, 1 << 20])
    func quotedFieldsAcrossChunkSizes(chunk: Int) throws {
        let text = "a,b,c\r\n\"x, y\",\"he said \"\"hi\"\"\",\"multi\nline\"\n1,,3"
        let r = try tokenize(Array(text.utf8), chunkSize: chunk)
        #expect(r.records == [["a", "b", "c"], ["x, y", "he said \"hi\"", "multi\nline"], ["1", "", "3"]])
        #expect(r.lines == [1, 2, 4])
        #expect(r.errors.isEmpty)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let r = try tokenize([0xEF, 0xBB, 0xBF] + Array("id,name\n1,x\n".utf8))
        #expect(r.records == [["id", "name"], ["1", "x"]])
    }

    @Test func lineEndings() throws {
        #expect(try records("a,b\r\n1,2\r\n") == [["a", "b"], ["1", "2"]])
        #expect(try records("a,b\n1,2") == [["a", "b"], ["1", "2"]])
        #expect(try records("a,b\r1,2\r") == [["a", "b"], ["1", "2"]])
        #expect(try records("a,b\r\n1,2", chunk: 4) == [["a", "b"], ["1", "2"]])
    }

    @Test func trailingDelimiterMakesEmptyField() throws {
        #expect(try records("a,b,\n") == [["a", "b", ""]])
        #expect(try records("a,b,") == [["a", "b", ""]])
        #expect(try records(",") == [["", ""]])
    }

    @Test func blankLinesAreEmptyRecords() throws {
        #expect(try records("a\n\n\n") == [["a"], [""], [""]])
        #expect(try records("") == [])
    }

    @Test func unterminatedQuoteReportsWhereItOpened() throws {
        let r = try tokenize(Array("a,b\n1,\"open\n\nstill open".utf8), chunkSize: 3)
        #expect(r.errors == ["unterminated 2:2"])
        #expect(r.records == [["a", "b"]])
    }

    @Test func characterAfterClosingQuote() throws {
        let r = try tokenize(Array("a,b\n\"x\"y,2\n".utf8))
        #expect(r.errors == ["after-quote 2:1 121"])
    }

    @Test func bareQuoteInsideUnquotedFieldIsLiteral() throws {
        #expect(try records("5\" screen,2\n") == [["5\" screen", "2"]])
    }

    @Test func semicolonDialect() throws {
        var d = CSVDialect()
        d.delimiter = UInt8(ascii: ";")
        let r = try tokenize(Array("a;b\n\"x;y\";2\n".utf8), dialect: d)
        #expect(r.records == [["a", "b"], ["x;y", "2"]])
    }

    @Test func recordLargerThanChunkGrowsBuffer() throws {
        let big = String(repeating: "x", count: 10_000)
        #expect(try records("a,b\n\(big),\"\(big)\"\n", chunk: 16) == [["a", "b"], [big, big]])
    }

    /// No crash or hang on arbitrary bytes (a poor man's fuzzer, seeded).
    @Test func arbitraryBytesNeverCrash() throws {
        var rng = SplitMix64(seed: 42)
        let alphabet: [UInt8] = [0x2C, 0x22, 0x0A, 0x0D, 0x61, 0xFF, 0xEF, 0xBB, 0xBF, 0x20, 0x31]
        for _ in 0..<300 {
            let n = Int.random(in: 0..<200, using: &rng)
            let bytes = (0..<n).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }
            let chunk = Int.random(in: 1...32, using: &rng)
            let whole = try tokenize(bytes)
            let chunked = try tokenize(bytes, chunkSize: chunk)
            #expect(whole.records == chunked.records)
            #expect(whole.errors == chunked.errors)
            #expect(whole.lines == chunked.lines)
        }
    }

    /// The scanner flags exactly the fields whose bytes are all ASCII (those skip UTF-8 checks).
    @Test(arguments: [1, 2, 3, 7, 9, 64, 1 << 20])
    func asciiFlagMatchesTheBytes(chunk: Int) throws {
        let text = "abc,é,abcdefghé,\"quoted é\",\"plain, ascii\",\"x\"\"y\",abcdefghijklmnop,\"a\nb\",\n"
            + "São Paulo,\"long text without any accent at all\",\"long text with an accent: São\",,\"\",z,é,,\n"
        var bytes = Array(text.utf8)
        bytes.append(contentsOf: [0x61, 0xFF, 0x2C, 0x22, 0xFE, 0x22, 0x0A])
        let reader = CSVReader(bytes: bytes, dialect: CSVDialect(), chunkSize: chunk)
        var flags: [Bool] = []
        var expected: [Bool] = []
        try reader.scan(onRecord: { rec in
            for i in 0..<rec.count {
                flags.append(rec.fields[i].ascii)
                expected.append(rec.bytes(i).allSatisfy { $0 < 0x80 })
            }
        }, onError: { _ in })
        #expect(flags == expected)
        #expect(flags.contains(false) && flags.contains(true))
    }
}
