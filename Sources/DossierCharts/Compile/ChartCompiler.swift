import CairoKit
import Foundation

/// Compiles a ``ChartSpec`` and its data into a ``Scene``: bind fields, stack, train scales,
/// lay out with measured text, then emit marks, axes, legends and titles. Nothing is drawn.
public enum ChartCompiler {
    /// Compiles `spec` over `data` (tables keyed by the names layers use).
    /// - Throws: ``ChartError`` naming the layer, channel and field at fault.
    public static func compile(_ spec: ChartSpec, data: [String: ChartData], typesetter: Typesetter,
                               theme: Theme = .briefing) throws -> Scene {
        let compilation = Compilation(spec: spec, data: data, typesetter: typesetter, theme: theme)
        return try compilation.run()
    }
}

/// The trained position scales of a chart, and which axes it has.
struct PositionScales {
    var x = PositionScale(kind: .continuous)
    var y = PositionScale(kind: .continuous)
    var y2: PositionScale?
    var hasX = false
    var hasY = false
}

/// One compile run. Each step of ``run()`` returns its result, which `run()` keeps for the
/// steps after it: bound layers, facet panels, the colour scale, the position scales, the
/// layout; nothing else is written to during a run.
final class Compilation {
    let spec: ChartSpec
    let data: [String: ChartData]
    let typesetter: Typesetter
    let theme: Theme
    let width: Double
    let height: Double

    /// The layers bound to their data (and stacked): ``resolveLayers()``, ``stacked(_:)``.
    private(set) var layers: [ResolvedLayer] = []
    /// The facet values, one panel each (`[nil]` without facets): ``trainFacets()``.
    private(set) var panelKeys: [String?] = [nil]
    /// ``trainColor()``.
    private(set) var color: ColorScale?
    /// ``trainPositions(panelSize:)``, then sized to the panels by ``layOut()``.
    private(set) var scales = PositionScales()
    /// Range of the size channel: ``sizeRange()``.
    private(set) var sizeDomain: (Double, Double)?

    var x: PositionScale { scales.x }
    var y: PositionScale { scales.y }
    var y2: PositionScale? { scales.y2 }
    var hasX: Bool { scales.hasX }
    var hasY: Bool { scales.hasY }
    /// A map: some layer draws shapes or places marks by longitude.
    var isMap: Bool { layers.contains { $0.mark == .geoshape || $0.has(.longitude) } }

    init(spec: ChartSpec, data: [String: ChartData], typesetter: Typesetter, theme: Theme) {
        self.spec = spec
        self.data = data
        self.typesetter = typesetter
        self.theme = theme
        self.width = spec.width ?? 480
        self.height = spec.height ?? 300
    }

    func run() throws -> Scene {
        guard !spec.layers.isEmpty else { throw ChartError.invalidSpec("a chart needs at least one layer") }
        if let problem = spec.limitProblem() { throw ChartError.invalidSpec(problem) }
        layers = try resolveLayers()
        panelKeys = try trainFacets()
        color = try trainColor()
        layers = stacked(layers)
        sizeDomain = sizeRange()
        scales = try trainPositions(panelSize: nil)
        try checkAnnotations()
        let mapInfo = try prepareMap()
        var layout = try layOut(mapInfo: mapInfo)
        // Second pass: ticks chosen for the real panel size rather than an estimate.
        if let first = layout.grid.panels.first {
            scales = try trainPositions(panelSize: (first.rect.width, first.rect.height))
            layout = try layOut(mapInfo: mapInfo)
        }
        scales = layout.grid.scales
        return try emit(layout)
    }

    // MARK: - Text measurement

    /// Size and baseline of `text`; the typesetter keeps the layout, so measuring the same
    /// text again (and drawing it later) does not shape it again.
    func measure(_ text: String, _ font: Font, wrap: Double? = nil) throws -> (w: Double, h: Double, ascent: Double) {
        do {
            let layout = try typesetter.layout(text, font: font, width: wrap)
            let size = layout.size
            return (size.width, size.height, layout.baseline)
        } catch {
            throw ChartError.text(error.description)
        }
    }

    func textItem(_ id: String, _ text: String, font: Font, color: Color, at p: ScenePoint,
                  anchor: TextAnchor = .start, baseline: TextBaseline = .top, rotation: Double = 0,
                  wrap: Double? = nil, align: TextAnchor? = nil) throws -> SceneText {
        let m = try measure(text, font, wrap: wrap)
        var item = SceneText(id: id, text: text, font: font, color: color, position: p, anchor: anchor,
                             baseline: baseline, rotation: rotation, wrapWidth: wrap, width: m.w, height: m.h, ascent: m.ascent)
        if let wrap, let align {
            // Aligned wrapped text: the box is the whole wrap width.
            item.width = wrap
            item.alignment = align
        }
        return item
    }

    /// The widest a band-axis label on the left may be before it wraps.
    var yLabelCap: Double { max(60, width * 0.28) }

    // MARK: - Binding

    func resolveLayers() throws -> [ResolvedLayer] {
        let available = data.keys.sorted()
        var layers: [ResolvedLayer] = []
        for (offset, layer) in spec.layers.enumerated() {
            let index = offset + 1
            guard var table = data[layer.data] else {
                throw ChartError.dataNotFound(layer: index, data: layer.data, available: available)
            }
            let rows = table.rowCount
            for column in table.columns where column.values.count != rows {
                throw ChartError.raggedData(data: layer.data, column: column.name, count: column.values.count, expected: rows)
            }
            if let lookup = layer.lookup {
                table = try table.adding(lookup, from: data, layer: index, dataName: layer.data)
            }
            var resolved = ResolvedLayer(index: index, layer: layer, table: table, rowCount: rows)
            for channel in Channel.allCases {
                guard let def = layer.encoding[channel] else { continue }
                resolved.defs[channel] = def
                guard let field = def.field else { continue }
                guard let column = table.column(field) else {
                    throw ChartError.fieldNotFound(layer: index, channel: channel.rawValue, field: field,
                                                   data: layer.data, available: table.fieldNames)
                }
                let bound = FieldColumn(name: field, column: column)
                let type: FieldType
                if let t = def.type {
                    type = t
                } else if case .numbers = column {
                    type = (channel == .text || channel == .detail) ? .nominal : .quantitative
                } else {
                    type = .nominal
                }
                if type == .quantitative, bound.numbers == nil, let strings = bound.strings {
                    for s in strings {
                        if let s, Double(s.trimmingCharacters(in: .whitespaces)) == nil {
                            throw ChartError.notNumeric(layer: index, channel: channel.rawValue, field: field, value: s)
                        }
                    }
                }
                resolved.fields[channel] = bound
                resolved.types[channel] = type
            }
            if let facet = spec.facet, let column = table.column(facet.field) {
                resolved.facet = FieldColumn(name: facet.field, column: column)
            }
            try MarkEmitters.emitter(for: resolved.mark).checkChannels(resolved)
            if layer.mark.type == .point, layer.mark.repel != false, resolved.fields[.text] != nil,
               rows > ChartLimits.repelledLabels {
                throw ChartError.invalidSpec("layer \(index): text: \(rows) labelled points, expected at most \(ChartLimits.repelledLabels) labels placed without overlaps; label fewer points (filter the data) or set `repel: false` on the mark")
            }
            let m = resolved.mark
            if m == .bar || m == .rect {
                resolved.horizontal = !resolved.isDiscrete(.x) && resolved.isDiscrete(.y) && resolved.has(.y)
            }
            if resolved.defs[.y]?.axis?.orient == "right" { resolved.secondary = true }
            layers.append(resolved)
        }
        return layers
    }

    // MARK: - Facets

    func trainFacets() throws -> [String?] {
        guard let facet = spec.facet else { return [nil] }
        var keys: [String] = []
        var seen = Set<String>()
        for l in layers {
            guard let f = l.facet else { continue }
            for i in 0..<l.rowCount {
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

    // MARK: - Sorting

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
        var counts: [String: Double] = [:]
        switch sort {
        case .byChannel(let other, _)?:
            for l in layers where l.fields[channel] != nil && l.has(other) {
                for i in 0..<l.rowCount {
                    guard let k = l.key(channel, i), let v = l.number(other, i) else { continue }
                    sums[k, default: 0] += v
                }
            }
        case .byField(let field, let op, _)?:
            for l in layers where l.fields[channel] != nil {
                guard let column = l.table.column(field) else { continue }
                let f = FieldColumn(name: field, column: column)
                for i in 0..<l.rowCount {
                    guard let k = l.key(channel, i) else { continue }
                    let v = f.number(i)
                    switch op {
                    case "count": sums[k, default: 0] += 1
                    case "max": if let v { sums[k] = max(sums[k] ?? -.infinity, v) }
                    case "min": if let v { sums[k] = min(sums[k] ?? .infinity, v) }
                    case "mean": if let v { sums[k, default: 0] += v; counts[k, default: 0] += 1 }
                    default: if let v { sums[k, default: 0] += v }
                    }
                }
            }
            if op == "mean" { for (k, c) in counts where c > 0 { sums[k] = (sums[k] ?? 0) / c } }
        default: break
        }
        return sums
    }

    // MARK: - Colour

    func trainColor() throws -> ColorScale? {
        let colored = layers.filter { $0.fields[.color] != nil }
        guard let first = colored.first, let def = first.defs[.color], let field = first.fields[.color] else { return nil }
        if let scheme = def.scale?.scheme, Palette.scheme(scheme) == nil {
            throw ChartError.invalidSpec("layer \(first.index): color: unknown scheme \"\(scheme)\"; schemes are: okabe-ito, viridis, blues, greens, oranges, purples, greys")
        }
        let title = def.title ?? field.name
        if colored.contains(where: { $0.types[.color] == .quantitative }) {
            return try sequentialColor(colored, def: def, field: field.name, title: title, layer: first.index)
        }
        return try ordinalColor(colored, def: def, field: field.name, title: title, layer: first.index)
    }

    /// A colour ramp over the colour field's values (or the scale's domain), with legend ticks.
    private func sequentialColor(_ colored: [ResolvedLayer], def: ChannelDef, field: String, title: String, layer: Int) throws -> ColorScale {
        let log = def.scale?.type == .log
        var lo = Double.infinity, hi = -Double.infinity
        for l in colored {
            for i in 0..<l.rowCount {
                guard let v = l.number(.color, i) else { continue }
                if log && v <= 0 {
                    throw ChartError.nonPositiveOnLogScale(layer: l.index, channel: "color", field: l.fields[.color]?.name ?? "value", value: v)
                }
                lo = min(lo, v); hi = max(hi, v)
            }
        }
        if let d = def.scale?.domain {
            if let problem = SpecChecks.continuousDomain(d, scale: log ? "log" : "sequential") {
                throw ChartError.invalidSpec("layer \(layer): color: scale: " + problem.message)
            }
            if let a = d[0].number, let b = d[1].number { lo = a; hi = b }
        }
        if !lo.isFinite { lo = 0; hi = 1 }
        try checkSpan(lo, hi, layer: layer, channel: "color")
        if def.scale?.zero == true { lo = min(lo, 0) }
        if hi == lo { hi = lo + 1 }
        var ticks = log ? NiceTicks.logTicks(min: lo, max: hi) : NiceTicks.extended(min: lo, max: hi, targetCount: 5)
        let integral = colored.allSatisfy { l in (0..<l.rowCount).allSatisfy { i in l.number(.color, i).map { $0 == $0.rounded() } ?? true } }
        if integral, !log, ticks.count > 1, ticks[1] - ticks[0] < 1 || ticks[1] - ticks[0] != (ticks[1] - ticks[0]).rounded() {
            for m in [6, 4, 7, 3] {
                let t = NiceTicks.extended(min: lo, max: hi, targetCount: m)
                if t.count >= 3, t[1] - t[0] >= 1, t[1] - t[0] == (t[1] - t[0]).rounded() { ticks = t; break }
            }
        }
        if def.scale?.nice != false, !log, let a = ticks.first, let b = ticks.last { lo = min(lo, a); hi = max(hi, b) }
        ticks = ticks.filter { $0 >= lo - 1e-9 && $0 <= hi + 1e-9 }
        let ramp = def.scale?.scheme.flatMap(Palette.scheme) ?? theme.sequential
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        let format = def.format.map { NumberFormat($0) } ?? NumberFormat.forStep(step)
        return ColorScale(kind: .sequential, field: field, title: title, lo: lo, hi: hi, log: log,
                          ramp: def.scale?.reverse == true ? ramp.reversed() : ramp, ticks: ticks, format: format)
    }

    /// A colour per category of the colour field, in the domain's or the sort's order.
    private func ordinalColor(_ colored: [ResolvedLayer], def: ChannelDef, field: String, title: String, layer: Int) throws -> ColorScale {
        var keys: [String] = []
        var seen = Set<String>()
        for l in colored {
            for i in 0..<l.rowCount { if let k = l.key(.color, i), seen.insert(k).inserted { keys.append(k) } }
        }
        if keys.count > ChartLimits.colorCategories {
            throw ChartError.invalidSpec("layer \(layer): color: field \"\(field)\" has \(keys.count) categories, expected at most \(ChartLimits.colorCategories) colours; use a quantitative colour scale, fewer categories or the detail channel")
        }
        if let d = def.scale?.domain {
            let listed = d.map(\.key)
            keys = listed + sortKeys(keys.filter { !listed.contains($0) }, spec: nil, sums: [:])
        } else {
            keys = sortKeys(keys, spec: def.sort, sums: sortSums(channel: .color, sort: def.sort))
        }
        var colors = def.scale?.scheme.flatMap(Palette.scheme) ?? theme.categorical
        if let range = def.scale?.range {
            colors = try range.map { text in
                guard let c = Palette.color(text) else {
                    throw ChartError.invalidSpec("layer \(layer): color: scale range: " + (SpecChecks.color(text)?.message ?? text))
                }
                return c
            }
            if colors.isEmpty { throw ChartError.invalidSpec("layer \(layer): color: scale range is empty, expected at least one colour") }
        }
        return ColorScale(kind: .ordinal, field: field, title: title, categories: keys, colors: colors)
    }

    func fillColor(_ l: ResolvedLayer, _ i: Int) -> Color? {
        if l.fields[.color] != nil, let scale = color {
            switch scale.kind {
            case .ordinal:
                guard let k = l.key(.color, i) else { return nil }
                return scale.color(key: k)
            case .sequential:
                guard let v = l.number(.color, i) else { return nil }
                return scale.color(value: v)
            }
        }
        if let fixed = l.fixedColor { return fixed }
        return theme.markColor
    }

    // MARK: - Stacking

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
