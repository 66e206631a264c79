import CairoKit

/// Areas: one filled band per series, from the baseline (or y2, or the stack start) to y.
struct AreaEmitter: MarkEmitter {
    func checkChannels(_ layer: ResolvedLayer) throws {
        try layer.requirePosition()
    }

    func emit(_ context: MarkContext) throws -> MarkOutput {
        let chart = context.chart, l = context.layer, r = context.panel.rect
        let ys = chart.yScale(l)
        var output = MarkOutput()
        for series in context.series() {
            var upper: [ScenePoint] = [], lower: [ScenePoint] = []
            for i in series.rows {
                guard let cx = chart.px(l, .x, i, context.panel), let end = l.valueEnd(.y, i) else { continue }
                let start = l.valueStart(.y, i) ?? chart.baseline(ys)
                upper.append(ScenePoint(cx, r.y + ys.map(end)))
                lower.append(ScenePoint(cx, r.y + ys.map(start)))
            }
            guard let u0 = upper.first else { continue }
            var segments: [PathSegment] = [.move(u0)]
            segments += upper.dropFirst().map { .line($0) }
            segments += lower.reversed().map { .line($0) }
            segments.append(.close)
            let opacity = context.mark.opacity ?? (l.has(.y2) ? 0.25 : 0.85)
            output.clipped.append(.path(ScenePath(id: series.id, segments: segments, fill: chart.withOpacity(series.color, opacity))))
        }
        return output
    }
}
