@testable import CairoKit
import CCairo
import DossierBase
import Testing

/// Markup set on a layout once (``TextLayout/setMarkup(_:on:original:)``), without the
/// parser when it has nothing to do (``TextLayout/isPlainMarkup(_:)``), and font descriptions
/// made once per typesetter: each lays out exactly what `pango_layout_set_markup` and a fresh
/// description did.
@Suite struct TextLayoutMarkupTests {
    private let font = Font(family: "Noto Sans", size: 8.5)

    /// U+FDD0, a non-character (Swift refuses it in a literal).
    static let nonCharacter = String(Character(Unicode.Scalar(UInt32(0xFDD0)) ?? "?"))

    /// Texts on both sides of every rule of ``TextLayout/isPlainMarkup(_:)``.
    static let samples = [
        "Guangdong", "1,234.5", "", " leading and trailing ", "tab\there", "two\nlines", "México · 25 °C ± 2",
        "“quoted” — dash ’s", "汉字 and Ελληνικά", "a < b", "<b>bold</b> text", "R&amp;D", "AT&amp;T &lt;3",
        "carriage\rreturn", "crlf\r\nline", "bell\u{07}", "del\u{7F}", "c1 control \u{85}", "nbsp\u{A0}here",
        "private \u{F000}", "replacement \u{FFFD}", "non-character " + TextLayoutMarkupTests.nonCharacter, "emoji 🙂", "<span foreground=\"#1f5fa6\">link</span>",
    ]

    /// What Pango's parser makes of `markup`: its text and number of attributes, or nil when it
    /// refuses it.
    private func parsed(_ markup: String) -> (text: String, attributes: Int)? {
        var attributes: OpaquePointer?
        var text: UnsafeMutablePointer<CChar>?
        guard pango_parse_markup(markup, -1, 0, &attributes, &text, nil, nil) != 0, let text else { return nil }
        defer { g_free(text); pango_attr_list_unref(attributes) }
        var count = 0
        if let list = pango_attr_list_get_attributes(attributes) {
            var node: UnsafeMutablePointer<GSList>? = list
            while let current = node {
                pango_attribute_destroy(current.pointee.data.assumingMemoryBound(to: PangoAttribute.self))
                count += 1
                node = current.pointee.next
            }
            g_slist_free(list)
        }
        return (String(cString: text), count)
    }

    /// Markup called plain is what the parser returns unchanged with no attributes; the
    /// samples include markup of each kind the rule must leave to the parser.
    @Test(arguments: samples)
    func plainMarkupIsWhatTheParserReturns(_ markup: String) throws {
        guard TextLayout.isPlainMarkup(markup) else { return }
        let result = try #require(parsed(markup))
        #expect(result.text == markup)
        #expect(result.attributes == 0)
    }

    /// The rule keeps tags, entities, carriage returns and control characters for the parser.
    @Test func markupTheParserChangesIsNotPlain() {
        for markup in ["a < b", "<b>b</b>", "R&amp;D", "x\ry", "x\r\ny", "\u{07}", "\u{7F}", "\u{85}", TextLayoutMarkupTests.nonCharacter, "🙂"] {
            #expect(!TextLayout.isPlainMarkup(markup), "\(markup.debugDescription)")
        }
        #expect(TextLayout.isPlainMarkup("México 1,234 — “x” \u{A0}\t\n"))
    }

    /// A layout made by ``TextLayout`` from markup (plain or not, wrapped, aligned, justified)
    /// has the lines, extents and drawing of one given the same markup by
    /// `pango_layout_set_markup` and a font description made for it alone.
    @Test(arguments: samples)
    func markupLaysOutAsPangoSetMarkup(_ markup: String) throws {
        guard parsed(markup) != nil else { return }
        let typesetter = try Typesetter(fontDirectory: CairoKitTests.fonts)
        for (width, alignment, justify) in [(nil, TextLayout.Alignment.left, false), (60.0, .right, false), (40.0, .left, true)] {
            let reference = try #require(pango_layout_new(typesetter.context))
            defer { dossier_object_unref(UnsafeMutableRawPointer(reference)) }
            let description = pango_font_description_from_string("Noto Sans")
            pango_font_description_set_absolute_size(description, 8.5 * Double(PANGO_SCALE))
            pango_layout_set_font_description(reference, description)
            pango_font_description_free(description)
            if let width {
                pango_layout_set_width(reference, TextLayout.pangoUnits(width))
                pango_layout_set_wrap(reference, PANGO_WRAP_WORD_CHAR)
            }
            pango_layout_set_alignment(reference, alignment == .right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT)
            pango_layout_set_justify(reference, justify ? 1 : 0)
            pango_layout_set_markup(reference, markup, -1)
            let layout: TextLayout
            do {
                layout = try TextLayout(markup, font: font, typesetter: typesetter, width: width, alignment: alignment,
                                        justify: justify, markup: true)
            } catch {
                // The pinned fonts lack a glyph: the reference lacks it too.
                #expect(pango_layout_get_unknown_glyphs_count(reference) > 0, "\(error)")
                continue
            }
            #expect(String(cString: pango_layout_get_text(reference)) == String(cString: pango_layout_get_text(layout.pointer)))
            var expected = PangoRectangle(), actual = PangoRectangle()
            var expectedInk = PangoRectangle(), actualInk = PangoRectangle()
            pango_layout_get_extents(reference, &expectedInk, &expected)
            pango_layout_get_extents(layout.pointer, &actualInk, &actual)
            #expect(expected.x == actual.x && expected.y == actual.y && expected.width == actual.width && expected.height == actual.height)
            #expect(expectedInk.x == actualInk.x && expectedInk.width == actualInk.width && expectedInk.height == actualInk.height)
            #expect(pango_layout_get_line_count(reference) == pango_layout_get_line_count(layout.pointer))
            #expect(layout.size.width == Double(expected.width) / Double(PANGO_SCALE))
            #expect(layout.size.height == Double(expected.height) / Double(PANGO_SCALE))
        }
    }

    /// Fonts that differ in one field each get their own description: laid out one after the
    /// other on one typesetter, each measures as on a typesetter of its own.
    @Test func eachFontHasItsOwnDescription() throws {
        let fonts = [
            font, Font(family: "Noto Serif", size: 8.5), font.sized(11), Font(family: "Noto Sans", size: 8.5, weight: .bold),
            Font(family: "DejaVu Sans", size: 8.5), Font(family: "Noto Sans", size: 8.5, italic: true),
        ]
        let text = "Wide Waves of 1,234 Ships"
        let shared = try Typesetter(fontDirectory: CairoKitTests.fonts)
        var sizes: [String] = []
        for font in fonts {
            let fresh = try TextLayout(text, font: font, typesetter: try Typesetter(fontDirectory: CairoKitTests.fonts))
            let reused = try TextLayout(text, font: font, typesetter: shared)
            #expect(reused.size.width == fresh.size.width && reused.size.height == fresh.size.height, "\(font)")
            #expect(reused.inkBounds.width == fresh.inkBounds.width, "\(font)")
            sizes.append("\(reused.size.width) \(reused.size.height) \(reused.inkBounds.width) \(reused.inkBounds.height)")
        }
        #expect(Set(sizes).count == fonts.count, "each font measures differently, so a shared description would show")
        #expect(shared.fontDescriptions.count == fonts.count)
    }
}
