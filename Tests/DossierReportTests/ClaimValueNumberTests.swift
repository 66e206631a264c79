import DossierBase
@testable import DossierReport
import Foundation
import Testing

/// A claim value's number (``ClaimValue/number(_:literals:)``) searches its text for the minus
/// sign and the point as bytes; it prints what the Foundation searches printed, for numbers of
/// every sign and magnitude, with and without a literal that forces more digits.
@Suite struct ClaimValueNumberTests {
    /// The number printed with Foundation's searches (the code before the byte searches).
    static func foundation(_ x: Double, literals: [Double]) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x < 0 ? "-inf" : "inf") }
        if let whole = NumberText.wholeNumber(x) { return String(whole) }
        let magnitude = Int(Foundation.floor(Foundation.log10(Swift.abs(x))))
        let decimals = max(0, min(NumberText.maximumDecimals, 5 - magnitude))
        var text = NumberText.fixed(x, decimals: decimals).replacingOccurrences(of: NumberText.minus, with: "-")
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        if let shown = Double(text), shown != x, literals.contains(shown) {
            return NumberText.short(x)
        }
        return text
    }

    @Test func printsWhatTheFoundationSearchesPrinted() {
        var values: [Double] = [0, -0.0, .nan, .infinity, -.infinity, 0.5, -0.5, 0.049999999, 1e-300, -1e300, 123456.789, 0.1 + 0.2]
        var x = 1.234567890123e-12
        while x < 1e15 {
            values += [x, -x, x.rounded(), -x.rounded(), x * 1.000001]
            x *= 7.3
        }
        for value in values {
            let six = Double(String(format: "%.5g", value)) ?? 0
            for literals in [[], [six], [value]] {
                #expect(ClaimValue.number(value, literals: literals) == Self.foundation(value, literals: literals), "\(value)")
            }
        }
    }
}
