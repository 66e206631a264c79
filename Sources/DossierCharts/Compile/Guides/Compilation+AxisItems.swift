import CairoKit
import Foundation

extension Compilation {
    /// The panel-local positions of an axis's ticks or gridlines: the tick values, or the band
    /// centres (the band edges with `tickBand: extent`).
    private func tickPositions(_ scale: PositionScale, _ axis: ResolvedAxis) -> [Double] {
        if scale.kind == .band {
            if axis.tickExtent {
                let starts = axisTicks(scale, axis).compactMap { $0.key.flatMap(scale.bandStart) }.sorted()
                guard let last = starts.last else { return [] }
                let half = scale.step * scale.paddingInner / 2
                return starts.map { $0 - half } + [last + scale.bandwidth + half]
            }
            return axisTicks(scale, axis).compactMap { $0.key.flatMap(scale.bandCenter) }
        }
        return axisTicks(scale, axis).compactMap { $0.value.map(scale.map) }
    }

    /// Gridlines of the axes whose `grid` is on (by default the continuous ones).
    func gridlines(_ panel: Panel, id: String, axes: (x: ResolvedAxis, y: ResolvedAxis)) -> [SceneItem] {
        let r = panel.rect
        var items: [SceneItem] = []
        func grid(_ axis: ResolvedAxis, _ scale: PositionScale, vertical: Bool) {
            guard !axis.hidden, axis.grid ?? (scale.kind == .continuous) else { return }
            if let paths = conditionalGridPaths(axis, scale, vertical: vertical, rect: r, id: "\(id)/grid\(vertical ? "-x" : "-y")") {
                items += paths.map { .path($0) }
                return
            }
            guard let color = axis.gridColor else { return }
            var segments: [PathSegment] = []
            for t in tickPositions(scale, axis) {
                if vertical {
                    segments += [.move(ScenePoint(r.x + t, r.y)), .line(ScenePoint(r.x + t, r.maxY))]
                } else {
                    segments += [.move(ScenePoint(r.x, r.y + t)), .line(ScenePoint(r.maxX, r.y + t))]
                }
            }
            guard !segments.isEmpty else { return }
            items.append(.path(ScenePath(id: "\(id)/grid\(vertical ? "-x" : "-y")", segments: segments, stroke: color,
                                         lineWidth: axis.gridWidth, dash: axis.gridDash)))
        }
        if hasX { grid(axes.x, x, vertical: true) }
        if hasY { grid(axes.y, y, vertical: false) }
        // Dossier's default look: one path for both axes' gridlines.
        if items.count == 2, case .path(let a) = items[0], case .path(let b) = items[1], a.stroke == b.stroke,
           a.lineWidth == b.lineWidth, a.dash == b.dash {
            return [.path(ScenePath(id: "\(id)/grid", segments: a.segments + b.segments, stroke: a.stroke, lineWidth: a.lineWidth, dash: a.dash))]
        }
        if items.count == 1, case .path(var only) = items[0] {
            only.id = "\(id)/grid"
            return [.path(only)]
        }
        return items
    }

    /// The axis lines asked for with `domain: true` (Dossier's default x line is drawn with
    /// the baselines), at the axis `offset`.
    func domainLines(_ panel: Panel, id: String, axes: (x: ResolvedAxis, y: ResolvedAxis)) -> [SceneItem] {
        let r = panel.rect
        var items: [SceneItem] = []
        if hasX, panel.xAxis, axes.x.domain == true, !axes.x.hidden, let color = axes.x.domainColor {
            let y0 = r.maxY + axes.x.offset
            items.append(.path(ScenePath(id: "\(id)/axis-x/domain", segments: [.move(ScenePoint(r.x, y0)), .line(ScenePoint(r.maxX, y0))],
                                         stroke: color, lineWidth: axes.x.domainWidth, dash: axes.x.domainDash)))
        }
        if hasY, panel.yAxis, axes.y.domain == true, !axes.y.hidden, let color = axes.y.domainColor {
            let x0 = r.x - axes.y.offset
            items.append(.path(ScenePath(id: "\(id)/axis-y/domain", segments: [.move(ScenePoint(x0, r.y)), .line(ScenePoint(x0, r.maxY))],
                                         stroke: color, lineWidth: axes.y.domainWidth, dash: axes.y.domainDash)))
        }
        return items
    }

    /// X tick labels (at the axis's angle, or rotated or thinned as the grid decided) and tick
    /// marks under the panel.
    func xAxisItems(_ panel: Panel, id: String, grid: PanelGrid, axis: ResolvedAxis) throws -> [SceneItem] {
        let r = panel.rect
        let y0 = r.maxY + axis.offset
        var items: [SceneItem] = []
        var tickSegments: [PathSegment] = []
        if axis.ticks ?? (x.kind == .continuous) {
            for t in tickPositions(x, axis) {
                tickSegments += [.move(ScenePoint(r.x + t, y0)), .line(ScenePoint(r.x + t, y0 + axis.tickSize))]
            }
        }
        if axis.showsLabels {
            let angle = xLabelAngle(axis, rotated: grid.xRotated)
            let (anchor, baseline) = axis.labelPlacement(angle: angle, x: true)
            let ticks = axisTicks(x, axis)
            for (n, l) in ticks.enumerated() where x.kind == .continuous || !axis.labelOverlap || n % max(1, grid.xLabelEvery) == 0 {
                let gx: Double?
                if let v = l.value { gx = r.x + x.map(v) } else { gx = l.key.flatMap(x.bandCenter).map { r.x + $0 } }
                guard let gx else { continue }
                var labelAnchor = anchor
                if axis.labelFlush, x.kind == .continuous, angle == 0 {
                    if n == 0, abs(gx - r.x) < 0.5 { labelAnchor = .start }
                    if n == ticks.count - 1, abs(gx - r.maxX) < 0.5 { labelAnchor = .end }
                }
                let p = ScenePoint(gx + axis.labelOffset, y0 + axis.tickGap + axis.labelPadding)
                items.append(.text(try textItem("\(id)/axis-x/label/\(n)", l.text, font: axis.labelFont, color: axis.labelColor, at: p,
                                                anchor: labelAnchor, baseline: baseline, rotation: angle)))
            }
        }
        if !tickSegments.isEmpty {
            items.append(.path(ScenePath(id: "\(id)/axis-x/ticks", segments: tickSegments, stroke: axis.tickColor,
                                         lineWidth: axis.tickWidth, dash: axis.tickDash)))
        }
        return items
    }

    /// Y tick labels left of the panel (long band labels wrap at ``yLabelCap``), and tick
    /// marks when the axis asks for them.
    func yAxisItems(_ panel: Panel, id: String, axis: ResolvedAxis) throws -> [SceneItem] {
        let r = panel.rect
        let x0 = r.x - axis.offset
        var items: [SceneItem] = []
        if axis.showsLabels {
            let angle = axis.labelAngle ?? 0
            let (anchor, baseline) = axis.labelPlacement(angle: angle, x: false)
            for (n, l) in axisTicks(y, axis).enumerated() {
                let gy: Double?
                if let v = l.value { gy = r.y + y.map(v) } else { gy = l.key.flatMap(y.bandCenter).map { r.y + $0 } }
                guard let gy else { continue }
                let natural = try measure(l.text, axis.labelFont).w
                let wrap = y.kind == .band && natural > yLabelCap && angle == 0 ? yLabelCap : nil
                items.append(.text(try textItem("\(id)/axis-y/label/\(n)", l.text, font: axis.labelFont, color: axis.labelColor,
                                                at: ScenePoint(x0 - axis.tickGap - axis.labelPadding, gy + axis.labelOffset), anchor: anchor, baseline: baseline,
                                                rotation: angle, wrap: wrap, align: wrap == nil ? nil : .end)))
            }
        }
        if axis.ticks == true {
            var segments: [PathSegment] = []
            for t in tickPositions(y, axis) {
                segments += [.move(ScenePoint(x0, r.y + t)), .line(ScenePoint(x0 - axis.tickSize, r.y + t))]
            }
            if !segments.isEmpty {
                items.append(.path(ScenePath(id: "\(id)/axis-y/ticks", segments: segments, stroke: axis.tickColor,
                                             lineWidth: axis.tickWidth, dash: axis.tickDash)))
            }
        }
        return items
    }
}
