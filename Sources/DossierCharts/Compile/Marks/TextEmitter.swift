import CairoKit
import DossierBase
import DossierVegaLite

/// Text marks: the text channel's value (or the mark's `text`) at each row's position, offset
/// by dx/dy, anchored by `align` and `baseline`, rotated by `angle`, cut at `limit`.
struct TextEmitter: MarkEmitter {
    func checkChannels(_ layer: ResolvedLayer) throws {
        if layer.layer.mark.options.text == nil { try layer.require(.text) }
        if layer.has(.longitude) || layer.has(.latitude) { try layer.requirePosition() }
    }

    func emit(_ context: MarkContext) throws -> MarkOutput {
        let chart = context.chart, l = context.layer, theme = chart.theme, mark = context.mark, o = mark.options
        // A font needs a size Pango can shape: at least half a point.
        let font = TextStyle.font(o, size: max(0.5, o.fontSize ?? mark.size ?? theme.labelSize), theme: theme)
        let anchor: TextAnchor = mark.align == "left" ? .start : (mark.align == "right" ? .end : .middle)
        let baseline = TextStyle.baseline(o.baseline)
        var output = MarkOutput()
        for i in context.rows {
            guard let p = context.centeredLocation(i), var text = chart.textValue(l, i) ?? o.text, !text.isEmpty else { continue }
            if let limit = o.limit, limit > 0 { text = try TextStyle.truncated(text, to: limit, font: font, chart: chart) }
            let id = "\(context.layerID)/text/\(chart.slug(l.key(.x, i) ?? String(i)))/\(chart.slug(l.key(.y, i) ?? ""))"
            output.free.append(.text(try chart.textItem(id, text, font: font, color: color(context, row: i),
                                                        at: ScenePoint(p.x + (mark.dx ?? 0), p.y + (mark.dy ?? 0)), anchor: anchor,
                                                        baseline: baseline, rotation: o.angle ?? 0)))
        }
        return output
    }

    /// Contrasting with the row's colour when `contrast` is set, else the row's colour, else the fixed or text colour.
    private func color(_ context: MarkContext, row i: Int) -> Color {
        let chart = context.chart, l = context.layer
        if context.mark.contrast == true, let fill = chart.fillColor(l, i) {
            return Palette.textColor(on: fill, dark: chart.theme.textColor)
        } else if l.fields[.color] != nil, let c = chart.fillColor(l, i) {
            return context.fillAlpha(c)
        }
        let own = context.mark.options.fill.flatMap(Palette.color) ?? l.fixedColor ?? chart.theme.textColor
        return context.fillAlpha(own)
    }
}

/// Vega-Lite's text properties in Dossier's fonts.
enum TextStyle {
    /// The theme's family (or the mark's `font` when the report's fonts have it — they are the
    /// theme's, so a named family is kept only when it is the theme's), at `size`, in the mark's
    /// weight and style.
    static func font(_ o: MarkOptions, size: Double, theme: Theme) -> Font {
        let weight: Font.Weight
        switch o.fontWeight {
        case "bold", "bolder", "700", "800", "900": weight = .bold
        case "600", "500": weight = .semibold
        default: weight = .regular
        }
        return Font(family: theme.fontFamily, size: size, weight: weight, italic: o.fontStyle == "italic" || o.fontStyle == "oblique")
    }

    /// Vega's text baselines as scene anchors (`line-top`/`line-bottom` as top/bottom).
    static func baseline(_ name: String?) -> TextBaseline {
        switch name {
        case "top", "line-top": return .top
        case "bottom", "line-bottom": return .bottom
        case "alphabetic": return .alphabetic
        default: return .middle
        }
    }

    /// `text` cut with `…` to at most `limit` points wide (Vega's `limit`).
    static func truncated(_ text: String, to limit: Double, font: Font, chart: Compilation) throws -> String {
        guard try chart.measure(text, font).w > limit else { return text }
        var characters = Array(text)
        while !characters.isEmpty {
            characters.removeLast()
            let candidate = String(characters) + "…"
            if try chart.measure(candidate, font).w <= limit { return candidate }
        }
        return "…"
    }
}

extension MarkContext {
    /// A row's position, with Vega-Lite's default of the plot's middle for a missing x or y.
    func centeredLocation(_ i: Int) -> ScenePoint? {
        let l = layer, r = panel.rect
        if l.has(.longitude) || (l.placed(.x) && l.placed(.y)) { return location(i) }
        let x = l.placed(.x) ? chart.px(l, .x, i, panel) : r.x + r.width / 2 + mark.options.offset(.x)
        let y = l.placed(.y) ? chart.py(l, .y, i, panel) : r.y + r.height / 2 + mark.options.offset(.y)
        guard let x, let y else { return nil }
        return ScenePoint(x, y)
    }
}
