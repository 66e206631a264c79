/// Appends numbers as short, locale-free decimals to byte buffers, for the marker
/// placements written into PDF and SVG (millions of them, so no `String(format:)`).
enum DecimalWriter {
    /// The most bytes ``write(_:digits:to:)`` writes for one number.
    static let maxLength = 32

    /// Appends `value` rounded to `digits` decimals (at most 6), without trailing zeros or a
    /// negative zero: 376.08, -3.5, 12. The number is written into a stack buffer and appended
    /// at once (one capacity check per number, not per byte).
    static func append(_ value: Double, digits: Int = 2, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxLength) { buffer in
            guard let start = buffer.baseAddress else { return }
            out.append(contentsOf: UnsafeBufferPointer(start: start, count: write(value, digits: digits, to: start)))
        }
    }

    /// Writes `value` as ``append(_:digits:to:)`` does at `start` (which has room for
    /// ``maxLength`` bytes) and returns the number of bytes written.
    @inline(__always)
    static func write(_ value: Double, digits: Int, to start: UnsafeMutablePointer<UInt8>) -> Int {
        let places = min(max(digits, 0), 6)
        let factor = powersOfTen(places)
        let magnitude = abs(value) * Double(factor)
        guard magnitude < 9e18 else {
            // Beyond Int64 (never a coordinate on a page): Swift's shortest round-trip form
            // (at most 24 bytes).
            var count = 0
            for byte in (value.isFinite ? String(value.rounded()) : "0").utf8.prefix(maxLength) {
                start[count] = byte
                count += 1
            }
            return count
        }
        let scaled = Int64(rounded(magnitude))
        let opening = writeOpening(value, isZero: scaled == 0, to: start)
        if opening.complete { return opening.count }
        var position = opening.count
        var integer = scaled / factor
        var length = 1
        var probe = integer
        while probe >= 10 { probe /= 10; length += 1 }
        position += length
        var index = position
        repeat {
            index -= 1
            start[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: integer % 10)
            integer /= 10
        } while integer > 0
        var fraction = scaled % factor
        guard fraction != 0 else { return position }
        var width = places
        while fraction % 10 == 0 { fraction /= 10; width -= 1 }
        start[position] = UInt8(ascii: ".")
        position += width + 1
        index = position
        for _ in 0..<width {
            index -= 1
            start[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: fraction % 10)
            fraction /= 10
        }
        return position
    }

    /// Writes `value` with 3 decimals as ``write(_:digits:to:)`` does (the same bytes) and
    /// returns the number of bytes written: the glyph positions of page SVGs, a million at
    /// 100× data. Same rounding; the digits by unsigned division by constants and the
    /// fraction's three digits without a loop; magnitudes of 10^12 and more go the general way.
    @inline(__always)
    static func write3(_ value: Double, to start: UnsafeMutablePointer<UInt8>) -> Int {
        let magnitude = abs(value) * 1_000
        guard magnitude < 1e15 else { return write(value, digits: 3, to: start) }
        let scaled = rounded(magnitude)
        let opening = writeOpening(value, isZero: scaled == 0, to: start)
        if opening.complete { return opening.count }
        var position = opening.count
        let zero = UInt8(ascii: "0")
        var integer = scaled / 1_000
        let fraction = scaled % 1_000
        if integer < 10 {
            start[position] = zero &+ UInt8(truncatingIfNeeded: integer)
            position &+= 1
        } else if integer < 100 {
            start[position] = zero &+ UInt8(truncatingIfNeeded: integer / 10)
            start[position &+ 1] = zero &+ UInt8(truncatingIfNeeded: integer % 10)
            position &+= 2
        } else if integer < 1_000 {
            start[position] = zero &+ UInt8(truncatingIfNeeded: integer / 100)
            start[position &+ 1] = zero &+ UInt8(truncatingIfNeeded: integer / 10 % 10)
            start[position &+ 2] = zero &+ UInt8(truncatingIfNeeded: integer % 10)
            position &+= 3
        } else {
            var length = 4
            var probe = integer / 10_000
            while probe > 0 { probe /= 10; length &+= 1 }
            position &+= length
            var index = position
            repeat {
                index &-= 1
                start[index] = zero &+ UInt8(truncatingIfNeeded: integer % 10)
                integer /= 10
            } while integer > 0
        }
        guard fraction != 0 else { return position }
        let tenths = fraction / 100, hundredths = fraction / 10 % 10, thousandths = fraction % 10
        start[position] = UInt8(ascii: ".")
        start[position &+ 1] = zero &+ UInt8(truncatingIfNeeded: tenths)
        guard hundredths != 0 || thousandths != 0 else { return position &+ 2 }
        start[position &+ 2] = zero &+ UInt8(truncatingIfNeeded: hundredths)
        guard thousandths != 0 else { return position &+ 3 }
        start[position &+ 3] = zero &+ UInt8(truncatingIfNeeded: thousandths)
        return position &+ 4
    }

    /// `magnitude` (at least 0, below 2^63) rounded half away from zero, as `rounded()`: the
    /// fraction of a double below 2^63 is exact, so comparing it with 0.5 needs no call into libm.
    @inline(__always)
    private static func rounded(_ magnitude: Double) -> UInt64 {
        let truncated = UInt64(magnitude)
        return magnitude - Double(truncated) >= 0.5 ? truncated &+ 1 : truncated
    }

    /// Writes the start of `value`: the whole number "0" when it rounds to zero (no negative
    /// zero), else a minus sign if it is negative; returns the bytes written and whether the
    /// number is complete.
    @inline(__always)
    private static func writeOpening(_ value: Double, isZero: Bool, to start: UnsafeMutablePointer<UInt8>)
        -> (count: Int, complete: Bool) {
        if isZero {
            start[0] = UInt8(ascii: "0")
            return (1, true)
        }
        guard value < 0 else { return (0, false) }
        start[0] = UInt8(ascii: "-")
        return (1, false)
    }

    /// `String` form of ``append(_:digits:to:)``.
    static func string(_ value: Double, digits: Int = 2) -> String {
        var bytes: [UInt8] = []
        append(value, digits: digits, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// 10^`places` for `places` in 0...6, without a global array (no lazy initialisation check).
    @inline(__always)
    private static func powersOfTen(_ places: Int) -> Int64 {
        switch places {
        case 0: 1
        case 1: 10
        case 2: 100
        case 3: 1_000
        case 4: 10_000
        case 5: 100_000
        default: 1_000_000
        }
    }
}
