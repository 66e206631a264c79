import CairoKit
import DossierBase
import DossierVegaLite
import Foundation

/// The legends of the shape, strokeDash, size, opacity and strokeWidth channels. As in
/// Vega-Lite, a channel on the colour's field merges into the colour legend (its swatches take
/// the shape, dash or opacity); a channel on another field gets its own legend, below.
extension Compilation {
    /// The colour legend and the other channels' legends, one under the other (nil: none).
    func buildLegend(available: Double, noData: Bool) throws -> LegendBlock? {
        let colorLegend = try buildColorLegend(available: available, noData: noData)
        guard legendPosition != "none" else { return colorLegend }
        let blocks = [colorLegend].compactMap { $0 } + (try channelLegends())
        guard blocks.count > 1 else { return blocks.first }
        let gap = 10.0
        let width = blocks.map(\.width).max() ?? 0
        let height = blocks.map(\.height).reduce(0, +) + gap * Double(blocks.count - 1)
        return LegendBlock(width: width, height: height) { origin in
            var items: [SceneItem] = []
            var y = origin.y
            for block in blocks {
                items += try block.emit(ScenePoint(origin.x, y))
                y += block.height + gap
            }
            return items
        }
    }

    /// The field of the ordinal colour legend, if there is one.
    private var colorLegendField: String? {
        guard let scale = color, scale.kind == .ordinal else { return nil }
        return scale.field
    }

    /// Whether the legend of `channel` is hidden (`legend: null`) on the layer that defines it.
    private func legendHidden(_ channel: Channel) -> Bool {
        layers.first { $0.fields[channel] != nil }?.defs[channel]?.legend?.hidden == true
    }

    /// A colour legend swatch, with the shape, dash or opacity of a channel on the same field.
    func legendSwatch(_ key: String, _ shape: SwatchShape, _ c: Color, x: Double, cy: Double, size: Double) -> ScenePath {
        let id = "legend/swatch/\(key)"
        let field = colorLegendField
        if let scale = channelScales.shape, scale.field == field, let symbol = scale.value(key: key) {
            return symbolSwatch(id, symbol, c, x: x, cy: cy, size: size)
        }
        if let scale = channelScales.strokeDash, scale.field == field, let dash = scale.value(key: key) {
            return ScenePath(id: id, segments: [.move(ScenePoint(x, cy)), .line(ScenePoint(x + size, cy))], stroke: c, lineWidth: 2, dash: dash)
        }
        if let scale = channelScales.numeric[.opacity], scale.field == field, let o = scale.value(number: Double(key), key: key) {
            return swatch(id, shape, c.withAlpha(c.alpha * o), x: x, cy: cy, size: size)
        }
        return swatch(id, shape, c, x: x, cy: cy, size: size)
    }

    private func symbolSwatch(_ id: String, _ symbol: SymbolShape, _ c: Color, x: Double, cy: Double, size: Double) -> ScenePath {
        let segments = PointSymbol.segments(symbol, center: ScenePoint(x + size / 2, cy), radius: size * 0.45)
        return symbol == .stroke ? ScenePath(id: id, segments: segments, stroke: c, lineWidth: 1.5)
                                 : ScenePath(id: id, segments: segments, fill: c)
    }

    /// One legend per channel whose field is not the colour legend's.
    private func channelLegends() throws -> [LegendBlock] {
        let field = colorLegendField
        var entries: [(channel: Channel, title: String, rows: [(String, (Double, Double) -> ScenePath)])] = []
        let ink = theme.mutedTextColor
        if let scale = channelScales.shape, scale.field != field, !legendHidden(.shape) {
            entries.append((.shape, scale.title, scale.categories.compactMap { k in
                scale.value(key: k).map { s in (k, { x, cy in self.symbolSwatch("legend/shape/\(k)", s, ink, x: x, cy: cy, size: 9) }) }
            }))
        }
        if let scale = channelScales.strokeDash, scale.field != field, !legendHidden(.strokeDash) {
            entries.append((.strokeDash, scale.title, scale.categories.compactMap { k in
                scale.value(key: k).map { dash in (k, { x, cy in
                    ScenePath(id: "legend/strokeDash/\(k)", segments: [.move(ScenePoint(x, cy)), .line(ScenePoint(x + 18, cy))],
                              stroke: ink, lineWidth: 1.5, dash: dash)
                }) }
            }))
        }
        for channel in [Channel.size, .opacity, .fillOpacity, .strokeOpacity, .strokeWidth] {
            guard let scale = channelScales.numeric[channel], scale.field != field || channel == .size || channel == .strokeWidth,
                  !legendHidden(channel) else { continue }
            entries.append((channel, scale.title, scale.entries.map { label, v in
                (label, { x, cy in
                    switch channel {
                    case .size:
                        let r = min(PointSymbol.radius(area: v), 12)
                        return ScenePath(id: "legend/size/\(label)", segments: [.circle(center: ScenePoint(x + 12 - r, cy), radius: r)],
                                         fill: self.theme.markColor.withAlpha(0.7))
                    case .strokeWidth:
                        return ScenePath(id: "legend/strokeWidth/\(label)", segments: [.move(ScenePoint(x, cy)), .line(ScenePoint(x + 18, cy))],
                                         stroke: ink, lineWidth: v)
                    default:
                        return ScenePath(id: "legend/\(channel.rawValue)/\(label)", segments: [.rect(SceneRect(x: x, y: cy - 4.5, width: 9, height: 9))],
                                         fill: self.theme.markColor.withAlpha(max(0, min(1, v))))
                    }
                })
            }))
        }
        return try entries.filter { !$0.rows.isEmpty }.map { entry in
            try channelLegendColumn(entry.channel, title: entry.title, rows: entry.rows)
        }
    }

    /// A legend column: the title, then a symbol and a label per row.
    private func channelLegendColumn(_ channel: Channel, title: String, rows: [(String, (Double, Double) -> ScenePath)]) throws -> LegendBlock {
        let font = theme.labelFont, textColor = theme.textColor
        let titleSize = title.isEmpty ? nil : try measure(title, theme.axisTitleFont)
        let labelHeight = try measure("Hg", font).h
        let symbolWidth = channel == .size ? 24.0 : (channel == .strokeDash || channel == .strokeWidth ? 18.0 : 9.0)
        var rowHeights: [Double] = []
        for (label, _) in rows {
            var h = labelHeight + 2
            if channel == .size, let v = channelScales.numeric[.size]?.entries.first(where: { $0.label == label })?.value {
                h = max(h, 2 * min(PointSymbol.radius(area: v), 12) + 2)
            }
            rowHeights.append(h)
        }
        let widths = try rows.map { try measure($0.0, font).w + symbolWidth + 4 }
        let width = max(titleSize?.w ?? 0, widths.max() ?? 0)
        let height = (titleSize.map { $0.h + 2 } ?? 0) + rowHeights.reduce(0, +)
        return LegendBlock(width: width, height: height) { origin in
            var items: [SceneItem] = []
            var y = origin.y
            if let titleSize {
                items.append(.text(try self.textItem("legend/\(channel.rawValue)/title", title, font: self.theme.axisTitleFont,
                                                     color: textColor, at: origin)))
                y += titleSize.h + 2
            }
            for (n, (label, symbol)) in rows.enumerated() {
                let cy = y + rowHeights[n] / 2
                items.append(.path(symbol(origin.x, cy)))
                items.append(.text(try self.textItem("legend/\(channel.rawValue)/label/\(label)", label, font: font, color: textColor,
                                                     at: ScenePoint(origin.x + symbolWidth + 4, cy), baseline: .middle)))
                y += rowHeights[n]
            }
            return items
        }
    }
}
