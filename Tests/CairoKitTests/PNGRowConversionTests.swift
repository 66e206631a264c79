@testable import CairoKit
import Testing

/// The PNG encoder's row conversion (one 32-bit load and store a pixel) against the plain
/// per-channel conversion it replaced, on random premultiplied pixels: same bytes, and nothing
/// written outside the row.
@Suite struct PNGRowConversionTests {
    /// Premultiplied ARGB32 pixels: a third opaque, a sixth transparent, the rest partial.
    private func pixels(_ count: Int, opaque: Bool, seed: UInt64) -> [UInt32] {
        // Knuth's MMIX linear congruential generator: deterministic, so a failure replays.
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let bits = state ^ (state >> 29)
            let kind = bits % 6
            let a: UInt64 = opaque || kind < 2 ? 255 : kind == 2 ? 0 : 1 + (bits >> 8) % 254
            let channel = { (shift: UInt64) -> UInt32 in a == 0 ? 0 : UInt32(((bits >> shift) & 0xFF) % (a + 1)) }
            return UInt32(a) << 24 | channel(16) << 16 | channel(24) << 8 | channel(32)
        }
    }

    /// The conversion as it was written before: channel by channel.
    private func reference(_ row: [UInt32], opaque: Bool) -> [UInt8] {
        var out: [UInt8] = [0]
        for argb in row {
            let a = UInt8(truncatingIfNeeded: argb >> 24)
            var r = UInt8(truncatingIfNeeded: argb >> 16)
            var g = UInt8(truncatingIfNeeded: argb >> 8)
            var b = UInt8(truncatingIfNeeded: argb)
            if opaque {
                out += [r, g, b]
            } else {
                if a != 0 && a != 255 {
                    func unpremultiply(_ c: UInt8) -> UInt8 { UInt8(min(255, (UInt32(c) * 255 + UInt32(a) / 2) / UInt32(a))) }
                    r = unpremultiply(r); g = unpremultiply(g); b = unpremultiply(b)
                }
                out += [r, g, b, a]
            }
        }
        return out
    }

    @Test(arguments: [0, 1, 2, 3, 7, 64, 977])
    func sameBytesAsChannelByChannel(width: Int) {
        for opaque in [true, false] {
            let row = pixels(width, opaque: opaque, seed: UInt64(width) * 2 + (opaque ? 1 : 0))
            let rowBytes = 1 + width * (opaque ? 3 : 4)
            // Room for the row at offset 5, with guard bytes on both sides.
            var out = [UInt8](repeating: 0xAB, count: rowBytes + 10)
            row.withUnsafeBytes { raw in
                guard let source = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer(bitPattern: 16) else { return }
                out.withUnsafeMutableBufferPointer { buffer in
                    PNGEncoder.convertRow(source, width: width, opaque: opaque, into: buffer, at: 5)
                }
            }
            let expected = reference(row, opaque: opaque)
            let firstDifference = zip(out[5..<(5 + rowBytes)], expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            #expect(firstDifference == nil, "width \(width), opaque \(opaque): first different byte at \(firstDifference ?? -1)")
            #expect(out[0..<5].allSatisfy { $0 == 0xAB } && out[(5 + rowBytes)...].allSatisfy { $0 == 0xAB })
        }
    }

    /// Rows of opaque pixels (converted four at a time) with one translucent or transparent
    /// pixel at every position in turn, and none: each pixel of every group of four decides
    /// whether the group takes the four-pixel path.
    @Test(arguments: [4, 5, 13, 37])
    func opaqueRunsBrokenAnywhere(width: Int) {
        let opaqueRow = pixels(width, opaque: true, seed: UInt64(width))
        for position in [nil] + Array(0..<width) as [Int?] {
            for odd: UInt32 in [0x8040_2010, 0] {
                var row = opaqueRow
                if let position { row[position] = odd }
                var out = [UInt8](repeating: 0xAB, count: 1 + 4 * width)
                row.withUnsafeBytes { raw in
                    guard let source = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
                    out.withUnsafeMutableBufferPointer { buffer in
                        PNGEncoder.convertRow(source, width: width, opaque: false, into: buffer, at: 0)
                    }
                }
                #expect(out == reference(row, opaque: false), "width \(width), odd pixel \(odd) at \(position ?? -1)")
            }
        }
    }
}

/// Whether a raster is opaque, wherever its one translucent pixel is (the last row and column
/// are read first, then the rest).
@Suite struct PNGOpacityTests {
    @Test(arguments: [nil, (0, 0), (6, 0), (0, 4), (6, 4), (3, 2), (5, 3)] as [(Int, Int)?])
    func oneTranslucentPixelAnywhereMakesItTranslucent(at position: (Int, Int)?) {
        let width = 7, height = 5, stride = 32
        var raster = [UInt8](repeating: 0xFF, count: stride * height)
        if let (x, y) = position { raster[y * stride + 4 * x + 3] = 0x80 }
        raster.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            #expect(PNGEncoder.isOpaque(pixels: base, width: width, height: height, stride: stride) == (position == nil))
        }
    }
}
