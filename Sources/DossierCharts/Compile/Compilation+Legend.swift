import CairoKit
import DossierBase
import DossierVegaLite
import Foundation

/// A measured legend: its size and how to emit it at an origin.
struct LegendBlock {
    var width: Double
    var height: Double
    var emit: (ScenePoint) throws -> [SceneItem]
}

extension Compilation {
    enum SwatchShape { case square, circle, line }

    var legendPosition: String {
        let style = resolvedLegend()
        if style.properties.flag("disable") == true { return "none" }
        return style.orient == "none" && legendCoordinates(style) != nil ? Self.placedLegend : style.orient
    }

    func swatchShape(_ style: ResolvedLegend? = nil) -> SwatchShape {
        switch style?.symbolType {
        case "circle": return .circle
        case "square": return .square
        case "stroke": return .line
        default: break
        }
        let marks = layers.filter { $0.fields[.color] != nil }.map(\.mark)
        if marks.contains(where: { [.bar, .rect, .area, .geoshape].contains($0) }) { return .square }
        if marks.contains(.point) { return .circle }
        if marks.contains(.line) { return .line }
        return .square
    }

    /// The legend's title and the sizes every legend kind needs.
    struct LegendText {
        var title: String
        /// The title's measured size, nil for an empty title.
        var titleSize: (w: Double, h: Double, ascent: Double)?
        var labelHeight: Double
        /// Whether a "No data" entry is shown (some map shape or point has no value).
        var noData: Bool
        /// The legend's resolved properties.
        var style: ResolvedLegend
    }

    /// Builds the colour legend (nil when there is none), `available` wide at most for a
    /// horizontal legend. ``buildLegend(available:noData:)`` adds the other channels' legends.
    func buildColorLegend(available: Double, noData: Bool) throws -> LegendBlock? {
        guard legendPosition != "none", let scale = color else { return nil }
        let style = resolvedLegend()
        let horizontal = style.horizontal
        let titleText = spec.legend?.title ?? (style.properties.isNull("title") ? "" : style.properties.text("title")) ?? scale.title
        if let orient = style.titleOrient, orient != (horizontal ? "left" : "top"), !titleText.isEmpty {
            return try titled(scale, titleText, style: style, noData: noData, available: available, left: orient == "left")
        }
        let text = LegendText(title: titleText, titleSize: titleText.isEmpty ? nil : try measure(titleText, style.titleFont),
                              labelHeight: try measure("Hg", style.labelFont).h, noData: noData, style: style)
        return try legendBody(scale, text, horizontal: horizontal, available: available)
    }

    /// The legend's entries or gradient without a title.
    func legendBodyWithoutTitle(_ scale: ColorScale, _ text: LegendText, horizontal: Bool, available: Double) throws -> LegendBlock {
        try legendBody(scale, text, horizontal: horizontal, available: available)
    }

    /// The legend's entries or gradient, with the title where Dossier puts it by default.
    private func legendBody(_ scale: ColorScale, _ text: LegendText, horizontal: Bool, available: Double) throws -> LegendBlock {
        switch (scale.kind, horizontal) {
        case (.ordinal, false), (.classed, false): return try ordinalColumn(scale, text)
        case (.ordinal, true), (.classed, true): return try ordinalRows(scale, text, available: available)
        case (.sequential, false): return try sequentialColumn(scale, text)
        case (.sequential, true): return try sequentialRow(scale, text, available: available)
        }
    }

    /// The rows of an ordinal legend: each category and its colour ("No data" last when
    /// shown), the swatch shape and size, the row height and each entry's width.
    private struct OrdinalEntries {
        var entries: [(String, Color)]
        var shape: SwatchShape
        var swatchSize: Double
        var rowHeight: Double
        var widths: [Double]
    }

    private func ordinalEntries(_ scale: ColorScale, _ text: LegendText) throws -> OrdinalEntries {
        let style = text.style
        var categories = scale.categories
        if let values = style.properties.list("values") {
            let keys = Set(values.map(\.key))
            categories = categories.filter(keys.contains)
        }
        var entries: [(String, Color)] = categories.map {
            (style.labelText(value: Double($0), key: $0, label: $0), scale.color(key: $0) ?? theme.markColor)
        }
        if text.noData { entries.append((spec.legend?.noDataLabel ?? "No data", theme.noDataColor)) }
        let sw = style.symbolSide ?? 9.0
        let widths = try entries.map { try measure($0.0, style.labelFont).w + sw + 4 }
        return OrdinalEntries(entries: entries, shape: swatchShape(style), swatchSize: sw, rowHeight: max(text.labelHeight, sw) + 2, widths: widths)
    }

    /// Categories in a column: title, then one swatch and label per row.
    private func ordinalColumn(_ scale: ColorScale, _ text: LegendText) throws -> LegendBlock {
        let font = text.style.labelFont, textColor = text.style.labelColor, titleColor = text.style.titleColor, titleFont = text.style.titleFont
        let ordinal = try ordinalEntries(scale, text)
        let entries = ordinal.entries, shape = ordinal.shape, sw = ordinal.swatchSize, rowH = ordinal.rowHeight, widths = ordinal.widths
        let title = text.titleSize, titleText = text.title
        let w = max(title?.w ?? 0, widths.max() ?? 0)
        let h = (title.map { $0.h + 2 } ?? 0) + Double(entries.count) * rowH
        return LegendBlock(width: w, height: h) { origin in
            var items: [SceneItem] = []
            var yy = origin.y
            if let title {
                items.append(.text(try self.textItem("legend/title", titleText, font: titleFont,
                                                     color: titleColor, at: origin)))
                yy += title.h + 2
            }
            for entry in entries {
                let cy = yy + rowH / 2
                items.append(.path(self.legendSwatch(entry.0, shape, entry.1, x: origin.x, cy: cy, size: sw)))
                items.append(.text(try self.textItem("legend/label/\(entry.0)", entry.0, font: font, color: textColor,
                                                     at: ScenePoint(origin.x + sw + 4, cy), baseline: .middle)))
                yy += rowH
            }
            return items
        }
    }

    /// Categories flowing in rows: title first, then entries, wrapping at `available`.
    private func ordinalRows(_ scale: ColorScale, _ text: LegendText, available: Double) throws -> LegendBlock {
        let font = text.style.labelFont, textColor = text.style.labelColor, titleColor = text.style.titleColor, titleFont = text.style.titleFont
        let ordinal = try ordinalEntries(scale, text)
        let entries = ordinal.entries, shape = ordinal.shape, sw = ordinal.swatchSize, rowH = ordinal.rowHeight, widths = ordinal.widths
        let title = text.titleSize, titleText = text.title
        var positions: [(Double, Double)] = []
        var cx = (title?.w ?? 0) + (title == nil ? 0 : 8)
        var row = 0.0
        let perRow = text.style.columns.flatMap { $0 > 0 ? $0 : nil }
        for w in widths {
            let full = perRow.map { positions.count > 0 && positions.count % $0 == 0 } ?? false
            if cx > 0, (cx + w > available && perRow == nil) || full, !positions.isEmpty { cx = 0; row += 1 }
            positions.append((cx, row * rowH))
            cx += w + 10
        }
        let totalW = min(available, max(cx - 10, title?.w ?? 0))
        let totalH = (row + 1) * rowH
        return LegendBlock(width: totalW, height: totalH) { origin in
            var items: [SceneItem] = []
            if title != nil {
                items.append(.text(try self.textItem("legend/title", titleText, font: titleFont, color: titleColor,
                                                     at: ScenePoint(origin.x, origin.y + rowH / 2), baseline: .middle)))
            }
            for (n, entry) in entries.enumerated() {
                let (ex, ey) = positions[n]
                let cy = origin.y + ey + rowH / 2
                items.append(.path(self.legendSwatch(entry.0, shape, entry.1, x: origin.x + ex, cy: cy, size: sw)))
                items.append(.text(try self.textItem("legend/label/\(entry.0)", entry.0, font: font, color: textColor,
                                                     at: ScenePoint(origin.x + ex + sw + 4, cy), baseline: .middle)))
            }
            return items
        }
    }

    /// A vertical colour bar with tick labels, title above, "No data" swatch below.
    private func sequentialColumn(_ scale: ColorScale, _ text: LegendText) throws -> LegendBlock {
        let font = text.style.labelFont, textColor = text.style.labelColor, titleColor = text.style.titleColor, titleFont = text.style.titleFont, noData = text.noData, labelH = text.labelHeight
        let ticks = legendTicks(scale, text.style)
        let labels = legendLabels(scale, ticks, text.style)
        let labelWidths = try labels.map { try measure($0, font).w }
        let noDataW = noData ? try measure(spec.legend?.noDataLabel ?? "No data", font).w + 13 : 0
        let title = text.titleSize, titleText = text.title
        let barW = text.style.gradientThickness ?? 10.0, barH = text.style.gradientLength ?? min(110, max(50, height * 0.35))
        let w = max(title?.w ?? 0, barW + 4 + (labelWidths.max() ?? 0), noDataW)
        let top = (title.map { $0.h + 4 } ?? 0) + labelH / 2
        let h = top + barH + labelH / 2 + (noData ? labelH + 8 : 0)
        return LegendBlock(width: w, height: h) { origin in
            var items: [SceneItem] = []
            if title != nil {
                items.append(.text(try self.textItem("legend/title", titleText, font: titleFont, color: titleColor, at: origin)))
            }
            let y0 = origin.y + top
            items += self.gradient(scale, SceneRect(x: origin.x, y: y0, width: barW, height: barH), vertical: true)
            for (n, v) in ticks.enumerated() {
                let t = self.sequentialFraction(scale, v)
                let ty = y0 + barH * (1 - t)
                items.append(.path(ScenePath(id: "legend/tick/\(n)", segments: [.move(ScenePoint(origin.x + barW - 2, ty)), .line(ScenePoint(origin.x + barW, ty))], stroke: .white, lineWidth: 0.6)))
                items.append(.text(try self.textItem("legend/label/\(labels[n])", labels[n], font: font, color: textColor,
                                                     at: ScenePoint(origin.x + barW + 4, ty), baseline: .middle)))
            }
            if noData {
                let cy = y0 + barH + labelH / 2 + 8 + labelH / 2
                items += try self.noDataEntry(x: origin.x, cy: cy)
            }
            return items
        }
    }

    /// A horizontal colour bar after the title, tick labels under it, "No data" swatch after it.
    private func sequentialRow(_ scale: ColorScale, _ text: LegendText, available: Double) throws -> LegendBlock {
        let font = text.style.labelFont, textColor = text.style.labelColor, titleColor = text.style.titleColor, titleFont = text.style.titleFont, noData = text.noData
        let ticks = legendTicks(scale, text.style)
        let labels = legendLabels(scale, ticks, text.style)
        let labelWidths = try labels.map { try measure($0, font).w }
        let noDataW = noData ? try measure(spec.legend?.noDataLabel ?? "No data", font).w + 13 : 0
        let title = text.titleSize, titleText = text.title
        let barW = text.style.gradientLength ?? min(160, available * 0.5), barH = text.style.gradientThickness ?? 8.0
        let titleW = title.map { $0.w + 8 } ?? 0
        let firstHalf = (labelWidths.first ?? 0) / 2
        let w = titleW + firstHalf + barW + (labelWidths.last ?? 0) / 2 + (noData ? noDataW + 12 : 0)
        let h = barH + 2 + text.labelHeight
        return LegendBlock(width: w, height: h) { origin in
            var items: [SceneItem] = []
            if title != nil {
                items.append(.text(try self.textItem("legend/title", titleText, font: titleFont, color: titleColor,
                                                     at: ScenePoint(origin.x, origin.y + barH / 2), baseline: .middle)))
            }
            let x0 = origin.x + titleW + firstHalf
            items += self.gradient(scale, SceneRect(x: x0, y: origin.y, width: barW, height: barH), vertical: false)
            for (n, v) in ticks.enumerated() {
                let tx = x0 + barW * self.sequentialFraction(scale, v)
                items.append(.text(try self.textItem("legend/label/\(labels[n])", labels[n], font: font, color: textColor,
                                                     at: ScenePoint(tx, origin.y + barH + 2), anchor: .middle)))
            }
            if noData {
                items += try self.noDataEntry(x: x0 + barW + (labelWidths.last ?? 0) / 2 + 12, cy: origin.y + barH / 2)
            }
            return items
        }
    }

    /// The grey swatch and label of values missing from a sequential legend.
    private func noDataEntry(x: Double, cy: Double) throws -> [SceneItem] {
        let label = spec.legend?.noDataLabel ?? "No data"
        return [.path(swatch("legend/swatch/no-data", .square, theme.noDataColor, x: x, cy: cy, size: 9)),
                .text(try textItem("legend/label/no-data", label, font: theme.labelFont, color: theme.textColor,
                                   at: ScenePoint(x + 13, cy), baseline: .middle))]
    }

    func sequentialFraction(_ scale: ColorScale, _ v: Double) -> Double {
        if scale.log { return (log10(v) - log10(scale.lo)) / (log10(scale.hi) - log10(scale.lo)) }
        return scale.hi == scale.lo ? 0.5 : (v - scale.lo) / (scale.hi - scale.lo)
    }

    func gradient(_ scale: ColorScale, _ rect: SceneRect, vertical: Bool) -> [SceneItem] {
        let steps = 48
        var items: [SceneItem] = []
        for s in 0..<steps {
            let t = (Double(s) + 0.5) / Double(steps)
            let c = Palette.interpolate(scale.ramp, t)
            let slice: SceneRect
            if vertical {
                let h = rect.height / Double(steps)
                slice = SceneRect(x: rect.x, y: rect.maxY - Double(s + 1) * h, width: rect.width, height: h + (s == steps - 1 ? 0 : 0.3))
            } else {
                let w = rect.width / Double(steps)
                slice = SceneRect(x: rect.x + Double(s) * w, y: rect.y, width: w + (s == steps - 1 ? 0 : 0.3), height: rect.height)
            }
            items.append(.path(ScenePath(id: "legend/gradient/\(s)", segments: [.rect(slice)], fill: c)))
        }
        return items
    }

    func swatch(_ id: String, _ shape: SwatchShape, _ c: Color, x: Double, cy: Double, size: Double) -> ScenePath {
        switch shape {
        case .square:
            return ScenePath(id: id, segments: [.rect(SceneRect(x: x, y: cy - size / 2, width: size, height: size))], fill: c)
        case .circle:
            return ScenePath(id: id, segments: [.circle(center: ScenePoint(x + size / 2, cy), radius: size * 0.4)], fill: c)
        case .line:
            return ScenePath(id: id, segments: [.move(ScenePoint(x, cy)), .line(ScenePoint(x + size, cy))], stroke: c, lineWidth: 2)
        }
    }
}
