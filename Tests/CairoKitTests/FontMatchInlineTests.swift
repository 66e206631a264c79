@testable import CairoKit
import DossierBase
import Testing

/// Pango's font-matching threads run on the calling thread (``FontMatchInline``), with the same
/// fonts as in Pango's own threads.
@Suite(.serialized) struct FontMatchInlineTests {
    /// The size and lines of `text` laid out by a new typesetter (a new font map: every font
    /// pattern is new to it) at `size` points.
    private func laidOut(_ text: String, size: Double) throws -> [Double] {
        let typesetter = try Typesetter(fontDirectory: CairoKitTests.fonts)
        let layout = try TextLayout(text, font: Font(family: "Noto Serif", size: size, weight: .bold, italic: true),
                                    typesetter: typesetter, width: 120)
        return [layout.size.width, layout.size.height, Double(layout.lines.count)] + layout.lines.map(\.width)
    }

    @Test func aNewFontPatternIsMatchedOnTheCallingThread() throws {
        #expect(FontMatchInline.isEnabled)
        let before = FontMatchInline.inlinedCount
        _ = try laidOut("São Paulo, Panamá, Querétaro", size: 13.25)
        // At least the match and the sort of the new pattern ran here (Pango's calls reached
        // the executable's g_thread_new).
        #expect(FontMatchInline.inlinedCount - before >= 2)
    }

    @Test func theFontsAreThoseOfPangosThreads() throws {
        let text = "Subnational ties: São Paulo, Panamá and Querétaro signed 14 agreements."
        let inline = try laidOut(text, size: 11.75)
        FontMatchInline.isEnabled = false
        defer { FontMatchInline.isEnabled = true }
        let threaded = try laidOut(text, size: 11.75)
        #expect(threaded == inline)
        #expect(inline.count > 3)
    }
}
