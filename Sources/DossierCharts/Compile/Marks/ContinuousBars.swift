/// Vertical bars on a continuous x (a time or number axis): from `x` to `x2` when the layer
/// has it (a time unit's period: January to February), with Vega-Lite's 1-point gap between
/// neighbours; else Vega-Lite's 5-point-wide bar centred on `x`.
enum ContinuousBars {
    /// Vega-Lite's `continuousBandSize`.
    static let width = 5.0
    /// Vega-Lite's `binSpacing`.
    static let spacing = 1.0

    static func rect(_ context: MarkContext, row i: Int) -> (SceneRect, String)? {
        let chart = context.chart, l = context.layer, r = context.panel.rect
        let x = chart.x, ys = chart.yScale(l)
        guard let k = l.key(.x, i), let at = l.number(.x, i), let end = l.valueEnd(.y, i) else { return nil }
        let start = l.valueStart(.y, i) ?? chart.baseline(ys)
        let y0 = r.y + ys.map(start), y1 = r.y + ys.map(end)
        var left = x.map(at) - width / 2, right = x.map(at) + width / 2
        if let to = l.number(.x2, i) {
            let a = x.map(at), b = x.map(to)
            left = min(a, b) + spacing
            right = max(max(a, b), left + 0.5)
        }
        return (SceneRect(x: r.x + left, y: min(y0, y1), width: right - left, height: abs(y1 - y0)), k)
    }
}
