import DossierBase
import Foundation

/// A colour that is not valid CSS Color 4; the description says what was found and expected.
public struct ColorSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong, what was expected and, for a misspelt name, the nearest known one.
    public let description: String
}

/// The one colour parser of charts: CSS Color 4 sRGB syntax.
///
/// Accepts the 148 named colours and `transparent` (case-insensitive), `#rgb`, `#rgba`,
/// `#rrggbb`, `#rrggbbaa`, `rgb()`/`rgba()` (numbers 0–255 or percentages, the comma syntax
/// or the space syntax with `/ alpha`), and `hsl()`/`hsla()` (hue in degrees or with a `deg`,
/// `grad`, `rad` or `turn` unit; saturation and lightness in percent). Out-of-range channels
/// are clamped, as CSS does. Hex colours give exactly `Color(hex:)`, so a chart drawn with
/// `#0072B2` has the same bytes as before this parser existed.
public enum CSSColor {
    /// Parses `text`, or throws an error saying what a colour looks like.
    public static func parse(_ text: String) throws(ColorSyntaxError) -> Color {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        if lower.hasPrefix("#") { return try hex(lower.dropFirst(), original: text) }
        if lower == "transparent" { return Color(red: 0, green: 0, blue: 0, alpha: 0) }
        if let value = CSSColorNames.values[lower] { return Color(hex: value) }
        if let open = lower.firstIndex(of: "("), lower.hasSuffix(")") {
            let name = String(lower[..<open]).trimmingCharacters(in: .whitespaces)
            let arguments = String(lower[lower.index(after: open)..<lower.index(before: lower.endIndex)])
            switch name {
            case "rgb", "rgba": return try rgb(arguments, original: text)
            case "hsl", "hsla": return try hsl(arguments, original: text)
            default: break
            }
        }
        throw notAColour(text)
    }

    /// Whether `text` is a colour this parser accepts.
    public static func isColor(_ text: String) -> Bool {
        (try? parse(text)) != nil
    }

    // MARK: - Hex

    private static func hex(_ digits: Substring, original: String) throws(ColorSyntaxError) -> Color {
        let values = digits.compactMap(\.hexDigitValue)
        guard values.count == digits.count, [3, 4, 6, 8].contains(values.count) else {
            throw ColorSyntaxError(description: "\(InputExcerpt.quoted(original)) is not a colour: a hex colour is \"#RGB\", \"#RGBA\", \"#RRGGBB\" or \"#RRGGBBAA\" with digits 0-9 and A-F")
        }
        let bytes: [UInt32]
        if values.count <= 4 {
            bytes = values.map { UInt32($0 * 17) }
        } else {
            bytes = stride(from: 0, to: values.count, by: 2).map { UInt32(values[$0] * 16 + values[$0 + 1]) }
        }
        let rgb = bytes[0] << 16 | bytes[1] << 8 | bytes[2]
        return Color(hex: rgb, alpha: bytes.count == 4 ? Double(bytes[3]) / 255 : 1)
    }

    // MARK: - Functions

    /// One argument of a colour function: a number, a percentage, an angle or `none`.
    private enum Component {
        case number(Double)
        case percent(Double)
        case angle(degrees: Double)
        case none

        var isNone: Bool { if case .none = self { return true } else { return false } }
    }

    /// The three components and the optional alpha of a function's arguments, and whether they
    /// used the legacy comma syntax.
    private static func components(_ arguments: String, function: String,
                                   original: String) throws(ColorSyntaxError) -> (parts: [Component], alpha: Component?, legacy: Bool) {
        let bad = ColorSyntaxError(description: "\(InputExcerpt.quoted(original)) is not a colour: \(function)() takes three values and an optional alpha, as in \"\(function)(\(function == "rgb" ? "255 128 0" : "30 100% 50%") / 50%)\" or \"\(function)(\(function == "rgb" ? "255, 128, 0" : "30, 100%, 50%"), 0.5)\"")
        let legacy = arguments.contains(",")
        var tokens: [String]
        var alphaToken: String?
        if legacy {
            tokens = arguments.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard tokens.count == 3 || tokens.count == 4, !arguments.contains("/") else { throw bad }
            if tokens.count == 4 { alphaToken = tokens.removeLast() }
        } else {
            let halves = arguments.split(separator: "/", omittingEmptySubsequences: false)
            guard halves.count == 1 || halves.count == 2 else { throw bad }
            tokens = halves[0].split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if halves.count == 2 {
                alphaToken = halves[1].trimmingCharacters(in: .whitespaces)
            }
            guard tokens.count == 3 else { throw bad }
        }
        var parts: [Component] = []
        for token in tokens {
            guard let part = component(token), !(legacy && part.isNone) else { throw bad }
            parts.append(part)
        }
        var alpha: Component?
        if let alphaToken {
            guard let a = component(alphaToken), !(legacy && a.isNone) else { throw bad }
            if case .angle = a { throw bad }
            alpha = a
        }
        return (parts, alpha, legacy)
    }

    private static func rgb(_ arguments: String, original: String) throws(ColorSyntaxError) -> Color {
        let (parts, alpha, legacy) = try components(arguments, function: "rgb", original: original)
        let bad = ColorSyntaxError(description: "\(InputExcerpt.quoted(original)) is not a colour: rgb() takes numbers from 0 to 255 or percentages"
                                   + (legacy ? " (all numbers or all percentages with commas)" : ""))
        if legacy {
            let allNumbers = parts.allSatisfy { if case .number = $0 { return true } else { return false } }
            let allPercents = parts.allSatisfy { if case .percent = $0 { return true } else { return false } }
            guard allNumbers || allPercents else { throw bad }
        }
        var channels: [Double] = []
        for part in parts {
            switch part {
            case .number(let n): channels.append(clamp(n, 0, 255) / 255)
            case .percent(let p): channels.append(clamp(p, 0, 100) / 100)
            case .none: channels.append(0)
            case .angle: throw bad
            }
        }
        return Color(red: channels[0], green: channels[1], blue: channels[2], alpha: alphaValue(alpha))
    }

    private static func hsl(_ arguments: String, original: String) throws(ColorSyntaxError) -> Color {
        let (parts, alpha, legacy) = try components(arguments, function: "hsl", original: original)
        let bad = ColorSyntaxError(description: "\(InputExcerpt.quoted(original)) is not a colour: hsl() takes a hue (degrees, or a deg, grad, rad or turn angle) then saturation and lightness in percent")
        let hue: Double
        switch parts[0] {
        case .number(let n): hue = n
        case .angle(let degrees): hue = degrees
        case .none: hue = 0
        case .percent: throw bad
        }
        var sl: [Double] = []
        for part in parts.dropFirst() {
            switch part {
            case .percent(let p): sl.append(clamp(p, 0, 100) / 100)
            case .number(let n) where !legacy: sl.append(clamp(n, 0, 100) / 100)
            case .none: sl.append(0)
            default: throw bad
            }
        }
        let (r, g, b) = hslToRGB(hue: hue, saturation: sl[0], lightness: sl[1])
        return Color(red: r, green: g, blue: b, alpha: alphaValue(alpha))
    }

    /// CSS Color 4 §7.1 `hslToRgb`.
    static func hslToRGB(hue: Double, saturation s: Double, lightness l: Double) -> (Double, Double, Double) {
        var h = hue.truncatingRemainder(dividingBy: 360)
        if h < 0 { h += 360 }
        func f(_ n: Double) -> Double {
            let k = (n + h / 30).truncatingRemainder(dividingBy: 12)
            let a = s * min(l, 1 - l)
            return l - a * max(-1, min(k - 3, 9 - k, 1))
        }
        return (f(0), f(8), f(4))
    }

    private static func alphaValue(_ alpha: Component?) -> Double {
        switch alpha {
        case .number(let n)?: return clamp(n, 0, 1)
        case .percent(let p)?: return clamp(p, 0, 100) / 100
        case .none?: return 0
        default: return 1
        }
    }

    /// A CSS number with an optional `%` or angle unit, or `none`; nil when malformed.
    private static func component(_ token: String) -> Component? {
        if token == "none" { return Component.none }
        let unitStart = token.lastIndex { $0.isNumber || $0 == "." } .map { token.index(after: $0) } ?? token.startIndex
        let numeral = token[..<unitStart]
        let unit = token[unitStart...]
        guard let first = numeral.first, first.isNumber || "+-.".contains(first),
              numeral.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
              let value = Double(numeral), value.isFinite else { return nil }
        switch unit {
        case "": return .number(value)
        case "%": return .percent(value)
        case "deg": return .angle(degrees: value)
        case "grad": return .angle(degrees: value * 0.9)
        case "rad": return .angle(degrees: value * 180 / Double.pi)
        case "turn": return .angle(degrees: value * 360)
        default: return nil
        }
    }

    private static func clamp(_ value: Double, _ low: Double, _ high: Double) -> Double {
        min(high, max(low, value))
    }

    // MARK: - Messages

    /// The error for text that looks like no colour syntax at all, with a hint when it is a
    /// misspelt name or hex digits without their `#`.
    private static func notAColour(_ text: String) -> ColorSyntaxError {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var message = "\(InputExcerpt.quoted(text)) is not a colour: expected a CSS colour name (e.g. \"steelblue\"), \"#RRGGBB\", \"#RGB\", \"#RRGGBBAA\", \"rgb(…)\" or \"hsl(…)\""
        if [3, 4, 6, 8].contains(trimmed.count), trimmed.allSatisfy(\.isHexDigit) {
            message += "; did you mean \"#\(trimmed)\"? (quote it in YAML: a bare # starts a comment)"
        } else if let match = closestName(to: trimmed.lowercased()) {
            message += "; did you mean \"\(match)\"?"
        }
        return ColorSyntaxError(description: message)
    }

    /// The named colour nearest to `name` (edit distance ≤ 2, or a third of its length).
    static func closestName(to name: String) -> String? {
        guard !name.isEmpty, name.count <= 40, name.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" }) else { return nil }
        return NameHint.closest(to: String(name.filter(\.isLetter)), in: Array(CSSColorNames.values.keys))
    }
}

private extension Character {
    var isHexDigit: Bool { hexDigitValue != nil }
}
