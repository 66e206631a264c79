import Foundation

/// A value inside a Vega expression or a transformed row: JavaScript's number, string, boolean
/// and null (a missing cell), and the arrays and objects of nested data and of expression
/// literals (`[a, b]`, `{'k': v}`). Conversions follow JavaScript's `Number()`, `String()` and
/// truthiness, as Vega evaluates them.
package enum ExpressionValue: Sendable, Equatable, Hashable {
    case number(Double)
    case string(String)
    case boolean(Bool)
    case null
    /// A JavaScript array.
    indirect case array([ExpressionValue])
    /// A JavaScript object (its keys unordered).
    indirect case object([String: ExpressionValue])

    /// JavaScript `Number(v)`: null → 0, booleans → 0/1, text parsed (blank → 0, else NaN).
    package var number: Double {
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
        case .array(let items):
            // `Number([])` is 0, `Number([x])` is `Number(String(x))`, longer arrays NaN.
            if items.isEmpty { return 0 }
            return items.count == 1 ? ExpressionValue.string(Self.arrayText(items)).number : .nan
        case .object: return .nan
        }
    }

    /// JavaScript `String(v)`: numbers as JavaScript spells them, `"null"` for null.
    package var text: String {
        switch self {
        case .string(let s): return s
        case .boolean(let b): return b ? "true" : "false"
        case .null: return "null"
        case .number(let n): return Self.spell(n)
        case .array(let items): return Self.arrayText(items)
        case .object: return "[object Object]"
        }
    }

    /// JavaScript's `String(array)`: the items joined by commas, null as nothing.
    private static func arrayText(_ items: [ExpressionValue]) -> String {
        items.map { $0 == .null ? "" : $0.text }.joined(separator: ",")
    }

    /// JavaScript truthiness: false, 0, NaN, "" and null are false.
    var truthy: Bool {
        switch self {
        case .boolean(let b): return b
        case .number(let n): return n != 0 && !n.isNaN
        case .string(let s): return !s.isEmpty
        case .null: return false
        case .array, .object: return true
        }
    }

    /// Whether the value is present and not NaN (Vega's `isValid`).
    package var isValid: Bool {
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
    /// JavaScript's strict equality (`===`): same type and value (NaN is not equal to itself);
    /// arrays and objects are never equal here (JavaScript compares their identity).
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
        case (.array, .array), (.object, .object), (.array, .object), (.object, .array): return false
        case (.array, _), (.object, _): return ExpressionValue.string(text).looselyEquals(other)
        case (_, .array), (_, .object): return looselyEquals(.string(other.text))
        default: return number == other.number
        }
    }

    /// JavaScript's relational comparison: two texts compare by UTF-16 code units, anything
    /// else as numbers (a NaN makes every comparison false, returned as nil).
    func compare(_ other: ExpressionValue) -> ComparisonResult? {
        if case .array = self { return ExpressionValue.string(text).compare(other) }
        if case .object = self { return ExpressionValue.string(text).compare(other) }
        if case .array = other { return compare(.string(other.text)) }
        if case .object = other { return compare(.string(other.text)) }
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

extension ExpressionValue {
    /// JavaScript's member access `value[key]`: an array's item at a whole-number index, an
    /// object's property, a text's character (a UTF-16 unit) or its `length`, an array's
    /// `length`; anything else is null (JavaScript's undefined).
    func member(_ key: ExpressionValue) -> ExpressionValue {
        switch self {
        case .array(let items):
            if case .string("length") = key { return .number(Double(items.count)) }
            guard let i = Self.index(key), i < items.count else { return .null }
            return items[i]
        case .object(let properties):
            return properties[key.text] ?? .null
        case .string(let s):
            let units = Array(s.utf16)
            if case .string("length") = key { return .number(Double(units.count)) }
            guard let i = Self.index(key), i < units.count else { return .null }
            return .string(String(decoding: units[i..<(i + 1)], as: UTF16.self))
        default:
            return .null
        }
    }

    /// A key as an array index: a whole number ≥ 0, or a text spelling one.
    private static func index(_ key: ExpressionValue) -> Int? {
        let n: Double
        switch key {
        case .number(let x): n = x
        case .string(let s): guard let x = Double(s), s == spell(x) else { return nil }; n = x
        default: return nil
        }
        guard n >= 0, n == n.rounded(), n < Double(Int32.max) else { return nil }
        return Int(n)
    }
}
