extension Compilation {
    /// Vega-Lite's default for `scale.zero` on a continuous x or y: true — the domain reaches
    /// zero — except for a binned field and for the continuous dimension of a bar, area, line
    /// or trail (x when the mark is vertical, as when both axes are continuous). Over layers
    /// sharing the scale, the first layer with the channel decides, as in Vega-Lite. A custom
    /// `domain` replaces the domain whatever `zero` says; log scales ignore it.
    static func vegaLiteZero(_ channel: Channel, _ group: [ResolvedLayer]) -> Bool {
        guard let first = group.first else { return false }
        if first.defs[channel]?.bin != nil { return false }
        let dimension: Channel = first.horizontal ? .y : .x
        switch first.mark {
        case .bar, .area, .line: return channel != dimension
        default: return true
        }
    }
}
