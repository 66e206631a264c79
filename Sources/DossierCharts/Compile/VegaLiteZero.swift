import DossierVegaLite

extension Compilation {
    /// Vega-Lite's default for `scale.zero` on a continuous x or y: true — the domain reaches
    /// zero — except for a binned field and for the continuous dimension of a bar, area, line
    /// or trail (x when the mark is vertical, as when both axes are continuous; y when a
    /// line's x is continuous and its y discrete or temporal, as in a ranged dot plot). Over layers
    /// sharing the scale, the first layer with the channel decides, as in Vega-Lite. A custom
    /// `domain` replaces the domain whatever `zero` says; log scales ignore it.
    static func vegaLiteZero(_ channel: Channel, _ group: [ResolvedLayer]) -> Bool {
        guard let first = group.first else { return false }
        if first.defs[channel]?.bin != nil { return false }
        let dimension: Channel = first.horizontal || lineRunsAlongY(first) ? .y : .x
        switch first.mark {
        case .bar, .area, .line, .trail: return channel != dimension
        default: return true
        }
    }

    /// Vega-Lite's horizontal orient of a line, area or trail whose drawing Dossier keeps
    /// vertical: a continuous x over a discrete y, or a quantitative x over a temporal y.
    static func lineRunsAlongY(_ layer: ResolvedLayer) -> Bool {
        guard [.line, .area, .trail].contains(layer.mark), layer.has(.x), layer.has(.y), !layer.isDiscrete(.x) else { return false }
        if layer.isDiscrete(.y) { return true }
        return layer.types[.y] == .temporal && layer.types[.x] != .temporal
    }
}
