import DossierBase
import Testing

@Suite struct InputExcerptTests {
    @Test func shortValuesAreQuotedWhole() {
        #expect(InputExcerpt.excerpt("São Paulo") == "São Paulo")
        #expect(InputExcerpt.quoted("x") == "\"x\"")
    }

    @Test func longValuesKeepHeadAndTailWithinTheLimit() {
        let value = String(repeating: "a", count: 100) + "END"
        let text = InputExcerpt.excerpt(value)
        #expect(text.count == InputExcerpt.limit)
        #expect(text.hasSuffix("END"))
        #expect(text.contains("…"))
    }

    @Test func hugeValuesAreCutWithoutWalkingThemWhole() {
        let value = String(repeating: "x", count: 5_000_000)
        #expect(InputExcerpt.excerpt(value).count == InputExcerpt.limit)
    }

    @Test func controlCharactersAreEscaped() {
        #expect(InputExcerpt.excerpt("a\r\nb\u{1}") == "a\\r\\nb\\u{1}")
    }
}
