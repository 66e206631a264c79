@testable import DossierMarkdown
import Testing

@Suite struct MarkdownReaderTests {
    @Test func headingsParagraphsEmphasisLinks() {
        let blocks = MarkdownReader.parse("# Title\n\nSome *emph* and **strong** [link](https://x.org).\n", firstLine: 5)
        #expect(blocks.count == 2)
        #expect(blocks[0] == .heading(level: 1, content: [.text("Title")],
                                     range: SourceRange(start: .init(line: 5, column: 1), end: .init(line: 5, column: 7))))
        guard case let .paragraph(inlines, range) = blocks[1] else { Issue.record("not a paragraph"); return }
        #expect(range.start == SourcePosition(line: 7, column: 1))
        #expect(range.end.line == 7 && range.end.column > 40)
        #expect(inlines.contains(.emphasis([.text("emph")])))
        #expect(inlines.contains(.strong([.text("strong")])))
        #expect(inlines.contains(.link(url: "https://x.org", content: [.text("link")])))
    }

    @Test func tablesFootnotesAndDirectives() {
        let text = """
            | a | b |
            |:--|--:|
            | São Paulo | 2 |

            Text[^1].

            [^1]: A note.

            ```{figure} map
            Caption.
            ```
            """
        let blocks = MarkdownReader.parse(text)
        guard case let .table(header, rows, alignments, range) = blocks[0] else { Issue.record("no table"); return }
        #expect(header == [[.text("a")], [.text("b")]])
        #expect(rows == [[[.text("São Paulo")], [.text("2")]]])
        #expect(alignments == ["l", "r"])
        #expect(range.start == SourcePosition(line: 1, column: 1) && range.end.line == 3)
        #expect(blocks.contains { if case .footnoteDefinition("1", _, _) = $0 { return true }; return false })
        #expect(blocks.contains(.code(info: "{figure} map", text: "Caption.\n",
                                     range: SourceRange(start: .init(line: 9, column: 1), end: .init(line: 11, column: 3)))))
    }
}
