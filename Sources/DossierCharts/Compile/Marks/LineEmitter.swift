import CairoKit
import DossierVegaLite

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
                guard let p = context.location(i), l.hasYValue(i) else { flush(); continue }
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

extension ResolvedLayer {
    /// Whether row `i` has a y to draw a line vertex at: a number on a continuous y, a
    /// category on a discrete one (Vega-Lite draws lines over nominal and ordinal y, as in
    /// a bump chart); true when the line is placed by latitude or has no y.
    func hasYValue(_ i: Int) -> Bool {
        if has(.latitude) || !has(.y) { return true }
        return isDiscrete(.y) ? key(.y, i) != nil : number(.y, i) != nil
    }
}
