@testable import DossierLayout
import DossierMarkdown
import Testing

/// The PDF and HTML writers read `{figure} id` blocks through one ``FenceDirective``.
@Suite("Fence directive")
struct FenceDirectiveTests {
    @Test func wordsAndCaptionParagraphsJoinedBySpace() {
        let directive = FenceDirective(info: "{figure} rates", text: "First *line*.\n\nSecond.\n")
        #expect(directive.words == ["{figure}", "rates"])
        #expect(directive.caption == [.text("First "), .emphasis([.text("line")]), .text("."), .text(" "), .text("Second.")])
    }

    @Test func noParagraphsGiveNoCaption() {
        #expect(FenceDirective(info: "{table} t", text: "").caption.isEmpty)
    }
}
