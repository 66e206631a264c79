@testable import CairoKit
import DossierBase
import Testing

/// PNG surfaces drawn one after another in one ``RasterMemory`` give the bytes of surfaces of
/// their own: nothing of an earlier picture shows through, and a surface asked for while the
/// memory is lent does not draw over the one holding it.
@Suite struct RasterMemoryTests {
    /// A picture that leaves much of the raster untouched or half covered: translucent shapes
    /// at fractional positions on no background, so any pixel left over from before would show.
    private func draw(on surface: Surface, shift: Double) throws {
        let context = try DrawingContext(surface: surface)
        context.setColor(Color(hex: 0x0072B2, alpha: 0.4))
        context.rectangle(x: 2.5 + shift, y: 3.25, width: 20, height: 12)
        context.fill()
        context.setColor(Color(hex: 0xD55E00, alpha: 0.73))
        context.rectangle(x: 11, y: 7.5 + shift, width: 24.3, height: 14)
        context.fill()
    }

    /// An opaque picture covering the whole raster.
    private func drawFull(on surface: Surface) throws {
        let context = try DrawingContext(surface: surface)
        context.setColor(Color(hex: 0x009E73))
        context.paint()
    }

    private func alone(width: Int, height: Int, shift: Double) throws -> [UInt8] {
        let surface = try Surface.png(pixelWidth: width, pixelHeight: height)
        try draw(on: surface, shift: shift)
        return try surface.finish()
    }

    @Test func reusedMemoryGivesTheBytesOfNewSurfaces() throws {
        let memory = RasterMemory()
        // Larger, same, smaller and wider sizes: the raster is reused (and grown) each time.
        for (index, size) in [(41, 29), (41, 29), (23, 17), (60, 12), (37, 23)].enumerated() {
            // An opaque picture first, then the test picture in the same memory.
            do {
                let full = try Surface.png(pixelWidth: 64, pixelHeight: 32, memory: memory)
                try drawFull(on: full)
                _ = try full.finish()
            }
            #expect(!memory.isLent)
            let surface = try Surface.png(pixelWidth: size.0, pixelHeight: size.1, memory: memory)
            try draw(on: surface, shift: Double(index) * 0.37)
            #expect(try surface.finish() == alone(width: size.0, height: size.1, shift: Double(index) * 0.37))
        }
    }

    @Test func aSurfaceAskedForWhileTheMemoryIsLentDrawsElsewhere() throws {
        let memory = RasterMemory()
        let holding = try Surface.png(pixelWidth: 37, pixelHeight: 23, memory: memory)
        #expect(memory.isLent)
        let second = try Surface.png(pixelWidth: 37, pixelHeight: 23, memory: memory)
        try drawFull(on: second)
        try draw(on: holding, shift: 0)
        #expect(try holding.finish() == alone(width: 37, height: 23, shift: 0))
        _ = try second.finish()
    }

    @Test func theMemoryIsGivenBackWhenTheSurfaceGoes() throws {
        let memory = RasterMemory()
        do {
            let surface = try Surface.png(pixelWidth: 10, pixelHeight: 10, memory: memory)
            #expect(memory.isLent)
            _ = try surface.finish()
        }
        #expect(!memory.isLent)
    }
}
