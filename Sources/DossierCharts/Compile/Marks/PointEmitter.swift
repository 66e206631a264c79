import CairoKit
import DossierVegaLite

/// Points: a circle per row (or one dense marker run), with labels from the text channel
/// placed clear of the points unless `repel: false`.
struct PointEmitter: MarkEmitter {
    func checkChannels(_ layer: ResolvedLayer) throws {
        // Vega-Lite: a missing x or y puts the points in the plot's middle (a 1-D strip).
        if layer.has(.longitude) || layer.has(.latitude) || (!layer.placed(.x) && !layer.placed(.y)) { try layer.requirePosition() }
    }

    func emit(_ context: MarkContext) throws -> MarkOutput {
        let chart = context.chart, l = context.layer, theme = chart.theme, mark = context.mark
        var output = MarkOutput()
        let o = mark.options
        let shape = o.shape.flatMap(SymbolShape.init(name:)) ?? .circle
        let plain = shape == .circle && l.fields[.shape] == nil && o.fill == nil && o.stroke == nil && o.fillOpacity == nil && o.strokeOpacity == nil && o.angle == nil
        if plain, let markers = chart.denseMarkers(l, rows: context.rows, id: "\(context.layerID)/points", panel: context.panel,
                                                   location: context.centeredLocation, obstacles: &output.obstacles) {
            output.free.append(.markers(markers))
            return output
        }
        for i in context.rows {
            guard let p = context.centeredLocation(i), let fill = chart.pointFill(l, i) else { continue }
            let radius = chart.pointRadius(l, i)
            let c = chart.withOpacity(fill, mark.opacity)
            let label = l.has(.text) ? chart.textValue(l, i) : nil
            let id = "\(context.layerID)/point/" + chart.slug(label ?? String(i))
            // The shape channel's symbol, else the mark's own shape.
            let outline = l.fields[.shape] != nil ? chart.pointSegments(l, i, at: p, radius: radius)
                : shape == .circle ? [PathSegment.circle(center: p, radius: radius)] : shape.segments(at: p, size: 4 * radius * radius, angle: o.angle ?? 0)
            if plain, mark.filled == false {
                output.free.append(.path(ScenePath(id: id, segments: outline, stroke: c, lineWidth: mark.strokeWidth ?? 1)))
            } else if plain {
                // On a map, a dark outline tells a marker from the shapes under it.
                let ring = l.has(.longitude) ? theme.textColor : theme.background
                output.free.append(.path(ScenePath(id: id, segments: outline, fill: c,
                                                   stroke: ring, lineWidth: mark.strokeWidth ?? (l.has(.longitude) ? 0.75 : 0.6))))
            } else if mark.filled == false || shape == .stroke {
                // Vega-Lite: a hollow point is stroked in its colour (or `stroke`), filled only by an explicit `fill`.
                let fillColor = o.fill.flatMap(Palette.color).map { context.fillAlpha($0) }
                output.free.append(.path(ScenePath(id: id, segments: outline, fill: fillColor, stroke: context.markStroke(i),
                                                   lineWidth: mark.strokeWidth ?? 1)))
            } else {
                output.free.append(.path(ScenePath(id: id, segments: outline, fill: context.markFill(i), stroke: context.markOutline(),
                                                   lineWidth: mark.strokeWidth ?? 1)))
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
