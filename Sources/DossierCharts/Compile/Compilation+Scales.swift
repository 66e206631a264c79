import DossierBase
import DossierVegaLite
import Foundation

extension Compilation {
    /// The x, y and secondary y scales, with ticks for panels of `panelSize` (estimated from
    /// the chart size on the first pass).
    func trainPositions(panelSize: (width: Double, height: Double)?) throws -> PositionScales {
        var scales = PositionScales()
        if isMap && !layers.contains(where: { $0.mark != .geoshape && !$0.has(.longitude) && ($0.has(.x) || $0.has(.y)) }) {
            return scales
        }
        let columns = Double(facetColumns)
        let rows = Double(facetRows)
        let estimatedWidth = panelSize?.width ?? max(60, (width - 140) / columns)
        let estimatedHeight = panelSize?.height ?? max(50, (height - 110) / rows)
        let xLayers = layers.filter { $0.has(.x) && $0.mark != .geoshape }
        let yLayers = layers.filter { $0.has(.y) && !$0.secondary && $0.mark != .geoshape }
        let y2Layers = layers.filter { $0.has(.y) && $0.secondary }
        if !xLayers.isEmpty {
            scales.hasX = true
            scales.x = try train(.x, xLayers, length: estimatedWidth, upward: false)
        }
        if !yLayers.isEmpty {
            scales.hasY = true
            scales.y = try train(.y, yLayers, length: estimatedHeight, upward: true)
        }
        if !y2Layers.isEmpty {
            scales.y2 = try train(.y, y2Layers, length: estimatedHeight, upward: true)
        }
        return scales
    }

    var facetColumns: Int {
        guard let facet = spec.facet else { return 1 }
        return max(1, min(facet.columns ?? min(panelKeys.count, 3), panelKeys.count))
    }

    var facetRows: Int { (panelKeys.count + facetColumns - 1) / facetColumns }

    /// The scale of `channel` over the layers in `group`: a band scale when some layer's
    /// field is discrete, else a continuous one.
    func train(_ channel: Channel, _ group: [ResolvedLayer], length: Double, upward: Bool) throws -> PositionScale {
        let defs = group.compactMap { $0.defs[channel] }
        let scaleSpec = defs.first { $0.scale != nil }?.scale
        // The first definition with a field names the axis; axis options and the label format
        // may be given on any layer's definition of the channel (the first one that sets them).
        var def = defs.first { $0.field != nil } ?? defs.first
        if def?.axis == nil { def?.axis = defs.first { $0.axis != nil }?.axis }
        if def?.format == nil { def?.format = defs.first { $0.format != nil }?.format }
        if scaleSpec?.domainUnion != nil, scaleSpec?.type == .time || scaleSpec?.type == .utc
            || group.contains(where: { $0.isDiscrete(channel) || $0.types[channel] == .temporal }) {
            throw ChartError.invalidSpec("layer \(group[0].index): \(channel.rawValue): scale: domain: {unionWith} is implemented on quantitative scales only, expected a domain list")
        }
        if group.contains(where: { $0.isDiscrete(channel) }) {
            var scale = try bandScale(channel, group, scaleSpec: scaleSpec, sort: def?.sort, length: length)
            scale.categoryLabels = Self.timeUnitLabels(def, scale.categories)
            scale.categories = Self.timeUnitOrder(def, scale.categories, labels: scale.categoryLabels)
            return scale
        }
        if group.contains(where: { $0.types[channel] == .temporal }) || scaleSpec?.type == .time || scaleSpec?.type == .utc {
            return try timeScale(channel, group, def: def, scaleSpec: scaleSpec, length: length, upward: upward)
        }
        var scale = PositionScale(kind: .continuous)
        scale.upward = upward
        scale.length = length
        scale.log = scaleSpec?.type == .log
        var extent = try dataExtent(channel, group, log: scale.log)
        extent.zero = scaleSpec?.zero ?? Self.vegaLiteZero(channel, group)
        var (lo, hi) = try domain(extent, scaleSpec: scaleSpec, log: scale.log, layer: group[0].index, channel: channel)
        let nice = scaleSpec?.nice ?? (scaleSpec?.domain == nil && !BinnedAxis.allBinned(channel, group))
        if scaleSpec?.type == .symlog { scale.symlogConstant = scaleSpec?.constant ?? 1 }
        if scale.log {
            if nice { (lo, hi) = NiceDomain.log(lo, hi) }
            scale.ticks = Self.logAxisTicks(lo, hi)
        } else if let constant = scale.symlogConstant {
            if nice { (lo, hi) = SymlogTicks.niceDomain(lo, hi, constant: constant) }
            scale.ticks = SymlogTicks.ticks(lo, hi, constant: constant)
        } else {
            let target = min(ChartLimits.tickSearchCount,
                             def?.axis?.tickCount ?? configuredTickCount(channel, scaleSpec)
                                ?? max(channel == .x ? 2 : 3, ChartLimits.clampedInt(length / (channel == .x ? 65 : 45))))
            // Vega-Lite's nice domain (d3's `nice`, 10 ticks unless `nice` is a number); the
            // ticks are then chosen inside it, as Vega's axis does.
            if nice { (lo, hi) = NiceDomain.linear(lo, hi, count: scaleSpec?.niceCount ?? 10) }
            var ticks = NiceTicks.extended(min: lo, max: hi, targetCount: target, onlyLoose: false)
            let integral = !extent.normalized && Self.isIntegral(group, [channel, channel == .x ? .x2 : .y2])
            if integral, !Self.wholeSteps(ticks) {
                ticks = Self.wholeStepTicks(lo, hi, target: target, nice: false) ?? ticks
            }
            if ticks.count < 3 {
                ticks = Self.readableTicks(lo, hi, target: target, nice: false, integral: integral) ?? ticks
            }
            scale.ticks = ticks.filter { $0 >= lo - 1e-9 * (hi - lo) && $0 <= hi + 1e-9 * (hi - lo) }
            if let step = BinnedAxis.step(channel, group) {
                // Vega's default tick count on an axis, ceil(length / 40), unless one is given.
                let count = def?.axis?.tickCount ?? configuredTickCount(channel, scaleSpec) ?? ChartLimits.clampedInt((length / 40).rounded(.up))
                let binTicks = BinnedAxis.ticks(lo, hi, step: step, count: min(ChartLimits.tickSearchCount, count))
                if !binTicks.isEmpty { scale.ticks = binTicks }
            }
        }
        scale.lo = lo
        scale.hi = hi
        scale.reverse = scaleSpec?.reverse ?? false
        scale.format = axisFormat(scale, format: def?.format, normalized: extent.normalized)
        return scale
    }

    /// A band scale over the categories of `channel`, in the domain's or the sort's order.
    private func bandScale(_ channel: Channel, _ group: [ResolvedLayer], scaleSpec: ScaleSpec?, sort: SortSpec?,
                           length: Double) throws -> PositionScale {
        var scale = PositionScale(kind: .band)
        var keys: [String] = []
        var seen = Set<String>()
        for l in group where l.isDiscrete(channel) {
            for i in 0..<l.rowCount { if let k = l.key(channel, i), seen.insert(k).inserted { keys.append(k) } }
        }
        if keys.count > ChartLimits.bandCategories, let l = group.first(where: { $0.isDiscrete(channel) }) {
            throw ChartError.invalidSpec("layer \(l.index): \(channel.rawValue): field \"\(l.fields[channel]?.name ?? "value")\" has \(keys.count) categories, expected at most \(ChartLimits.bandCategories) on a band axis; aggregate or filter the data, or use a quantitative field")
        }
        if let domain = scaleSpec?.domain {
            let listed = domain.map(\.key)
            keys = listed + sortKeys(keys.filter { !listed.contains($0) }, spec: nil, sums: [:])
        } else {
            keys = sortKeys(keys, spec: sort, sums: sortSums(channel: channel, sort: sort))
        }
        scale.categories = keys
        (scale.paddingInner, scale.paddingOuter) = bandPadding(group, channel: channel, scaleSpec: scaleSpec)
        // A vertical band axis lists its first category at the top.
        scale.upward = false
        scale.reverse = scaleSpec?.reverse ?? false
        scale.length = length
        return scale
    }

    /// The span of a continuous channel's values over its layers (stack ends for stacked
    /// bars and areas), whether the axis should include zero, and whether it is normalised.
    func dataExtent(_ channel: Channel, _ group: [ResolvedLayer], log: Bool) throws
        -> (lo: Double, hi: Double, zero: Bool, normalized: Bool) {
        let second: Channel = channel == .x ? .x2 : .y2
        var lo = Double.infinity, hi = -Double.infinity
        var normalized = false
        var zero = false
        for l in group {
            let isValueAxis = (l.mark == .bar || l.mark == .area) && (channel == .x) == l.horizontal
            if isValueAxis && l.stacked {
                if l.stackOffset == .normalize { normalized = true }
                for i in 0..<l.rowCount {
                    if let a = l.stackStart[i] { lo = min(lo, a); hi = max(hi, a) }
                    if let b = l.stackEnd[i] { lo = min(lo, b); hi = max(hi, b) }
                }
            } else {
                for c in [channel, second] where l.has(c) {
                    for i in 0..<l.rowCount {
                        guard let v = l.number(c, i) else { continue }
                        if log && v <= 0 {
                            throw ChartError.nonPositiveOnLogScale(layer: l.index, channel: c.rawValue,
                                                                   field: l.fields[c]?.name ?? "value", value: v)
                        }
                        lo = min(lo, v); hi = max(hi, v)
                    }
                }
            }
            if isValueAxis && !l.has(second) { zero = true }
        }
        return (lo, hi, zero, normalized)
    }

    /// The domain before nice rounding: the data extent widened to zero (or 0…1 when
    /// normalised), or the scale's explicit domain, and never empty.
    private func domain(_ extent: (lo: Double, hi: Double, zero: Bool, normalized: Bool), scaleSpec: ScaleSpec?, log: Bool,
                        layer: Int, channel: Channel) throws -> (Double, Double) {
        var lo = extent.lo, hi = extent.hi
        for value in scaleSpec?.domainUnion ?? [] {
            if log && value <= 0 {
                throw ChartError.invalidSpec("layer \(layer): \(channel.rawValue): scale: domain: unionWith has \(ChartLimits.spell(value)) on a log scale, expected numbers > 0")
            }
            lo = min(lo, value); hi = max(hi, value)
        }
        if !lo.isFinite { lo = 0; hi = 1 }
        if extent.zero && !log { lo = min(lo, 0); hi = max(hi, 0) }
        if extent.normalized { lo = 0; hi = 1 }
        if let d = scaleSpec?.domain {
            if let problem = SpecChecks.domain(d, type: log ? .log : .linear) {
                throw ChartError.invalidSpec("layer \(layer): \(channel.rawValue): scale: " + problem.message)
            }
            if let a = d[0].number, let b = d[1].number { lo = a; hi = b }
        }
        try checkSpan(lo, hi, layer: layer, channel: channel.rawValue)
        if hi == lo {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= pad; hi += pad
            if extent.zero && lo < 0 && hi > 0 && lo >= -pad * 2 { lo = 0 }
        }
        return (lo, hi)
    }

    /// Powers of ten; with few decades, 1, 2 and 5 within each so the axis can be read.
    private static func logAxisTicks(_ lo: Double, _ hi: Double) -> [Double] {
        let ticks = NiceTicks.logTicks(min: lo, max: hi)
        guard ticks.count < 4, hi / lo <= 1e4 else { return ticks }
        var more: [Double] = []
        var e = floor(log10(lo)) - 1
        while pow(10, e) <= hi * 1.000001 {
            for m in [1.0, 2, 5] {
                let v = (m * pow(10, e) * 1e12).rounded() / 1e12
                if v >= lo * 0.999999 && v <= hi * 1.000001 { more.append(v) }
            }
            e += 1
        }
        return more.count <= 12 ? more : ticks
    }

    /// Whether every value of `channels` in `group` is a whole number (counts get whole-number ticks).
    private static func isIntegral(_ group: [ResolvedLayer], _ channels: [Channel]) -> Bool {
        group.allSatisfy { l in
            channels.allSatisfy { c in (0..<l.rowCount).allSatisfy { i in l.number(c, i).map { $0 == $0.rounded() } ?? true } }
        }
    }

    private static func wholeSteps(_ t: [Double]) -> Bool {
        t.count < 2 || (t[1] - t[0] >= 1 && t[1] - t[0] == (t[1] - t[0]).rounded())
    }

    /// Ticks a whole number apart near the target count, if some are found.
    private static func wholeStepTicks(_ lo: Double, _ hi: Double, target: Int, nice: Bool) -> [Double]? {
        for m in [target + 1, target + 2, target - 1, target - 2, target + 3] where m >= 2 {
            let candidate = NiceTicks.extended(min: lo, max: hi, targetCount: m, onlyLoose: nice)
            if candidate.count >= 3, wholeSteps(candidate) { return candidate }
        }
        return nil
    }

    /// At least three ticks where the search gave two (0 and 25 alone cannot be read), with
    /// whole steps for whole-number data: the nearest larger target that gives them.
    private static func readableTicks(_ lo: Double, _ hi: Double, target: Int, nice: Bool, integral: Bool) -> [Double]? {
        for m in (target + 1)...(target + 3) {
            let candidate = NiceTicks.extended(min: lo, max: hi, targetCount: m, onlyLoose: nice)
            if candidate.count >= 3, !integral || wholeSteps(candidate) { return candidate }
        }
        return nil
    }

    /// The axis label format: the spec's, else one digit more than the tick step needs
    /// (percent when normalised); years read as 2008, not 2,008.
    private func axisFormat(_ scale: PositionScale, format: String?, normalized: Bool) -> NumberFormat {
        if let format { return NumberFormat(format) }
        if scale.log || scale.symlogConstant != nil { return NumberFormat(nil) }
        let step = scale.ticks.count > 1 ? scale.ticks[1] - scale.ticks[0] : 1
        var result = NumberFormat.forStep(step, percent: normalized)
        if scale.lo >= 1000, scale.hi <= 2999, scale.ticks.allSatisfy({ $0 == $0.rounded() }) { result.grouping = false }
        return result
    }

    /// Throws when a continuous domain trained from the data cannot be drawn: a value beyond
    /// ±``ChartLimits/dataMagnitude``, where the scale arithmetic (`hi - lo`, padding, nice
    /// bounds) would overflow.
    func checkSpan(_ lo: Double, _ hi: Double, layer: Int, channel: String) throws {
        let limit = ChartLimits.dataMagnitude
        guard lo.isFinite, hi.isFinite, abs(lo) <= limit, abs(hi) <= limit else {
            throw ChartError.invalidSpec("layer \(layer): \(channel): the values span \(ChartLimits.spell(lo)) to \(ChartLimits.spell(hi)), expected numbers within ±1e300 on a chart scale")
        }
    }

    static func niceLogCeil(_ v: Double) -> Double {
        let e = floor(log10(v))
        let base = pow(10, e)
        for m in [1.0, 2, 5, 10] where m * base >= v * (1 - 1e-12) { return m * base }
        return 10 * base
    }
}

extension Compilation {
    /// Throws when an annotation lies outside its axis: a number beyond a continuous scale's
    /// domain (it would be drawn far off the chart) or a value that is not a category of a
    /// band axis (it would silently not be drawn).
    func checkAnnotations() throws {
        for (n, a) in (spec.annotations ?? []).enumerated() {
            if let v = a.x, hasX { try checkAnnotation(v, on: x, axis: "x", index: n + 1) }
            if let v = a.y, hasY { try checkAnnotation(v, on: y, axis: "y", index: n + 1) }
        }
    }

    private func checkAnnotation(_ value: ChartValue, on scale: PositionScale, axis: String, index: Int) throws {
        switch scale.kind {
        case .band:
            guard !scale.categories.contains(value.key) else { return }
            let known = scale.categories.prefix(20).joined(separator: ", ") + (scale.categories.count > 20 ? ", …" : "")
            throw ChartError.invalidSpec("annotation \(index): \(axis) is \(InputExcerpt.quoted(value.key)), expected a category of the \(axis) axis (\(known))")
        case .continuous:
            guard let v = value.number else {
                throw ChartError.invalidSpec("annotation \(index): \(axis) is \(InputExcerpt.quoted(value.key)), expected a number on the continuous \(axis) axis")
            }
            let tolerance = 1e-9 * (scale.hi - scale.lo)
            guard v >= scale.lo - tolerance, v <= scale.hi + tolerance, !(scale.log && v <= 0) else {
                throw ChartError.invalidSpec("annotation \(index): \(axis) is \(ChartLimits.spell(v)), outside the \(axis) axis (\(scale.label(scale.lo)) to \(scale.label(scale.hi))); expected a value on the axis, or widen it with scale: {domain: {unionWith: [\(ChartLimits.spell(v))]}}")
            }
        }
    }
}
