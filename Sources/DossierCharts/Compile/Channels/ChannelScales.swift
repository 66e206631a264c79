import DossierVegaLite
import Foundation

/// A trained scale of a numeric non-position channel (opacity, size, strokeWidth): a
/// quantitative field maps linearly onto `range`; a discrete one spreads its categories
/// evenly from the range's start to its end (Vega-Lite's point scale).
struct NumericChannelScale {
    var channel: Channel
    var field: String
    var title: String
    /// The categories of a discrete field, in order; empty for a quantitative one.
    var categories: [String] = []
    var lo = 0.0
    var hi = 1.0
    var range: (Double, Double)
    /// Legend ticks of a quantitative field.
    var ticks: [Double] = []
    var format = NumberFormat(nil)

    var isDiscrete: Bool { !categories.isEmpty }

    /// The output for a row's number (quantitative) or key (discrete).
    func value(number: Double?, key: String?) -> Double? {
        if isDiscrete {
            guard let key, let i = categories.firstIndex(of: key) else { return nil }
            let t = categories.count > 1 ? Double(i) / Double(categories.count - 1) : 1
            return range.0 + (range.1 - range.0) * t
        }
        guard let v = number else { return nil }
        let t = hi == lo ? 1 : max(0, min(1, (v - lo) / (hi - lo)))
        return range.0 + (range.1 - range.0) * t
    }

    /// The legend's entries: each category, or each tick, with its output.
    var entries: [(label: String, value: Double)] {
        if isDiscrete { return categories.compactMap { k in value(number: nil, key: k).map { (k, $0) } } }
        return ticks.compactMap { t in value(number: t, key: nil).map { (format.string(t), $0) } }
    }
}

/// A trained scale of a discrete non-position channel (shape, strokeDash): the categories,
/// in the domain's or the sort's order, take the range's outputs in turn (repeating).
struct DiscreteChannelScale<Output> {
    var channel: Channel
    var field: String
    var title: String
    var categories: [String]
    var outputs: [Output]

    func value(key: String?) -> Output? {
        guard let key, let i = categories.firstIndex(of: key), !outputs.isEmpty else { return nil }
        return outputs[i % outputs.count]
    }
}

/// The trained scales of Vega-Lite's further channels, shared by every layer of a chart.
struct ChannelScales {
    var numeric: [Channel: NumericChannelScale] = [:]
    var shape: DiscreteChannelScale<SymbolShape>?
    var strokeDash: DiscreteChannelScale<[Double]>?
    /// The categories of the xOffset and yOffset fields (the sub-bands of a band).
    var offsets: [Channel: [String]] = [:]

    /// Vega-Lite's default dash patterns, in order (`config.range.strokeDash`).
    static let defaultDashes: [[Double]] = [[1, 0], [4, 2], [2, 1], [1, 1], [1, 2, 4, 2]]
}

extension Compilation {
    /// The scales of the opacity, size, strokeWidth, shape, strokeDash and offset channels
    /// over every layer that encodes them with a field.
    func trainChannelScales() throws -> ChannelScales {
        var scales = ChannelScales()
        for channel in [Channel.opacity, .fillOpacity, .strokeOpacity, .size, .strokeWidth] {
            if let scale = try numericScale(channel) { scales.numeric[channel] = scale }
        }
        if let (def, field, keys) = try discreteDomain(.shape) {
            var shapes = PointSymbol.defaultRange
            if let range = def.scale?.range {
                shapes = try range.map { name in
                    guard let shape = SymbolShape(rawValue: name) else {
                        throw ChartError.invalidSpec("shape: scale range: unknown shape \(name.debugDescription), expected one of " + SymbolShape.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    return shape
                }
            }
            scales.shape = DiscreteChannelScale(channel: .shape, field: field, title: def.title ?? field, categories: keys, outputs: shapes)
        }
        if let (def, field, keys) = try discreteDomain(.strokeDash) {
            scales.strokeDash = DiscreteChannelScale(channel: .strokeDash, field: field, title: def.title ?? field,
                                                     categories: keys, outputs: ChannelScales.defaultDashes)
        }
        for channel in [Channel.xOffset, .yOffset] {
            if let (_, _, keys) = try discreteDomain(channel) { scales.offsets[channel] = keys }
        }
        return scales
    }

    /// The definition, field name and ordered categories of a discrete channel over the layers.
    private func discreteDomain(_ channel: Channel) throws -> (ChannelDef, String, [String])? {
        // A geoshape's `shape` field holds its rows' shapes (type geojson), not symbol categories.
        let encoded = layers.filter { $0.fields[channel] != nil && !(channel == .shape && $0.mark == .geoshape) }
        guard let first = encoded.first, let def = first.defs[channel], let field = first.fields[channel] else { return nil }
        let keys = try orderedCategories(channel, of: encoded, def: def) { count in
            "layer \(first.index): \(channel.rawValue): field \"\(field.name)\" has \(count) categories, expected at most \(ChartLimits.colorCategories)"
        }
        return (def, field.name, keys)
    }

    /// Vega-Lite's default range of a numeric channel for the marks that use it.
    private func defaultRange(_ channel: Channel, mark: MarkType) -> (Double, Double) {
        switch channel {
        case .size:
            switch mark {
            case .text: return (8, 40)
            case .line, .rule: return (1, 4)
            case .bar: return (2, 19)
            default: return (4, 361)
            }
        case .strokeWidth: return (1, 4)
        default: return (0.3, 0.8)
        }
    }

    private func numericScale(_ channel: Channel) throws -> NumericChannelScale? {
        // A geoshape's `shape` field holds its rows' shapes (type geojson), not symbol categories.
        let encoded = layers.filter { $0.fields[channel] != nil && !(channel == .shape && $0.mark == .geoshape) }
        guard let first = encoded.first, let def = first.defs[channel], let field = first.fields[channel] else { return nil }
        var range = defaultRange(channel, mark: first.mark)
        if let r = def.scale?.range, r.count == 2, let a = Double(r[0]), let b = Double(r[1]) { range = (a, b) }
        var scale = NumericChannelScale(channel: channel, field: field.name, title: def.title ?? field.name, range: range)
        if encoded.contains(where: { $0.isDiscrete(channel) || $0.types[channel] == .temporal }) {
            guard let (_, _, keys) = try discreteDomain(channel) else { return nil }
            scale.categories = keys
            return scale
        }
        var lo = Double.infinity, hi = -Double.infinity
        for l in encoded {
            for i in 0..<l.rowCount { if let v = l.number(channel, i) { lo = min(lo, v); hi = max(hi, v) } }
        }
        if let d = def.scale?.domain, d.count == 2, let a = d[0].number, let b = d[1].number { lo = a; hi = b }
        if !lo.isFinite { lo = 0; hi = 1 }
        try checkSpan(lo, hi, layer: first.index, channel: channel.rawValue)
        // Vega-Lite: a quantitative size scale starts at zero; opacity and strokeWidth span the data.
        if channel == .size, def.scale?.zero != false, def.scale?.domain == nil { lo = min(lo, 0); hi = max(hi, 0) }
        scale.lo = lo
        scale.hi = hi
        let ticks = NiceTicks.extended(min: lo, max: hi, targetCount: 4).filter { $0 >= lo - 1e-9 && $0 <= hi + 1e-9 && (channel != .size || $0 > 0) }
        scale.ticks = ticks
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        scale.format = def.format.map { NumberFormat($0) } ?? NumberFormat.forStep(step)
        return scale
    }
}
