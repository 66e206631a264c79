import CairoKit
import Foundation

extension Compilation {
    typealias LabelRequest = (text: String, anchor: ScenePoint, radius: Double, layer: Int)

    func withOpacity(_ c: Color, _ o: Double?) -> Color {
        guard let o else { return c }
        return c.withAlpha(c.alpha * max(0, min(1, o)))
    }

    /// The start of a bar or area without an explicit start: zero, or the domain's low end.
    func baseline(_ s: PositionScale) -> Double {
        s.log ? s.lo : min(max(0, s.lo), s.hi)
    }

    func textValue(_ l: ResolvedLayer, _ i: Int) -> String? {
        guard let def = l.defs[.text] else { return nil }
        if let f = l.fields[.text] {
            if let n = f.numbers {
                guard let v = n[i] else { return nil }
                return NumberFormat(def.format).string(v)
            }
            return f.strings?[i]
        }
        return def.value?.key
    }

    func pointRadius(_ l: ResolvedLayer, _ i: Int) -> Double {
        let base = l.layer.mark.size ?? 3.5
        guard l.fields[.size] != nil, let v = l.number(.size, i) else { return base }
        if sizeDomain == nil {
            var lo = Double.infinity, hi = -Double.infinity
            for other in layers where other.fields[.size] != nil {
                for j in 0..<other.rowCount { if let w = other.number(.size, j) { lo = min(lo, w); hi = max(hi, w) } }
            }
            sizeDomain = (lo, hi)
        }
        guard let (lo, hi) = sizeDomain, hi > lo, (hi - lo).isFinite else { return base }
        let radius = 2 + 6 * ((v - lo) / (hi - lo)).squareRoot()
        return radius.isFinite ? radius : base
    }

    /// A point's fill: its colour; on a map, the no-data grey when the colour value is missing
    /// (as for a shape without data), so that no place disappears from the map unremarked.
    func pointFill(_ l: ResolvedLayer, _ i: Int) -> Color? {
        if let c = fillColor(l, i) { return c }
        return l.has(.longitude) && l.fields[.color] != nil ? theme.noDataColor : nil
    }

    func emitMarks(_ l: ResolvedLayer, panel: Panel, panelID: String, clipped: inout [SceneItem], free: inout [SceneItem],
                   labels: inout [LabelRequest], obstacles: inout [(ScenePoint, Double)], mapInfo: MapInfo?) throws {
        let lid = "\(panelID)/layer\(l.index)"
        let rows = (0..<l.rowCount).filter { rowInPanel(l, $0, panel.key) }
        let r = panel.rect
        let mark = l.layer.mark
        func colorKey(_ i: Int) -> String { l.key(.color, i).map { "/" + slug($0) } ?? "" }
        func location(_ i: Int) -> ScenePoint? {
            if l.has(.longitude), l.has(.latitude), let mapInfo {
                guard let lon = l.number(.longitude, i), let lat = l.number(.latitude, i) else { return nil }
                return mapInfo.project(lon: lon, lat: lat, into: r)
            }
            guard let cx = px(l, .x, i, panel), let cy = py(l, .y, i, panel) else { return nil }
            return ScenePoint(cx, cy)
        }
        switch l.mark {
        case .bar:
            let ys = yScale(l)
            for i in rows {
                let rect: SceneRect
                let key: String
                if !l.horizontal {
                    guard x.kind == .band, let k = l.key(.x, i), let b = x.bandStart(k), let end = l.valueEnd(.y, i) else { continue }
                    let start = l.valueStart(.y, i) ?? baseline(ys)
                    let y0 = r.y + ys.map(start), y1 = r.y + ys.map(end)
                    rect = SceneRect(x: r.x + b, y: min(y0, y1), width: x.bandwidth, height: abs(y1 - y0))
                    key = k
                } else {
                    guard y.kind == .band, let k = l.key(.y, i), let b = y.bandStart(k), let end = l.valueEnd(.x, i) else { continue }
                    let start = l.valueStart(.x, i) ?? baseline(x)
                    let x0 = r.x + x.map(start), x1 = r.x + x.map(end)
                    rect = SceneRect(x: min(x0, x1), y: r.y + b, width: abs(x1 - x0), height: y.bandwidth)
                    key = k
                }
                guard let fill = fillColor(l, i) else { continue }
                clipped.append(.path(ScenePath(id: "\(lid)/bar/\(slug(key))\(colorKey(i))", segments: [.rect(rect)],
                                               fill: withOpacity(fill, mark.opacity),
                                               stroke: l.stacked ? theme.background : nil, lineWidth: 0.5)))
            }
            if mark.totals == true {
                for t in stackTotals(l, panel: panel.key) {
                    let text = totalLabel(l, t.total)
                    if l.horizontal, let c = y.bandCenter(t.key) {
                        free.append(.text(try textItem("\(lid)/total/\(slug(t.key))", text, font: theme.labelFont, color: theme.mutedTextColor,
                                                       at: ScenePoint(r.x + x.map(t.end) + 4, r.y + c), baseline: .middle)))
                    } else if !l.horizontal, let c = x.bandCenter(t.key) {
                        free.append(.text(try textItem("\(lid)/total/\(slug(t.key))", text, font: theme.labelFont, color: theme.mutedTextColor,
                                                       at: ScenePoint(r.x + c, r.y + ys.map(t.end) - 2), anchor: .middle, baseline: .bottom)))
                    }
                }
            }
        case .rect:
            let ys = yScale(l)
            for i in rows {
                func span(_ s: PositionScale, _ c: Channel, _ c2: Channel, _ origin: Double) -> (Double, Double)? {
                    if s.kind == .band {
                        guard let k = l.key(c, i), let b = s.bandStart(k) else { return nil }
                        return (origin + b, origin + b + s.bandwidth)
                    }
                    guard let a = l.number(c, i) else { return nil }
                    let b = l.number(c2, i) ?? a
                    let pa = origin + s.map(a), pb = origin + s.map(b)
                    return (min(pa, pb), max(pa, pb))
                }
                guard let sx = span(x, .x, .x2, r.x), let sy = span(ys, .y, .y2, r.y), let fill = fillColor(l, i) else { continue }
                let id = "\(lid)/rect/\(slug(l.key(.x, i) ?? ""))/\(slug(l.key(.y, i) ?? ""))"
                clipped.append(.path(ScenePath(id: id, segments: [.rect(SceneRect(x: sx.0, y: sy.0, width: sx.1 - sx.0, height: sy.1 - sy.0))],
                                               fill: withOpacity(fill, mark.opacity))))
            }
        case .rule:
            for i in rows {
                var segments: [PathSegment] = []
                var full = false
                if l.has(.x), l.has(.x2), l.has(.y) {
                    guard let a = px(l, .x, i, panel), let b = px(l, .x2, i, panel), let c = py(l, .y, i, panel) else { continue }
                    segments = [.move(ScenePoint(a, c)), .line(ScenePoint(b, c))]
                } else if l.has(.y), l.has(.y2), l.has(.x) {
                    guard let a = py(l, .y, i, panel), let b = py(l, .y2, i, panel), let c = px(l, .x, i, panel) else { continue }
                    segments = [.move(ScenePoint(c, a)), .line(ScenePoint(c, b))]
                } else if l.has(.x) {
                    guard let c = px(l, .x, i, panel) else { continue }
                    segments = [.move(ScenePoint(c, r.y)), .line(ScenePoint(c, r.maxY))]
                    full = true
                } else if l.has(.y) {
                    guard let c = py(l, .y, i, panel) else { continue }
                    segments = [.move(ScenePoint(r.x, c)), .line(ScenePoint(r.maxX, c))]
                    full = true
                }
                let stroke = l.fields[.color] != nil ? fillColor(l, i) : (l.fixedColor ?? (full ? theme.axisColor : theme.textColor))
                clipped.append(.path(ScenePath(id: "\(lid)/rule/\(i)\(colorKey(i))", segments: segments,
                                               stroke: withOpacity(stroke ?? theme.textColor, mark.opacity),
                                               lineWidth: mark.strokeWidth ?? (full ? 0.75 : 1.5), dash: mark.strokeDash ?? [])))
            }
        case .point:
            if let markers = denseMarkers(l, rows: rows, id: "\(lid)/points", panel: panel, location: location, obstacles: &obstacles) {
                free.append(.markers(markers))
                return
            }
            for i in rows {
                guard let p = location(i), let fill = pointFill(l, i) else { continue }
                let radius = pointRadius(l, i)
                let c = withOpacity(fill, mark.opacity)
                let label = l.has(.text) ? textValue(l, i) : nil
                let id = "\(lid)/point/" + slug(label ?? String(i))
                if mark.filled == false {
                    free.append(.path(ScenePath(id: id, segments: [.circle(center: p, radius: radius)], stroke: c, lineWidth: mark.strokeWidth ?? 1)))
                } else {
                    // On a map, a dark outline tells a marker from the shapes under it.
                    let outline = l.has(.longitude) ? theme.textColor : theme.background
                    free.append(.path(ScenePath(id: id, segments: [.circle(center: p, radius: radius)], fill: c,
                                                stroke: outline, lineWidth: mark.strokeWidth ?? (l.has(.longitude) ? 0.75 : 0.6))))
                }
                obstacles.append((p, radius + 0.5))
                if let label, !label.isEmpty {
                    if mark.repel == false {
                        free.append(.text(try textItem("\(panelID)/point-label/\(slug(label))", label, font: theme.labelFont,
                                                       color: theme.textColor, at: ScenePoint(p.x + radius + 2, p.y), baseline: .middle)))
                    } else {
                        labels.append((label, p, radius, l.index))
                    }
                }
            }
        case .line, .area:
            var groups: [String] = []
            var members: [String: [Int]] = [:]
            for i in rows {
                let g = (l.key(.color, i) ?? "") + "\u{1F}" + (l.key(.detail, i) ?? "")
                if members[g] == nil { groups.append(g) }
                members[g, default: []].append(i)
            }
            let ys = yScale(l)
            for g in groups {
                var idx = members[g] ?? []
                idx.sort { a, b in
                    if l.has(.order), let oa = l.number(.order, a), let ob = l.number(.order, b), oa != ob { return oa < ob }
                    let xa = px(l, .x, a, panel) ?? 0, xb = px(l, .x, b, panel) ?? 0
                    return xa != xb ? xa < xb : a < b
                }
                guard let first = idx.first, let c = fillColor(l, first) else { continue }
                let gid = "\(lid)/\(l.mark.rawValue)" + colorKey(first) + (l.key(.detail, first).map { "/" + slug($0) } ?? "")
                if l.mark == .line {
                    var segments: [PathSegment] = []
                    var pen = false
                    for i in idx {
                        guard let p = location(i), l.number(.y, i) != nil || l.has(.latitude) else { pen = false; continue }
                        segments.append(pen ? .line(p) : .move(p))
                        pen = true
                    }
                    clipped.append(.path(ScenePath(id: gid, segments: segments, stroke: withOpacity(c, mark.opacity),
                                                   lineWidth: mark.strokeWidth ?? 1.75, dash: mark.strokeDash ?? [], round: true)))
                } else {
                    var upper: [ScenePoint] = [], lower: [ScenePoint] = []
                    for i in idx {
                        guard let cx = px(l, .x, i, panel), let end = l.valueEnd(.y, i) else { continue }
                        let start = l.valueStart(.y, i) ?? baseline(ys)
                        upper.append(ScenePoint(cx, r.y + ys.map(end)))
                        lower.append(ScenePoint(cx, r.y + ys.map(start)))
                    }
                    guard let u0 = upper.first else { continue }
                    var segments: [PathSegment] = [.move(u0)]
                    segments += upper.dropFirst().map { .line($0) }
                    segments += lower.reversed().map { .line($0) }
                    segments.append(.close)
                    let opacity = mark.opacity ?? (l.has(.y2) ? 0.25 : 0.85)
                    clipped.append(.path(ScenePath(id: gid, segments: segments, fill: withOpacity(c, opacity))))
                }
            }
        case .text:
            let font = Font(family: theme.fontFamily, size: mark.size ?? theme.labelSize)
            let anchor: TextAnchor = mark.align == "left" ? .start : (mark.align == "right" ? .end : .middle)
            for i in rows {
                guard let p = location(i), let text = textValue(l, i), !text.isEmpty else { continue }
                let color: Color
                if mark.contrast == true, let fill = fillColor(l, i) {
                    color = Palette.textColor(on: fill, dark: theme.textColor)
                } else if l.fields[.color] != nil, let c = fillColor(l, i) {
                    color = c
                } else {
                    color = l.fixedColor ?? theme.textColor
                }
                let id = "\(lid)/text/\(slug(l.key(.x, i) ?? String(i)))/\(slug(l.key(.y, i) ?? ""))"
                free.append(.text(try textItem(id, text, font: font, color: color,
                                               at: ScenePoint(p.x + (mark.dx ?? 0), p.y + (mark.dy ?? 0)), anchor: anchor, baseline: .middle)))
            }
        case .geoshape:
            if let mapInfo { clipped += try mapInfo.shapes(for: l, panel: panel, layerID: lid, compilation: self) }
        }
    }
}
