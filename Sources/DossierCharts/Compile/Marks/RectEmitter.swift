import CairoKit
import DossierVegaLite

/// Rectangles (heatmap cells): a band or an x…x2 / y…y2 span on each axis (a missing axis
/// spans the whole plot, as in Vega-Lite), shifted by the mark's offsets, with rounded corners.
struct RectEmitter: MarkEmitter {
    func checkChannels(_ layer: ResolvedLayer) throws {
        if !layer.placed(.x) && !layer.placed(.y) { try layer.require(.x); try layer.require(.y) }
    }

    func emit(_ context: MarkContext) throws -> MarkOutput {
        let chart = context.chart, l = context.layer, r = context.panel.rect
        let ys = chart.yScale(l)
        var output = MarkOutput()
        let outline = context.markOutline()
        for i in context.rows {
            guard let sx = span(context, i, chart.x, .x, .x2, r.x, r.width), let sy = span(context, i, ys, .y, .y2, r.y, r.height),
                  let fill = context.markFill(i) else { continue }
            let id = "\(context.layerID)/rect/\(chart.slug(l.key(.x, i) ?? ""))/\(chart.slug(l.key(.y, i) ?? ""))"
            let rect = SceneRect(x: sx.0, y: sy.0, width: sx.1 - sx.0, height: sy.1 - sy.0)
            let segments = RoundedRect.segments(rect, radii: RoundedRect.radii(context.mark.options, rect: rect, horizontal: false, negative: false))
            output.clipped.append(.path(ScenePath(id: id, segments: segments, fill: fill, stroke: outline, lineWidth: context.mark.strokeWidth ?? 1)))
        }
        return output
    }

    /// The extent of row `i` on one axis: its band, from channel `c` to `c2`, or the whole plot.
    private func span(_ context: MarkContext, _ i: Int, _ s: PositionScale, _ c: Channel, _ c2: Channel,
                      _ origin: Double, _ length: Double) -> (Double, Double)? {
        let l = context.layer, o = context.mark.options
        func own(_ channel: Channel) -> Double? { o.position(channel).map { origin + $0.resolve(length) + o.offset(channel) } }
        if !l.has(c) {
            guard let a = own(c) else { return (origin + o.offset(c), origin + length + o.offset(c2)) }
            let b = l.has(c2) ? nil : own(c2)
            return (min(a, b ?? a), max(a, b ?? a))
        }
        if s.kind == .band {
            guard let k = l.key(c, i), let b = s.bandStart(k) else { return nil }
            return (origin + b + o.offset(c), origin + b + s.bandwidth + o.offset(c2))
        }
        guard let a = l.number(c, i) else { return nil }
        let pa = origin + s.map(a) + o.offset(c)
        let pb = l.number(c2, i).map { origin + s.map($0) + o.offset(c2) } ?? own(c2) ?? pa
        return (min(pa, pb), max(pa, pb))
    }
}
