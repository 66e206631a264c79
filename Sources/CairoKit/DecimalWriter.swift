/// Appends numbers as short, locale-free decimals to byte buffers, for the marker
/// placements written into PDF and SVG (millions of them, so no `String(format:)`).
enum DecimalWriter {
    /// Appends `value` rounded to `digits` decimals (at most 6), without trailing zeros or a
    /// negative zero: 376.08, -3.5, 12.
    static func append(_ value: Double, digits: Int = 2, to out: inout [UInt8]) {
        let factor = powersOfTen[min(max(digits, 0), 6)]
        guard value.isFinite else { out.append(UInt8(ascii: "0")); return }
        var scaled = Int64((abs(value) * Double(factor)).rounded())
        if scaled == 0 { out.append(UInt8(ascii: "0")); return }
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var fraction = scaled % factor
        scaled /= factor
        appendInteger(scaled, to: &out)
        guard fraction != 0 else { return }
        var width = min(max(digits, 0), 6)
        while fraction % 10 == 0 { fraction /= 10; width -= 1 }
        out.append(UInt8(ascii: "."))
        var buffer: [UInt8] = Array(repeating: UInt8(ascii: "0"), count: width)
        var index = width - 1
        while fraction > 0, index >= 0 {
            buffer[index] = UInt8(ascii: "0") + UInt8(fraction % 10)
            fraction /= 10
            index -= 1
        }
        out += buffer
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
