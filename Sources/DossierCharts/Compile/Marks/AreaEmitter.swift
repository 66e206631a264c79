import CairoKit
import DossierVegaLite

/// Areas: one filled band per series, from the baseline (or y2, or the stack start) to y,
/// curved by `interpolate`, outlined when the mark has a `stroke`.
struct AreaEmitter: MarkEmitter {
    func checkChannels(_ layer: ResolvedLayer) throws {
        try layer.requirePosition()
    }

    func emit(_ context: MarkContext) throws -> MarkOutput {
        let chart = context.chart, l = context.layer, r = context.panel.rect, mark = context.mark
        let ys = chart.yScale(l)
        var output = MarkOutput()
        for series in context.series() {
            var upper: [ScenePoint] = [], lower: [ScenePoint] = []
            for i in series.rows {
                guard let cx = chart.px(l, .x, i, context.panel), let end = l.valueEnd(.y, i) else { continue }
                let start = l.valueStart(.y, i) ?? chart.baseline(ys)
                upper.append(ScenePoint(cx, r.y + ys.map(end) + context.offset(.y)))
                lower.append(ScenePoint(cx, r.y + ys.map(start) + context.offset(.y2)))
            }
            guard !upper.isEmpty else { continue }
            let curve = mark.options.interpolate == .linearClosed ? .linear : mark.options.interpolate
            var segments = PathCurves.segments(upper, curve, tension: mark.options.tension)
            segments += PathCurves.reversed(PathCurves.segments(lower, curve, tension: mark.options.tension))
            segments.append(.close)
            let opacity = mark.opacity ?? (l.has(.y2) ? 0.25 : 0.85)
            var fill = chart.withOpacity(series.color, opacity)
            if l.fields[.color] == nil, let own = mark.options.fill.flatMap(Palette.color) { fill = chart.withOpacity(own, opacity) }
            if let part = mark.options.fillOpacity { fill = fill.withAlpha(fill.alpha * part) }
            output.clipped.append(.path(ScenePath(id: series.id, segments: segments, fill: fill, stroke: context.markOutline(),
                                                  lineWidth: mark.strokeWidth ?? 1)))
        }
        return output
    }
}
