import CairoKit
import Foundation

/// One facet panel's plot area.
struct Panel {
    var key: String?
    var rect: SceneRect
    var row: Int
    var column: Int
    /// Draw x tick labels under this panel (last panel of its column).
    var xAxis: Bool
    /// Draw y tick labels left of this panel (first column).
    var yAxis: Bool
    /// Draw secondary y labels right of this panel (last panel of its row).
    var y2Axis: Bool
}

extension Compilation {
    func axisTitle(_ channel: Channel, secondary: Bool = false) -> String? {
        let group = layers.filter { $0.has(channel) && $0.secondary == secondary && $0.mark != .geoshape }
        let defs = group.compactMap { $0.defs[channel] }
        if let t = defs.compactMap({ $0.axis?.title }).first { return t.isEmpty ? nil : t }
        if let t = defs.compactMap(\.title).first { return t.isEmpty ? nil : t }
        return defs.compactMap(\.field).first
    }

    func tickLabels(_ scale: PositionScale) -> [(value: Double?, key: String?, text: String)] {
        if scale.kind == .band { return scale.categories.map { (nil, $0, $0) } }
        return scale.ticks.map { ($0, nil, scale.label($0)) }
    }

    func layoutAndEmit() throws -> Scene {
        let pad = theme.padding
        var items: [SceneItem] = []
        let contentWidth = width - 2 * pad
        var top = pad
        if let title = spec.title, !title.isEmpty {
            let t = try textItem("title", title, font: theme.titleFont, color: theme.textColor, at: ScenePoint(pad, top), wrap: contentWidth)
            items.append(.text(t)); top += t.height + 1
        }
        if let subtitle = spec.subtitle, !subtitle.isEmpty {
            let t = try textItem("subtitle", subtitle, font: theme.subtitleFont, color: theme.mutedTextColor, at: ScenePoint(pad, top), wrap: contentWidth)
            items.append(.text(t)); top += t.height
        }
        if spec.title != nil || spec.subtitle != nil { top += 8 }

        // Footer: caption, then source.
        var footer: [(String, String)] = []
        if let c = spec.caption, !c.isEmpty { footer.append(("caption", c)) }
        if let s = spec.source, !s.isEmpty { footer.append(("source", s.hasPrefix("Source") ? s : "Source: " + s)) }
        var bottom = height - pad
        var footerHeights: [Double] = []
        for (_, text) in footer { footerHeights.append(try measure(text, theme.captionFont, wrap: contentWidth).h) }
        if !footer.isEmpty { bottom -= footerHeights.reduce(0, +) + 8 }
        var footerY = bottom + 8
        for (n, (id, text)) in footer.enumerated() {
            items.append(.text(try textItem(id, text, font: theme.captionFont, color: theme.mutedTextColor,
                                            at: ScenePoint(pad, footerY), wrap: contentWidth)))
            footerY += footerHeights[n]
        }

        // Map preparation (projection, missing shapes) comes before the legend.
        let mapInfo = try prepareMap()

        // Legend.
        var right = width - pad
        var legendItems: [SceneItem] = []
        let legend = try buildLegend(available: contentWidth, noData: mapInfo?.hasMissing ?? false)
        var legendOrigin: ScenePoint?
        if let legend {
            switch legendPosition {
            case "top":
                legendOrigin = ScenePoint(pad, top); top += legend.height + 8
            case "bottom":
                bottom -= legend.height + 8; legendOrigin = ScenePoint(pad, bottom + 8)
            default:
                right -= legend.width + 14; legendOrigin = ScenePoint(right + 14, top)
            }
        }

        let labelFont = theme.labelFont
        let labelH = try measure("Hg", labelFont).h
        let tick = theme.tickLength

        // Left: y axis labels and title.
        var left = pad
        let yTitle = hasY ? axisTitle(.y) : nil
        let yTitleH = try yTitle.map { try measure($0, theme.axisTitleFont).h } ?? 0
        var yLabelW = 0.0
        if hasY { for l in tickLabels(y) { yLabelW = max(yLabelW, try measure(l.text, labelFont).w) } }
        if hasY, y.kind == .band { yLabelW = min(yLabelW, yLabelCap) }
        if hasY {
            left += (yTitle != nil ? yTitleH + 5 : 0) + yLabelW + tick + 2
        }
        // Right: secondary axis.
        let y2Title = y2 != nil ? axisTitle(.y, secondary: true) : nil
        let y2TitleH = try y2Title.map { try measure($0, theme.axisTitleFont).h } ?? 0
        var y2LabelW = 0.0
        if let y2 {
            for l in tickLabels(y2) { y2LabelW = max(y2LabelW, try measure(l.text, labelFont).w) }
            right -= tick + 2 + y2LabelW + (y2Title != nil ? y2TitleH + 5 : 0)
        }
        // Right: totals of horizontal bars.
        var totalsReserve = 0.0
        for l in layers where l.mark == .bar && l.horizontal && l.layer.mark.totals == true {
            for panel in panelKeys {
                for t in stackTotals(l, panel: panel) {
                    totalsReserve = max(totalsReserve, try measure(totalLabel(l, t.total), labelFont).w + 4)
                }
            }
        }
        // A stack that ends short of the axis end still gets its label inside the reserve.
        right -= totalsReserve
        // Top: totals over vertical bars.
        if layers.contains(where: { $0.mark == .bar && !$0.horizontal && $0.layer.mark.totals == true }) { top += labelH + 2 }

        // Bottom: x axis.
        let xTitle = hasX ? axisTitle(.x) : nil
        let xTitleH = try xTitle.map { try measure($0, theme.axisTitleFont).h } ?? 0
        let xLabels = hasX ? tickLabels(x) : []
        var xLabelW = 0.0
        for l in xLabels { xLabelW = max(xLabelW, try measure(l.text, labelFont).w) }

        // Annotation labels above the plot.
        let verticalAnnotations = (spec.annotations ?? []).filter { $0.x != nil && !($0.label ?? "").isEmpty }
        let annotationFont = theme.captionFont
        let annotationH = try measure("Hg", annotationFont).h

        let columns = facetColumns, rows = facetRows
        let stripH = spec.facet != nil ? try measure("Hg", theme.stripFont).h + 3 : 0
        let hGap = spec.facet != nil ? 12.0 : 0
        var vGap = spec.facet != nil ? 8.0 : 0

        // Tick labels centred on the ends of a continuous x axis must not leave the chart.
        if hasX, x.kind == .continuous, let first = xLabels.first, let last = xLabels.last {
            left = max(left, pad + (try measure(first.text, labelFont).w) / 2)
            right = min(right, width - pad - (try measure(last.text, labelFont).w) / 2)
        }

        var xRotated = x.kind == .band && (spec.layers.compactMap { $0.encoding.x?.axis?.labelAngle }.first.map { $0 != 0 } ?? false)
        var annotationLines = verticalAnnotations.isEmpty ? 0 : 1
        xLabelEvery = 1
        var panels: [Panel] = []
        var plotTop = top, plotBottom = bottom
        for _ in 0..<3 {
            let xLabelBand = hasX ? tick + 2 + (xRotated ? xLabelW : labelH) + (xTitle != nil ? xTitleH + 4 : 0) : 0
            plotTop = top + Double(annotationLines) * (annotationH + 1)
            plotBottom = bottom - xLabelBand
            // Facet rows whose bottom panels need x labels get them in the gap.
            vGap = spec.facet != nil ? 8 + (rows > 1 && hasX ? tick + 2 + (xRotated ? xLabelW : labelH) : 0) : 0
            let panelW = max(20, (right - left - Double(columns - 1) * hGap) / Double(columns))
            let panelH = max(20, (plotBottom - plotTop - Double(rows - 1) * vGap) / Double(rows) - stripH)
            panels = []
            for (n, key) in panelKeys.enumerated() {
                let r = n / columns, c = n % columns
                let rect = SceneRect(x: left + Double(c) * (panelW + hGap),
                                     y: plotTop + Double(r) * (panelH + stripH + vGap) + stripH,
                                     width: panelW, height: panelH)
                let below = n + columns < panelKeys.count
                let lastInRow = c == columns - 1 || n == panelKeys.count - 1
                panels.append(Panel(key: key, rect: rect, row: r, column: c, xAxis: !below, yAxis: c == 0, y2Axis: lastInRow))
            }
            x.length = panelW
            y.length = panelH
            y2?.length = panelH
            // Rotate crowded band labels.
            var changed = false
            if hasX, x.kind == .band, !xRotated, xLabelW > x.step * 0.92 {
                // Numeric categories (years) are thinned to every k-th label; names are rotated.
                if x.categories.allSatisfy({ Double($0) != nil }) {
                    let k = max(1, ChartLimits.clampedInt((xLabelW / (x.step * 0.92)).rounded(.up)))
                    if k != xLabelEvery { xLabelEvery = k; changed = true }
                } else {
                    xRotated = true; changed = true
                }
            }
            // Stagger annotation labels that would collide.
            if !verticalAnnotations.isEmpty {
                let levels = try annotationLevels(verticalAnnotations, panel: panels[0])
                let needed = min(3, (levels.max() ?? 0) + 1)
                if needed != annotationLines { annotationLines = needed; changed = true }
            }
            if !changed { break }
        }

        panelSize = panels.first.map { ($0.rect.width, $0.rect.height) }
        let xTitleItem: SceneText? = try xTitle.map {
            let cx = (panels.map(\.rect.x).min() ?? left + right) / 2 + ((panels.map(\.rect.maxX).max() ?? right) - (panels.map(\.rect.x).min() ?? left)) / 2
            return try textItem("axis-x/title", $0, font: theme.axisTitleFont, color: theme.textColor,
                                at: ScenePoint(cx, bottom), anchor: .middle, baseline: .bottom)
        }
        let gridTop = panels.map(\.rect.y).min() ?? plotTop
        let gridBottom = panels.map(\.rect.maxY).max() ?? plotBottom
        let yTitleItem: SceneText? = try yTitle.map {
            try textItem("axis-y/title", $0, font: theme.axisTitleFont, color: theme.textColor,
                         at: ScenePoint(pad, (gridTop + gridBottom) / 2), anchor: .middle, baseline: .top, rotation: -90)
        }
        let y2TitleItem: SceneText? = try y2Title.map {
            try textItem("axis-y2/title", $0, font: theme.axisTitleFont, color: theme.textColor,
                         at: ScenePoint((panels.map(\.rect.maxX).max() ?? right) + tick + 2 + y2LabelW + 5, (gridTop + gridBottom) / 2),
                         anchor: .middle, baseline: .top, rotation: -90)
        }

        for (n, panel) in panels.enumerated() {
            items.append(.group(try emitPanel(panel, index: n, stripH: stripH, xRotated: xRotated, mapInfo: mapInfo)))
        }
        if let t = xTitleItem { items.append(.text(t)) }
        if let t = yTitleItem { items.append(.text(t)) }
        if let t = y2TitleItem { items.append(.text(t)) }
        if let legend, let origin = legendOrigin {
            legendItems = try legend.emit(origin)
            items.append(.group(SceneGroup(id: "legend", items: legendItems)))
        }
        let summary = spec.description ?? spec.subtitle ?? spec.caption
        return Scene(width: width, height: height, background: theme.background, title: spec.title, summary: summary, items: items)
    }

    func totalLabel(_ l: ResolvedLayer, _ total: Double) -> String {
        (l.layer.mark.totalsPrefix ?? "n = ") + NumberFormat(",~f").string(total)
    }

    /// Vertical position (level) of each vertical annotation label so that none overlaps.
    /// Vertical position (level, 0 nearest the plot) of each vertical annotation label, so
    /// that no two labels overlap and no annotation's line crosses another's label: labels
    /// are assigned from right to left, and a label rises above every line inside its span.
    func annotationLevels(_ annotations: [Annotation], panel: Panel) throws -> [Int] {
        var spans: [(x: Double, from: Double, to: Double, level: Int)] = []
        var levels = [Int](repeating: 0, count: annotations.count)
        var order: [(Int, Double)] = []
        for (n, a) in annotations.enumerated() {
            if let value = a.x, let px = xPosition(value, panel: panel) { order.append((n, px)) }
        }
        order.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        for (n, px) in order {
            let w = try measure(annotations[n].label ?? "", theme.captionFont).w
            let from = px - 1, to = px + 3 + w + 4
            var level = 0
            for s in spans where s.x >= from && s.x <= to { level = max(level, s.level + 1) }
            while spans.contains(where: { $0.level == level && $0.from < to && from < $0.to }) { level += 1 }
            spans.append((px, from, to, level))
            levels[n] = level
        }
        return levels
    }

    func xPosition(_ value: ChartValue, panel: Panel) -> Double? {
        guard hasX else { return nil }
        if x.kind == .band { return x.bandCenter(value.key).map { panel.rect.x + $0 } }
        return value.number.map { panel.rect.x + x.map($0) }
    }

    func yPosition(_ value: ChartValue, panel: Panel) -> Double? {
        guard hasY else { return nil }
        if y.kind == .band { return y.bandCenter(value.key).map { panel.rect.y + $0 } }
        return value.number.map { panel.rect.y + y.map($0) }
    }
}
