import Foundation

/// A value inside a Vega expression or a transformed row: JavaScript's number, string, boolean
/// and null (a missing cell). Conversions follow JavaScript's `Number()`, `String()` and
/// truthiness, as Vega evaluates them.
package enum ExpressionValue: Sendable, Equatable, Hashable {
    case number(Double)
    case string(String)
    case boolean(Bool)
    case null

    /// JavaScript `Number(v)`: null → 0, booleans → 0/1, text parsed (blank → 0, else NaN).
    var number: Double {
        switch self {
        case .number(let n): return n
        case .boolean(let b): return b ? 1 : 0
        case .null: return 0
        case .string(let s):
            let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { return 0 }
            if trimmed == "Infinity" || trimmed == "+Infinity" { return .infinity }
            if trimmed == "-Infinity" { return -.infinity }
            guard trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else { return .nan }
            return Double(trimmed) ?? .nan
        }
    }

    /// JavaScript `String(v)`: numbers as JavaScript spells them, `"null"` for null.
    var text: String {
        switch self {
        case .string(let s): return s
        case .boolean(let b): return b ? "true" : "false"
        case .null: return "null"
        case .number(let n): return Self.spell(n)
        }
    }

    /// JavaScript truthiness: false, 0, NaN, "" and null are false.
    var truthy: Bool {
        switch self {
        case .boolean(let b): return b
        case .number(let n): return n != 0 && !n.isNaN
        case .string(let s): return !s.isEmpty
        case .null: return false
        }
    }

    /// Whether the value is present and not NaN (Vega's `isValid`).
    var isValid: Bool {
        switch self {
        case .null: return false
        case .number(let n): return !n.isNaN
        default: return true
        }
    }

    /// A number as JavaScript's `String(n)` writes it for everyday values: integers without a
    /// decimal point, others with the shortest round-tripping digits.
    static func spell(_ n: Double) -> String {
        if n.isNaN { return "NaN" }
        if n.isInfinite { return n > 0 ? "Infinity" : "-Infinity" }
        if n == n.rounded(), abs(n) < 1e21 { return String(format: "%.0f", n) }
        var text = "\(n)"
        if let e = text.range(of: "e") {
            let exponent = text[e.upperBound...]
            text = text[..<e.lowerBound] + "e" + (exponent.hasPrefix("-") ? "" : "+") + exponent
        }
        return text
    }
}

extension ExpressionValue {
    /// JavaScript's strict equality (`===`): same type and value (NaN is not equal to itself).
    func strictlyEquals(_ other: ExpressionValue) -> Bool {
        switch (self, other) {
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.boolean(a), .boolean(b)): return a == b
        case (.null, .null): return true
        default: return false
        }
    }

    /// JavaScript's loose equality (`==`): null equals only null; otherwise booleans and text
    /// compared with numbers are converted to numbers.
    func looselyEquals(_ other: ExpressionValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.null, _), (_, .null): return false
        case let (.string(a), .string(b)): return a == b
        default: return number == other.number
        }
    }

    /// JavaScript's relational comparison: two texts compare by UTF-16 code units, anything
    /// else as numbers (a NaN makes every comparison false, returned as nil).
    func compare(_ other: ExpressionValue) -> ComparisonResult? {
        if case .string(let a) = self, case .string(let b) = other {
            let x = Array(a.utf16), y = Array(b.utf16)
            if x == y { return .orderedSame }
            return x.lexicographicallyPrecedes(y) ? .orderedAscending : .orderedDescending
        }
        let a = number, b = other.number
        if a.isNaN || b.isNaN { return nil }
        return a < b ? .orderedAscending : (a > b ? .orderedDescending : .orderedSame)
    }
}
