@testable import CairoKit
import DossierBase
import Testing

/// ``ShapeMemo/Store``: whole items shaped in one process answer the next one's layouts with
/// HarfBuzz's own glyphs, only when everything HarfBuzz reads is the same. In the serialized
/// ``ShapeMemoTests`` suite: the memo's mode is process-wide.
extension ShapeMemoTests {
    /// Texts of several items (markup spans), wrapped and not, in two fonts.
    private static let storeTexts = [
        "<b>Twinning ties</b> rose with the <i>regional authority index</i>, by <b>1.31×</b> per 10 points, "
            + "while São Paulo, Panamá and Querétaro signed 14 agreements (2013–2023).",
        "AVATAR To Wa Ty Yo. The office’s fluffy waffles — affine, final — and 1,234.5 € of n = 41.",
        "A short cell",
    ]
    private static let storeFonts = [Font(family: "Noto Sans", size: 8.5), Font(family: "Noto Serif", size: 9.5, weight: .bold)]

    /// A typesetter whose layouts use `store`, which knows its font files under `digest`.
    private func typesetter(using store: ShapeMemo.Store?, digest: String = String(repeating: "ab", count: 32)) throws -> Typesetter {
        let typesetter = try Typesetter(fontDirectory: CairoKitTests.fonts)
        for file in typesetter.fontFiles { store?.addFont(path: file, sha256: digest) }
        typesetter.shapeStore = store
        return typesetter
    }

    /// Every text in every font, at two widths and unwrapped; `texts` replaces the texts.
    private func layOut(_ typesetter: Typesetter, texts: [String] = storeTexts) throws -> [TextLayout] {
        var layouts: [TextLayout] = []
        for text in texts {
            for font in Self.storeFonts {
                for width in [nil, 90.0, 250] as [Double?] {
                    let layout = try TextLayout(text, font: font, typesetter: typesetter, width: width, justify: width != nil, markup: true)
                    _ = layout.lines
                    layouts.append(layout)
                }
            }
        }
        return layouts
    }

    private func drawing(_ layout: TextLayout, _ typesetter: Typesetter) -> [UInt8] {
        let canvas = SVGCanvas(width: 400, height: 300, typesetter: typesetter)
        layout.draw(in: canvas, x: 10, y: 20)
        return canvas.finish(title: "text", description: nil)
    }

    /// A saved store, from laying out the texts once.
    private func savedStore(digest: String = String(repeating: "ab", count: 32)) throws -> (bytes: [UInt8], recorded: Int) {
        let store = try #require(ShapeMemo.Store())
        _ = try layOut(try typesetter(using: store, digest: digest))
        let bytes = try #require(store.saved(carriedLimit: 1 << 20))
        return (bytes, store.statistics.recorded)
    }

    /// Saved, loaded into another store and verified: the items are answered, each answer is
    /// HarfBuzz's own result, and the layouts break, measure and draw as without a store.
    @Test func storedItemsAnswerTheNextProcessWithHarfBuzzsResult() throws {
        let saved = ShapeMemo.mode
        defer { ShapeMemo.mode = saved }
        ShapeMemo.mode = .on
        let (bytes, recorded) = try savedStore()
        #expect(recorded > 10)
        ShapeMemo.mode = .verify
        let verifying = try #require(ShapeMemo.Store())
        #expect(verifying.load(bytes))
        _ = try layOut(try typesetter(using: verifying))
        #expect(verifying.statistics.loaded == recorded)
        #expect(verifying.statistics.hits >= 2 * Self.storeTexts.count, "each text's items are answered")
        #expect(verifying.statistics.mismatches == 0)

        ShapeMemo.mode = .on
        let plain = try typesetter(using: nil)
        let reference = try layOut(plain)
        let store = try #require(ShapeMemo.Store())
        store.load(bytes)
        let answering = try typesetter(using: store)
        let answered = try layOut(answering)
        #expect(store.statistics.hits >= 2 * Self.storeTexts.count)
        for (a, b) in zip(reference, answered) {
            #expect(a.lines == b.lines && a.lineStarts == b.lineStarts && a.size == b.size, "\(a.text.prefix(30))")
            #expect(drawing(a, plain) == drawing(b, answering), "\(a.text.prefix(30))")
        }
    }

    /// With a glyph planted in the first text's first item: another content of the font files
    /// (another SHA-256), a typesetter whose fonts the store was not told of, and an edit of
    /// the text each lay out what HarfBuzz gives, not the planted glyph.
    @Test func aChangedTextOrFontMissesTheStore() throws {
        let saved = ShapeMemo.mode
        defer { ShapeMemo.mode = saved }
        ShapeMemo.mode = .on
        let planted = try #require(Self.plantingFirstGlyph(try savedStore().bytes))
        let plain = try typesetter(using: nil)
        var texts = Self.storeTexts
        // The same length, so that only the text's bytes tell the layouts apart.
        texts[0] = texts[0].replacingOccurrences(of: "rose", with: "fell")
        let reference = try layOut(plain).map { drawing($0, plain) }
        let editedReference = try layOut(plain, texts: texts).map { drawing($0, plain) }

        let otherFont = try #require(ShapeMemo.Store())
        #expect(otherFont.load(planted))
        let otherTypesetter = try typesetter(using: otherFont, digest: String(repeating: "cd", count: 32))
        #expect(try layOut(otherTypesetter).map { drawing($0, otherTypesetter) } == reference, "another font file's content")

        let unknownFont = try #require(ShapeMemo.Store())
        unknownFont.load(planted)
        let unknown = try Typesetter(fontDirectory: CairoKitTests.fonts)
        unknown.shapeStore = unknownFont
        #expect(try layOut(unknown).map { drawing($0, unknown) } == reference)
        #expect(unknownFont.statistics.hits == 0 && unknownFont.statistics.recorded == 0 && unknownFont.statistics.misses == 0,
                "a font the store was not told of is neither looked up nor recorded")

        let editedText = try #require(ShapeMemo.Store())
        editedText.load(planted)
        let editing = try typesetter(using: editedText)
        #expect(try layOut(editing, texts: texts).map { drawing($0, editing) } == editedReference, "an edited text")
        #expect(editedText.statistics.misses >= 1 && editedText.statistics.recorded == editedText.statistics.misses)
    }

    /// Bytes that are not a whole saved store are ignored whole: truncated, a length changed,
    /// another format.
    @Test func damagedStoreBytesAreIgnored() throws {
        let saved = ShapeMemo.mode
        defer { ShapeMemo.mode = saved }
        ShapeMemo.mode = .on
        let (bytes, _) = try savedStore()
        var lengthened = bytes
        lengthened[8] = 0x7F  // the first entry's key length
        for damaged in [Array(bytes.dropLast(3)), Array(bytes.prefix(40)), lengthened, Array("DSHAPE9\n".utf8) + bytes.dropFirst(8), []] {
            let store = try #require(ShapeMemo.Store())
            #expect(!store.load(damaged))
            #expect(store.statistics.loaded == 0)
        }
    }

    /// Planted glyphs in a stored entry come out of the layout (the answer is the store's, not
    /// HarfBuzz's), and verifying counts them as differences.
    @Test func aPlantedEntryIsWhatTheLayoutShows() throws {
        let saved = ShapeMemo.mode
        defer { ShapeMemo.mode = saved }
        ShapeMemo.mode = .on
        let (bytes, _) = try savedStore()
        let planted = try #require(Self.plantingFirstGlyph(bytes))
        let plain = try typesetter(using: nil)
        let reference = try layOut(plain)
        let store = try #require(ShapeMemo.Store())
        #expect(store.load(planted))
        let answering = try typesetter(using: store)
        let answered = try layOut(answering)
        let differing = zip(reference, answered).filter { drawing($0, plain) != drawing($1, answering) }.count
        #expect(differing > 0, "the planted glyph is drawn")

        ShapeMemo.mode = .verify
        let verifying = try #require(ShapeMemo.Store())
        verifying.load(planted)
        _ = try layOut(try typesetter(using: verifying))
        #expect(verifying.statistics.mismatches > 0)
    }

    /// `bytes` with the first entry's first glyph one glyph id further (shape_store.c's saved
    /// form: the styles, then the entry's style, start, length, text, glyph count and length,
    /// and its first glyph: a byte of flags, then the glyph id, a variable-length integer).
    private static func plantingFirstGlyph(_ bytes: [UInt8]) -> [UInt8]? {
        var offset = 8
        func uvarint() -> Int? {
            var value = 0, shift = 0
            while offset < bytes.count {
                let byte = bytes[offset]
                offset += 1
                value |= Int(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
            return nil
        }
        guard let styles = uvarint() else { return nil }
        for _ in 0..<styles {
            guard let length = uvarint() else { return nil }
            offset += length
        }
        guard uvarint() != nil, uvarint() != nil, uvarint() != nil, let tag = uvarint() else { return nil }
        offset += max(tag - 1, 0)
        guard uvarint() != nil, uvarint() != nil else { return nil }
        offset += 1
        guard offset < bytes.count, bytes[offset] & 0x7F < 0x7E else { return nil }
        var planted = bytes
        planted[offset] += 1
        return planted
    }
}
