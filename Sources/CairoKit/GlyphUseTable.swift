/// The glyphs an ``SVGCanvas`` document has defined, by font number and glyph id, each with the
/// bytes that open its `<use>` element (`<use xlink:href="#g0-12" x="`), so that drawing a glyph
/// the document knows is an array lookup and one copy, not a hashed key and an id per glyph.
struct GlyphUseTable {
    /// What a slot holds: not looked up yet, a blank glyph (no outline), or where its `<use>`
    /// opening is in ``openings`` (`start << 8 | count`, never 0 or -1).
    private static let unknown = 0
    private static let blank = -1
    /// Glyph ids below this, of fonts numbered below ``denseFonts``, are kept in arrays; any
    /// other in a dictionary.
    private static let denseGlyphs = 1 << 16
    private static let denseFonts = 1 << 10

    /// The longest `<use>` opening: `<use xlink:href="#g` (19 bytes), a font number and a
    /// glyph id (at most 20 + 1 + 10 bytes) and `" x="` (5 bytes).
    static let maxOpening = 64

    /// By font number, by glyph id.
    private var slots: [[Int]] = []
    private var sparse: [GlyphOutlines.GlyphKey: Int] = [:]
    /// The `<use>` openings, one after another.
    private(set) var openings: [UInt8] = []

    /// What the table knows of `glyph` of `font`.
    enum Entry: Equatable {
        /// Not looked up yet.
        case unknown
        /// A glyph with no outline (a space): nothing to draw.
        case blank
        /// The glyph's `<use>` opening, `openings[range]`.
        case defined(Range<Int>)
    }

    /// What the table knows of `glyph` of `font`.
    @inline(__always)
    func entry(font: Int, glyph: UInt32) -> Entry {
        let slot: Int
        if font >= 0, font < slots.count, glyph < Self.denseGlyphs {
            let glyphs = slots[font]
            slot = Int(glyph) < glyphs.count ? glyphs[Int(glyph)] : Self.unknown
        } else if font >= 0, font < Self.denseFonts, glyph < Self.denseGlyphs {
            slot = Self.unknown
        } else {
            slot = sparse[GlyphOutlines.GlyphKey(font: font, glyph: glyph)] ?? Self.unknown
        }
        switch slot {
        case Self.unknown: return .unknown
        case Self.blank: return .blank
        default: return .defined((slot >> 16)..<((slot >> 16) + (slot & 0xffff)))
        }
    }

    /// Records `glyph` of `font` as blank (`opening` nil) or opened by `opening` (an element
    /// opening and an id: tens of bytes); returns its entry.
    @discardableResult
    mutating func set(font: Int, glyph: UInt32, opening: [UInt8]?) -> Entry {
        let slot: Int
        let entry: Entry
        if let opening {
            precondition(opening.count <= Self.maxOpening, "a <use> opening of \(opening.count) bytes")
            let start = openings.count
            openings += opening
            slot = start << 16 | opening.count
            entry = .defined(start..<openings.count)
        } else {
            slot = Self.blank
            entry = .blank
        }
        if font >= 0, font < Self.denseFonts, glyph < Self.denseGlyphs {
            while slots.count <= font { slots.append([]) }
            if slots[font].count <= Int(glyph) {
                slots[font] += repeatElement(Self.unknown, count: Int(glyph) + 1 - slots[font].count)
            }
            slots[font][Int(glyph)] = slot
        } else {
            sparse[GlyphOutlines.GlyphKey(font: font, glyph: glyph)] = slot
        }
        return entry
    }
}
