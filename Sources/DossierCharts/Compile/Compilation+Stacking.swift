import Foundation

/// Stacked bars and areas.
extension Compilation {
    /// `layers` with the start and end of each bar or area row in its stack.
    func stacked(_ layers: [ResolvedLayer]) -> [ResolvedLayer] {
        var layers = layers
        for li in layers.indices {
            var l = layers[li]
            guard l.mark == .bar || l.mark == .area else { continue }
            let valueChannel: Channel = l.horizontal ? .x : .y
            let positionChannel: Channel = l.horizontal ? .y : .x
            let mode = l.layer.mark.stack ?? (l.fields[.color] != nil && l.types[.color] != .quantitative && !l.has(l.horizontal ? .x2 : .y2) ? .zero : .none)
            guard mode != .none else { continue }
            l.stacked = true
            var order = Array(0..<l.rowCount)
            if let scale = color, scale.kind == .ordinal {
                order.sort { a, b in
                    let ia = l.key(.color, a).flatMap { scale.categories.firstIndex(of: $0) } ?? Int.max
                    let ib = l.key(.color, b).flatMap { scale.categories.firstIndex(of: $0) } ?? Int.max
                    return ia != ib ? ia < ib : a < b
                }
            }
            var totals: [String: Double] = [:]
            func groupKey(_ i: Int) -> String { (l.facet?.key(i) ?? "") + "\u{1F}" + (l.key(positionChannel, i) ?? "") }
            for i in 0..<l.rowCount { totals[groupKey(i), default: 0] += max(0, l.number(valueChannel, i) ?? 0) }
            var running: [String: Double] = [:]
            l.stackStart = Array(repeating: nil, count: l.rowCount)
            l.stackEnd = Array(repeating: nil, count: l.rowCount)
            for i in order {
                guard let v = l.number(valueChannel, i) else { continue }
                let g = groupKey(i)
                let start = running[g, default: 0]
                running[g] = start + v
                let divisor = mode == .normalize ? (totals[g] ?? 1) : 1
                l.stackStart[i] = divisor > 0 ? start / divisor : 0
                l.stackEnd[i] = divisor > 0 ? (start + v) / divisor : 0
            }
            layers[li] = l
        }
        return layers
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
