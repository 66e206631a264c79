import Foundation

/// The functions of Vega's expression language that Dossier evaluates, with their arity.
enum VegaExpressionFunction: String, Sendable, CaseIterable {
    case abs, round, floor, ceil, sqrt, log, exp, pow, min, max
    case isValid, isNaN, isFinite, toNumber, toString, toBoolean
    case length, lower, upper, indexof, substring, replace
    /// `format`, `timeFormat`, `utcFormat` and `if` (VegaExpressionFunction+Format.swift).
    case format, timeFormat, utcFormat, `if`
    /// The normal, log-normal and uniform distributions (VegaExpressionFunction+Distributions.swift).
    case densityNormal, cumulativeNormal, quantileNormal
    case densityLogNormal, cumulativeLogNormal, quantileLogNormal
    case densityUniform, cumulativeUniform, quantileUniform

    /// How many arguments the function takes (JavaScript ignores extra ones, and so does
    /// Vega: `round(x, 1)` rounds to a whole number).
    var arity: ClosedRange<Int> {
        switch self {
        case .pow: return 2...Int.max
        case .min, .max: return 0...Int.max
        case .indexof: return 2...Int.max
        case .substring: return 1...Int.max
        case .replace: return 3...Int.max
        case .format, .timeFormat, .utcFormat: return 2...Int.max
        case .if: return 3...Int.max
        default: return 1...Int.max
        }
    }

    /// The function applied to evaluated arguments.
    func apply(_ a: [ExpressionValue]) -> ExpressionValue {
        func n(_ i: Int) -> Double { i < a.count ? a[i].number : .nan }
        func s(_ i: Int) -> String { i < a.count ? a[i].text : "undefined" }
        switch self {
        case .abs: return .number(Swift.abs(n(0)))
        case .round: return .number(Self.jsRound(n(0)))
        case .floor: return .number(Foundation.floor(n(0)))
        case .ceil: return .number(Foundation.ceil(n(0)))
        case .sqrt: return .number(Foundation.sqrt(n(0)))
        case .log: return .number(Foundation.log(n(0)))
        case .exp: return .number(Foundation.exp(n(0)))
        case .pow: return .number(Foundation.pow(n(0), n(1)))
        case .min, .max:
            let values = a.map(\.number)
            if values.contains(where: \.isNaN) { return .number(.nan) }
            if self == .min { return .number(values.min() ?? .infinity) }
            return .number(values.max() ?? -.infinity)
        case .isValid: return .boolean(a.first?.isValid ?? false)
        case .isNaN: return .boolean(n(0).isNaN)
        case .isFinite: return .boolean(n(0).isFinite)
        case .toNumber:
            if a.first == nil || a.first == .null { return .null }
            if case .string(let t) = a[0], t.isEmpty { return .null }
            return .number(n(0))
        case .toString:
            if a.first == nil || a.first == .null { return .null }
            if case .string(let t) = a[0], t.isEmpty { return .null }
            return .string(s(0))
        case .toBoolean:
            guard let v = a.first, v != .null else { return .null }
            if case .string(let t) = v {
                if t.isEmpty { return .null }
                return .boolean(t != "false" && t != "0")
            }
            return .boolean(v.truthy)
        case .length:
            if case .string(let t)? = a.first { return .number(Double(t.utf16.count)) }
            return .null
        case .lower: return .string(s(0).lowercased())
        case .upper: return .string(s(0).uppercased())
        case .indexof:
            let hay = Array(s(0).utf16), needle = Array(s(1).utf16)
            return .number(Double(Self.index(of: needle, in: hay) ?? -1))
        case .substring:
            let units = Array(s(0).utf16)
            func clamp(_ x: Double) -> Int { x.isNaN ? 0 : Int(Swift.max(0, Swift.min(Double(units.count), x.rounded(.towardZero)))) }
            var start = clamp(n(1)), end = a.count > 2 && a[2] != .null ? clamp(n(2)) : units.count
            if start > end { swap(&start, &end) }
            return .string(String(decoding: units[start..<end], as: UTF16.self))
        case .format, .timeFormat, .utcFormat, .if:
            return applyFormatting(a)
        case .densityNormal, .cumulativeNormal, .quantileNormal, .densityLogNormal, .cumulativeLogNormal,
             .quantileLogNormal, .densityUniform, .cumulativeUniform, .quantileUniform:
            return applyDistribution(a)
        case .replace:
            let text = s(0), pattern = s(1), replacement = s(2)
            guard let range = text.range(of: pattern) else { return .string(text) }
            return .string(text.replacingCharacters(in: range, with: replacement))
        }
    }

    /// JavaScript's `Math.round`: halves round up (towards +∞).
    static func jsRound(_ x: Double) -> Double {
        guard x.isFinite else { return x }
        let f = Foundation.floor(x)
        return x - f >= 0.5 ? f + 1 : f
    }

    /// The first position of `needle` in `hay` (UTF-16 code units), or nil.
    private static func index(of needle: [UInt16], in hay: [UInt16]) -> Int? {
        if needle.isEmpty { return 0 }
        guard needle.count <= hay.count else { return nil }
        for start in 0...(hay.count - needle.count) where hay[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}
