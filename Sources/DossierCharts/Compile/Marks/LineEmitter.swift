import CairoKit

/// Lines: one path per series, broken where a row has no position.
struct LineEmitter: MarkEmitter {
    func checkChannels(_ layer: ResolvedLayer) throws {
        try layer.requirePosition()
    }

    func emit(_ context: MarkContext) throws -> MarkOutput {
        let chart = context.chart, l = context.layer, mark = context.mark
        var output = MarkOutput()
        for series in context.series() {
            var segments: [PathSegment] = []
            var pen = false
            for i in series.rows {
                guard let p = context.location(i), l.number(.y, i) != nil || l.has(.latitude) else { pen = false; continue }
                segments.append(pen ? .line(p) : .move(p))
                pen = true
            }
            output.clipped.append(.path(ScenePath(id: series.id, segments: segments, stroke: chart.withOpacity(series.color, mark.opacity),
                                                  lineWidth: mark.strokeWidth ?? 1.75, dash: series.dash ?? mark.strokeDash ?? [], round: series.dash == nil)))
        }
        return output
    }
}
