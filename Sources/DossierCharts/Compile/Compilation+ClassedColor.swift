import CairoKit
import DossierBase
import DossierVegaLite
import Foundation

/// Classed colours for a quantitative field: Vega-Lite's `threshold` and `quantize` scales,
/// drawn with a legend of discrete swatches.
extension Compilation {
    /// The classes of a `threshold` (breaks from the domain) or `quantize` (equal steps over
    /// the data range or the `[min, max]` domain) scale, their colours (the `range`, else the
    /// scheme's ramp sampled evenly, light to dark as on a sequential scale) and labels.
    func classedColor(_ colored: [ResolvedLayer], def: ChannelDef, field: String, title: String, layer: Int) throws -> ColorScale {
        var values: [Double] = []
        for l in colored {
            for i in 0..<l.rowCount { if let v = l.number(.color, i) { values.append(v) } }
        }
        let integral = values.allSatisfy { $0 == $0.rounded() && abs($0) < 1e15 }
        let type = def.scale?.type ?? .threshold
        let breaks: [Double]
        var range: (lo: Double, hi: Double)?
        if type == .threshold {
            guard let domain = def.scale?.domain else {
                throw ChartError.invalidSpec("layer \(layer): color: a threshold scale needs domain: [break, …], the values where each class after the first starts")
            }
            if let problem = SpecChecks.thresholdDomain(domain) {
                throw ChartError.invalidSpec("layer \(layer): color: scale: " + problem.message)
            }
            breaks = domain.compactMap(\.number)
        } else {
            var lo = values.min() ?? 0, hi = values.max() ?? 1
            if let domain = def.scale?.domain {
                if let problem = SpecChecks.continuousDomain(domain, scale: "quantize") {
                    throw ChartError.invalidSpec("layer \(layer): color: scale: " + problem.message)
                }
                if let a = domain[0].number, let b = domain[1].number { lo = a; hi = b }
            }
            try checkSpan(lo, hi, layer: layer, channel: "color")
            if hi == lo { hi = lo + 1 }
            let count = def.scale?.range?.count ?? def.scale?.count ?? 5
            breaks = (1..<max(count, 2)).map { lo + (hi - lo) * Double($0) / Double(max(count, 2)) }
            range = (lo, hi)
        }
        let colors = try classColors(def: def, count: breaks.count + 1, layer: layer)
        let format = def.format.map { NumberFormat($0) } ?? NumberFormat(nil)
        let labels = Self.classLabels(breaks: breaks, range: range, integral: integral && range == nil,
                                      nonNegative: values.allSatisfy { $0 >= 0 }, format: format)
        return ColorScale(kind: .classed, field: field, title: title, categories: labels, colors: colors, format: format, breaks: breaks)
    }

    /// `count` colours: the scale's `range` (exactly `count` of them) or the scheme sampled.
    private func classColors(def: ChannelDef, count: Int, layer: Int) throws -> [Color] {
        if let range = def.scale?.range {
            guard range.count == count else {
                throw ChartError.invalidSpec("layer \(layer): color: scale range has \(range.count) colours, expected \(count) (one per class: one more than the breaks)")
            }
            return try range.map { text in
                guard let c = Palette.color(text) else {
                    throw ChartError.invalidSpec("layer \(layer): color: scale range: " + (SpecChecks.color(text)?.message ?? text))
                }
                return c
            }
        }
        var ramp = schemeColors(def.scale) ?? theme.sequential
        if def.scale?.reverse == true { ramp.reverse() }
        return (0..<count).map { Palette.interpolate(ramp, count == 1 ? 0.5 : Double($0) / Double(count - 1)) }
    }

    /// The legend labels of the classes between `breaks`.
    ///
    /// - Whole-number data on a threshold scale: each class names the whole numbers it holds:
    ///   "2–4" for [2, 5), "1" for [1, 2), "10+" for the last; the first is "0" or "0–4" when no
    ///   value is negative, else "< 1".
    /// - Other data on a threshold scale: "< 1", "1–2" (meaning from 1 to below 2), …, "≥ 10".
    /// - A quantize scale: "lo–b1", "b1–b2", …, "bn–hi" over its range.
    static func classLabels(breaks: [Double], range: (lo: Double, hi: Double)?, integral: Bool, nonNegative: Bool,
                            format: NumberFormat) -> [String] {
        let text = { (v: Double) in format.string(v) }
        guard let first = breaks.first, let last = breaks.last else { return [] }
        if let range {
            let bounds = [range.lo] + breaks + [range.hi]
            return (0..<(bounds.count - 1)).map { "\(text(bounds[$0]))–\(text(bounds[$0 + 1]))" }
        }
        var labels: [String] = []
        let wholeBreaks = integral && breaks.allSatisfy { $0 == $0.rounded() }
        if wholeBreaks {
            func span(_ a: Double, _ b: Double) -> String { b - 1 <= a ? text(a) : "\(text(a))–\(text(b - 1))" }
            labels.append(nonNegative && first >= 1 ? span(0, first) : "< \(text(first))")
            for k in 1..<breaks.count { labels.append(span(breaks[k - 1], breaks[k])) }
            labels.append("\(text(last))+")
        } else {
            labels.append("< \(text(first))")
            for k in 1..<breaks.count { labels.append("\(text(breaks[k - 1]))–\(text(breaks[k]))") }
            labels.append("≥ \(text(last))")
        }
        return labels
    }
}
