/// Appends numbers as short, locale-free decimals to byte buffers, for the marker
/// placements written into PDF and SVG (millions of them, so no `String(format:)`).
enum DecimalWriter {
    /// Appends `value` rounded to `digits` decimals (at most 6), without trailing zeros or a
    /// negative zero: 376.08, -3.5, 12.
    static func append(_ value: Double, digits: Int = 2, to out: inout [UInt8]) {
        let places = min(max(digits, 0), 6)
        let factor = powersOfTen[places]
        let magnitude = abs(value) * Double(factor)
        guard magnitude < 9e18 else {
            // Beyond Int64 (never a coordinate on a page): Swift's shortest round-trip form.
            out += Array((value.isFinite ? String(value.rounded()) : "0").utf8)
            return
        }
        var scaled = Int64(magnitude.rounded())
        if scaled == 0 { out.append(UInt8(ascii: "0")); return }
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var fraction = scaled % factor
        scaled /= factor
        appendInteger(scaled, to: &out)
        guard fraction != 0 else { return }
        var width = places
        while fraction % 10 == 0 { fraction /= 10; width -= 1 }
        out.append(UInt8(ascii: "."))
        var divisor = powersOfTen[width - 1]
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }

    /// Appends a non-negative integer.
    static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        if value < 10 { out.append(UInt8(ascii: "0") + UInt8(value)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[index]) }
        }
    }

    /// `String` form of ``append(_:digits:to:)``.
    static func string(_ value: Double, digits: Int = 2) -> String {
        var bytes: [UInt8] = []
        append(value, digits: digits, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let powersOfTen: [Int64] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]
}
