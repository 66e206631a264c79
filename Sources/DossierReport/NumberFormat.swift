import Foundation

/// Locale-free number formatting: the output never depends on the machine's locale.
package enum NumberFormat {
    /// `value` with exactly `digits` decimals ("0.62"); never "-0.00".
    package static func fixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "−∞" : "∞") }
        let digits = max(0, min(digits, 12))
        let scale = pow(10, Double(digits))
        let scaled = (abs(value) * scale).rounded(.toNearestOrEven)
        guard scaled < 9.0e15 else { return String(value) }
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        let whole = units / divisor
        var text = String(whole)
        if digits > 0 {
            let fraction = String(units % divisor)
            text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        return (value < 0 && units != 0 ? "−" : "") + text
    }

    /// An integer with thousands separators ("12,345").
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return (value < 0 ? "−" : "") + out
    }

    /// A number with thousands separators and `digits` decimals ("1,234.5").
    static func groupedFixed(_ value: Double, digits: Int) -> String {
        let text = fixed(value, digits: digits)
        let negative = text.hasPrefix("−")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1)
        guard let wholePart = parts.first, let whole = Int(wholePart) else { return text }
        var result = grouped(whole)
        if parts.count == 2 { result += "." + parts[1] }
        return (negative ? "−" : "") + result
    }
}
