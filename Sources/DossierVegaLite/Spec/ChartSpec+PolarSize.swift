extension ChartSpec {
    /// Vega-Lite's size of a chart placed by angle and radius alone (a pie, a donut, a radial
    /// chart: `arc` layers, no x, y, longitude or latitude): `config.view`'s continuous width
    /// and height, 300 × 300, so the circle fills a square plot. Other charts keep Dossier's size.
    package func withPolarDefaultSize() -> ChartSpec {
        guard width == nil || height == nil, layers.contains(where: { $0.mark.type == .arc }),
              layers.allSatisfy({ layer in [Channel.x, .y, .longitude, .latitude].allSatisfy { layer.encoding[$0] == nil } })
        else { return self }
        var spec = self
        spec.width = spec.width ?? Self.polarDefaultSide
        spec.height = spec.height ?? Self.polarDefaultSide
        return spec
    }

    /// Vega-Lite's `config.view.continuousWidth` and `continuousHeight`.
    static let polarDefaultSide = 300.0
}
