extension ChartSpec {
    /// The spec with its `config`'s defaults filled in where the spec is silent: each layer's
    /// mark takes its `style`s over `config.<mark>` over `config.mark` (``MarkConfig``); the chart's `width` and `height` take `config.view`'s
    /// `continuousWidth`/`discreteWidth` and `continuousHeight`/`discreteHeight`.
    package func applyingConfig() -> ChartSpec {
        var spec = self
        for index in spec.layers.indices {
            MarkConfig.fill(&spec.layers[index].mark, from: config.markDefaults(spec.layers[index].mark))
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
