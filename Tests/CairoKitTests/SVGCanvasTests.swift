import CCairo
@testable import CairoKit
import DossierBase
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// ``SVGCanvas`` draws what Cairo draws: the same drawing on a Cairo raster and on the canvas,
/// rasterised by an independent renderer (librsvg's `rsvg-convert`), gives the same pixels up
/// to anti-aliasing; and its markup is valid, compact and independent of drawing history.
@Suite struct SVGCanvasTests {
    static let serif = Font(family: "Noto Serif", size: 10)
    static let sans = Font(family: "Noto Sans", size: 9)

    /// A drawing that uses every canvas operation: fills with alpha and the even-odd rule,
    /// dashed and round-capped strokes, arcs, a clip inside save/restore, a non-uniform scale,
    /// rotated text, Pango markup (weight, slant, colour, strikethrough, superscript), a range
    /// of a paragraph's lines, and a dense marker run.
    static func draw(on canvas: any Canvas, typesetter: Typesetter) throws {
        canvas.setColor(.white)
        canvas.rectangle(x: 0, y: 0, width: 300, height: 220)
        canvas.fill()

        canvas.setColor(Color(hex: 0x0072B2, alpha: 0.5))
        canvas.rectangle(x: 10, y: 10, width: 60, height: 40)
        canvas.fill(preserve: true)
        canvas.setColor(.black)
        canvas.setLineWidth(1.5)
        canvas.stroke()

        canvas.setEvenOddFill(true)
        canvas.setColor(Color(hex: 0xD55E00))
        canvas.rectangle(x: 80, y: 10, width: 50, height: 50)
        canvas.rectangle(x: 95, y: 25, width: 20, height: 20)
        canvas.fill()
        canvas.setEvenOddFill(false)

        canvas.setColor(Color(hex: 0x009E73))
        canvas.setLineWidth(3)
        canvas.setLineCap(.round)
        canvas.setLineJoin(.round)
        canvas.setDash([6, 4], offset: 1)
        canvas.move(to: 140, 15)
        canvas.line(to: 190, 55)
        canvas.curve(to: 240, 15, control1: 200, 10, control2: 230, 60)
        canvas.stroke()
        canvas.setDash([])
        canvas.setLineCap(.butt)
        canvas.setLineJoin(.miter)

        canvas.save()
        canvas.rectangle(x: 250, y: 10, width: 25, height: 50)
        canvas.clip()
        canvas.setColor(Color(hex: 0xCC79A7))
        canvas.move(to: 265 + 20, 35)
        canvas.arc(centerX: 265, centerY: 35, radius: 20, from: 0, to: 2 * .pi)
        canvas.closePath()
        canvas.fill()
        canvas.restore()

        canvas.save()
        canvas.translate(40, 110)
        canvas.scale(2, 1)
        canvas.setColor(.black)
        canvas.setLineWidth(1)
        canvas.move(to: 12, 0)
        canvas.arc(centerX: 0, centerY: 0, radius: 12, from: 0, to: 2 * .pi)
        canvas.stroke()
        canvas.restore()

        canvas.save()
        canvas.translate(14, 200)
        canvas.rotate(-.pi / 2)
        canvas.setColor(Color(hex: 0x333333))
        try typesetter.layout("Rotated axis title", font: sans).draw(in: canvas, x: 0, y: 0)
        canvas.restore()

        let markup = "<b>Bold</b> and <i>italic</i>, a <span foreground=\"#0072B2\">link</span>, "
            + "<s>struck out</s>, x<sup><small>2</small></sup> and São Paulo, Panamá, Querétaro."
        let paragraph = try TextLayout(markup, font: serif, typesetter: typesetter, width: 180, justify: true, markup: true)
        canvas.setColor(.black)
        paragraph.draw(in: canvas, x: 90, y: 80)
        let lines = try TextLayout(String(repeating: "Lines of a split paragraph. ", count: 6), font: serif,
                                   typesetter: typesetter, width: 150)
        lines.drawLines(1..<3, in: canvas, x: 120, y: 160)

        var positions: [Double] = []
        for index in 0..<600 {
            positions += [60 + Double(index % 30) * 1.5, 150 + Double(index / 30) * 1.5]
        }
        let symbol = MarkerSymbol(radius: 1.2, fill: Color(hex: 0x56B4E9, alpha: 0.7), stroke: nil, lineWidth: 0)
        canvas.drawMarkers([symbol], positions: positions)
    }

    static func typesetter() throws -> Typesetter {
        try Typesetter(fontDirectory: CairoKitTests.fonts)
    }

    /// Rasterises SVG bytes at 2 pixels per point with librsvg.
    static func rasterise(_ svg: [UInt8]) throws -> [UInt8] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("svgcanvas-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in.svg"), output = directory.appendingPathComponent("out.png")
        try Data(svg).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["rsvg-convert", "-d", "144", "-p", "144", "-b", "white", "-o", output.path, input.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "rsvg-convert failed (Debian package librsvg2-bin)")
        return try [UInt8](Data(contentsOf: output))
    }

    @Test func drawsWhatCairoDraws() throws {
        let typesetter = try Self.typesetter()
        let canvas = SVGCanvas(width: 300, height: 220, typesetter: typesetter)
        try Self.draw(on: canvas, typesetter: typesetter)
        let svg = canvas.finish(title: "Test", description: "Every operation")

        let surface = try Surface.png(pixelWidth: 600, pixelHeight: 440)
        let context = try DrawingContext(surface: surface)
        context.scale(2, 2)
        try Self.draw(on: context, typesetter: typesetter)
        let cairo = PNGDecoding.pixels(of: surface.pointer)

        let image = try PNGDecoding.decode(try Self.rasterise(svg))
        defer { cairo_surface_destroy(image) }
        #expect(cairo_image_surface_get_width(image) == 600 && cairo_image_surface_get_height(image) == 440)
        let rsvg = PNGDecoding.pixels(of: image)
        try #require(rsvg.count == cairo.count)
        // The two rasterisers place glyph edges up to half a pixel apart (Cairo's glyph cache
        // snaps positions), so compare 2 × 2 pt blocks: a missing glyph, bar or colour, or
        // anything moved by a point, changes a block by far more than the bound.
        let differences = Self.blockDifferences(cairo, rsvg, width: 600, height: 440, block: 4)
        #expect(differences.max() ?? 0 <= 48, "largest 4×4-pixel block difference \(differences.max() ?? 0)")
        let mean = differences.reduce(0, +) / Double(differences.count)
        #expect(mean < 1.5, "mean block difference \(mean)")
    }

    /// Per block of `block` × `block` pixels, the largest difference of the mean red, green
    /// or blue between two opaque ARGB images.
    static func blockDifferences(_ a: [UInt32], _ b: [UInt32], width: Int, height: Int, block: Int) -> [Double] {
        var result: [Double] = []
        for top in stride(from: 0, to: height - block + 1, by: block) {
            for left in stride(from: 0, to: width - block + 1, by: block) {
                var largest = 0.0
                for shift: UInt32 in [0, 8, 16] {
                    var sum = 0
                    for y in top..<(top + block) {
                        for x in left..<(left + block) {
                            sum += Int((a[y * width + x] >> shift) & 0xFF) - Int((b[y * width + x] >> shift) & 0xFF)
                        }
                    }
                    largest = max(largest, abs(Double(sum)) / Double(block * block))
                }
                result.append(largest)
            }
        }
        return result
    }

    @Test func markupIsValidXMLWithEachGlyphDefinedOnce() throws {
        let typesetter = try Self.typesetter()
        let canvas = SVGCanvas(width: 300, height: 220, typesetter: typesetter)
        try Self.draw(on: canvas, typesetter: typesetter)
        let text = String(decoding: canvas.finish(title: "A & B <test>", description: "Δ"), as: UTF8.self)
        #expect(XMLParser(data: Data(text.utf8)).parse())
        #expect(text.contains("<title>A &amp; B &lt;test&gt;</title>\n<desc>Δ</desc>"))
        #expect(text.contains("width=\"300pt\" height=\"220pt\" viewBox=\"0 0 300 220\""))
        let definitions = text.components(separatedBy: "<path id=\"g").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(Set(definitions).count == definitions.count)
        #expect(definitions.count > 20)
        #expect(text.components(separatedBy: "<use xlink:href=\"#g").count - 1 > definitions.count)
        #expect(text.contains("fill=\"#0072b2\""))
        #expect(text.contains("stroke-dasharray=\"6,4\" stroke-dashoffset=\"1\""))
        #expect(text.contains("fill-rule=\"evenodd\""))
        #expect(text.contains("clip-path=\"url(#c1)\""))
        #expect(text.components(separatedBy: "<use xlink:href=\"#m0-0\"").count - 1 == 600)
    }

    @Test func outputDependsOnlyOnTheDrawing() throws {
        let typesetter = try Self.typesetter()
        let first = SVGCanvas(width: 300, height: 220, typesetter: typesetter)
        try Self.draw(on: first, typesetter: typesetter)
        let firstBytes = first.finish()
        // The typesetter has now seen other text and fonts first; ids are per document.
        let other = SVGCanvas(width: 100, height: 100, typesetter: typesetter)
        try TextLayout("Zebra quartz 0123", font: Font(family: "DejaVu Sans", size: 13, weight: .bold), typesetter: typesetter)
            .draw(in: other, x: 0, y: 0)
        _ = other.finish()
        let second = SVGCanvas(width: 300, height: 220, typesetter: typesetter)
        try Self.draw(on: second, typesetter: typesetter)
        #expect(second.finish() == firstBytes)
        let fresh = try Self.typesetter()
        let third = SVGCanvas(width: 300, height: 220, typesetter: fresh)
        try Self.draw(on: third, typesetter: fresh)
        #expect(third.finish() == firstBytes)
    }

    @Test func unbalancedSavesAndClipsAreClosed() throws {
        let typesetter = try Self.typesetter()
        let canvas = SVGCanvas(width: 50, height: 50, typesetter: typesetter)
        canvas.rectangle(x: 0, y: 0, width: 20, height: 20)
        canvas.clip()
        canvas.save()
        canvas.rectangle(x: 5, y: 5, width: 20, height: 20)
        canvas.clip()
        canvas.paint()
        let text = String(decoding: canvas.finish(), as: UTF8.self)
        #expect(XMLParser(data: Data(text.utf8)).parse())
        #expect(text.components(separatedBy: "<g clip-path").count == text.components(separatedBy: "</g>").count)
    }
}
