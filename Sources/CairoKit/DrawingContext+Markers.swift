import CCairo

extension DrawingContext {
    /// Draws one marker per position, in order, as if each were its own filled and stroked
    /// circle, but writing each symbol only once where the format allows:
    ///
    /// - SVG: each symbol is one `<path id>` in `<defs>` and each marker a `<use x y>`;
    /// - PNG: each symbol is rasterised once per 1/16-pixel offset and composited at each
    ///   position (pixel placement within 1/32 pixel of exact).
    ///
    /// Positions are written to 0.01 pt. The transform must be a uniform scale plus a
    /// translation (as every chart uses); otherwise, and past 999 marker runs on one surface,
    /// the markers are drawn as individual paths. See `docs/dense-markers.md`.
    /// - Parameters:
    ///   - symbols: the marker shapes, in user units.
    ///   - positions: centres in user units, x and y interleaved.
    ///   - symbolIndices: which symbol each marker uses; empty means symbol 0 for all.
    public func drawMarkers(_ symbols: [MarkerSymbol], positions: [Double], symbolIndices: [Int32] = []) {
        flushText()
        let count = positions.count / 2
        guard count > 0, !symbols.isEmpty, symbolIndices.isEmpty || symbolIndices.count == count else { return }
        var matrix = cairo_matrix_t()
        cairo_get_matrix(pointer, &matrix)
        let scale = matrix.xx
        let uniform = matrix.xy == 0 && matrix.yx == 0 && matrix.yy == scale && scale > 0
        let serial = surface.markerLayers.count
        guard uniform, surface.kind == .png || serial <= MarkerLayer.maximumSerial else {
            drawMarkerPaths(symbols, positions: positions, symbolIndices: symbolIndices)
            return
        }
        var device = positions
        for index in 0..<count {
            device[2 * index] = positions[2 * index] * scale + matrix.x0
            device[2 * index + 1] = positions[2 * index + 1] * scale + matrix.y0
        }
        let deviceSymbols = symbols.map { $0.scaled(by: scale) }
        save()
        cairo_identity_matrix(pointer)
        defer { restore() }
        if surface.kind == .png {
            var stamps = MarkerStamps(symbols: deviceSymbols)
            stamps.paint(positions: device, symbolIndices: symbolIndices, on: pointer)
            return
        }
        guard let bounds = Self.inkBounds(deviceSymbols, device, symbolIndices) else { return }
        let layer = MarkerLayer(serial: serial, symbols: deviceSymbols, positions: device, symbolIndices: symbolIndices,
                                outlines: deviceSymbols.map(Self.svgOutline))
        surface.markerLayers.append(layer)
        // A plain fill over the markers' extent: Cairo writes it (and the clip it needs)
        // where the markers belong, and the SVG post-processing swaps it for them.
        setColor(MarkerLayer.sentinel(serial))
        cairo_rectangle(pointer, bounds.x, bounds.y, bounds.width, bounds.height)
        cairo_fill(pointer)
    }

    /// Draws every marker as its own path (the fallback).
    private func drawMarkerPaths(_ symbols: [MarkerSymbol], positions: [Double], symbolIndices: [Int32]) {
        for index in 0..<(positions.count / 2) {
            let symbol = symbols[symbolIndices.isEmpty ? 0 : Int(symbolIndices[index])]
            Self.trace(symbol, at: positions[2 * index], positions[2 * index + 1], in: pointer)
        }
    }

    /// Fills and strokes one circle exactly as a chart's point path is drawn.
    static func trace(_ symbol: MarkerSymbol, at x: Double, _ y: Double, in context: OpaquePointer) {
        cairo_new_path(context)
        cairo_move_to(context, x + symbol.radius, y)
        cairo_arc(context, x, y, symbol.radius, 0, 2 * Double.pi)
        cairo_close_path(context)
        if let fill = symbol.fill {
            cairo_set_fill_rule(context, CAIRO_FILL_RULE_WINDING)
            cairo_set_source_rgba(context, fill.red, fill.green, fill.blue, fill.alpha)
            if symbol.stroke != nil { cairo_fill_preserve(context) } else { cairo_fill(context) }
        }
        if let stroke = symbol.stroke {
            cairo_set_source_rgba(context, stroke.red, stroke.green, stroke.blue, stroke.alpha)
            cairo_set_line_width(context, symbol.lineWidth)
            cairo_set_dash(context, nil, 0, 0)
            cairo_set_line_cap(context, CAIRO_LINE_CAP_BUTT)
            cairo_set_line_join(context, CAIRO_LINE_JOIN_MITER)
            cairo_stroke(context)
        }
        cairo_new_path(context)
    }

    /// The circle's outline as Cairo builds it (`cairo_arc` at this radius), as SVG path data.
    static func svgOutline(_ symbol: MarkerSymbol) -> String {
        guard let scratch = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1) else { return "" }
        defer { cairo_surface_destroy(scratch) }
        guard let context = cairo_create(scratch) else { return "" }
        defer { cairo_destroy(context) }
        cairo_move_to(context, symbol.radius, 0)
        cairo_arc(context, 0, 0, symbol.radius, 0, 2 * Double.pi)
        cairo_close_path(context)
        guard let path = cairo_copy_path(context) else { return "" }
        defer { cairo_path_destroy(path) }
        var out: [UInt8] = []
        CairoPathData.append(path, digits: 6, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The device-space box holding every marker's ink, grown to whole points; nil if empty.
    static func inkBounds(_ symbols: [MarkerSymbol], _ positions: [Double], _ indices: [Int32])
        -> (x: Double, y: Double, width: Double, height: Double)? {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        let reach = symbols.map(\.reach)
        for index in 0..<(positions.count / 2) {
            let r = reach[indices.isEmpty ? 0 : Int(indices[index])]
            let x = positions[2 * index], y = positions[2 * index + 1]
            guard x.isFinite, y.isFinite else { continue }
            minX = min(minX, x - r); maxX = max(maxX, x + r)
            minY = min(minY, y - r); maxY = max(maxY, y + r)
        }
        guard minX.isFinite else { return nil }
        let x0 = (minX - 1).rounded(.down), y0 = (minY - 1).rounded(.down)
        return (x0, y0, (maxX + 1).rounded(.up) - x0, (maxY + 1).rounded(.up) - y0)
    }
}
