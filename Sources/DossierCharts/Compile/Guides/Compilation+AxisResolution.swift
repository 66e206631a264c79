import CairoKit
import DossierVegaLite
import Foundation

extension Compilation {
    /// The axis of `channel` (the secondary y axis with `secondary`): the first layer's `axis`
    /// that sets one, over the config's axis keys for its scale kind and side.
    func resolvedAxis(_ channel: Channel, secondary: Bool = false) -> ResolvedAxis {
        let defs = layers.filter { $0.has(channel) && $0.secondary == secondary }.compactMap { $0.defs[channel] }
        let axis = defs.first { $0.axis != nil }?.axis
        let scale = channel == .x ? x : (secondary ? (y2 ?? y) : y)
        let kind: AxisScaleKind = scale.kind == .band ? (scale.paddingInner >= 1 ? .point : .band)
            : (scale.timeFormat != nil ? .temporal : .quantitative)
        let orient = axis?.orient ?? (channel == .x ? "bottom" : (secondary ? "right" : "left"))
        let own = axis?.properties ?? GuideProperties()
        let configured = theme.config.axis(channel, scale: kind, orient: orient)
        let styled = theme.config.axisStyles(own.merged(over: configured)).merged(over: configured)
        return ResolvedAxis(own.merged(over: styled), hidden: axis?.hidden ?? false, orient: orient, theme: theme)
    }

    /// The ticks of an axis with their labels: the scale's ticks or categories, or the
    /// axis `values`; thinned to `tickMinStep`; labels through `labelExpr`.
    func axisTicks(_ scale: PositionScale, _ axis: ResolvedAxis) -> [(value: Double?, key: String?, text: String)] {
        var ticks: [(value: Double?, key: String?, text: String)]
        if let values = axis.properties.list("values") {
            if scale.kind == .band {
                let keys = Set(values.map(\.key))
                ticks = scale.categories.filter(keys.contains).map { (nil, $0, scale.categoryLabels[$0] ?? $0) }
            } else {
                let lo = min(scale.lo, scale.hi), hi = max(scale.lo, scale.hi)
                ticks = values.compactMap(\.number).filter { $0 >= lo && $0 <= hi }.map { ($0, nil, scale.label($0)) }
            }
        } else {
            ticks = tickLabels(scale)
            if let step = axis.properties.number("tickMinStep"), step > 0, scale.kind == .continuous, !scale.log,
               scale.ticks.count > 1, scale.ticks[1] - scale.ticks[0] < step {
                let first = (scale.lo / step).rounded(.up) * step
                let count = min(ChartLimits.tickSearchCount, max(0, Int(((scale.hi - first) / step).rounded(.down)) + 1))
                ticks = (0..<count).map { first + Double($0) * step }.map { ($0, nil, scale.label($0)) }
            }
        }
        return ticks.map { ($0.value, $0.key, axis.labelText(value: $0.value, key: $0.key, label: $0.text)) }
    }
}

extension Compilation {
    /// The x labels' angle in degrees: the axis `labelAngle`, else -90 for crowded band
    /// labels, else 0.
    func xLabelAngle(_ axis: ResolvedAxis, rotated: Bool) -> Double {
        axis.labelAngle ?? (rotated ? -90 : 0)
    }

    /// The room under the plot that the x ticks and labels take (their band, clamped to
    /// `minExtent`/`maxExtent`), not counting the title and offset.
    func xLabelExtent(_ axes: AxisMeasures, rotated: Bool) -> Double {
        let axis = axes.xAxis
        guard !axis.hidden else { return 0 }
        guard axis.showsLabels else {
            return axis.clampedExtent(axis.ticks ?? (x.kind == .continuous) ? max(0, axis.tickSize) : 0)
        }
        let angle = xLabelAngle(axis, rotated: rotated)
        let a = abs(angle.truncatingRemainder(dividingBy: 180))
        let h = axes.xLabelHeight, w = axes.xLabelWidth
        let labels: Double
        if a == 0 { labels = h } else if a == 90 { labels = w } else {
            let r = a * .pi / 180
            labels = w * abs(sin(r)) + h * abs(cos(r))
        }
        return axis.clampedExtent(axis.labelGap + labels)
    }
}

extension Compilation {
    /// The tick count a quantitative axis takes from `config.axis…` (`tickCount`), else the
    /// scale's `nice` count.
    func configuredTickCount(_ channel: Channel, _ scaleSpec: ScaleSpec?) -> Int? {
        let orient = channel == .x ? "bottom" : "left"
        if let count = theme.config.axis(channel, scale: .quantitative, orient: orient).number("tickCount") {
            return ChartLimits.clampedInt(count)
        }
        return scaleSpec?.niceCount
    }
}
