@testable import CairoKit
import Foundation
import Testing

/// `DecimalWriter` writes the numbers of every SVG path, glyph placement and PDF marker: its
/// bytes must not change when it gets faster.
@Suite("Decimal writer")
struct DecimalWriterTests {
    /// The formatter as it was before numbers were written into a stack buffer: `rounded()`
    /// to `digits` decimals, the integer part, and the fraction without trailing zeros.
    static func reference(_ value: Double, digits: Int) -> String {
        let places = min(max(digits, 0), 6)
        var factor: Int64 = 1
        for _ in 0..<places { factor *= 10 }
        let magnitude = abs(value) * Double(factor)
        guard magnitude < 9e18 else { return value.isFinite ? String(value.rounded()) : "0" }
        let scaled = Int64(magnitude.rounded())
        if scaled == 0 { return "0" }
        var text = value < 0 ? "-" : ""
        text += String(scaled / factor)
        let fraction = scaled % factor
        guard fraction != 0 else { return text }
        var decimals = String(fraction)
        decimals = String(repeating: "0", count: places - decimals.count) + decimals
        while decimals.hasSuffix("0") { decimals.removeLast() }
        return text + "." + decimals
    }

    /// Values near every rounding boundary: halves at each number of decimals, their
    /// neighbours, negatives, zeros, the Int64 limit and beyond, and non-finite values.
    static var boundaryValues: [Double] {
        var values: [Double] = [0, -0.0, 1, -1, 0.5, -0.5, 1.5, 2.5, 9.9995, 0.0005, 0.00049999, 123456.789,
                                8.999e15, 9e15, 9.5e17, 4.5e18, 9e18, 1e19, -1e300, .infinity, -.infinity, .nan,
                                .leastNonzeroMagnitude, .greatestFiniteMagnitude, 0.1 + 0.2, 376.075087]
        for places in 0...7 {
            let half = 0.5 / pow(10, Double(places))
            for base in [0.0, 1, 12, 999, 4_503_599_627_370_495] {
                for candidate in [base + half, base - half, (base + half).nextUp, (base + half).nextDown] {
                    values += [candidate, -candidate]
                }
            }
        }
        return values
    }

    @Test func boundaryValuesAreWrittenAsBefore() {
        for value in Self.boundaryValues {
            for digits in -1...8 {
                #expect(DecimalWriter.string(value, digits: digits) == Self.reference(value, digits: digits),
                        "\(value) with \(digits) digits")
            }
        }
    }

    @Test func pageCoordinatesAreWrittenAsBefore() {
        // A fixed linear congruential sequence: coordinates of every size and sign.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var mismatches = 0
        for index in 0..<200_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let unit = Double(state >> 11) / Double(1 << 53)
            let scale = pow(10, Double(index % 12) - 4)
            let value = (unit - 0.25) * scale
            let digits = index % 7
            if DecimalWriter.string(value, digits: digits) != Self.reference(value, digits: digits) { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    @Test func writeAppendsNoMoreThanItsRoom() {
        var bytes: [UInt8] = []
        for value in Self.boundaryValues {
            for digits in 0...6 {
                bytes.removeAll()
                DecimalWriter.append(value, digits: digits, to: &bytes)
                #expect(bytes.count <= DecimalWriter.maxLength)
            }
        }
    }

    /// `write3` (glyph positions) must write what `write` with 3 digits writes.
    static func threeDecimals(_ value: Double) -> (fast: String, general: String) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * DecimalWriter.maxLength) { buffer in
            guard let start = buffer.baseAddress else { return ("", "-") }
            let fast = String(decoding: UnsafeBufferPointer(start: start, count: DecimalWriter.write3(value, to: start)), as: UTF8.self)
            let general = start + DecimalWriter.maxLength
            let count = DecimalWriter.write(value, digits: 3, to: general)
            return (fast, String(decoding: UnsafeBufferPointer(start: general, count: count), as: UTF8.self))
        }
    }

    @Test func threeDecimalsAsTheGeneralWriter() {
        var values = Self.boundaryValues
        // Every integer part length from 1 to 13 digits, around the fast path's limit (10^12).
        var power = 1.0
        for _ in 0...13 {
            values += [power, power - 0.0005, power - 0.0004999, power + 0.0015, 999.9995 * power / 1000, 1e12.nextDown, 1e12]
            power *= 10
        }
        for value in values {
            let (fast, general) = Self.threeDecimals(value)
            #expect(fast == general, "\(value)")
            #expect(fast == Self.reference(value, digits: 3), "\(value)")
        }
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        var mismatches = 0
        for index in 0..<300_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let unit = Double(state >> 11) / Double(1 << 53)
            let value = (unit - 0.25) * pow(10, Double(index % 16) - 4)
            let (fast, general) = Self.threeDecimals(value)
            if fast != general { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }
}
