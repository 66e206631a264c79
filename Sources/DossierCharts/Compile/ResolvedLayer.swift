import CairoKit
import DossierBase
import DossierVegaLite

/// A layer bound to its data: fields and constants per channel, types, stacking results.
struct ResolvedLayer {
    let index: Int
    /// The layer, its mark with the encoding's constant opacity, stroke width… (``ChannelConstants``).
    var layer: Layer
    /// The layer's data, with the fields of its lookup added.
    let table: ChartData
    let rowCount: Int
    var fields: [Channel: FieldColumn] = [:]
    var defs: [Channel: ChannelDef] = [:]
    var types: [Channel: FieldType] = [:]
    var facet: FieldColumn?
    var horizontal = false
    var stacked = false
    var stackStart: [Double?] = []
    var stackEnd: [Double?] = []
    var secondary = false
    /// Which condition clause holds on each row, per channel (``ChannelConditions``).
    var conditions: [Channel: [Int?]] = [:]
    /// How the stacked rows are offset (``stacked(_:)``).
    var stackOffset = StackMode.none

    var mark: MarkType { layer.mark.type }

    func has(_ c: Channel) -> Bool { fields[c] != nil || defs[c]?.value != nil }

    func number(_ c: Channel, _ i: Int) -> Double? {
        if let f = fields[c] { return f.number(i) }
        return defs[c]?.value?.number
    }

    func key(_ c: Channel, _ i: Int) -> String? {
        if let f = fields[c] { return f.key(i) }
        return defs[c]?.value?.key
    }

    func isDiscrete(_ c: Channel) -> Bool {
        if let t = defs[c]?.scale?.type { return t == .band || t == .point || t == .ordinal }
        guard let t = types[c] else { return false }
        return t != .quantitative && t != .temporal
    }

    /// The value end of a bar/area row (stack end when stacked).
    func valueEnd(_ c: Channel, _ i: Int) -> Double? {
        stacked ? stackEnd[i] : number(c, i)
    }

    /// The value start of a bar/area row (stack start, the `2` channel, or nil for the baseline).
    func valueStart(_ c: Channel, _ i: Int) -> Double? {
        if stacked { return stackStart[i] }
        return number(c == .x ? .x2 : .y2, i)
    }

    /// The layer's fixed colour: the colour channel's constant `value` (`color: {value:
    /// steelblue}`), else the mark's `color`; nil when neither is set.
    var fixedColor: Color? {
        if fields[.color] == nil, case .string(let text)? = defs[.color]?.value, let color = Palette.color(text) { return color }
        return layer.mark.color.flatMap(Palette.color)
    }
}
