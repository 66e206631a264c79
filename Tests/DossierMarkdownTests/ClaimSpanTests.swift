@testable import DossierMarkdown
import Testing

/// `[words]{claim=id}` binds words to a claim: a span in the inline tree, the words alone in
/// the text.
@Suite struct ClaimSpanTests {
    static func inlines(_ markdown: String) -> [Inline] {
        guard case let .paragraph(content, _)? = MarkdownReader.parse(markdown).first else { return [] }
        return content
    }

    @Test func plainWordsBecomeASpan() {
        let content = Self.inlines("Dropping them [changes little]{claim=influence} overall.\n")
        #expect(content == [.text("Dropping them "), .claimSpan(id: "influence", content: [.text("changes little")]), .text(" overall.")])
        #expect(Inline.plainText(content) == "Dropping them changes little overall.")
    }

    @Test func emphasisCodeAndLinksInsideTheBracketsAreKept() {
        let content = Self.inlines("A [*much* `lower` rate](x)-free [rate is *much* lower with `x`]{claim=rate-1}.\n")
        guard case let .claimSpan(id, inner)? = content.first(where: { if case .claimSpan = $0 { return true }; return false }) else {
            Issue.record("no span in \(content)")
            return
        }
        #expect(id == "rate-1")
        #expect(inner == [.text("rate is "), .emphasis([.text("much")]), .text(" lower with "), .code("x")])
        #expect(Inline.plainText(content).hasSuffix("rate is much lower with x."))
    }

    @Test func nestedBracketsAndSpans() {
        let content = Self.inlines("[a [b] c]{claim=x} and [outer [inner]{claim=i} end]{claim=o}\n")
        #expect(content == [
            .claimSpan(id: "x", content: [.text("a [b] c")]),
            .text(" and "),
            .claimSpan(id: "o", content: [.text("outer "), .claimSpan(id: "i", content: [.text("inner")]), .text(" end")]),
        ])
    }

    @Test func spansInHeadingsListsAndStrongText() {
        let blocks = MarkdownReader.parse("# The [rise]{claim=r}\n\n- **[bold words]{claim=b}**\n")
        guard case let .heading(_, heading, _) = blocks[0], case let .list(_, _, items, _) = blocks[1],
              case let .paragraph(item, _)? = items.first?.first else {
            Issue.record("unexpected blocks \(blocks)")
            return
        }
        #expect(heading == [.text("The "), .claimSpan(id: "r", content: [.text("rise")])])
        #expect(item == [.strong([.claimSpan(id: "b", content: [.text("bold words")])])])
    }

    @Test func whatIsNotASpanStaysText() {
        // An escaped brace, a link, spaces, another attribute, a span across emphasis, a code span.
        for markdown in ["[a]\\{claim=x}", "[a](http://x){claim=x}", "[a]{claim = x}", "[a]{class=x}",
                         "*[a*]{claim=x}", "`[a]{claim=x}`", "a]{claim=x}", "[a]{claim=}", "[a]{claim=x"] {
            let content = Self.inlines(markdown + "\n")
            #expect(!content.contains { if case .claimSpan = $0 { return true }; return false }, "\(markdown): \(content)")
        }
        #expect(Inline.plainText(Self.inlines("[a]\\{claim=x}\n")) == "[a]{claim=x}")
    }
}
