@testable import CairoKit
import Testing

/// GlyphOutlineStore: answers by font name and glyph, notes what was used and made, and keeps
/// for the next build the outlines made, then used, then the others within the limit.
@Suite struct GlyphOutlineStoreTests {
    private func outline(_ font: String, _ glyph: UInt32, _ path: String) -> GlyphOutlineStore.Outline {
        GlyphOutlineStore.Outline(font: font, glyph: glyph, path: Array(path.utf8))
    }

    @Test func answersByFontNameAndGlyph() {
        let store = GlyphOutlineStore([outline("A 10px", 1, "M1"), outline("A 11px", 1, "M2"), outline("A 10px", 1, "later")])
        #expect(store.outline(font: "A 10px", glyph: 1) == Array("M1".utf8), "the first of two is kept")
        #expect(store.outline(font: "A 11px", glyph: 1) == Array("M2".utf8), "the size is in the name")
        #expect(store.outline(font: "A 10px", glyph: 2) == nil)
        #expect(store.statistics.kept == 2 && store.statistics.used == 2 && store.statistics.made == 0)
        #expect(store.outlinesToKeep(limit: 1 << 20) == nil, "nothing made: nothing to write")
    }

    @Test func keepsMadeThenUsedThenOthersWithinTheLimit() {
        let store = GlyphOutlineStore([outline("A", 1, "1111"), outline("A", 2, "2222"), outline("A", 3, "3333")])
        _ = store.outline(font: "A", glyph: 3)
        store.add(outline("B", 9, "99"))
        #expect(store.outlinesToKeep(limit: 1 << 20) == [outline("B", 9, "99"), outline("A", 3, "3333"), outline("A", 1, "1111"),
                                                         outline("A", 2, "2222")])
        #expect(store.outlinesToKeep(limit: 10) == [outline("B", 9, "99"), outline("A", 3, "3333"), outline("A", 1, "1111")])
        #expect(store.outlinesToKeep(limit: 0) == [outline("B", 9, "99"), outline("A", 3, "3333")], "made and used are kept")
    }

    /// A set keeping its outlines in a store takes them from it and notes the ones it made.
    @Test func aSetTakesItsOutlinesFromTheStore() throws {
        let typesetter = try Typesetter(fontDirectory: CairoKitTests.fonts)
        let (runs, recorder) = try GlyphFontNameTests.record(typesetter)
        let set = recorder.outlines
        let run = try #require(runs.runs.first { $0.font != nil })
        let font = try #require(run.font)
        let drawn = runs.glyphs[run.glyphs].map(\.id).filter { GlyphRuns.isDrawn($0) }
        let glyph = try #require(drawn.first)
        let other = try #require(drawn.first { $0 != glyph })
        let name = set.fonts[font]
        let store = GlyphOutlineStore([GlyphOutlineStore.Outline(font: name, glyph: glyph, path: Array("planted".utf8))])
        set.keep(in: store)
        let fonts = typesetter.glyphOutlines
        #expect(set.outline(GlyphOutlines.GlyphKey(font: font, glyph: glyph), fonts: fonts) == Array("planted".utf8))
        let made = set.outline(GlyphOutlines.GlyphKey(font: font, glyph: other), fonts: fonts)
        #expect(!made.isEmpty && made == fonts.outline(other, serial: fonts.serial(named: name) ?? -1))
        #expect(store.statistics.used == 1 && store.statistics.made == 1)
    }
}
