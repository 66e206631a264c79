import Yams

/// `Double` and `Int` from a scalar's text, as Yams' `construct(from:)` builds them, for the
/// texts where Yams' steps change nothing: it removes `_` and looks for `:` (sexagesimal) with
/// Foundation's string search, and reads `.inf`, `.nan`, `0x…`, `0o…`, `0…` (octal) specially.
/// A text of digits (with a sign, a point, an exponent) skips all that; any other text is left
/// to Yams (nil here).
package enum NodeScalarNumbers {
    /// `Double.construct(from: scalar)` when the text is made of `0-9 . e E + -` only.
    package static func double(_ scalar: Node.Scalar) -> Double?? {
        guard scalar.style == .plain || scalar.style == .any, !scalar.string.isEmpty,
              scalar.string.utf8.allSatisfy(isDecimalByte) else { return nil }
        // No `_` to remove, no `:`, not one of the infinity or NaN spellings.
        return .some(Double(scalar.string))
    }

    /// `Int.construct(from: scalar)` when the text is an optional sign and digits not starting
    /// with `0` (which Yams reads as octal).
    package static func int(_ scalar: Node.Scalar) -> Int?? {
        guard scalar.style == .plain || scalar.style == .any else { return nil }
        var digits = Substring(scalar.string).utf8
        if let sign = digits.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { digits = digits.dropFirst() }
        guard let first = digits.first, first != UInt8(ascii: "0"),
              digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        // No `_`, no radix prefix, no `:`: Yams ends with `Int(text)`.
        return .some(Int(scalar.string))
    }

    private static func isDecimalByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
            || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }
}
