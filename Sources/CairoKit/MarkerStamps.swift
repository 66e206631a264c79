import CCairo

/// Rasterised markers for image surfaces: each symbol is drawn once per sixteenth-of-a-pixel
/// offset (on demand) and composited at each marker's whole-pixel position, which is what
/// makes a million markers cheap on a raster. Compositing a pre-drawn symbol with OVER gives
/// the same pixels as drawing its fill and then its stroke, up to 8-bit rounding.
struct MarkerStamps {
    /// Sub-pixel positions per pixel and axis.
    static let phases = 16

    private let symbols: [MarkerSymbol]
    private var stamps: [OpaquePointer?]
    /// Half the stamp's side in pixels; the symbol's centre is near the stamp's centre.
    private let halves: [Int]

    /// Prepares stamps for `symbols`, given in device pixels.
    init(symbols: [MarkerSymbol]) {
        self.symbols = symbols
        stamps = Array(repeating: nil, count: symbols.count * Self.phases * Self.phases)
        halves = symbols.map { Int(($0.reach + 2).rounded(.up)) }
    }

    /// Composites one stamp per position (device pixels, x and y interleaved) onto `context`,
    /// whose transform must be the identity; the context's clip applies. Frees the stamps.
    mutating func paint(positions: [Double], symbolIndices: [Int32], on context: OpaquePointer) {
        let phases = Double(Self.phases)
        for index in 0..<(positions.count / 2) {
            let x = positions[2 * index], y = positions[2 * index + 1]
            guard x.isFinite, y.isFinite, abs(x) < 1e7, abs(y) < 1e7 else { continue }
            let symbol = symbolIndices.isEmpty ? 0 : Int(symbolIndices[index])
            let qx = (x * phases).rounded(), qy = (y * phases).rounded()
            let px = qx.rounded(.down) / phases, py = qy.rounded(.down) / phases
            let wholeX = px.rounded(.down), wholeY = py.rounded(.down)
            let phaseX = Int(qx - wholeX * phases), phaseY = Int(qy - wholeY * phases)
            guard let stamp = stamp(symbol, phaseX, phaseY) else { continue }
            let half = Double(halves[symbol])
            cairo_set_source_surface(context, stamp, wholeX - half, wholeY - half)
            cairo_paint(context)
        }
        cairo_set_source_rgba(context, 0, 0, 0, 1)
        for case let stamp? in stamps { cairo_surface_destroy(stamp) }
        stamps = []
    }

    private mutating func stamp(_ symbol: Int, _ phaseX: Int, _ phaseY: Int) -> OpaquePointer? {
        let key = (symbol * Self.phases + phaseY) * Self.phases + phaseX
        if let existing = stamps[key] { return existing }
        let half = halves[symbol]
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(2 * half + 1), Int32(2 * half + 1)) else { return nil }
        if let context = cairo_create(surface) {
            let offset = Double(half)
            DrawingContext.trace(symbols[symbol], at: offset + Double(phaseX) / Double(Self.phases),
                                 offset + Double(phaseY) / Double(Self.phases), in: context)
            cairo_destroy(context)
        }
        cairo_surface_flush(surface)
        stamps[key] = surface
        return surface
    }
}
