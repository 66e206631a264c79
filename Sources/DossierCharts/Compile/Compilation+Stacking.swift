import DossierVegaLite
import Foundation

/// Stacked bars and areas, as Vega-Lite stacks them (src/stack.ts): a bar or area layer
/// stacks its quantitative channel by default (`zero`), unless the channel's `stack` (or the
/// mark's) is `null`/`false`/`none`, the layer has the second channel (`y2`, a range), or the
/// encoding aggregates without any field left to stack by.
extension Compilation {
    /// `layers` with the start and end of each bar or area row in its stack.
    func stacked(_ layers: [ResolvedLayer]) -> [ResolvedLayer] {
        layers.map { l in
            var l = l
            let mode = stackMode(l)
            guard mode != .none else { return l }
            stack(&l, mode: mode)
            return l
        }
    }

    /// How a layer stacks: the value channel's `stack`, else the mark's, else `zero` for bars
    /// and areas; `none` for a ranged mark, or an aggregate with nothing to stack by.
    func stackMode(_ l: ResolvedLayer) -> StackMode {
        guard l.mark == .bar || l.mark == .area || l.mark == .arc else { return .none }
        let (valueChannel, _, _) = stackChannels(l)
        guard l.fields[valueChannel] != nil || l.has(valueChannel), !l.isDiscrete(valueChannel),
              l.types[valueChannel] != .temporal, l.mark == .arc || !l.has(l.horizontal ? .x2 : .y2) else { return .none }
        let mode = l.defs[valueChannel]?.stack ?? l.layer.mark.stack ?? .zero
        let aggregated = Channel.allCases.contains { l.layer.encoding[$0]?.aggregate != nil }
        if aggregated && stackByChannels(l).isEmpty { return .none }
        return mode
    }

    /// The channels whose fields split a stack (colour, detail, opacity…), Vega-Lite's stackBy.
    func stackByChannels(_ l: ResolvedLayer) -> [Channel] {
        let (_, position, offset) = stackChannels(l)
        let groupFields = Set([position, offset].compactMap { $0.flatMap { l.fields[$0]?.name } })
        return [Channel.color, .fill, .stroke, .opacity, .fillOpacity, .strokeOpacity, .strokeWidth, .size, .shape,
                .strokeDash, .detail, .text, .order].filter { c in
            guard let f = l.fields[c], c != .order else { return false }
            return !groupFields.contains(f.name)
        }
    }

    /// Stacks the rows of `l` in place: per group (facet panel, position and offset category),
    /// in the order channel's order, else in the colour domain's order (the first category
    /// on top of a vertical stack and at the left of a horizontal one, as in the legend).
    private func stack(_ l: inout ResolvedLayer, mode: StackMode) {
        let (valueChannel, positionChannel, offsetChannel) = stackChannels(l)
        let layer = l
        var order = Array(0..<layer.rowCount)
        if layer.fields[.order] != nil {
            let descending = layer.defs[.order]?.sort == .descending
            order.sort { a, b in
                let oa = layer.number(.order, a) ?? .infinity, ob = layer.number(.order, b) ?? .infinity
                if oa != ob { return descending ? oa > ob : oa < ob }
                return a < b
            }
        } else if let rank = stackRank(layer) {
            // Vega-Lite sorts a y stack descending by the stack-by fields, an x stack ascending.
            let reverse = valueChannel == .y
            order.sort { a, b in
                let ra = rank(a), rb = rank(b)
                if ra != rb { return reverse ? ra > rb : ra < rb }
                return a < b
            }
        }
        func groupKey(_ i: Int) -> String {
            (layer.facet?.key(i) ?? "") + "\u{1F}" + (positionChannel.flatMap { layer.key($0, i) } ?? "")
                + "\u{1F}" + (offsetChannel.flatMap { layer.key($0, i) } ?? "")
        }
        var sums: [String: Double] = [:], counts: [String: Int] = [:]
        for i in 0..<layer.rowCount {
            sums[groupKey(i), default: 0] += abs(layer.number(valueChannel, i) ?? 0)
            counts[groupKey(i), default: 0] += 1
        }
        // One row per group stacked from zero is the row itself: leave the layer unstacked.
        if mode == .zero, stackByChannels(layer).isEmpty, counts.values.allSatisfy({ $0 <= 1 }) { return }
        let tallest = sums.values.max() ?? 0
        var positive: [String: Double] = [:], negative: [String: Double] = [:]
        var start = Array<Double?>(repeating: nil, count: layer.rowCount), end = start
        for i in order {
            guard let v = layer.number(valueChannel, i) else { continue }
            let g = groupKey(i)
            switch mode {
            case .normalize, .center:
                let sum = sums[g] ?? 0
                let base = mode == .center ? (tallest - sum) / 2 : 0
                let scale = mode == .normalize ? (sum > 0 ? 1 / sum : 0) : 1
                let from = positive[g, default: base]
                let to = from + abs(v) * scale
                positive[g] = to
                start[i] = from; end[i] = to
            default:
                if v < 0 {
                    let from = negative[g, default: 0]
                    negative[g] = from + v
                    start[i] = from; end[i] = from + v
                } else {
                    let from = positive[g, default: 0]
                    positive[g] = from + v
                    start[i] = from; end[i] = from + v
                }
            }
        }
        l.stacked = true
        l.stackOffset = mode
        l.stackStart = start
        l.stackEnd = end
    }

    /// The stacked channel of a layer, the channel whose categories are the stacks, and its
    /// offset channel: y, x, xOffset for vertical bars; x, y, yOffset for horizontal ones;
    /// theta alone for arcs (one stack, the circle).
    func stackChannels(_ l: ResolvedLayer) -> (value: Channel, position: Channel?, offset: Channel?) {
        if l.mark == .arc { return (.theta, nil, nil) }
        return l.horizontal ? (.x, .y, .yOffset) : (.y, .x, .xOffset)
    }

    /// The rank of a row in its stack: its colour's place in the colour domain, else its
    /// stack-by keys in ascending order; nil when nothing splits the stack.
    private func stackRank(_ l: ResolvedLayer) -> ((Int) -> Int)? {
        let by = stackByChannels(l)
        guard !by.isEmpty else { return nil }
        if by == [.color] || by.first == .color, let scale = color, scale.kind == .ordinal {
            let index = Dictionary(scale.categories.enumerated().map { ($1, $0) }) { a, _ in a }
            return { i in l.key(.color, i).flatMap { index[$0] } ?? Int.max }
        }
        var keys: [String] = []
        var seen = Set<String>()
        func compound(_ i: Int) -> String { by.map { l.key($0, i) ?? "" }.joined(separator: "\u{1F}") }
        for i in 0..<l.rowCount where seen.insert(compound(i)).inserted { keys.append(compound(i)) }
        let numeric = by.count == 1 && l.fields[by[0]]?.numbers != nil
        keys.sort { a, b in
            if numeric, let x = Double(a), let y = Double(b) { return x < y }
            return a < b
        }
        let index = Dictionary(keys.enumerated().map { ($1, $0) }) { a, _ in a }
        return { i in index[compound(i)] ?? Int.max }
    }

    /// Totals per (panel, category) of a stacked bar layer, for `n` labels.
    func stackTotals(_ l: ResolvedLayer, panel: String?) -> [(key: String, total: Double, end: Double)] {
        let valueChannel: Channel = l.horizontal ? .x : .y
        let positionChannel: Channel = l.horizontal ? .y : .x
        var keys: [String] = []
        var totals: [String: Double] = [:]
        var ends: [String: Double] = [:]
        for i in 0..<l.rowCount where rowInPanel(l, i, panel) {
            guard let k = l.key(positionChannel, i), let v = l.number(valueChannel, i) else { continue }
            if totals[k] == nil { keys.append(k) }
            totals[k, default: 0] += v
            let end = l.valueEnd(valueChannel, i) ?? v
            ends[k] = max(ends[k] ?? end, end)
        }
        return keys.map { ($0, totals[$0] ?? 0, ends[$0] ?? 0) }
    }
}
