import CCairo
@testable import CairoKit
import Testing

/// Reading PNG bytes back into pixels with Cairo's reader (libpng underneath), for tests
/// that compare pictures.
enum PNGDecoding {
    /// Pixels (premultiplied ARGB32, row by row without stride padding) of an image surface.
    static func pixels(of image: OpaquePointer) -> [UInt32] {
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
    static func decode(_ png: [UInt8]) throws -> OpaquePointer {
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
}
