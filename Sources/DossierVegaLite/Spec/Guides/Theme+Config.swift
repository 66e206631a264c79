import DossierBase

extension Theme {
    /// This theme with a chart's Vega-Lite `config` over it: `font`, `background`, `padding`,
    /// `range.category`/`range.ordinal` (nominal colours), `range.heatmap`/`range.ramp`
    /// (quantitative colours), `mark.color`, `title.fontSize`/`subtitleFontSize`; the other keys
    /// (axes, legend, title, view, mark defaults) are kept in ``config`` for the compiler.
    public func applying(_ config: ChartConfig) -> Theme {
        var theme = self
        theme.config = config
        if let font = config.font { theme.fontFamily = font }
        if let background = config.background { theme.background = background.flatMap(Palette.color) ?? Color(hex: 0xFFFFFF, alpha: 0) }
        if let padding = config.padding { theme.padding = padding }
        if let category = config.range["category"] ?? config.range["ordinal"] { theme.categorical = category.colors }
        if let ramp = config.range["heatmap"] ?? config.range["ramp"] { theme.sequential = ramp.colors }
        if let color = config.markDefaults("mark").color("color"), let color { theme.markColor = color }
        if let size = config.title.number("fontSize") { theme.titleSize = size }
        if let size = config.title.number("subtitleFontSize") { theme.subtitleSize = size }
        return theme
    }
}
