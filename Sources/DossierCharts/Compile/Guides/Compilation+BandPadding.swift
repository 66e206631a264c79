import DossierVegaLite

extension Compilation {
    /// A band scale's inner and outer padding: the mark's `padding`, else the scale's
    /// `paddingInner`/`paddingOuter`/`padding`, else `config.scale` (`rectBandPaddingInner`,
    /// `barBandPaddingInner`, `bandPaddingInner`, `bandPaddingOuter`), else Dossier's (rects
    /// 0.04 and 0, bars 0.25 and half that, others 0.2). A `point` scale has no bands: inner
    /// padding 1, outer `padding` (default `config.scale.pointPadding`, else 0.5); it is the
    /// default, as in Vega-Lite, when every layer's mark is a point, line, area or text.
    func bandPadding(_ group: [ResolvedLayer], channel: Channel, scaleSpec: ScaleSpec?) -> (inner: Double, outer: Double) {
        let config = theme.config.scale
        if scaleSpec?.type == .point {
            return (1, scaleSpec?.padding ?? scaleSpec?.paddingOuter ?? config.number("pointPadding") ?? 0.5)
        }
        let specInner = scaleSpec?.paddingInner ?? scaleSpec?.padding
        let specOuter = scaleSpec?.paddingOuter ?? scaleSpec?.padding
        let configOuter = config.number("bandPaddingOuter")
        if let rect = group.first(where: { $0.mark == .rect }) {
            let inner = rect.layer.mark.padding ?? specInner ?? config.number("rectBandPaddingInner") ?? config.number("bandPaddingInner") ?? 0.04
            return (inner, specOuter ?? configOuter ?? 0)
        }
        if let bar = group.first(where: { $0.mark == .bar }) {
            // Vega-Lite: a band holding offset sub-bands is padded by 0.2 inside and outside.
            let offsetChannel: Channel = channel == .x ? .xOffset : .yOffset
            if bar.layer.mark.padding == nil, specInner == nil, group.contains(where: { $0.fields[offsetChannel] != nil }) {
                return (config.number("bandPaddingInner") ?? 0.2, specOuter ?? configOuter ?? 0.2)
            }
            let inner = bar.layer.mark.padding ?? specInner ?? config.number("barBandPaddingInner") ?? config.number("bandPaddingInner") ?? 0.25
            return (inner, specOuter ?? configOuter ?? inner / 2)
        }
        // Vega-Lite gives a discrete x or y a point scale (padding 0.5) unless a layer's mark
        // needs a band (bar, rect, rule, tick): points, lines, areas and text sit at (i + ½)/n.
        if specInner == nil, group.allSatisfy({ [.point, .line, .area, .text].contains($0.mark) }) {
            return (1, specOuter ?? config.number("pointPadding") ?? 0.5)
        }
        return (specInner ?? config.number("bandPaddingInner") ?? 0.2, specOuter ?? configOuter ?? 0.2)
    }
}
