import CCairo
@testable import CairoKit
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

    /// Pixels (premultiplied ARGB32, row by row without stride padding) of an image surface.
    private func pixels(of image: OpaquePointer) -> [UInt32] {
        cairo_surface_flush(image)
        let width = Int(cairo_image_surface_get_width(image)), height = Int(cairo_image_surface_get_height(image))
        let stride = Int(cairo_image_surface_get_stride(image))
        guard let data = cairo_image_surface_get_data(image) else { return [] }
        var result: [UInt32] = []
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width { result.append(row[x]) }
        }
        return result
    }

    /// Decodes PNG bytes with Cairo (libpng).
    private func decode(_ png: [UInt8]) throws -> OpaquePointer {
        final class Reader { var bytes: [UInt8]; var offset = 0; init(_ bytes: [UInt8]) { self.bytes = bytes } }
        let reader = Reader(png)
        let read: cairo_read_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
            let reader = Unmanaged<Reader>.fromOpaque(closure).takeUnretainedValue()
            let count = Int(length)
            guard reader.offset + count <= reader.bytes.count else { return CAIRO_STATUS_READ_ERROR }
            reader.bytes.withUnsafeBufferPointer { source in
                data.update(from: source.baseAddress! + reader.offset, count: count)
            }
            reader.offset += count
            return CAIRO_STATUS_SUCCESS
        }
        let image = withExtendedLifetime(reader) {
            cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(reader).toOpaque())
        }
        let decoded = try #require(image)
        #expect(cairo_surface_status(decoded) == CAIRO_STATUS_SUCCESS)
        return decoded
    }

    @Test(arguments: [true, false])
    func decodesToTheSamePixels(opaque: Bool) throws {
        let surface = try drawnSurface(opaque: opaque)
        let original = pixels(of: surface.pointer)
        let png = try surface.finish()
        // Colour type: 2 (RGB) for an opaque image, 6 (RGBA) otherwise.
        #expect(png[25] == (opaque ? 2 : 6))
        let decoded = try decode(png)
        defer { cairo_surface_destroy(decoded) }
        #expect(Int(cairo_image_surface_get_width(decoded)) == 37)
        #expect(Int(cairo_image_surface_get_height(decoded)) == 23)
        let roundTrip = pixels(of: decoded)
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
            let viaCairo = try decode(cairoBytes)
            defer { cairo_surface_destroy(viaCairo) }
            #expect(roundTrip == pixels(of: viaCairo))
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
