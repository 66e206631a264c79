import Foundation
import Testing
import DossierBase
@testable import DossierData

/// The descriptor's JSON reader: RFC 8259, one linear pass, bounded nesting, value positions.
@Suite struct JSONParserTests {
    private func parse(_ text: String) throws(JSONParser.SyntaxError) -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    @Test func readsEveryKindOfValue() throws {
        let value = try parse(#" {"a": [1, -2.5e1, true, false, null, "x\"\u00e9\ud83d\ude00\n"], "b": {}} "#)
        guard let list = value["a"]?.array else { Issue.record("no array"); return }
        #expect(list.map(\.kind) == [.int(1), .double(-25), .bool(true), .bool(false), .null, .string("x\"é😀\n")])
        #expect(value["b"]?.object?.isEmpty == true)
        #expect(try parse("3.0").int == 3)
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8))["a"]?.int == 1)
    }

    @Test func valuesKnowWhereTheyStart() throws {
        let text = "{\n  \"resources\": [\n    {\"path\": \"a.csv\"}\n  ]\n}"
        let bytes = Array(text.utf8)
        let value = try JSONParser.parse(bytes)
        guard let path = value["resources"]?.array?.first?["path"] else { Issue.record("no path"); return }
        let (line, column) = JSONParser.lineAndColumn(of: path.offset, in: bytes)
        #expect(line == 3 && column == 14)
    }

    @Test func syntaxErrorsSayWhatWasFoundAndWhere() {
        let cases: [(String, Int, String)] = [
            ("{\"a\": 1,}", 8, "found \"}\", expected a member name"),
            ("[1 2]", 3, "expected \",\" or \"]\""),
            ("{\"a\": tru}", 6, "expected a value"),
            ("[01]", 1, "leading zero"),
            ("\"abc", 0, "never closed"),
            ("{} x", 3, "the end of the file after the top-level value"),
            ("", 0, "found the end of the file"),
        ]
        for (text, offset, fragment) in cases {
            do {
                _ = try parse(text)
                Issue.record("\(text): parsed")
            } catch {
                #expect(error.offset == offset, "\(text)")
                #expect(error.message.contains(fragment), "\(text): \(error.message)")
            }
        }
    }

    /// 100 000 nested arrays: an error at the 65th level, not a stack overflow.
    @Test func deepNestingIsRefusedWithoutRecursingIntoIt() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.SyntaxError.self) { try parse(text) }
        do { _ = try parse(text) } catch {
            #expect(error.offset == JSONParser.Limits.depth)
            #expect(error.message.contains("nested more than 64 deep"))
        }
        #expect(throws: Never.self) { try parse(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)) }
    }

    /// An array of a million numbers in an unused key (Foundation's decoder took 18 s for 10 MB).
    @Test func aLargeUnusedArrayIsReadInOnePass() throws {
        let count = 1_000_000
        let text = "{\"unused\": [" + Array(repeating: "7", count: count).joined(separator: ",") + "], \"name\": \"x\"}"
        let value = try parse(text)
        #expect(value["unused"]?.array?.count == count)
        #expect(value["name"]?.string == "x")
    }
}
