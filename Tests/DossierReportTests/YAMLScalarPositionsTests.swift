@testable import DossierReport
import Testing

/// The file position of each character of a `holds` text, whatever its YAML quoting.
@Suite struct YAMLScalarPositionsTests {
    /// Where the error for a condition written as `holds` (the YAML after `holds: `, with the
    /// following lines) is reported.
    static func errorLocation(_ holds: String) -> DossierReport.SourceLocation? {
        let text = "---\ntitle: T\ndate: \"2020-12-01\"\ndata: d.json\nclaims:\n  - id: c1\n    says: x\n    holds: \(holds)\n---\n"
        do {
            _ = try ReportSource(text: text, path: "r.md")
            return nil
        } catch {
            return error.location
        }
    }

    @Test func plainSingleAndDoubleQuoted() {
        // The `?` is the error; `holds: ` ends at column 11.
        #expect(Self.errorLocation("1 < ?") == SourceLocation(file: "r.md", line: 8, column: 16))
        #expect(Self.errorLocation("'1 < ?'") == SourceLocation(file: "r.md", line: 8, column: 17))
        // `''` is one quote in the value, two characters in the file.
        #expect(Self.errorLocation("'a.b == ''x'' and ?'") == SourceLocation(file: "r.md", line: 8, column: 30))
        // `\"` likewise in double quotes, and `\u00e9` is one character written as six.
        #expect(Self.errorLocation("\"a.b == \\\"\\u00e9\\\" and ?\"") == SourceLocation(file: "r.md", line: 8, column: 35))
    }

    @Test func foldedOverLines() {
        // A plain scalar continued on the next line.
        #expect(Self.errorLocation("1 < 2 and\n      ?") == SourceLocation(file: "r.md", line: 9, column: 7))
        // A double-quoted one, and a literal block (`|`, the line break kept).
        #expect(Self.errorLocation("\"1 < 2 and\n      ?\"") == SourceLocation(file: "r.md", line: 9, column: 7))
        #expect(Self.errorLocation("|\n      1 < 2 and\n      ?") == SourceLocation(file: "r.md", line: 10, column: 7))
    }

    @Test func aValueThatCannotBeMatchedPointsAtTheScalar() {
        let start = DossierReport.SourceLocation(file: "r.md", line: 1, column: 5)
        let positions = YAMLScalarPositions(value: "abc", scalar: YAMLScalarSourceStub.plain(line: 1, column: 5),
                                            lines: ["xyz: def"], file: "r.md", lineOffset: 0)
        #expect(positions.location(ofCharacter: 2) == start)
    }
}

/// A hand-made scalar source (the real ones come from Yams nodes).
enum YAMLScalarSourceStub {
    static func plain(line: Int, column: Int) -> YAMLScalarSource {
        YAMLScalarSource(line: line, column: column, style: .plain)
    }
}
