import CCairo
@testable import CairoKit
import DossierBase
import Foundation
import Testing

/// The PNG encoder against libpng: Cairo's own reader (`cairo_image_surface_create_from_png_stream`,
/// libpng underneath) must give back exactly the pixels that were encoded, opaque or not.
@Suite struct PNGEncoderTests {
    /// Draws overlapping translucent rectangles (and, when `opaque`, a white background first).
    private func drawnSurface(opaque: Bool) throws -> Surface {
        let surface = try Surface.png(pixelWidth: 37, pixelHeight: 23)
        let context = try DrawingContext(surface: surface)
        if opaque {
            context.setColor(.white)
            context.paint()
        }
        context.setColor(Color(hex: 0x0072B2, alpha: 0.4))
        context.rectangle(x: 2.5, y: 3.25, width: 20, height: 12)
        context.fill()
        context.setColor(Color(hex: 0xD55E00, alpha: 0.73))
        context.rectangle(x: 11, y: 7.5, width: 24.3, height: 14)
        context.fill()
        return surface
    }

    @Test(arguments: [true, false])
    func decodesToTheSamePixels(opaque: Bool) throws {
        let surface = try drawnSurface(opaque: opaque)
        let original = PNGDecoding.pixels(of: surface.pointer)
        let png = try surface.finish()
        // Colour type: 2 (RGB) for an opaque image, 6 (RGBA) otherwise.
        #expect(png[25] == (opaque ? 2 : 6))
        let decoded = try PNGDecoding.decode(png)
        defer { cairo_surface_destroy(decoded) }
        #expect(Int(cairo_image_surface_get_width(decoded)) == 37)
        #expect(Int(cairo_image_surface_get_height(decoded)) == 23)
        let roundTrip = PNGDecoding.pixels(of: decoded)
        if opaque {
            #expect(roundTrip == original)
        } else {
            // Premultiplied → straight → premultiplied loses nothing Cairo's own PNG writer
            // keeps: compare with Cairo's writer decoded the same way.
            var cairoBytes: [UInt8] = []
            let sink = ByteSink()
            let status = cairo_surface_write_to_png_stream(surface.pointer, ByteSink.write, sink.opaque)
            #expect(status == CAIRO_STATUS_SUCCESS)
            cairoBytes = sink.bytes
            let viaCairo = try PNGDecoding.decode(cairoBytes)
            defer { cairo_surface_destroy(viaCairo) }
            #expect(roundTrip == PNGDecoding.pixels(of: viaCairo))
            #expect(original.contains { $0 >> 24 != 0 && $0 >> 24 != 255 })
        }
    }

    @Test func sameImageSameBytes() throws {
        let first = try drawnSurface(opaque: true).finish()
        let second = try drawnSurface(opaque: true).finish()
        #expect(first == second)
        // Signature, IHDR first, IEND last; nothing time-dependent in between.
        #expect(Array(first.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(String(decoding: first[12..<16], as: UTF8.self) == "IHDR")
        #expect(String(decoding: first.suffix(8).prefix(4), as: UTF8.self) == "IEND")
        #expect(!String(decoding: first, as: UTF8.self).contains("tIME"))
    }
}
