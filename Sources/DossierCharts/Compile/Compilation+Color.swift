import CairoKit
import DossierBase
import DossierVegaLite
import Foundation

/// The colour scale and each row's colour.
extension Compilation {
    func trainColor() throws -> ColorScale? {
        let colored = layers.filter { $0.fields[.color] != nil }
        guard let first = colored.first, let def = first.defs[.color], let field = first.fields[.color] else { return nil }
        if let scheme = def.scale?.scheme, Palette.scheme(scheme) == nil {
            throw ChartError.invalidSpec("layer \(first.index): color: unknown scheme \"\(scheme)\"; schemes are: okabe-ito, viridis, blues, greens, oranges, purples, greys")
        }
        let title = def.title ?? field.name
        if colored.contains(where: { $0.types[.color] == .quantitative }) {
            if let type = def.scale?.type, type == .threshold || type == .quantize {
                return try classedColor(colored, def: def, field: field.name, title: title, layer: first.index)
            }
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
        let ramp = schemeColors(def.scale) ?? theme.sequential
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        let format = def.format.map { NumberFormat($0) } ?? NumberFormat.forStep(step)
        return ColorScale(kind: .sequential, field: field, title: title, lo: lo, hi: hi, log: log,
                          ramp: def.scale?.reverse == true ? ramp.reversed() : ramp, ticks: ticks, format: format)
    }

    /// A colour per category of the colour field, in the domain's or the sort's order.
    private func ordinalColor(_ colored: [ResolvedLayer], def: ChannelDef, field: String, title: String, layer: Int) throws -> ColorScale {
        let keys = try orderedCategories(.color, of: colored, def: def) { count in
            "layer \(layer): color: field \"\(field)\" has \(count) categories, expected at most \(ChartLimits.colorCategories) colours; use a quantitative colour scale, fewer categories or the detail channel"
        }
        var colors = schemeColors(def.scale, categories: keys.count) ?? theme.categorical
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

    /// A row's colour from the colour scale, else the layer's fixed colour (before conditions
    /// and opacity: ``fillColor(_:_:)``).
    func scaledFillColor(_ l: ResolvedLayer, _ i: Int) -> Color? {
        if l.fields[.color] != nil, let scale = color {
            switch scale.kind {
            case .ordinal:
                guard let k = l.key(.color, i) else { return nil }
                return scale.color(key: k)
            case .sequential, .classed:
                guard let v = l.number(.color, i) else { return nil }
                return scale.color(value: v)
            }
        }
        if let fixed = l.fixedColor { return fixed }
        return theme.markColor
    }
}
