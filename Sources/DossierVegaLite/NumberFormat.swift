import DossierBase
import Foundation

/// Formats numbers for people: thousands separators, a real minus sign, no `-0`, no
/// `0.30000000000000004`; the digits are DossierBase's ``NumberText`` (one rounding rule, ties
/// to even on the exact value, as in the report's text). Understands a d3-like subset: `[$][,][.precision][~][type]` with
/// type `f` (fixed), `d` (integer), `%` (percent), `s` (SI suffix k/M/B), e.g. `,d`, `.1%`, `$,.1f`.
public struct NumberFormat: Sendable, Equatable {
    /// Group thousands with commas.
    public var grouping: Bool = true
    /// Fraction digits (nil: as few as needed, up to 6).
    public var precision: Int?
    /// `f`, `d`, `%` or `s`.
    public var type: Character = "f"
    /// Currency prefix `$`.
    public var currency = false
    /// Trim trailing zeros (`~`).
    public var trim = false

    /// Parses a format string; unknown letters fall back to fixed notation.
    public init(_ spec: String?) {
        guard let spec, !spec.isEmpty else { return }
        var s = Substring(spec)
        grouping = false
        if s.first == "$" { currency = true; s = s.dropFirst() }
        if s.first == "," { grouping = true; s = s.dropFirst() }
        if s.first == "." {
            s = s.dropFirst()
            let digits = s.prefix(while: \.isNumber)
            precision = Int(digits)
            s = s.dropFirst(digits.count)
        }
        if s.first == "~" { trim = true; s = s.dropFirst() }
        if let t = s.first, "fd%s".contains(t) { type = t }
    }

    /// A format with `precision` fraction digits and grouping.
    public init(precision: Int?, type: Character = "f") {
        self.precision = precision
        self.type = type
    }

    /// Formats `value`.
    public func string(_ value: Double) -> String {
        guard value.isFinite else { return NumberText.nonFinite(value) }
        var v = value
        var suffix = ""
        var digits = precision
        switch type {
        case "%": v *= 100; suffix = "%"
        case "d": digits = 0
        case "s":
            let a = abs(v)
            if a >= 1e9 { v /= 1e9; suffix = "B" } else if a >= 1e6 { v /= 1e6; suffix = "M" } else if a >= 1e3 { v /= 1e3; suffix = "k" }
            // As in d3, the precision of `s` counts significant digits, not decimals.
            if let significant = precision, v != 0 {
                let integerDigits = max(1, ChartLimits.clampedInt(log10(abs(v)).rounded(.down)) + 1)
                digits = max(0, significant - integerDigits)
            }
        default: break
        }
        // The digits (and sign, NaN and ∞) come from DossierBase's one formatter, so an axis
        // label reads like the same number in the text.
        var text = NumberText.fixed(v, decimals: digits ?? NumberFormat.neededDigits(abs(v)), grouping: grouping)
        if trim || (precision == nil && type != "d"), text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        if currency {
            text = text.hasPrefix(NumberText.minus) ? NumberText.minus + "$" + text.dropFirst() : "$" + text
        }
        return text + suffix
    }

    static func neededDigits(_ v: Double) -> Int {
        for d in 0...6 {
            let scaled = v * pow(10, Double(d))
            if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { return d }
        }
        return 6
    }

    /// The default format for ticks `step` apart: enough digits to tell them apart.
    public static func forStep(_ step: Double, percent: Bool = false) -> NumberFormat {
        let s = percent ? step * 100 : step
        let digits = s > 0 ? neededDigits(s) : 0
        var f = NumberFormat(precision: min(digits, 6), type: percent ? "%" : "f")
        f.grouping = true
        return f
    }
}
