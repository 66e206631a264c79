import DossierBase
import Foundation

/// A claim's verdict on this build's results, with the values its condition read.
package struct ClaimVerdict: Sendable {
    package var claim: Claim
    /// Whether the condition holds now (false when it is false, or unknown for a missing value or NaN).
    package var holdsNow: Bool
    /// Each path of the condition (as written, once, in order) and the value it reached.
    package var values: [ClaimValue]

    /// `with a.b = 0.38, c = [0.21, 0.69]`, or empty when the condition reads no result.
    package var valuesText: String {
        guard !values.isEmpty else { return "" }
        let literals = claim.condition.numberLiterals
        return "with " + values.map { "\($0.path) = \($0.text(literals: literals))" }.joined(separator: ", ")
    }

    /// The error of a claim that does not hold.
    package var failure: ReportError {
        var message = "claim \"\(claim.id)\" does not hold: \(claim.conditionText)"
        if !values.isEmpty { message += ", " + valuesText }
        return ReportError(message, at: claim.location)
    }
}

/// A path of a condition and the value it reached.
package struct ClaimValue: Sendable, Equatable {
    package var path: String
    /// The value as the condition used it (an estimate's record reduced to `estimate` and `ci`).
    package var value: ResultValue

    /// The part of `value` a condition reads: an estimate record keeps its estimate and interval.
    static func used(_ value: ResultValue) -> ResultValue {
        guard case .record = value, let estimate = value.field("estimate") else { return value }
        var fields = [ResultValue.Field("estimate", estimate)]
        if let ci = value.field("ci") { fields.append(ResultValue.Field("ci", ci)) }
        return .record(fields)
    }

    /// The value for messages: numbers with six significant digits (more when that would make
    /// them read as one of the condition's own numbers `literals`), intervals as `[low, high]`,
    /// an estimate as `estimate [low, high]`, "missing" and "NaN" as such.
    package func text(literals: [Double] = []) -> String {
        Self.text(value, literals: literals)
    }

    static func text(_ value: ResultValue, literals: [Double]) -> String {
        switch value {
        case let .number(x): return number(x, literals: literals)
        case let .integer(i): return String(i)
        case let .text(text): return InputExcerpt.quoted(text)
        case let .boolean(flag): return flag ? "true" : "false"
        case let .interval(low, high, _): return "[\(number(low, literals: literals)), \(number(high, literals: literals))]"
        case .missing: return "missing"
        case .record:
            let estimate = value.field("estimate").map { text($0, literals: literals) } ?? "missing"
            guard let ci = value.field("ci") else { return estimate }
            return estimate + " " + text(ci, literals: literals)
        case .table, .list: return "(\(value.kindName))"
        }
    }

    /// The UTF-8 of ``NumberText/minus``.
    static let minusBytes = Array(NumberText.minus.utf8)

    /// `text` with every ``NumberText/minus`` made `-`, by its bytes (what Foundation's
    /// `replacingOccurrences(of:with:)` gives: the minus sign has no other canonical form, and
    /// its first byte only starts a scalar, so a match is always a whole one).
    static func asciiMinus(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index...].starts(with: minusBytes) {
                out.append(UInt8(ascii: "-"))
                index += minusBytes.count
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `x` with six significant digits, ASCII minus; the shortest exact form when six digits
    /// would read as a literal of the condition that `x` is not.
    static func number(_ x: Double, literals: [Double]) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x < 0 ? "-inf" : "inf") }
        if let whole = NumberText.wholeNumber(x) { return String(whole) }
        let magnitude = Int(Foundation.floor(Foundation.log10(Swift.abs(x))))
        let decimals = max(0, min(NumberText.maximumDecimals, 5 - magnitude))
        var text = NumberText.fixed(x, decimals: decimals)
        // Searched as bytes first: the text is ASCII digits, a point and the minus sign.
        if UTF8Search.contains(minusBytes, in: text) { text = asciiMinus(text) }
        if text.utf8.contains(UInt8(ascii: ".")) {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        if let shown = Double(text), shown != x, literals.contains(shown) {
            return NumberText.short(x)
        }
        return text
    }
}
