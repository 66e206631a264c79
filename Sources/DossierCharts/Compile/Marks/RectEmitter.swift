import CairoKit

/// Rectangles (heatmap cells): a band or an x…x2 / y…y2 span on each axis.
struct RectEmitter: MarkEmitter {
    func checkChannels(_ layer: ResolvedLayer) throws {
        try layer.require(.x); try layer.require(.y)
    }

    func emit(_ context: MarkContext) throws -> MarkOutput {
        let chart = context.chart, l = context.layer, r = context.panel.rect
        let ys = chart.yScale(l)
        var output = MarkOutput()
        for i in context.rows {
            guard let sx = span(l, i, chart.x, .x, .x2, r.x), let sy = span(l, i, ys, .y, .y2, r.y),
                  let fill = chart.fillColor(l, i) else { continue }
            let id = "\(context.layerID)/rect/\(chart.slug(l.key(.x, i) ?? ""))/\(chart.slug(l.key(.y, i) ?? ""))"
            output.clipped.append(.path(ScenePath(id: id, segments: [.rect(SceneRect(x: sx.0, y: sy.0, width: sx.1 - sx.0, height: sy.1 - sy.0))],
                                                  fill: chart.withOpacity(fill, context.mark.opacity))))
        }
        return output
    }

    /// The extent of row `i` on one axis: its band, or from channel `c` to `c2`.
    private func span(_ l: ResolvedLayer, _ i: Int, _ s: PositionScale, _ c: Channel, _ c2: Channel, _ origin: Double) -> (Double, Double)? {
        if s.kind == .band {
            guard let k = l.key(c, i), let b = s.bandStart(k) else { return nil }
            return (origin + b, origin + b + s.bandwidth)
        }
        guard let a = l.number(c, i) else { return nil }
        let b = l.number(c2, i) ?? a
        let pa = origin + s.map(a), pb = origin + s.map(b)
        return (min(pa, pb), max(pa, pb))
    }
}
