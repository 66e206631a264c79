import CairoKit
import DossierBase
import DossierVegaLite
import Foundation

extension Compilation {
    func axisTitle(_ channel: Channel, secondary: Bool = false) -> String? {
        let group = layers.filter { $0.has(channel) && $0.secondary == secondary && $0.mark != .geoshape }
        let defs = group.compactMap { $0.defs[channel] }
        let axis = resolvedAxis(channel, secondary: secondary)
        if axis.hidden || axis.properties.isNull("title") { return nil }
        if let t = defs.compactMap({ $0.axis?.title }).first ?? axis.properties.text("title") { return t.isEmpty ? nil : t }
        if let t = defs.compactMap(\.title).first { return t.isEmpty ? nil : t }
        if let field = defs.compactMap(\.field).first { return field }
        if defs.contains(where: { $0.aggregate == .count }) { return theme.config.countTitle }
        return nil
    }

    func tickLabels(_ scale: PositionScale) -> [(value: Double?, key: String?, text: String)] {
        if scale.kind == .band { return scale.categories.map { (nil, $0, scale.categoryLabels[$0] ?? $0) } }
        return scale.ticks.map { ($0, nil, scale.label($0)) }
    }

    /// Places titles, footer, legend, axes and panels, measuring text; emits nothing.
    func layOut(mapInfo: MapInfo?) throws -> ChartLayout {
        let contentWidth = width - 2 * theme.padding
        let header = try headerItems(contentWidth: contentWidth)
        let footer = try footerItems(contentWidth: contentWidth)
        var frame = PlotFrame(left: theme.padding, right: width - theme.padding, top: header.bottom, bottom: footer.top)
        let legend = try buildLegend(available: contentWidth, noData: mapInfo?.hasMissing ?? false)
        var legendOrigin: ScenePoint?
        let legendStyle = resolvedLegend()
        if let legend, !legendStyle.inCorner { (frame, legendOrigin) = placing(legend, in: frame, style: legendStyle) }
        let axes = try measureAxes()
        let titleLeft = frame.left
        frame = try reservingAxes(axes, in: frame)
        let grid = try fitPanels(axes, in: frame)
        if let legend, legendStyle.inCorner { legendOrigin = cornerOrigin(legend, style: legendStyle, grid: grid) }
        return ChartLayout(frameItems: header.items + footer.items, legend: legend, legendOrigin: legendOrigin, grid: grid,
                           axisTitles: try axisTitleItems(axes, grid: grid, frame: frame, titleLeft: titleLeft), mapInfo: mapInfo)
    }

    /// The scene: frame texts, then the panels, the axis titles and the legend.
    func emit(_ layout: ChartLayout) throws -> Scene {
        var items = layout.frameItems
        for (n, panel) in layout.grid.panels.enumerated() {
            items.append(.group(try emitPanel(panel, index: n, grid: layout.grid, mapInfo: layout.mapInfo)))
        }
        items += layout.axisTitles.map { .text($0) }
        if let legend = layout.legend, let origin = layout.legendOrigin {
            items.append(.group(SceneGroup(id: "legend", items: try legend.emit(origin))))
        }
        let summary = spec.description ?? spec.subtitle ?? spec.caption ?? spec.title ?? spec.generatedSummary
        return Scene(width: width, height: height, background: theme.background, title: spec.title, summary: summary, items: items)
    }

    /// Title and subtitle at the top, and where the space under them starts.
    private func headerItems(contentWidth: Double) throws -> (items: [SceneItem], bottom: Double) {
        let pad = theme.padding, style = titleStyle
        let (x, anchor, align) = titleAnchor(contentWidth: contentWidth)
        var items: [SceneItem] = []
        var top = pad
        if let title = spec.title, !title.isEmpty {
            let color = style.color("color").flatMap { $0 } ?? theme.textColor
            let t = try textItem("title", title, font: titleFont(subtitle: false), color: color, at: ScenePoint(x, top), anchor: anchor,
                                 wrap: contentWidth, align: align)
            items.append(.text(t)); top += t.height + (style.number("subtitlePadding") ?? 1)
        }
        if let subtitle = spec.subtitle, !subtitle.isEmpty {
            let color = style.color("subtitleColor").flatMap { $0 } ?? theme.mutedTextColor
            let t = try textItem("subtitle", subtitle, font: titleFont(subtitle: true), color: color, at: ScenePoint(x, top), anchor: anchor,
                                 wrap: contentWidth, align: align)
            items.append(.text(t)); top += t.height
        }
        if spec.title != nil || spec.subtitle != nil { top += style.number("offset") ?? 8 }
        return (items, top)
    }

    /// Caption, then source, at the bottom, and where the space over them ends.
    private func footerItems(contentWidth: Double) throws -> (items: [SceneItem], top: Double) {
        let pad = theme.padding
        var footer: [(String, String)] = []
        if let c = spec.caption, !c.isEmpty { footer.append(("caption", c)) }
        if let s = spec.source, !s.isEmpty { footer.append(("source", s.hasPrefix("Source") ? s : "Source: " + s)) }
        var bottom = height - pad
        var footerHeights: [Double] = []
        for (_, text) in footer { footerHeights.append(try measure(text, theme.captionFont, wrap: contentWidth).h) }
        if !footer.isEmpty { bottom -= footerHeights.reduce(0, +) + 8 }
        var items: [SceneItem] = []
        var footerY = bottom + 8
        for (n, (id, text)) in footer.enumerated() {
            items.append(.text(try textItem(id, text, font: theme.captionFont, color: theme.mutedTextColor,
                                            at: ScenePoint(pad, footerY), wrap: contentWidth)))
            footerY += footerHeights[n]
        }
        return (items, bottom)
    }

    /// The frame without the legend's room, and the legend's origin.
    private func placing(_ legend: LegendBlock, in frame: PlotFrame, style: ResolvedLegend) -> (PlotFrame, ScenePoint) {
        var frame = frame
        let origin: ScenePoint
        switch legendPosition {
        case Self.placedLegend:
            let (x, y) = legendCoordinates(style) ?? (0, 0)
            origin = ScenePoint(frame.left + x, frame.top + y)
        case "top":
            origin = ScenePoint(theme.padding, frame.top); frame.top += legend.height + (style.offset ?? 8)
        case "bottom":
            frame.bottom -= legend.height + (style.offset ?? 8); origin = ScenePoint(theme.padding, frame.bottom + (style.offset ?? 8))
        case "left":
            origin = ScenePoint(frame.left, frame.top); frame.left += legend.width + (style.offset ?? 14)
        default:
            frame.right -= legend.width + (style.offset ?? 14); origin = ScenePoint(frame.right + (style.offset ?? 14), frame.top)
        }
        return (frame, origin)
    }

    /// Axis titles and the widest tick labels.
    private func measureAxes() throws -> AxisMeasures {
        let labelFont = theme.labelFont
        let xAxis = resolvedAxis(.x), yAxis = resolvedAxis(.y)
        let yTitle = hasY ? axisTitle(.y) : nil
        var yLabelW = 0.0
        if hasY, yAxis.showsLabels { for l in axisTicks(y, yAxis) { yLabelW = max(yLabelW, try measure(l.text, yAxis.labelFont).w) } }
        if hasY, y.kind == .band { yLabelW = min(yLabelW, yLabelCap) }
        let y2Title = y2 != nil ? axisTitle(.y, secondary: true) : nil
        var y2LabelW = 0.0
        if let y2 { for l in tickLabels(y2) { y2LabelW = max(y2LabelW, try measure(l.text, labelFont).w) } }
        let xTitle = hasX ? axisTitle(.x) : nil
        let xLabels = hasX && xAxis.showsLabels ? axisTicks(x, xAxis) : []
        var xLabelW = 0.0
        for l in xLabels { xLabelW = max(xLabelW, try measure(l.text, xAxis.labelFont).w) }
        return AxisMeasures(labelHeight: try measure("Hg", labelFont).h, xAxis: xAxis, yAxis: yAxis,
                            xLabelHeight: try measure("Hg", xAxis.labelFont).h,
                            xTitle: xTitle, xTitleHeight: try titleHeight(xTitle, xAxis.titleFont), xLabels: xLabels, xLabelWidth: xLabelW,
                            yTitle: yTitle, yTitleHeight: try titleHeight(yTitle, yAxis.titleFont), yLabelWidth: yLabelW,
                            y2Title: y2Title, y2TitleHeight: try titleHeight(y2Title), y2LabelWidth: y2LabelW)
    }

    private func titleHeight(_ title: String?, _ font: Font? = nil) throws -> Double {
        try title.map { try measure($0, font ?? theme.axisTitleFont).h } ?? 0
    }

    /// The frame without the room of the y axes, bar totals and the ends of the x labels.
    private func reservingAxes(_ axes: AxisMeasures, in frame: PlotFrame) throws -> PlotFrame {
        var frame = frame
        let pad = theme.padding, tick = theme.tickLength, labelFont = theme.labelFont
        if hasY, !axes.yAxis.hidden {
            let yAxis = axes.yAxis
            frame.left += (axes.yTitle != nil ? axes.yTitleHeight + (yAxis.titlePadding ?? 5) : 0)
                + yAxis.clampedExtent(yAxis.showsLabels ? axes.yLabelWidth + yAxis.labelGap : (yAxis.ticks == true ? yAxis.tickSize : 0))
                + yAxis.offset
        }
        if y2 != nil {
            frame.right -= tick + 2 + axes.y2LabelWidth + (axes.y2Title != nil ? axes.y2TitleHeight + 5 : 0)
        }
        // Right: totals of horizontal bars. A stack that ends short of the axis end still gets
        // its label inside the reserve.
        var totalsReserve = 0.0
        for l in layers where l.mark == .bar && l.horizontal && l.layer.mark.totals == true {
            for panel in panelKeys {
                for t in stackTotals(l, panel: panel) {
                    totalsReserve = max(totalsReserve, try measure(totalLabel(l, t.total), labelFont).w + 4)
                }
            }
        }
        frame.right -= totalsReserve
        // Top: totals over vertical bars.
        if layers.contains(where: { $0.mark == .bar && !$0.horizontal && $0.layer.mark.totals == true }) { frame.top += axes.labelHeight + 2 }
        // Tick labels centred on the ends of a continuous x axis must not leave the chart.
        if hasX, x.kind == .continuous, !axes.xAxis.labelFlush, (axes.xAxis.labelAngle ?? 0) == 0,
           let first = axes.xLabels.first, let last = axes.xLabels.last {
            frame.left = max(frame.left, pad + (try measure(first.text, labelFont).w) / 2)
            frame.right = min(frame.right, width - pad - (try measure(last.text, labelFont).w) / 2)
        }
        return frame
    }

    /// How crowded x labels and annotation labels are fitted; refined over up to three layouts.
    private struct LabelFit: Equatable {
        var xRotated: Bool
        var xLabelEvery: Int
        var annotationLines: Int
    }

    /// The panel grid: laid out, then again while rotating or thinning x labels or stacking
    /// annotation labels changes the room they take (three layouts at most).
    private func fitPanels(_ axes: AxisMeasures, in frame: PlotFrame) throws -> PanelGrid {
        let verticalAnnotations = (spec.annotations ?? []).filter { $0.x != nil && !($0.label ?? "").isEmpty }
        let annotationH = try measure("Hg", theme.captionFont).h
        let stripH = spec.facet != nil && spec.facet?.header?.labels != false ? try measure("Hg", theme.stripFont).h + 3 : 0
        var fit = LabelFit(xRotated: false, xLabelEvery: 1, annotationLines: verticalAnnotations.isEmpty ? 0 : 1)
        var grid: PanelGrid
        var passes = 0
        var changed: Bool
        repeat {
            grid = panelGrid(axes, in: frame, fit: fit, stripHeight: stripH, annotationHeight: annotationH)
            let next = try refit(fit, grid: grid, axes: axes, annotations: verticalAnnotations)
            changed = next != fit
            fit = next
            passes += 1
        } while changed && passes < 3
        grid.xRotated = fit.xRotated
        grid.xLabelEvery = fit.xLabelEvery
        return grid
    }

    /// The panels for one label fit, and the scales sized to them.
    private func panelGrid(_ axes: AxisMeasures, in frame: PlotFrame, fit: LabelFit, stripHeight stripH: Double,
                           annotationHeight annotationH: Double) -> PanelGrid {
        let xAxis = axes.xAxis
        let columns = facetColumns, rows = facetRows
        let hGap = spec.facet != nil ? 12.0 : 0
        let xTickBand = hasX ? xLabelExtent(axes, rotated: fit.xRotated) : 0
        let xLabelBand = hasX && !xAxis.hidden ? xTickBand + xAxis.offset + (axes.xTitle != nil ? axes.xTitleHeight + (xAxis.titlePadding ?? 4) : 0) : 0
        let plotTop = frame.top + Double(fit.annotationLines) * (annotationH + 1)
        let plotBottom = frame.bottom - xLabelBand
        // Facet rows whose bottom panels need x labels get them in the gap.
        let vGap = spec.facet != nil ? 8 + (rows > 1 && hasX ? xTickBand : 0) : 0
        let panelW = max(20, (frame.right - frame.left - Double(columns - 1) * hGap) / Double(columns))
        let panelH = max(20, (plotBottom - plotTop - Double(rows - 1) * vGap) / Double(rows) - stripH)
        var panels: [Panel] = []
        for (n, key) in panelKeys.enumerated() {
            let r = n / columns, c = n % columns
            let rect = SceneRect(x: frame.left + Double(c) * (panelW + hGap),
                                 y: plotTop + Double(r) * (panelH + stripH + vGap) + stripH,
                                 width: panelW, height: panelH)
            let below = n + columns < panelKeys.count
            let lastInRow = c == columns - 1 || n == panelKeys.count - 1
            panels.append(Panel(key: key, rect: rect, row: r, column: c, xAxis: !below, yAxis: c == 0, y2Axis: lastInRow))
        }
        var sized = scales
        sized.x.length = panelW
        sized.y.length = panelH
        sized.y2?.length = panelH
        return PanelGrid(panels: panels, scales: sized, xRotated: fit.xRotated, xLabelEvery: fit.xLabelEvery,
                         stripHeight: stripH, plotBottom: plotBottom, plotTop: plotTop)
    }

    /// The fit for the next layout: crowded band labels rotated (names) or thinned to every
    /// k-th (numbers, such as years); colliding annotation labels staggered on up to 3 lines.
    private func refit(_ fit: LabelFit, grid: PanelGrid, axes: AxisMeasures, annotations: [Annotation]) throws -> LabelFit {
        var next = fit
        let x = grid.scales.x
        if hasX, x.kind == .band, !fit.xRotated, axes.xAxis.labelOverlap, axes.xAxis.labelAngle == nil, axes.xLabelWidth > x.step * 0.92 {
            if x.categories.allSatisfy({ Double($0) != nil }) {
                next.xLabelEvery = max(1, ChartLimits.clampedInt((axes.xLabelWidth / (x.step * 0.92)).rounded(.up)))
            } else {
                next.xRotated = true
            }
        }
        if !annotations.isEmpty {
            let levels = try annotationLevels(annotations, panel: grid.panels[0], x: x)
            next.annotationLines = min(3, (levels.max() ?? 0) + 1)
        }
        return next
    }

    /// The titles of the x axis (under the panels), the y axis (left) and the secondary y axis (right).
    private func axisTitleItems(_ axes: AxisMeasures, grid: PanelGrid, frame: PlotFrame, titleLeft: Double) throws -> [SceneText] {
        let panels = grid.panels, tick = theme.tickLength
        let left = frame.left, right = frame.right
        var titles: [SceneText] = []
        if let title = axes.xTitle {
            // Centred under the panels: halfway between the first panel's left edge and the last one's right edge.
            let cx = ((panels.map(\.rect.x).min() ?? left) + (panels.map(\.rect.maxX).max() ?? right)) / 2
            titles.append(try textItem("axis-x/title", title, font: axes.xAxis.titleFont, color: axes.xAxis.titleColor,
                                       at: ScenePoint(cx, frame.bottom), anchor: .middle, baseline: .bottom))
        }
        let gridTop = panels.map(\.rect.y).min() ?? grid.plotTop
        let gridBottom = panels.map(\.rect.maxY).max() ?? grid.plotBottom
        if let title = axes.yTitle {
            titles.append(try textItem("axis-y/title", title, font: axes.yAxis.titleFont, color: axes.yAxis.titleColor,
                                       at: ScenePoint(titleLeft, (gridTop + gridBottom) / 2), anchor: .middle, baseline: .top, rotation: -90))
        }
        if let title = axes.y2Title {
            titles.append(try textItem("axis-y2/title", title, font: theme.axisTitleFont, color: theme.textColor,
                                       at: ScenePoint((panels.map(\.rect.maxX).max() ?? right) + tick + 2 + axes.y2LabelWidth + 5, (gridTop + gridBottom) / 2),
                                       anchor: .middle, baseline: .top, rotation: -90))
        }
        return titles
    }

    func totalLabel(_ l: ResolvedLayer, _ total: Double) -> String {
        (l.layer.mark.totalsPrefix ?? "n = ") + NumberFormat(",~f").string(total)
    }

    /// Vertical position (level, 0 nearest the plot) of each vertical annotation label, so
    /// that no two labels overlap and no annotation's line crosses another's label: labels
    /// are assigned from right to left, and a label rises above every line inside its span.
    func annotationLevels(_ annotations: [Annotation], panel: Panel, x: PositionScale) throws -> [Int] {
        var spans: [(x: Double, from: Double, to: Double, level: Int)] = []
        var levels = [Int](repeating: 0, count: annotations.count)
        var order: [(Int, Double)] = []
        for (n, a) in annotations.enumerated() {
            if let value = a.x, let px = xPosition(value, panel: panel, x: x) { order.append((n, px)) }
        }
        order.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        for (n, px) in order {
            let w = try measure(annotations[n].label ?? "", theme.captionFont).w
            let (from, to) = annotationLabelEndsLeft(at: px, labelWidth: w) ? (px - 3 - w - 4, px + 1) : (px - 1, px + 3 + w + 4)
            var level = 0
            for s in spans where s.x >= from && s.x <= to { level = max(level, s.level + 1) }
            while spans.contains(where: { $0.level == level && $0.from < to && from < $0.to }) { level += 1 }
            spans.append((px, from, to, level))
            levels[n] = level
        }
        return levels
    }

    /// Whether a vertical annotation's label at `x` is set to the left of its line (ending 3 points
    /// before it) because, set to the right as usual, it would come within 4 points of the
    /// chart's right edge (or past it).
    func annotationLabelEndsLeft(at x: Double, labelWidth: Double) -> Bool {
        x + 3 + labelWidth > width - 4 && x - 3 - labelWidth >= 0
    }

    func xPosition(_ value: ChartValue, panel: Panel, x: PositionScale) -> Double? {
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
