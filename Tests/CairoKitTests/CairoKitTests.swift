@testable import CairoKit
import DossierBase
import Foundation
import Testing

/// The C door: fonts are pinned, text is measured, missing glyphs are errors, outputs are sane.
@Suite struct CairoKitTests {
    static let fonts = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fonts").path

    @Test func typesetterSeesOnlyThePinnedFonts() throws {
        let typesetter = try Typesetter(fontDirectory: Self.fonts)
        // Pango adds its generic aliases (Sans, Serif, Monospace, System-ui) to any font map.
        #expect(typesetter.families.filter { !["Monospace", "Sans", "Serif", "System-ui"].contains($0) } == ["DejaVu Sans", "Noto Sans", "Noto Serif"])
        #expect(typesetter.fontFiles.allSatisfy { $0.hasPrefix(Self.fonts) })
    }

    @Test func accentsMeasureAndMissingGlyphsThrow() throws {
        let typesetter = try Typesetter(fontDirectory: Self.fonts)
        let layout = try TextLayout("São Paulo, Panamá, Querétaro", font: Font(family: "Noto Sans", size: 10), typesetter: typesetter)
        #expect(layout.size.width > 100 && layout.size.width < 200)
        #expect(layout.size.height > 10 && layout.size.height < 16)
        #expect(throws: CairoError.self) {
            _ = try TextLayout("北京", font: Font(family: "Noto Sans", size: 10), typesetter: typesetter)
        }
        #expect(throws: CairoError.self) {
            _ = try TextLayout("<b>unclosed", font: Font(family: "Noto Sans", size: 10), typesetter: typesetter, markup: true)
        }
    }

    @Test func wrappingGivesLinesThatFitTheWidth() throws {
        let typesetter = try Typesetter(fontDirectory: Self.fonts)
        let text = String(repeating: "Local engagement with Chinese provinces. ", count: 8)
        let layout = try TextLayout(text, font: Font(family: "Noto Serif", size: 10), typesetter: typesetter, width: 200)
        #expect(layout.lines.count > 3)
        #expect(layout.lines.allSatisfy { $0.width <= 200.5 })
    }

    @Test func pdfWithLinksTextAndOutlinePassesQpdf() throws {
        let typesetter = try Typesetter(fontDirectory: Self.fonts)
        let canvas = PDFCanvas(width: 300, height: 200, typesetter: typesetter)
        let layout = try TextLayout("A link", font: Font(family: "Noto Sans", size: 12), typesetter: typesetter)
        layout.draw(in: canvas, x: 10, y: 10)
        // A URI with the characters a PDF string escapes, and a link to the page itself.
        canvas.addLink(uri: #"https://example.org/it's\(a)"#, x: 10, y: 10, width: layout.size.width, height: layout.size.height)
        canvas.addInternalLink(page: 1, targetY: 150, x: 10, y: 40, width: 30, height: 10)
        var writer = PDFDocumentWriter()
        writer.metadata = Surface.Metadata(title: "Test (1)", date: "2020-01-01T00:00:00Z")
        writer.outline = [.init(title: "Heading", level: 1, page: 1, y: 10)]
        let bytes = try #require(writer.write([canvas.finish()], faces: canvas.faces))
        let output = try PDFWriterTests.run("qpdf", ["--check"], input: bytes)
        #expect(output.contains("No syntax or stream encoding errors"), "\(output)")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#"/URI (https://example.org/it's\\\(a\)) >>"#))
        #expect(text.contains("/Dest [") && text.contains("/Title (Test \\(1\\))"))
    }

    @Test func svgSurfaceIdsDoNotDependOnEarlierSurfaces() throws {
        func render() throws -> [UInt8] {
            let surface = try Surface.svg(width: 50, height: 50)
            let context = try DrawingContext(surface: surface)
            context.rectangle(x: 5, y: 5, width: 10, height: 10)
            context.fill()
            return try surface.finish(svgTitle: "A & B", svgDescription: "d")
        }
        let first = try render()
        _ = try Surface.svg(width: 10, height: 10).finish()
        let second = try render()
        #expect(first == second)
        #expect(String(decoding: first, as: UTF8.self).contains("<title>A &amp; B</title>"))
    }

    @Test func pngHasTheRequestedSize() throws {
        let surface = try Surface.png(pixelWidth: 123, pixelHeight: 45)
        let bytes = try surface.finish()
        #expect(bytes.count > 24)
        let width = Int(bytes[16]) << 24 | Int(bytes[17]) << 16 | Int(bytes[18]) << 8 | Int(bytes[19])
        let height = Int(bytes[20]) << 24 | Int(bytes[21]) << 16 | Int(bytes[22]) << 8 | Int(bytes[23])
        #expect(width == 123 && height == 45)
    }

    @Test func contrastLuminance() {
        #expect(Color.white.relativeLuminance == 1)
        #expect(Color.black.relativeLuminance == 0)
        #expect(abs(Color(hex: 0x808080).relativeLuminance - 0.2158605) < 1e-6)
    }
}
