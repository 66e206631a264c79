import CairoKit

/// Lines: one path per series, broken where a row has no position, curved by `interpolate`,
/// filled when the mark has a `fill`.
struct LineEmitter: MarkEmitter {
    func checkChannels(_ layer: ResolvedLayer) throws {
        try layer.requirePosition()
    }

    func emit(_ context: MarkContext) throws -> MarkOutput {
        let l = context.layer, mark = context.mark
        var output = MarkOutput()
        for series in context.series() {
            var segments: [PathSegment] = []
            var run: [ScenePoint] = []
            func flush() {
                segments += PathCurves.segments(run, mark.options.interpolate, tension: mark.options.tension)
                run = []
            }
            for i in series.rows {
                guard let p = context.location(i), l.number(.y, i) != nil || l.has(.latitude) || !l.has(.y) else { flush(); continue }
                run.append(p)
            }
            flush()
            // Vega-Lite: a line with a `fill` is filled too (a closed shape with `linear-closed`).
            let fill = mark.options.fill.flatMap(Palette.color).map { context.fillAlpha($0) }
            output.clipped.append(.path(ScenePath(id: series.id, segments: segments, fill: fill, stroke: context.seriesStroke(series.color),
                                                  lineWidth: mark.strokeWidth ?? mark.size ?? 1.75, dash: series.dash ?? mark.strokeDash ?? [],
                                                  round: series.dash == nil)))
        }
        return output
    }
}
