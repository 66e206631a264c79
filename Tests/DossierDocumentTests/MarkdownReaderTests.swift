@testable import DossierDocument
import Testing

@Suite struct MarkdownReaderTests {
    @Test func headingsParagraphsEmphasisLinks() {
        let blocks = MarkdownReader.parse("# Title\n\nSome *emph* and **strong** [link](https://x.org).\n", firstLine: 5)
        #expect(blocks.count == 2)
        #expect(blocks[0] == .heading(level: 1, content: [.text("Title")], line: 5))
        guard case let .paragraph(inlines, line) = blocks[1] else { Issue.record("not a paragraph"); return }
        #expect(line == 7)
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
        guard case let .table(header, rows, alignments) = blocks[0] else { Issue.record("no table"); return }
        #expect(header == [[.text("a")], [.text("b")]])
        #expect(rows == [[[.text("São Paulo")], [.text("2")]]])
        #expect(alignments == ["l", "r"])
        #expect(blocks.contains { if case .footnoteDefinition("1", _) = $0 { return true }; return false })
        #expect(blocks.contains(.code(info: "{figure} map", text: "Caption.\n", line: 9)))
    }

    @Test func inlineMarkupEscapesAndTracksLinks() {
        let markup = InlineMarkup([.text("a < b & "), .link(url: "https://e.org", content: [.text("café")])])
        #expect(markup.markup == "a &lt; b &amp; <span foreground=\"#1f5fa6\">café</span>")
        #expect(markup.links == [.init(url: "https://e.org", range: 8..<13)])
    }
}
