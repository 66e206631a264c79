import CairoKit
import DossierVegaLite

/// Bars: a band on the category axis from the baseline (or stack start) to the value, and
/// optional `n = …` totals at the end of each stack. Vega-Lite's `size` / `width` / `height`
/// narrow a bar within its band; offsets shift its edges; `cornerRadius…` round its corners.
struct BarEmitter: MarkEmitter {
    func checkChannels(_ layer: ResolvedLayer) throws {
        try layer.require(.x); try layer.require(.y)
    }

    func emit(_ context: MarkContext) throws -> MarkOutput {
        let chart = context.chart, l = context.layer
        var output = MarkOutput()
        let outline = context.markOutline()
        for i in context.rows {
            guard let (rect, key) = bar(context, row: i), let fill = context.markFill(i) else { continue }
            let segments = RoundedRect.segments(rect, radii: RoundedRect.radii(context.mark.options, rect: rect, horizontal: l.horizontal,
                                                                                  negative: isNegative(context, row: i)))
            output.clipped.append(.path(ScenePath(id: "\(context.layerID)/bar/\(chart.slug(key))\(context.colorKey(i))", segments: segments,
                                                  fill: fill, stroke: outline ?? (l.stacked ? chart.theme.background : nil),
                                                  lineWidth: outline != nil ? (context.mark.strokeWidth ?? 1) : 0.5)))
        }
        if context.mark.totals == true { output.free += try totals(context) }
        return output
    }

    /// Whether row `i`'s bar runs below (or left of) its start: its value end is the lower one.
    private func isNegative(_ context: MarkContext, row i: Int) -> Bool {
        let l = context.layer, c: Channel = l.horizontal ? .x : .y
        guard let end = l.valueEnd(c, i) else { return false }
        let start = l.valueStart(c, i) ?? context.chart.baseline(l.horizontal ? context.chart.x : context.chart.yScale(l))
        return end < start
    }

    /// The bar's thickness across its band: the mark's `width`/`height` or `size`, else the band.
    private func thickness(_ context: MarkContext, band: Double) -> Double {
        let mark = context.mark, o = mark.options
        let own = context.layer.horizontal ? o.height : o.width
        return own?.resolve(bandwidth: band) ?? mark.size ?? band
    }

    /// The bar of row `i` and its category, or nil when a position is missing.
    private func bar(_ context: MarkContext, row i: Int) -> (SceneRect, String)? {
        let chart = context.chart, l = context.layer, r = context.panel.rect
        let x = chart.x, y = chart.y, ys = chart.yScale(l)
        if !l.horizontal, x.kind == .continuous {
            return ContinuousBars.rect(context, row: i)
        }
        if !l.horizontal {
            guard x.kind == .band, let k = l.key(.x, i), let b = x.bandStart(k), let end = l.valueEnd(.y, i),
                  let (o, w) = chart.offsetBand(l, .xOffset, i, bandwidth: x.bandwidth) else { return nil }
            let start = l.valueStart(.y, i) ?? chart.baseline(ys)
            let y0 = r.y + ys.map(start) + context.offset(.y2), y1 = r.y + ys.map(end) + context.offset(.y)
            let width = thickness(context, band: w)
            let left = r.x + b + o + (w - width) / 2 + context.offset(.x)
            return (SceneRect(x: left, y: min(y0, y1), width: width, height: abs(y1 - y0)), k)
        }
        guard y.kind == .band, let k = l.key(.y, i), let b = y.bandStart(k), let end = l.valueEnd(.x, i),
              let (o, h) = chart.offsetBand(l, .yOffset, i, bandwidth: y.bandwidth) else { return nil }
        let start = l.valueStart(.x, i) ?? chart.baseline(x)
        let x0 = r.x + x.map(start) + context.offset(.x2), x1 = r.x + x.map(end) + context.offset(.x)
        let height = thickness(context, band: h)
        let top = r.y + b + o + (h - height) / 2 + context.offset(.y)
        return (SceneRect(x: min(x0, x1), y: top, width: abs(x1 - x0), height: height), k)
    }

    /// The total of each stack, past its end.
    private func totals(_ context: MarkContext) throws -> [SceneItem] {
        let chart = context.chart, l = context.layer, r = context.panel.rect, theme = chart.theme
        let ys = chart.yScale(l)
        var items: [SceneItem] = []
        for t in chart.stackTotals(l, panel: context.panel.key) {
            let text = chart.totalLabel(l, t.total)
            let id = "\(context.layerID)/total/\(chart.slug(t.key))"
            if l.horizontal, let c = chart.y.bandCenter(t.key) {
                items.append(.text(try chart.textItem(id, text, font: theme.labelFont, color: theme.mutedTextColor,
                                                      at: ScenePoint(r.x + chart.x.map(t.end) + 4, r.y + c), baseline: .middle)))
            } else if !l.horizontal, let c = chart.x.bandCenter(t.key) {
                items.append(.text(try chart.textItem(id, text, font: theme.labelFont, color: theme.mutedTextColor,
                                                      at: ScenePoint(r.x + c, r.y + ys.map(t.end) - 2), anchor: .middle, baseline: .bottom)))
            }
        }
        return items
    }
}
