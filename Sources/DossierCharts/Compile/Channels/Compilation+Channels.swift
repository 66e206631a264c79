import CairoKit
import DossierBase
import DossierVegaLite
import Foundation

/// Each row's value of Vega-Lite's further channels: a condition's value when its test holds,
/// else the scale's output for the row's field, else nil (the mark's own option applies).
extension Compilation {
    /// The constant of the condition clause that holds on row `i` of `channel`, if any
    /// (`.some(nil)`: the clause gives null).
    func conditionValue(_ l: ResolvedLayer, _ channel: Channel, _ i: Int) -> ChartValue?? {
        guard let holds = l.conditions[channel], i < holds.count, let clause = holds[i],
              let clauses = l.defs[channel]?.condition?.clauses, clause < clauses.count else { return nil }
        return .some(clauses[clause].value)
    }

    /// A row's fill or stroke colour: the colour condition's value when its test holds, else
    /// the colour scale's or the mark's colour; its alpha times the row's opacity.
    func fillColor(_ l: ResolvedLayer, _ i: Int) -> Color? {
        var color: Color?
        if let conditioned = conditionValue(l, .color, i) {
            guard case .string(let text)? = conditioned else { return nil }
            color = Palette.color(text)
        } else {
            color = scaledFillColor(l, i)
        }
        guard let base = color else { return nil }
        if let opacity = rowOpacity(l, i) { return base.withAlpha(base.alpha * max(0, min(1, opacity))) }
        return base
    }

    /// A row's opacity from the opacity channels (fillOpacity for filled marks, strokeOpacity
    /// for lines and rules), or nil to keep the mark's.
    func rowOpacity(_ l: ResolvedLayer, _ i: Int) -> Double? {
        let stroked = l.mark == .line || l.mark == .rule || (l.mark == .point && l.layer.mark.filled == false)
        for channel in [Channel.opacity, stroked ? .strokeOpacity : .fillOpacity] {
            if let v = rowNumber(l, channel, i) { return v }
        }
        return nil
    }

    /// A numeric channel's output on row `i`: the condition's value, else the scale's.
    func rowNumber(_ l: ResolvedLayer, _ channel: Channel, _ i: Int) -> Double? {
        if let conditioned = conditionValue(l, channel, i) { return conditioned?.number }
        guard l.fields[channel] != nil, let scale = channelScales.numeric[channel] else { return nil }
        return scale.value(number: l.number(channel, i), key: l.key(channel, i))
    }

    /// A point's symbol on row `i` (circle by default).
    func rowShape(_ l: ResolvedLayer, _ i: Int) -> SymbolShape {
        if let conditioned = conditionValue(l, .shape, i) {
            if case .string(let name)? = conditioned, let shape = SymbolShape(rawValue: name) { return shape }
            return .circle
        }
        if l.fields[.shape] != nil, let shape = channelScales.shape?.value(key: l.key(.shape, i)) { return shape }
        if l.fields[.shape] == nil, case .string(let name)? = l.defs[.shape]?.value, let shape = SymbolShape(rawValue: name) { return shape }
        return .circle
    }

    /// A row's dash pattern from the strokeDash channel, or nil to keep the mark's.
    func rowDash(_ l: ResolvedLayer, _ i: Int) -> [Double]? {
        if l.fields[.strokeDash] != nil { return channelScales.strokeDash?.value(key: l.key(.strokeDash, i)) }
        return nil
    }

    /// Whether the layer's points differ from row to row beyond colour (size, shape, opacity, a condition).
    func pointsVary(_ l: ResolvedLayer) -> Bool {
        !l.conditions.isEmpty || [Channel.size, .shape, .opacity, .fillOpacity, .strokeOpacity, .strokeWidth].contains { l.fields[$0] != nil }
    }

    /// The radius (half the bounding square's side) of a point on row `i`: the size channel
    /// is an area in square points (Vega-Lite), the mark's `size` a radius.
    func pointRadius(_ l: ResolvedLayer, _ i: Int) -> Double {
        let base = l.layer.mark.size.map(PointSymbol.radius(area:)) ?? 3.5  // a mark size is an area too
        guard let area = rowNumber(l, .size, i) else { return base }
        return PointSymbol.radius(area: area)
    }

    /// The outline of a point on row `i` at `p`.
    func pointSegments(_ l: ResolvedLayer, _ i: Int, at p: ScenePoint, radius: Double) -> [PathSegment] {
        let shape = rowShape(l, i)
        return PointSymbol.segments(shape, center: p, radius: radius)
    }
}

extension Series {
    /// The channels besides colour and detail whose fields split a layer into lines and
    /// areas (Vega-Lite groups a path mark by every discrete field it encodes).
    static let splitting: [Channel] = [.strokeDash, .opacity, .strokeWidth, .size, .shape]
}

extension ResolvedLayer {
    /// Whether a discrete field on `channel` splits the layer's lines and areas.
    func splits(_ channel: Channel) -> Bool { fields[channel] != nil && isDiscrete(channel) }

    /// The part of a row's series key that the splitting channels add (empty without them).
    func splittingKey(_ i: Int) -> String {
        Series.splitting.filter(splits).map { "\u{1F}" + (key($0, i) ?? "") }.joined()
    }
}

extension Compilation {
    /// The place of row `i` inside its band: the start (from the band's start) and width of
    /// its xOffset/yOffset sub-band (Vega-Lite's nested band scale, no padding), or the whole
    /// band without an offset field; nil when the row's offset category is missing.
    func offsetBand(_ l: ResolvedLayer, _ channel: Channel, _ i: Int, bandwidth: Double) -> (Double, Double)? {
        guard l.fields[channel] != nil, let keys = channelScales.offsets[channel], !keys.isEmpty else { return (0, bandwidth) }
        guard let key = l.key(channel, i), let index = keys.firstIndex(of: key) else { return nil }
        let step = bandwidth / Double(keys.count)
        return (Double(index) * step, step)
    }
}
