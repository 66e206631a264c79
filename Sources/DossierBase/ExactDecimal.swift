/// The exact decimal value of a finite double, rounded to a number of decimals by one rule:
/// to nearest, ties to even, applied to the double's exact binary value (what C's `printf`,
/// R's `sprintf` and Python's `format` do). No scaling by a power of ten happens in floating
/// point, so 2.675 (stored as 2.67499999999999982236431605997495353221893310546875) gives
/// "2.67" and 0.125 (exact) gives "0.12", never "0.13".
enum ExactDecimal {
    /// The digits of |value| rounded to `decimals` places, without sign or decimal point
    /// (at least `decimals + 1` digits, zero-padded on the left): 2.675 at 2 gives "267".
    /// `value` must be finite; `decimals` must be ≥ 0.
    static func roundedDigits(_ value: Double, decimals: Int) -> [UInt8] {
        let magnitude = value.magnitude
        // magnitude = significand × 2^exponent, with an integer significand below 2^53.
        var significand = magnitude.significandBitPattern
        let exponent: Int
        if magnitude.isSubnormal || magnitude == 0 {
            exponent = Int(Double.leastNormalMagnitude.exponent) - Double.significandBitCount
        } else {
            significand |= 1 << UInt64(Double.significandBitCount)
            exponent = Int(magnitude.exponent) - Double.significandBitCount
        }
        var number = BigDigits(significand)
        for _ in 0..<decimals { number.multiply(by: 10) }
        if exponent >= 0 {
            number.shiftLeft(exponent)
        } else {
            number.roundingShiftRight(-exponent)
        }
        var digits = number.decimalDigits()
        if digits.count < decimals + 1 {
            digits = [UInt8](repeating: 0, count: decimals + 1 - digits.count) + digits
        }
        return digits
    }
}

/// A non-negative integer of any size, as little-endian 32-bit limbs: just the operations
/// an exact decimal expansion needs.
struct BigDigits {
    private(set) var limbs: [UInt32]

    init(_ value: UInt64) {
        limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
        trim()
    }

    var isZero: Bool { limbs.isEmpty }

    private mutating func trim() {
        while limbs.last == 0 { limbs.removeLast() }
    }

    /// self ×= factor.
    mutating func multiply(by factor: UInt32) {
        var carry: UInt64 = 0
        for index in limbs.indices {
            let product = UInt64(limbs[index]) * UInt64(factor) + carry
            limbs[index] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry > 0 { limbs.append(UInt32(carry)) }
    }

    /// self ×= 2^bits.
    mutating func shiftLeft(_ bits: Int) {
        guard !isZero, bits > 0 else { return }
        let whole = bits / 32, part = UInt32(bits % 32)
        if part > 0 {
            var carry: UInt32 = 0
            for index in limbs.indices {
                let limb = limbs[index]
                limbs[index] = limb << part | carry
                carry = limb >> (32 - part)
            }
            if carry > 0 { limbs.append(carry) }
        }
        limbs.insert(contentsOf: [UInt32](repeating: 0, count: whole), at: 0)
    }

    /// self = self / 2^bits, rounded to nearest, ties to even.
    mutating func roundingShiftRight(_ bits: Int) {
        guard bits > 0 else { return }
        // The remainder's highest bit (bit bits−1) and whether any lower bit is set.
        let half = bit(bits - 1)
        let belowHalf = (0..<(bits - 1)).contains { bit($0) }
        let whole = bits / 32, part = UInt32(bits % 32)
        limbs.removeFirst(Swift.min(whole, limbs.count))
        if part > 0 {
            for index in limbs.indices {
                let high = index + 1 < limbs.count ? limbs[index + 1] << (32 - part) : 0
                limbs[index] = limbs[index] >> part | high
            }
        }
        trim()
        let odd = limbs.first.map { $0 & 1 == 1 } ?? false
        if half && (belowHalf || odd) { increment() }
    }

    private func bit(_ index: Int) -> Bool {
        let limb = index / 32
        return limb < limbs.count && (limbs[limb] >> UInt32(index % 32)) & 1 == 1
    }

    private mutating func increment() {
        for index in limbs.indices {
            limbs[index] &+= 1
            if limbs[index] != 0 { return }
        }
        limbs.append(1)
    }

    /// The decimal digits, most significant first ([0] for zero).
    func decimalDigits() -> [UInt8] {
        var rest = self
        var chunks: [UInt32] = []
        while !rest.isZero { chunks.append(rest.divide(by: 1_000_000_000)) }
        guard let top = chunks.popLast() else { return [0] }
        var digits = String(top).utf8.map { $0 - 48 }
        for chunk in chunks.reversed() {
            let text = String(chunk).utf8.map { $0 - 48 }
            digits += [UInt8](repeating: 0, count: 9 - text.count) + text
        }
        return digits
    }

    /// self /= divisor; returns the remainder.
    private mutating func divide(by divisor: UInt32) -> UInt32 {
        var remainder: UInt64 = 0
        for index in limbs.indices.reversed() {
            let current = remainder << 32 | UInt64(limbs[index])
            limbs[index] = UInt32(current / UInt64(divisor))
            remainder = current % UInt64(divisor)
        }
        trim()
        return UInt32(remainder)
    }
}
