/// Vertical bars on a continuous x (a time or number axis): from `x` to `x2` when the layer
/// has it (a time unit's period: January to February), with Vega-Lite's `binSpacing` (1
/// point) between neighbours; else Vega-Lite's `continuousBandSize` (5 points, or the mark's
/// `size`/`width`) centred on `x`.
enum ContinuousBars {
    /// Vega-Lite's `continuousBandSize`.
    static let width = 5.0
    /// Vega-Lite's `binSpacing`.
    static let spacing = 1.0

    static func rect(_ context: MarkContext, row i: Int) -> (SceneRect, String)? {
        let chart = context.chart, l = context.layer, r = context.panel.rect, o = context.mark.options
        let x = chart.x, ys = chart.yScale(l)
        guard let k = l.key(.x, i), let at = l.number(.x, i), let end = l.valueEnd(.y, i) else { return nil }
        let start = l.valueStart(.y, i) ?? chart.baseline(ys)
        let y0 = r.y + ys.map(start) + context.offset(.y2), y1 = r.y + ys.map(end) + context.offset(.y)
        let width = o.width?.resolve(bandwidth: width) ?? context.mark.size ?? o.continuousBandSize ?? width
        var left = x.map(at) - width / 2 + context.offset(.x), right = x.map(at) + width / 2 + context.offset(.x)
        if let to = l.number(.x2, i) {
            let a = x.map(at) + context.offset(.x), b = x.map(to) + context.offset(.x2)
            left = min(a, b) + (o.binSpacing ?? spacing)
            right = max(max(a, b), left + 0.5)
        }
        return (SceneRect(x: r.x + left, y: min(y0, y1), width: right - left, height: abs(y1 - y0)), k)
    }
}
