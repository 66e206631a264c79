import CairoKit
import DossierVegaLite

/// Ticks (Vega-Lite `tick`): a short bar `thickness` points thick (default 1) across each
/// row's position. Vertical by default when x carries the values (a strip plot), horizontal
/// when y does or `orient` says so. Length: the mark's `size`, else ¾ of a band (Vega-Lite's
/// tick band padding 0.25), else 5 points on a continuous axis (`continuousBandSize`), else
/// ¾ of the plot (a one-dimensional strip).
struct TickEmitter: MarkEmitter {
    func checkChannels(_ layer: ResolvedLayer) throws {
        if !layer.placed(.x) && !layer.placed(.y) { try layer.require(.x) }
    }

    /// Whether the ticks are vertical segments (values on x).
    static func vertical(_ l: ResolvedLayer) -> Bool {
        if let orient = l.layer.mark.options.orient { return orient == "vertical" }
        if l.placed(.x), !l.isDiscrete(.x) { return !(l.placed(.y) && !l.isDiscrete(.y) && l.isDiscrete(.x)) }
        return !l.placed(.y)
    }

    func emit(_ context: MarkContext) throws -> MarkOutput {
        let chart = context.chart, l = context.layer, r = context.panel.rect, mark = context.mark
        let vertical = Self.vertical(l)
        let thickness = mark.options.thickness ?? 1
        let across = vertical ? chart.yScale(l) : chart.x
        let acrossChannel: Channel = vertical ? .y : .x
        let length: Double
        if let size = mark.size {
            length = size
        } else if let own = vertical ? mark.options.height : mark.options.width {
            length = own.resolve(bandwidth: across.kind == .band ? across.step * 0.75 : (vertical ? r.height : r.width) * 0.75)
        } else if l.placed(acrossChannel) {
            length = across.kind == .band ? across.step * 0.75 : (mark.options.continuousBandSize ?? ContinuousBars.width)
        } else {
            length = (vertical ? r.height : r.width) * 0.75
        }
        var output = MarkOutput()
        for i in context.rows {
            guard let p = context.centeredLocation(i), let fill = context.markFill(i) else { continue }
            let rect = vertical ? SceneRect(x: p.x - thickness / 2, y: p.y - length / 2, width: thickness, height: length)
                                : SceneRect(x: p.x - length / 2, y: p.y - thickness / 2, width: length, height: thickness)
            let segments = RoundedRect.segments(rect, radii: RoundedRect.radii(mark.options, rect: rect, horizontal: !vertical, negative: false))
            output.clipped.append(.path(ScenePath(id: "\(context.layerID)/tick/\(i)\(context.colorKey(i))", segments: segments,
                                                  fill: fill, stroke: context.markOutline(), lineWidth: mark.strokeWidth ?? 1)))
        }
        return output
    }
}
