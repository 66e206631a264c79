import CairoKit
import DossierBase
import DossierVegaLite
import Foundation

extension Compilation {
    func yScale(_ l: ResolvedLayer) -> PositionScale { l.secondary ? (y2 ?? y) : y }

    /// Panel-local → scene position of a row on the x axis (band centre for bands).
    /// The mark's own `x`/`y`/`x2`/`y2` (Vega-Lite) or, else, a channel's position; plus the mark's offset.
    func px(_ l: ResolvedLayer, _ c: Channel, _ i: Int, _ panel: Panel) -> Double? {
        let shift = l.layer.mark.options.offset(c)
        if !l.has(c), let p = l.layer.mark.options.position(c) { return panel.rect.x + p.resolve(panel.rect.width) + shift }
        if x.kind == .band { return l.key(c, i).flatMap(x.bandCenter).map { panel.rect.x + $0 + shift } }
        return (l.number(c, i) ?? invalidStandIn(l, c, scale: x)).map { panel.rect.x + x.map($0) + shift }
    }

    func py(_ l: ResolvedLayer, _ c: Channel, _ i: Int, _ panel: Panel) -> Double? {
        let s = yScale(l)
        let shift = l.layer.mark.options.offset(c)
        if !l.has(c), let p = l.layer.mark.options.position(c) { return panel.rect.y + p.resolve(panel.rect.height) + shift }
        if s.kind == .band { return l.key(c, i).flatMap(s.bandCenter).map { panel.rect.y + $0 + shift } }
        return (l.number(c, i) ?? invalidStandIn(l, c, scale: s)).map { panel.rect.y + s.map($0) + shift }
    }

    func slug(_ s: String) -> String {
        String(s.map { $0 == " " || $0 == "/" ? "_" : $0 })
    }

    /// One panel: facet strip, gridlines, marks (clipped to the panel), baselines, axis labels,
    /// annotations and point labels, in drawing order.
    func emitPanel(_ panel: Panel, index: Int, grid: PanelGrid, mapInfo: MapInfo?) throws -> SceneGroup {
        let id = "panel/\(index)"
        var items: [SceneItem] = []
        let strip = try stripItem(panel, id: id)
        if let strip { items.append(.text(strip)) }
        items += viewItems(panel, id: id)
        let axes = (x: resolvedAxis(.x), y: resolvedAxis(.y))
        let gridItems = gridlines(panel, id: id, axes: axes)
        if !axes.x.front && !axes.y.front { items += gridItems }
        var marks = MarkOutput()
        for l in layers {
            let output = try emitMarks(l, panel: panel, panelID: id, mapInfo: mapInfo)
            marks.clipped += output.clipped
            marks.free += output.free
            marks.labels += output.labels
            marks.obstacles += output.obstacles
        }
        items.append(.group(SceneGroup(id: "\(id)/marks", clip: panel.rect, items: marks.clipped)))
        items += marks.free
        if axes.x.front || axes.y.front { items += gridItems }
        items += baselines(panel, id: id, axes: axes)
        if hasX, panel.xAxis, !axes.x.hidden { items += try xAxisItems(panel, id: id, grid: grid, axis: axes.x) }
        if hasY, panel.yAxis, !axes.y.hidden { items += try yAxisItems(panel, id: id, axis: axes.y) }
        if let y2, panel.y2Axis { items += try y2AxisItems(panel, id: id, scale: y2) }
        items += try annotationItems(panel, id: id, stripHeight: grid.stripHeight, stripBox: strip?.bounds)
        // Point labels, placed clear of points and each other.
        if !marks.labels.isEmpty {
            let lines = marks.clipped.compactMap { item -> ScenePath? in
                if case .path(let p) = item, p.fill == nil, p.id.contains("/line") { return p } else { return nil }
            }
            items += try placePointLabels(marks.labels, obstacles: marks.obstacles, lines: lines, panel: panel, panelID: id)
        }
        return SceneGroup(id: id, items: items)
    }

    /// The facet value over a faceted panel.
    private func stripItem(_ panel: Panel, id: String) throws -> SceneText? {
        guard let key = panel.key, spec.facet?.header?.labels != false else { return nil }
        var text = key
        if let f = spec.facet?.format, let v = Double(key) { text = NumberFormat(f).string(v) }
        return try textItem("\(id)/strip", text, font: theme.stripFont, color: theme.textColor,
                            at: ScenePoint(panel.rect.x, panel.rect.y - 2), baseline: .bottom)
    }

    /// The zero line of bars, else the x axis line; the zero line of horizontal bars.
    private func baselines(_ panel: Panel, id: String, axes: (x: ResolvedAxis, y: ResolvedAxis)) -> [SceneItem] {
        let r = panel.rect
        var items: [SceneItem] = []
        if hasY, y.kind == .continuous, layers.contains(where: { $0.mark == .bar && !$0.horizontal }), y.lo <= 0, y.hi >= 0 {
            let zy = r.y + y.map(0)
            items.append(.path(ScenePath(id: "\(id)/baseline-y", segments: [.move(ScenePoint(r.x, zy)), .line(ScenePoint(r.maxX, zy))], stroke: theme.axisColor, lineWidth: 0.75)))
        } else if hasX, hasY, y.kind == .continuous, axes.x.domain == nil, !axes.x.hidden {
            items.append(.path(ScenePath(id: "\(id)/axis-x/line", segments: [.move(ScenePoint(r.x, r.maxY)), .line(ScenePoint(r.maxX, r.maxY))], stroke: theme.axisColor, lineWidth: 0.5)))
        }
        items += domainLines(panel, id: id, axes: axes)
        if hasX, x.kind == .continuous, layers.contains(where: { $0.mark == .bar && $0.horizontal }), x.lo <= 0, x.hi >= 0 {
            let zx = r.x + x.map(0)
            items.append(.path(ScenePath(id: "\(id)/baseline-x", segments: [.move(ScenePoint(zx, r.y)), .line(ScenePoint(zx, r.maxY))], stroke: theme.axisColor, lineWidth: 0.75)))
        }
        return items
    }

    /// The secondary y axis right of the panel: labels in the secondary layer's colour, ticks and line.
    private func y2AxisItems(_ panel: Panel, id: String, scale y2: PositionScale) throws -> [SceneItem] {
        let r = panel.rect, tick = theme.tickLength
        let color = layers.first(where: { $0.secondary }).flatMap { l in l.fixedColor } ?? theme.mutedTextColor
        var items: [SceneItem] = []
        var tickSegments: [PathSegment] = []
        for (n, l) in tickLabels(y2).enumerated() {
            guard let v = l.value else { continue }
            let gy = r.y + y2.map(v)
            tickSegments += [.move(ScenePoint(r.maxX, gy)), .line(ScenePoint(r.maxX + tick, gy))]
            items.append(.text(try textItem("\(id)/axis-y2/label/\(n)", l.text, font: theme.labelFont, color: color,
                                            at: ScenePoint(r.maxX + tick + 2, gy), anchor: .start, baseline: .middle)))
        }
        items.append(.path(ScenePath(id: "\(id)/axis-y2/ticks", segments: tickSegments + [.move(ScenePoint(r.maxX, r.y)), .line(ScenePoint(r.maxX, r.maxY))], stroke: theme.axisColor, lineWidth: 0.5)))
        return items
    }

    /// Dashed annotation lines; labels of vertical ones stacked over the top row's panels.
    private func annotationItems(_ panel: Panel, id: String, stripHeight stripH: Double, stripBox: SceneRect?) throws -> [SceneItem] {
        let r = panel.rect
        let annotations = spec.annotations ?? []
        let vertical = annotations.filter { $0.x != nil && !($0.label ?? "").isEmpty }
        let levels = try annotationLevels(vertical, panel: panel, x: x)
        let annotationH = try measure("Hg", theme.captionFont).h
        var items: [SceneItem] = []
        var vIndex = 0
        for (n, a) in annotations.enumerated() {
            let c = a.color.flatMap(Palette.color) ?? Color(hex: 0x444444)
            let dash = a.strokeDash ?? [3, 2]
            if let xv = a.x, let ax = xPosition(xv, panel: panel, x: x) {
                var level = 0
                if !(a.label ?? "").isEmpty { level = levels[vIndex]; vIndex += 1 }
                let labelTop = r.y - stripH - Double(level + 1) * (annotationH + 1)
                // Only the top row carries labels; lower rows' lines stop at their panel.
                var lineTop = panel.row == 0 && !(a.label ?? "").isEmpty ? labelTop + annotationH / 2 : r.y
                if stripH > 0, let strip = stripBox, ax >= strip.x - 2, ax <= strip.maxX + 2 { lineTop = r.y }
                items.append(.path(ScenePath(id: "\(id)/annotation/\(n)", segments: [.move(ScenePoint(ax, lineTop)), .line(ScenePoint(ax, r.maxY))],
                                             stroke: c, lineWidth: 0.75, dash: dash)))
                if let label = a.label, !label.isEmpty, panel.row == 0 {
                    let endsLeft = annotationLabelEndsLeft(at: ax, labelWidth: try measure(label, theme.captionFont).w)
                    items.append(.text(try textItem("\(id)/annotation/\(n)/label", label, font: theme.captionFont, color: c,
                                                    at: ScenePoint(endsLeft ? ax - 3 : ax + 3, labelTop), anchor: endsLeft ? .end : .start)))
                }
            } else if let yv = a.y, let ay = yPosition(yv, panel: panel) {
                items.append(.path(ScenePath(id: "\(id)/annotation/\(n)", segments: [.move(ScenePoint(r.x, ay)), .line(ScenePoint(r.maxX, ay))],
                                             stroke: c, lineWidth: 0.75, dash: dash)))
                if let label = a.label, !label.isEmpty {
                    items.append(.text(try textItem("\(id)/annotation/\(n)/label", label, font: theme.captionFont, color: c,
                                                    at: ScenePoint(r.maxX - 2, ay - 1), anchor: .end, baseline: .bottom)))
                }
            }
        }
        return items
    }

    func placePointLabels(_ requests: [LabelRequest],
                          obstacles: [(ScenePoint, Double)], lines: [ScenePath], panel: Panel, panelID: String) throws -> [SceneItem] {
        let font = theme.labelFont
        var labels: [RepelLabel] = []
        for r in requests {
            let m = try measure(r.text, font)
            labels.append(RepelLabel(anchorX: r.anchor.x, anchorY: r.anchor.y, width: m.w, height: m.h))
        }
        var points = obstacles.map { RepelPoint(x: $0.0.x, y: $0.0.y, radius: $0.1) }
        // Lines (a fitted curve) are obstacles too: sample them every few points.
        for path in lines {
            var previous: ScenePoint?
            for segment in path.segments {
                switch segment {
                case .move(let p): previous = p
                case .line(let p):
                    if let a = previous {
                        // Every 4 points, and at most 10,000 samples for a segment running far off the panel.
                        let steps = max(1, min(10_000, ChartLimits.clampedInt((hypot(p.x - a.x, p.y - a.y) / 4).rounded(.up))))
                        for k in 0...steps {
                            let t = Double(k) / Double(steps)
                            points.append(RepelPoint(x: a.x + (p.x - a.x) * t, y: a.y + (p.y - a.y) * t, radius: path.lineWidth / 2))
                        }
                    }
                    previous = p
                default: break
                }
            }
        }
        let placed = LabelRepel.place(labels, obstacles: points, bounds: panel.rect, seed: 1)
        var items: [SceneItem] = []
        for (n, p) in placed.enumerated() {
            let req = requests[n], m = labels[n]
            let box = SceneRect(x: p.x, y: p.y, width: m.width, height: m.height)
            if p.needsLeader {
                let cx = min(max(req.anchor.x, box.x), box.maxX), cy = min(max(req.anchor.y, box.y), box.maxY)
                let d = max(1e-9, hypot(cx - req.anchor.x, cy - req.anchor.y))
                let ux = (cx - req.anchor.x) / d, uy = (cy - req.anchor.y) / d
                items.append(.path(ScenePath(id: "\(panelID)/leader/\(slug(req.text))",
                    segments: [.move(ScenePoint(req.anchor.x + ux * (req.radius + 1), req.anchor.y + uy * (req.radius + 1))), .line(ScenePoint(cx - ux, cy - uy))],
                    stroke: theme.mutedTextColor, lineWidth: 0.4)))
            }
            items.append(.text(try textItem("\(panelID)/point-label/\(slug(req.text))", req.text, font: font, color: theme.textColor,
                                            at: ScenePoint(p.x, p.y))))
        }
        return items
    }
}
