@testable import DossierMarkdown
import Testing

/// UTF8Search, the byte test the claim-span pass asks before searching by characters: it finds
/// a pattern wherever its bytes are (first, last, overlapping a false start), never where they
/// are not, and text holding the characters always holds the bytes, so the byte test never
/// rules out text the character search would find.
@Suite struct UTF8SearchTests {
    @Test(arguments: [
        ("claim=", "claim=", true), ("x claim=y", "claim=", true), ("[w]{claim=a}", "claim=", true),
        ("ends with claim=", "claim=", true), ("cclaim=", "claim=", true), ("claim", "claim=", false),
        ("clai m=", "claim=", false), ("", "claim=", false), ("São Paulo \\{x", "\\{", true), ("\\ {", "\\{", false),
        ("a\u{E000}b", "\u{E000}", true), ("a\u{E001}b", "\u{E000}", false), ("c", "claim=", false),
    ])
    func findsThePatternWhereItsBytesAre(text: String, pattern: String, expected: Bool) {
        #expect(UTF8Search.contains(text, Array(pattern.utf8)) == expected)
    }

    @Test func textHoldingTheCharactersHoldsTheBytes() {
        for text in ["[words]{claim=id}", "\\{{ x }}", "Querétaro \u{E000} claim=", "e\u{301}claim=", "claim=\u{301}"] {
            for pattern in ["claim=", "\\{", "\u{E000}"] where text.contains(pattern) {
                #expect(UTF8Search.contains(text, Array(pattern.utf8)), "\(text) \(pattern)")
            }
        }
    }

    @Test func escapedBracesAndSpansAreFoundAsBefore() {
        // The byte test lets these through; the character test decides, as it always did.
        #expect(ClaimSpans.markEscapedBraces("a \\{b") == "a \u{E000}b")
        #expect(ClaimSpans.markEscapedBraces("no braces") == "no braces")
        #expect(ClaimSpans.restoreEscapedBraces("a \u{E000}b", as: "{") == "a {b")
        guard case let .paragraph(content, _)? = MarkdownReader.parse("Some [bound words]{claim=c1} here.").first else {
            Issue.record("no paragraph")
            return
        }
        #expect(content.contains { if case .claimSpan(id: "c1", _) = $0 { return true } else { return false } })
    }
}
