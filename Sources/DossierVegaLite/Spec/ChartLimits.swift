import DossierBase
import Foundation

/// The documented range of a numeric chart option: a value outside it is an error naming the
/// option, the value found and the range expected (docs/report-format.md, "Chart limits").
public struct NumberRule: Sendable {
    /// What the option is, for messages (`width`, `strokeDash`, `a domain value`).
    public let name: String
    /// Smallest allowed value.
    public let min: Double
    /// Largest allowed value.
    public let max: Double
    /// Unit or meaning appended to the range in messages (`points`, `degrees`), or empty.
    public let unit: String

    /// The problem with `value` (called `name` in the message, by default the rule's own
    /// name), or nil when it is allowed: "width is 0, expected a number from 20 to 2000 points".
    public func problem(_ value: Double, as name: String? = nil) -> String? {
        if value.isFinite, value >= min, value <= max { return nil }
        return "\(name ?? self.name) is \(ChartLimits.spell(value)), expected a number from \(ChartLimits.spell(min)) to \(ChartLimits.spell(max))"
            + (unit.isEmpty ? "" : " \(unit)")
    }

    /// The problem with a whole number option, or nil when it is allowed.
    public func problem(_ value: Int, as name: String? = nil) -> String? {
        problem(Double(value), as: name)
    }
}

/// Ranges of the numeric chart options and caps on the work a chart may ask for, so that no
/// spec or data can make the compiler trap, overflow or run without end.
public enum ChartLimits {
    /// Chart `width` and `height`, in points.
    public static let size = NumberRule(name: "size", min: 20, max: 2000, unit: "points")
    /// Mark `opacity`.
    public static let opacity = NumberRule(name: "opacity", min: 0, max: 1, unit: "")
    /// Mark `size` (Vega-Lite): a point's area in square points, a text's font size, a bar's width.
    public static let markSize = NumberRule(name: "size", min: 0, max: 10_000, unit: "")
    /// Mark `strokeWidth`, in points.
    public static let strokeWidth = NumberRule(name: "strokeWidth", min: 0.1, max: 50, unit: "points")
    /// Each entry of a `strokeDash` pattern, in points.
    public static let dashEntry = NumberRule(name: "a strokeDash entry", min: 0, max: 1000, unit: "points")
    /// The most entries a `strokeDash` pattern may have.
    public static let dashEntries = 16
    /// Text `dx` and `dy` offsets, in points.
    public static let offset = NumberRule(name: "offset", min: -2000, max: 2000, unit: "points")
    /// Band `padding`, as a fraction of the band step.
    public static let padding = NumberRule(name: "padding", min: 0, max: 1, unit: "")
    /// Axis `tickCount`.
    public static let tickCount = NumberRule(name: "tickCount", min: 1, max: 100, unit: "")
    /// Axis `labelAngle`, in degrees.
    public static let labelAngle = NumberRule(name: "labelAngle", min: -360, max: 360, unit: "degrees")
    /// Facet `columns`.
    public static let facetColumns = NumberRule(name: "columns", min: 1, max: 100, unit: "")
    /// A number in a scale `domain`, an annotation position or a constant channel `value`:
    /// beyond ±1e15 the scale arithmetic loses whole units and, near 1e308, overflows.
    public static let coordinate = NumberRule(name: "value", min: -1e15, max: 1e15, unit: "")
    /// The largest magnitude of a data value on a continuous scale.
    public static let dataMagnitude = 1e300
    /// The most rows a point layer with a `text` channel may label with the repel step.
    public static let repelledLabels = 500
    /// The most facet panels a chart may have.
    public static let facetPanels = 100
    /// The most categories a band axis may have.
    public static let bandCategories = 1000
    /// The most categories a colour legend may have.
    public static let colorCategories = 100
    /// Most classes of a classed (`threshold`, `quantize`) colour scale.
    public static let colorClasses = 12
    /// The most ticks the tick search is asked for, whatever the caller passes.
    package static let tickSearchCount = 100

    /// A number as a person writes it: `20`, `0.1`, `1e15`, `-1e308`, `nan`.
    package static func spell(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        let text = abs(value) >= 1e15 ? String(format: "%.6g", value) : NumberText.short(value)
        return text.replacingOccurrences(of: "e+", with: "e")
    }

    /// `value` converted to `Int`, clamped to ±2^53 (0 for NaN): never traps.
    package static func clampedInt(_ value: Double) -> Int {
        guard !value.isNaN else { return 0 }
        let limit = 9_007_199_254_740_992.0
        return Int(Swift.max(-limit, Swift.min(limit, value)))
    }
}
