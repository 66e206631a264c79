import DossierVegaLite

extension Compilation {
    /// Where a row's missing continuous position stands under the mark's `invalid: show`
    /// (or `null`): at zero when the scale's domain reaches it, else at the domain's low end
    /// (Vega-Lite's `zeroOrMin`); nil otherwise (the row is left out).
    func invalidStandIn(_ l: ResolvedLayer, _ c: Channel, scale: PositionScale) -> Double? {
        guard l.layer.mark.options.invalid == .show, l.has(c), scale.kind == .continuous else { return nil }
        let lo = Swift.min(scale.lo, scale.hi), hi = Swift.max(scale.lo, scale.hi)
        return lo <= 0 && 0 <= hi && !scale.log ? 0 : lo
    }
}
