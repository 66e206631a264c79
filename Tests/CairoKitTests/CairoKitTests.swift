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

    @Test func pdfWithLinkAndTextPassesQpdf() throws {
        let typesetter = try Typesetter(fontDirectory: Self.fonts)
        let surface = try Surface.pdf(width: 300, height: 200)
        surface.setMetadata(.init(title: "Test", date: "2020-01-01T00:00:00Z"))
        let context = try DrawingContext(surface: surface)
        let layout = try TextLayout("A link", font: Font(family: "Noto Sans", size: 12), typesetter: typesetter)
        layout.draw(in: context, x: 10, y: 10)
        context.addLink(uri: "https://example.org", x: 10, y: 10, width: layout.size.width, height: layout.size.height)
        surface.addOutline(title: "Heading", page: 1, y: 10)
        let bytes = try surface.finish()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cairokit-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: path) }
        try Data(bytes).write(to: path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["qpdf", "--check", path.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("No syntax or stream encoding errors"))
    }

    @Test func crossReferenceRepairFreesEntriesPointingAtTheWrongObject() {
        let body = "%PDF-1.5\n1 0 obj\n<<>>\nendobj\n"
        let xref = "xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000009 00000 n \ntrailer\n<< /Size 3 >>\nstartxref\n\(body.utf8.count)\n%%EOF\n"
        let repaired = String(decoding: PDFCrossReferenceRepair.repair(Array((body + "\n" + xref).utf8)), as: UTF8.self)
        #expect(repaired.contains("0000000002 65535 f \n0000000009 00000 n \n0000000000 00001 f \n"))
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
