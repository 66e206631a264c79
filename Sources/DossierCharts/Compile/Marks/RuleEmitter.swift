import CairoKit

/// Rules: a segment from x to x2 (or y to y2), or a line across the whole panel.
struct RuleEmitter: MarkEmitter {
    func checkChannels(_ layer: ResolvedLayer) throws {
        if !layer.placed(.x) && !layer.placed(.y) { try layer.require(.x) }
    }

    func emit(_ context: MarkContext) throws -> MarkOutput {
        let chart = context.chart, theme = chart.theme, mark = context.mark
        var output = MarkOutput()
        for i in context.rows {
            guard let (segments, full) = rule(context, row: i) else { continue }
            let stroke = context.markStroke(i, fallback: full ? theme.axisColor : theme.textColor)
            output.clipped.append(.path(ScenePath(id: "\(context.layerID)/rule/\(i)\(context.colorKey(i))", segments: segments,
                                                  stroke: stroke ?? chart.withOpacity(theme.textColor, mark.opacity),
                                                  lineWidth: mark.strokeWidth ?? mark.size ?? (full ? 0.75 : 1.5), dash: mark.strokeDash ?? [])))
        }
        return output
    }

    /// The segments of row `i` and whether they cross the whole panel; nil when a position is missing.
    private func rule(_ context: MarkContext, row i: Int) -> ([PathSegment], Bool)? {
        let chart = context.chart, l = context.layer, panel = context.panel, r = panel.rect
        if l.placed(.x), l.placed(.x2), l.placed(.y) {
            guard let a = chart.px(l, .x, i, panel), let b = chart.px(l, .x2, i, panel), let c = chart.py(l, .y, i, panel) else { return nil }
            return ([.move(ScenePoint(a, c)), .line(ScenePoint(b, c))], false)
        } else if l.placed(.y), l.placed(.y2), l.placed(.x) {
            guard let a = chart.py(l, .y, i, panel), let b = chart.py(l, .y2, i, panel), let c = chart.px(l, .x, i, panel) else { return nil }
            return ([.move(ScenePoint(c, a)), .line(ScenePoint(c, b))], false)
        } else if l.placed(.x) {
            guard let c = chart.px(l, .x, i, panel) else { return nil }
            return ([.move(ScenePoint(c, r.y)), .line(ScenePoint(c, r.maxY))], true)
        } else if l.placed(.y) {
            guard let c = chart.py(l, .y, i, panel) else { return nil }
            return ([.move(ScenePoint(r.x, c)), .line(ScenePoint(r.maxX, c))], true)
        }
        return ([], false)
    }
}
