extension SVGCanvas {
    /// Draws a marker run as ``DrawingContext`` does on an SVG surface: each symbol once in
    /// `<defs>`, one `<use>` per marker (``SVGMarkerWriter``).
    func drawMarkerLayer(_ symbols: [MarkerSymbol], scale: Double, positions: [Double], symbolIndices: [Int32], count: Int) {
        let transform = state.transform
        var device = positions
        for index in 0..<count {
            let p = transform.apply(positions[2 * index], positions[2 * index + 1])
            device[2 * index] = p.x
            device[2 * index + 1] = p.y
        }
        let deviceSymbols = symbols.map { $0.scaled(by: scale) }
        let layer = MarkerLayer(serial: markerCount, symbols: deviceSymbols, positions: device, symbolIndices: symbolIndices,
                                outlines: deviceSymbols.map(DrawingContext.svgOutline))
        markerCount += 1
        SVGMarkerWriter.append(layer, to: &body)
    }
}
