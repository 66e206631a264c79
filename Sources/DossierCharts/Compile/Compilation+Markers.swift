import CairoKit

extension Compilation {
    /// A point layer with at least this many points in a panel, and no text labels, compiles to
    /// one ``SceneMarkers`` run instead of one path per point, so that renderers write each
    /// marker shape once (see `docs/dense-markers.md`).
    static let denseMarkerThreshold = 500
    /// More distinct marker shapes than this (e.g. a continuous size encoding) keep one path per point.
    static let maximumMarkerSymbols = 256

    /// The layer's points as one marker run, or nil when the layer should draw one path per
    /// point (few points, labelled points, too many distinct shapes). The picture is the same:
    /// each marker is the circle, fill and outline that the point's path would have had.
    func denseMarkers(_ l: ResolvedLayer, rows: [Int], id: String, panel: Panel, location: (Int) -> ScenePoint?,
                      obstacles: inout [(ScenePoint, Double)]) -> SceneMarkers? {
        guard rows.count >= Self.denseMarkerThreshold, !l.has(.text), l.fields[.shape] == nil, l.conditions[.shape] == nil,
              rowShape(l, rows[0]) == .circle else { return nil }
        let fast = fastLocation(l, panel: panel)
        func position(_ i: Int) -> ScenePoint? { fast.map { $0(i) } ?? location(i) }
        let mark = l.layer.mark
        let filled = mark.filled != false
        let onMap = l.has(.longitude)
        let outline = onMap ? theme.textColor : theme.background
        let lineWidth = filled ? (mark.strokeWidth ?? (onMap ? 0.75 : 0.6)) : (mark.strokeWidth ?? 1)
        let varying = l.fields[.color] != nil || pointsVary(l)
        let constantFill = varying ? nil : fillColor(l, rows[0])
        func symbol(_ i: Int) -> MarkerSymbol? {
            guard let fill = constantFill ?? pointFill(l, i) else { return nil }
            let color = withOpacity(fill, mark.opacity)
            let radius = pointRadius(l, i)
            return filled ? MarkerSymbol(radius: radius, fill: color, stroke: outline, lineWidth: lineWidth)
                          : MarkerSymbol(radius: radius, fill: nil, stroke: color, lineWidth: lineWidth)
        }
        var symbols: [MarkerSymbol] = []
        var numbers: [MarkerSymbol: Int32] = [:]
        var positions: [ScenePoint] = []
        var indices: [Int32] = []
        positions.reserveCapacity(rows.count)
        var reach: [(ScenePoint, Double)] = []
        reach.reserveCapacity(rows.count)
        let fixed = varying ? nil : symbol(rows[0])
        for i in rows {
            guard let p = position(i) else { continue }
            if let fixed {
                if symbols.isEmpty { symbols = [fixed] }
                positions.append(p)
                reach.append((p, fixed.radius + 0.5))
                continue
            }
            guard let s = symbol(i) else { continue }
            let number: Int32
            if let known = numbers[s] {
                number = known
            } else {
                guard symbols.count < Self.maximumMarkerSymbols else { return nil }
                number = Int32(symbols.count)
                numbers[s] = number
                symbols.append(s)
            }
            positions.append(p)
            indices.append(number)
            reach.append((p, s.radius + 0.5))
        }
        guard !symbols.isEmpty else { return nil }
        obstacles += reach
        return SceneMarkers(id: id, symbols: symbols, positions: positions, symbolIndices: symbols.count > 1 ? indices : [])
    }

    /// Position lookup straight from numeric x and y columns on continuous scales (the usual
    /// dense scatter), without the per-row channel lookups of ``px(_:_:_:_:)``; nil otherwise.
    private func fastLocation(_ l: ResolvedLayer, panel: Panel) -> ((Int) -> ScenePoint?)? {
        let ys = yScale(l)
        guard !l.has(.longitude), x.kind != .band, ys.kind != .band, l.layer.mark.options.invalid != .show,
              let xValues = l.fields[.x]?.numbers, let yValues = l.fields[.y]?.numbers else { return nil }
        let xScale = x, origin = panel.rect
        return { i in
            guard let vx = xValues[i], let vy = yValues[i] else { return nil }
            return ScenePoint(origin.x + xScale.map(vx), origin.y + ys.map(vy))
        }
    }
}
