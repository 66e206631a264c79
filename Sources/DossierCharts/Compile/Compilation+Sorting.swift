import DossierVegaLite
import Foundation

/// Facet panels and the order of categories.
extension Compilation {
    func trainFacets() throws -> [String?] {
        guard let facet = spec.facet else { return [nil] }
        var keys: [String] = []
        var seen = Set<String>()
        for l in layers {
            guard let f = l.facet else { continue }
            // As in Vega-Lite, a row a quantitative x or y cannot place (missing) makes no panel.
            let continuous = [Channel.x, .y].filter { l.fields[$0] != nil && l.types[$0] == .quantitative && !l.isDiscrete($0) }
            for i in 0..<l.rowCount where continuous.allSatisfy({ l.number($0, i) != nil }) {
                guard let k = f.key(i) else { continue }
                if seen.insert(k).inserted { keys.append(k) }
            }
        }
        guard !keys.isEmpty else {
            throw ChartError.invalidSpec("facet: field \"\(facet.field)\" is in none of the layers' data")
        }
        if keys.count > ChartLimits.facetPanels {
            throw ChartError.invalidSpec("facet: field \"\(facet.field)\" has \(keys.count) values, expected at most \(ChartLimits.facetPanels) panels; facet on a field with fewer values or filter the data")
        }
        return sortKeys(keys, spec: facet.sort, sums: [:])
    }

    func rowInPanel(_ l: ResolvedLayer, _ i: Int, _ panel: String?) -> Bool {
        guard let panel, let f = l.facet else { return true }
        return f.key(i) == panel
    }


    func sortKeys(_ keys: [String], spec sort: SortSpec?, sums: [String: Double]) -> [String] {
        func ascending(_ list: [String]) -> [String] {
            let numeric = list.allSatisfy { Double($0) != nil }
            return list.sorted { a, b in
                if numeric, let da = Double(a), let db = Double(b) { return da < db }
                return a.localizedStandardCompare(b) == .orderedAscending || (a.localizedStandardCompare(b) == .orderedSame && a < b)
            }
        }
        switch sort {
        case nil, .ascending?: return ascending(keys)
        case .descending?: return Array(ascending(keys).reversed())
        case .none?: return keys
        case .explicit(let order)?:
            let listed = order.filter { keys.contains($0) }
            return listed + ascending(keys.filter { !order.contains($0) })
        case .byChannel(_, let desc)?, .byField(_, _, let desc)?:
            let base = ascending(keys)
            return base.enumerated().sorted { a, b in
                let sa = sums[a.element] ?? 0, sb = sums[b.element] ?? 0
                if sa != sb { return desc ? sa > sb : sa < sb }
                return a.offset < b.offset
            }.map(\.element)
        }
    }

    /// Aggregates for sorting the categories of `channel` by another channel or field.
    func sortSums(channel: Channel, sort: SortSpec?) -> [String: Double] {
        var sums: [String: Double] = [:]
        switch sort {
        case .byChannel(let other, _)?:
            for l in layers where l.fields[channel] != nil && l.has(other) {
                for i in 0..<l.rowCount {
                    guard let k = l.key(channel, i), let v = l.number(other, i) else { continue }
                    sums[k, default: 0] += v
                }
            }
        case .byField(let field, let op, _)?:
            return fieldSortValues(channel: channel, field: field, op: op)
        default: break
        }
        return sums
    }
}

extension Compilation {
    /// Each category of `channel` with the aggregate `op` (Vega-Lite's aggregate names) of
    /// `field` over its rows; the default op is `sum` when a layer stacks, else `min`.
    func fieldSortValues(channel: Channel, field: String, op: String) -> [String: Double] {
        var values: [String: [Double?]] = [:]
        var stacked = false
        for l in layers where l.fields[channel] != nil {
            stacked = stacked || l.stacked
            guard let column = l.table.column(field) else { continue }
            let f = FieldColumn(name: field, column: column)
            for i in 0..<l.rowCount {
                guard let k = l.key(channel, i) else { continue }
                values[k, default: []].append(f.number(i))
            }
        }
        let name = op == SortSpec.defaultOp ? (stacked ? "sum" : "min") : op
        let aggregate = AggregateOp(rawValue: name) ?? .sum
        return values.compactMapValues { aggregate.apply($0, rows: $0.count) }
    }
}
