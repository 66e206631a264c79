extension SVGCanvas {
    /// Draws a marker run as ``DrawingContext`` does on an SVG surface: each symbol once in
    /// `<defs>`, one `<use>` per marker (``SVGMarkerWriter``), or every marker as its own
    /// path when the transform would make the circles elliptical.
    public func drawMarkers(_ symbols: [MarkerSymbol], positions: [Double], symbolIndices: [Int32]) {
        let count = positions.count / 2
        guard count > 0, !symbols.isEmpty, symbolIndices.isEmpty || symbolIndices.count == count else { return }
        let transform = state.transform
        guard let scale = transform.similarityScale, transform.b == 0, scale > 0 else {
            drawMarkerPaths(symbols, positions: positions, symbolIndices: symbolIndices)
            return
        }
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

    private func drawMarkerPaths(_ symbols: [MarkerSymbol], positions: [Double], symbolIndices: [Int32]) {
        let saved = state
        for index in 0..<(positions.count / 2) {
            let symbol = symbols[symbolIndices.isEmpty ? 0 : Int(symbolIndices[index])]
            let x = positions[2 * index], y = positions[2 * index + 1]
            drawMarkerCircle(symbol, x: x, y: y)
        }
        let openGroups = state.openGroups
        state = saved
        state.openGroups = openGroups
    }
}
