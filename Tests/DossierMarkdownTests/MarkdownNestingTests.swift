@testable import DossierMarkdown
import Testing

/// Deeply nested CommonMark (found by the report fuzz target): 30,000 `>` overflowed the
/// stack in MarkdownReader's tree walk. Nesting is now capped, the content kept.
@Suite struct MarkdownNestingTests {
    /// The deepest block nesting of `blocks` (a top-level block is at depth 1).
    static func depth(_ blocks: [Block]) -> Int {
        blocks.map { block -> Int in
            switch block {
            case let .blockQuote(children, _), let .footnoteDefinition(_, children, _): return 1 + depth(children)
            case let .list(_, _, items, _): return 1 + (items.map(depth).max() ?? 0)
            default: return 1
            }
        }.max() ?? 0
    }

    /// Every paragraph's plain text, in order.
    static func paragraphs(_ blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case let .paragraph(inlines, _): return [Inline.plainText(inlines)]
            case let .blockQuote(children, _), let .footnoteDefinition(_, children, _): return paragraphs(children)
            case let .list(_, _, items, _): return items.flatMap(paragraphs)
            default: return []
            }
        }
    }

    /// The nesting of a block as text, ranges left out.
    static func shape(_ block: Block) -> String {
        switch block {
        case let .blockQuote(children, _): return "quote(" + children.map(shape).joined(separator: ",") + ")"
        case .paragraph: return "paragraph"
        default: return "other"
        }
    }

    @Test func thirtyThousandBlockQuotesAreFlattenedNotOverflowed() {
        let blocks = MarkdownReader.parse(String(repeating: ">", count: 30_000) + " deep\n\nafter\n")
        #expect(Self.depth(blocks) <= MarkdownReader.maxBlockDepth + 1)
        #expect(Self.paragraphs(blocks) == ["deep", "after"])
    }

    @Test func deepListsKeepEveryItemInOrder() {
        let text = (0..<200).map { String(repeating: "  ", count: $0) + "- item \($0)\n" }.joined()
        let blocks = MarkdownReader.parse(text)
        #expect(Self.depth(blocks) <= MarkdownReader.maxBlockDepth + 1)
        #expect(Self.paragraphs(blocks) == (0..<200).map { "item \($0)" })
    }

    @Test func nestingUnderTheLimitIsUnchanged() {
        let blocks = MarkdownReader.parse("> > > three\n")
        #expect(blocks.map(Self.shape) == ["quote(quote(quote(paragraph)))"])
    }

    @Test func deepEmphasisKeepsItsText() {
        let text = String(repeating: "*a ", count: 5_000) + "x" + String(repeating: " b*", count: 5_000) + "\n"
        let blocks = MarkdownReader.parse(text)
        guard case let .paragraph(inlines, _) = blocks.first else {
            Issue.record("expected a paragraph, got \(blocks)")
            return
        }
        let plain = Inline.plainText(inlines)
        #expect(plain.hasPrefix("a a ") && plain.contains("x") && plain.hasSuffix(" b b"))
    }
}
