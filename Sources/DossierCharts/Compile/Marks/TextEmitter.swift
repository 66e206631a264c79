import CairoKit

/// Text marks: the text channel's value at each row's position, offset by dx/dy.
struct TextEmitter: MarkEmitter {
    func checkChannels(_ layer: ResolvedLayer) throws {
        try layer.require(.text)
        try layer.requirePosition()
    }

    func emit(_ context: MarkContext) throws -> MarkOutput {
        let chart = context.chart, l = context.layer, theme = chart.theme, mark = context.mark
        let font = Font(family: theme.fontFamily, size: mark.size ?? theme.labelSize)
        let anchor: TextAnchor = mark.align == "left" ? .start : (mark.align == "right" ? .end : .middle)
        var output = MarkOutput()
        for i in context.rows {
            guard let p = context.location(i), let text = chart.textValue(l, i), !text.isEmpty else { continue }
            let id = "\(context.layerID)/text/\(chart.slug(l.key(.x, i) ?? String(i)))/\(chart.slug(l.key(.y, i) ?? ""))"
            output.free.append(.text(try chart.textItem(id, text, font: font, color: color(context, row: i),
                                                        at: ScenePoint(p.x + (mark.dx ?? 0), p.y + (mark.dy ?? 0)), anchor: anchor, baseline: .middle)))
        }
        return output
    }

    /// Contrasting with the row's colour when `contrast` is set, else the row's colour, else the fixed or text colour.
    private func color(_ context: MarkContext, row i: Int) -> Color {
        let chart = context.chart, l = context.layer
        if context.mark.contrast == true, let fill = chart.fillColor(l, i) {
            return Palette.textColor(on: fill, dark: chart.theme.textColor)
        } else if l.fields[.color] != nil, let c = chart.fillColor(l, i) {
            return c
        }
        return l.fixedColor ?? chart.theme.textColor
    }
}
