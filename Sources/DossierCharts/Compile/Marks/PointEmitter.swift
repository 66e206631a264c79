import CairoKit

/// Points: a circle per row (or one dense marker run), with labels from the text channel
/// placed clear of the points unless `repel: false`.
struct PointEmitter: MarkEmitter {
    func checkChannels(_ layer: ResolvedLayer) throws {
        try layer.requirePosition()
    }

    func emit(_ context: MarkContext) throws -> MarkOutput {
        let chart = context.chart, l = context.layer, theme = chart.theme, mark = context.mark
        var output = MarkOutput()
        if let markers = chart.denseMarkers(l, rows: context.rows, id: "\(context.layerID)/points", panel: context.panel,
                                            location: context.location, obstacles: &output.obstacles) {
            output.free.append(.markers(markers))
            return output
        }
        for i in context.rows {
            guard let p = context.location(i), let fill = chart.pointFill(l, i) else { continue }
            let radius = chart.pointRadius(l, i)
            let c = chart.withOpacity(fill, mark.opacity)
            let label = l.has(.text) ? chart.textValue(l, i) : nil
            let id = "\(context.layerID)/point/" + chart.slug(label ?? String(i))
            if mark.filled == false {
                output.free.append(.path(ScenePath(id: id, segments: [.circle(center: p, radius: radius)], stroke: c, lineWidth: mark.strokeWidth ?? 1)))
            } else {
                // On a map, a dark outline tells a marker from the shapes under it.
                let outline = l.has(.longitude) ? theme.textColor : theme.background
                output.free.append(.path(ScenePath(id: id, segments: [.circle(center: p, radius: radius)], fill: c,
                                                   stroke: outline, lineWidth: mark.strokeWidth ?? (l.has(.longitude) ? 0.75 : 0.6))))
            }
            output.obstacles.append((p, radius + 0.5))
            guard let label, !label.isEmpty else { continue }
            if mark.repel == false {
                let labelID = "\(context.panelID)/point-label/\(chart.slug(label))"
                var text = try chart.textItem(labelID, label, font: theme.labelFont, color: theme.textColor,
                                              at: ScenePoint(p.x + radius + 2, p.y), baseline: .middle)
                // A label that would run off the chart's right edge goes to the point's left.
                if p.x + radius + 2 + text.width > chart.width {
                    text = try chart.textItem(labelID, label, font: theme.labelFont, color: theme.textColor,
                                              at: ScenePoint(p.x - radius - 2, p.y), anchor: .end, baseline: .middle)
                }
                output.free.append(.text(text))
            } else {
                output.labels.append((label, p, radius, l.index))
            }
        }
        return output
    }
}
