@testable import CairoKit
import Testing

/// An `SVGCanvas` finds each glyph's `<use>` opening in a `GlyphUseTable`: a wrong entry
/// draws another glyph or none.
@Suite("Glyph use table")
struct GlyphUseTableTests {
    static func text(_ table: GlyphUseTable, font: Int, glyph: UInt32) -> String? {
        guard case .defined(let range) = table.entry(font: font, glyph: glyph) else { return nil }
        return String(decoding: table.openings[range], as: UTF8.self)
    }

    @Test func definedGlyphsKeepTheirOpenings() {
        var table = GlyphUseTable()
        // Dense slots, a glyph id past the dense range, a font number past it, a negative font.
        let glyphs: [(font: Int, glyph: UInt32)] = [(0, 36), (0, 3), (2, 36), (0, 70_000), (5_000, 7), (-1, 9), (1, 0)]
        for (index, key) in glyphs.enumerated() {
            #expect(table.entry(font: key.font, glyph: key.glyph) == .unknown)
            table.set(font: key.font, glyph: key.glyph, opening: Array("<use g\(index) x=\"".utf8))
        }
        for (index, key) in glyphs.enumerated() {
            #expect(Self.text(table, font: key.font, glyph: key.glyph) == "<use g\(index) x=\"")
        }
        // Neighbours of defined glyphs stay unknown.
        #expect(table.entry(font: 0, glyph: 35) == .unknown)
        #expect(table.entry(font: 1, glyph: 36) == .unknown)
        #expect(table.entry(font: 0, glyph: 70_001) == .unknown)
        #expect(table.entry(font: 3, glyph: 1) == .unknown)
    }

    @Test func blankGlyphsAreRemembered() {
        var table = GlyphUseTable()
        #expect(table.set(font: 0, glyph: 3, opening: nil) == .blank)
        #expect(table.entry(font: 0, glyph: 3) == .blank)
        #expect(table.set(font: 0, glyph: 80_000, opening: nil) == .blank)
        #expect(table.entry(font: 0, glyph: 80_000) == .blank)
        #expect(table.openings.isEmpty)
    }

    @Test func theLongestOpeningFits() {
        var table = GlyphUseTable()
        let opening = Array("<use xlink:href=\"#g\(Int.max)-\(UInt32.max)\" x=\"".utf8)
        #expect(opening.count <= GlyphUseTable.maxOpening)
        table.set(font: 1, glyph: UInt32.max, opening: opening)
        #expect(Self.text(table, font: 1, glyph: UInt32.max) == String(decoding: opening, as: UTF8.self))
    }
}
