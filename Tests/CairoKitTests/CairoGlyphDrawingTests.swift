@testable import CairoKit
import DossierBase
import Testing

/// Text drawn from a layout's glyph runs (``CairoGlyphDrawing``, runs held back and merged by
/// ``TextBatch``) gives the bytes Pango's own Cairo renderer gives: PNG and Cairo's SVG, whole
/// layouts and line ranges, under translations, scales and rotations, clips, translucent
/// colours, fills and links between texts, text across and beyond the page's edges. The same
/// drawing on a ``PDFCanvas`` (from the same glyph runs) makes a PDF whose text reads back.
@Suite struct CairoGlyphDrawingTests {
    /// Layouts covering what Dossier's pages and charts draw: wrapped, aligned and justified
    /// paragraphs, ligatures and kerning, combining marks, zero-width spaces (empty glyphs),
    /// markup with colours, weights, sizes and raised text.
    static func layouts(_ typesetter: Typesetter) throws -> [TextLayout] {
        let serif = Font(family: "Noto Serif", size: 9.7)
        let sans = Font(family: "Noto Sans", size: 8)
        let paragraph = String(repeating: "Official fiscal affairs: AVATAR Table 6 (continued) — São Paulo, Querétaro. ", count: 4)
        return [
            try TextLayout(paragraph, font: serif, typesetter: typesetter, width: 233.3),
            try TextLayout(paragraph, font: sans, typesetter: typesetter, width: 181.7, alignment: .center),
            try TextLayout(paragraph, font: sans, typesetter: typesetter, width: 150.1, alignment: .right),
            try TextLayout(paragraph, font: serif, typesetter: typesetter, width: 201.9, justify: true),
            try TextLayout("Cafe\u{301} na\u{308}ive wide\u{200B}open \u{200B}\u{200B} x", font: sans, typesetter: typesetter),
            try TextLayout("<span insert_hyphens=\"false\">A <b>bold</b> and <i>italic</i> <span foreground=\"#1f5fa6\">linked\nwords</span>"
                           + " with a note<sup><small>12</small></sup> and <span rise=\"2500\">raised</span> text</span>",
                           font: serif, typesetter: typesetter, width: 120, markup: true),
            try TextLayout("12,345.6 ± 7.8 %", font: Font(family: "DejaVu Sans", size: 7.3, weight: .bold), typesetter: typesetter),
            // Runs of spaces only (no ink: Cairo records nothing for them).
            try TextLayout("<b>a</b> <i>b</i>  <b> </b>c", font: sans, typesetter: typesetter, markup: true),
        ]
    }

    /// Draws every layout, whole and by line ranges, under several transforms.
    static func draw(_ layouts: [TextLayout], on context: any Canvas) {
        for (index, layout) in layouts.enumerated() {
            let x = 10.37 + Double(index) * 3.3, y = 12.113 + Double(index) * 41.7
            context.setColor(Color(red: 0.1, green: 0.2, blue: 0.3))
            layout.draw(in: context, x: x, y: y)
            let count = layout.lines.count
            layout.drawLines(min(1, count)..<min(3, count), in: context, x: x + 200.01, y: y + 0.333)
            context.save()
            context.translate(300.5, 7.25)
            context.scale(1.7, 1.7)
            layout.draw(in: context, x: x / 3, y: y / 3)
            context.rotate(0.5236)
            layout.drawLines(0..<1, in: context, x: x / 2, y: y / 4)
            context.restore()
        }
        // Held-back runs meet: a translucent colour, a clip, text across and beyond the page's
        // edges, a fill between texts, a link.
        let first = layouts[0], last = layouts[layouts.count - 1]
        context.setColor(Color(red: 0.2, green: 0.4, blue: 0.6, alpha: 0.5))
        last.draw(in: context, x: 30, y: 700)
        first.draw(in: context, x: 30, y: 720)
        context.setColor(Color(red: 0, green: 0, blue: 0))
        context.save()
        context.rectangle(x: 40, y: 760, width: 60, height: 12)
        context.clip()
        last.draw(in: context, x: 30, y: 760)
        last.draw(in: context, x: 300, y: 760)
        context.restore()
        last.draw(in: context, x: -8, y: 780)
        last.draw(in: context, x: 560, y: 790)
        last.draw(in: context, x: 900, y: 800)
        last.draw(in: context, x: 30, y: 835)
        last.draw(in: context, x: 30, y: 800)
        context.rectangle(x: 30, y: 810, width: 50, height: 2)
        context.fill()
        last.draw(in: context, x: 90, y: 800)
        context.addLink(uri: "https://example.org", x: 90, y: 800, width: 20, height: 8)
        last.draw(in: context, x: 130, y: 800)
    }

    /// The bytes of a surface of `kind` with the layouts drawn by Pango (`pango`) or from
    /// their glyph runs.
    static func render(_ kind: Surface.Kind, pango: Bool) throws -> [UInt8] {
        let typesetter = try Typesetter(fontDirectory: CairoKitTests.fonts)
        let surface: Surface
        switch kind {
        case .pdf, .svg: surface = try Surface.svg(width: 595, height: 842)
        case .png: surface = try Surface.png(pixelWidth: 595, pixelHeight: 842)
        }
        let context = try DrawingContext(surface: surface)
        context.drawsTextWithPango = pango
        let layouts = try layouts(typesetter)
        draw(layouts, on: context)
        try context.checkStatus()
        return try surface.finish()
    }

    @Test(arguments: [Surface.Kind.svg, .png])
    func glyphRunsGivePangosBytes(kind: Surface.Kind) throws {
        let pango = try Self.render(kind, pango: true)
        let direct = try Self.render(kind, pango: false)
        #expect(pango.count > 1000)
        let same = direct == pango
        #expect(same, "\(kind): \(direct.count) bytes from glyph runs, \(pango.count) from Pango")
    }

    /// The layouts drawn on two ``PDFCanvas`` pages (the second in reverse order) make a file
    /// that qpdf checks and whose text pdftotext reads back: glyph ids, clusters (ligatures,
    /// combining marks) and the fonts' ToUnicode maps.
    @Test func pdfCanvasTextReadsBack() throws {
        let typesetter = try Typesetter(fontDirectory: CairoKitTests.fonts)
        let layouts = try Self.layouts(typesetter)
        var pages: [PDFPage] = []
        var faces: [String: PDFFontFace] = [:]
        for order in [layouts, layouts.reversed()] {
            let canvas = PDFCanvas(width: 595, height: 842, typesetter: typesetter)
            Self.draw(order, on: canvas)
            pages.append(canvas.finish())
            faces.merge(canvas.faces) { first, _ in first }
        }
        let pdf = try #require(PDFDocumentWriter().write(pages, faces: faces))
        #expect(try PDFWriterTests.run("qpdf", ["--check"], input: pdf).contains("No syntax or stream encoding errors"))
        let text = try PDFWriterTests.run("pdftotext", [], input: pdf)
        let pageTexts = text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        #expect(pageTexts.count >= 2)
        for page in pageTexts.prefix(2) {
            for word in ["Official", "AVATAR", "Querétaro", "12,345.6", "italic", "linked", "raised", "wide"] {
                #expect(page.contains(word), "\(word) not read back: \(page.prefix(400))")
            }
        }
    }

    @Test func everyTestLayoutIsDrawnFromItsGlyphRuns() throws {
        let typesetter = try Typesetter(fontDirectory: CairoKitTests.fonts)
        #expect(try Self.layouts(typesetter).allSatisfy(\.drawsGlyphsDirectly))
    }

    @Test(arguments: ["<s>struck</s> text", "<u>underlined</u>", "<span background=\"#eeeeee\">shaded</span>",
                      "<span fgalpha=\"50%\">faint</span>", "<span underline=\"error\">typo</span>", "<span overline=\"single\">over</span>"])
    func decoratedTextIsLeftToPango(markup: String) throws {
        let typesetter = try Typesetter(fontDirectory: CairoKitTests.fonts)
        let layout = try TextLayout("Plain, then " + markup, font: Font(family: "Noto Sans", size: 9), typesetter: typesetter, markup: true)
        #expect(!layout.drawsGlyphsDirectly)
    }
}
