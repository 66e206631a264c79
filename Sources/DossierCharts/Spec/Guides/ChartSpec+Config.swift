extension ChartSpec {
    /// The spec with its `config`'s defaults filled in where the spec is silent: each layer's
    /// mark takes `config.<mark>` over `config.mark` (colour, opacity, size, strokeWidth,
    /// strokeDash, filled); the chart's `width` and `height` take `config.view`'s
    /// `continuousWidth`/`discreteWidth` and `continuousHeight`/`discreteHeight`.
    func applyingConfig() -> ChartSpec {
        var spec = self
        for index in spec.layers.indices {
            var mark = spec.layers[index].mark
            let defaults = config.markDefaults(mark.type.rawValue)
            if mark.color == nil, let color = defaults.text("color") { mark.color = color }
            if mark.opacity == nil { mark.opacity = defaults.number("opacity") }
            if mark.size == nil { mark.size = defaults.number("size") }
            if mark.strokeWidth == nil { mark.strokeWidth = defaults.number("strokeWidth") }
            if mark.strokeDash == nil, case .dash(let dash)? = defaults["strokeDash"] { mark.strokeDash = dash }
            if mark.filled == nil { mark.filled = defaults.flag("filled") }
            spec.layers[index].mark = mark
        }
        let discrete = { (channel: Channel) in
            spec.layers.contains { [.nominal, .ordinal].contains($0.encoding[channel]?.type) }
        }
        let sizes = config.viewSize
        if spec.width == nil, spec.widthRule == nil {
            spec.width = discrete(.x) ? sizes.discrete(width: true) : sizes.continuous(width: true)
        }
        if spec.height == nil, spec.heightRule == nil {
            spec.height = discrete(.y) ? sizes.discrete(width: false) : sizes.continuous(width: false)
        }
        return spec
    }
}
