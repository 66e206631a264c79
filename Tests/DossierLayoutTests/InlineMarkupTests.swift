@testable import DossierLayout
import Testing

@Suite struct InlineMarkupTests {
    @Test func inlineMarkupEscapesAndTracksLinks() {
        let markup = InlineMarkup([.text("a < b & "), .link(url: "https://e.org", content: [.text("café")])])
        #expect(markup.markup == "a &lt; b &amp; <span foreground=\"#1f5fa6\">café</span>")
        #expect(markup.links == [.init(url: "https://e.org", range: 8..<13)])
    }
}
