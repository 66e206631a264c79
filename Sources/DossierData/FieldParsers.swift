import Foundation

/// Byte-level parsers from a field's bytes to typed values. All return `nil` on invalid input.
enum FieldParsers {
    /// `[+-]?[0-9]+`, without overflow.
    @inline(__always)
    static func integer(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = b.count
        guard n > 0 else { return nil }
        var negative = false
        if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") {
            negative = b[0] == UInt8(ascii: "-")
            i = 1
            guard n > 1 else { return nil }
        }
        var v = 0
        while i < n {
            let d = Int(b[i]) &- 48
            guard d >= 0, d <= 9 else { return nil }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (s, o2) = negative ? m.subtractingReportingOverflow(d) : m.addingReportingOverflow(d)
            guard !o1, !o2 else { return nil }
            v = s
            i += 1
        }
        return v
    }

    /// Exactly four digits.
    @inline(__always)
    static func year(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard b.count == 4 else { return nil }
        return integer(b)
    }

    /// 10^0 ... 10^22, every one exact in a Double. Written out: a literal is a statically
    /// initialized global, read without the lazy-initialization call a computed one costs per number.
    private static let powersOf10: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Decimal number: `[+-]?(digits[.digits]|.digits)([eE][+-]?digits)?`, or NaN / INF / -INF.
    /// Fast exact path for up to 15 significant digits; falls back to `strtod` otherwise.
    static func number(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        let n = b.count
        guard n > 0 else { return nil }
        var i = 0
        var negative = false
        if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") {
            negative = b[0] == UInt8(ascii: "-")
            i = 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var sawDigit = false
        while i < n, b[i] &- 48 < 10 {
            mantissa = mantissa &* 10 &+ UInt64(b[i] &- 48)
            digits += mantissa == 0 ? 0 : 1
            sawDigit = true
            i += 1
        }
        if i < n, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, b[i] &- 48 < 10 {
                mantissa = mantissa &* 10 &+ UInt64(b[i] &- 48)
                digits += mantissa == 0 ? 0 : 1
                fractionDigits += 1
                sawDigit = true
                i += 1
            }
        }
        if !sawDigit { return special(b) }
        var exponent = 0
        if i < n, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            var expNegative = false
            if i < n, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") {
                expNegative = b[i] == UInt8(ascii: "-")
                i += 1
            }
            guard i < n else { return nil }
            var e = 0
            while i < n, b[i] &- 48 < 10 {
                if e < 100_000 { e = e * 10 + Int(b[i] &- 48) }
                i += 1
            }
            exponent = expNegative ? -e : e
        }
        guard i == n else { return nil }
        let scale = exponent - fractionDigits
        if digits <= 15, scale >= -22, scale <= 22 {
            var v = Double(mantissa)
            if scale < 0 { v /= powersOf10[-scale] } else { v *= powersOf10[scale] }
            return negative ? -v : v
        }
        return slowNumber(b)
    }

    private static func slowNumber(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        let s = String(decoding: b, as: UTF8.self)
        return Double(s)
    }

    private static func special(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        switch String(decoding: b, as: UTF8.self) {
        case "NaN", "nan": return .nan
        case "INF", "inf", "+INF", "Infinity", "+Infinity": return .infinity
        case "-INF", "-inf", "-Infinity": return -.infinity
        default: return nil
        }
    }

    /// Byte-wise equality with a candidate spelling.
    @inline(__always)
    static func equals(_ b: UnsafeBufferPointer<UInt8>, _ candidate: [UInt8]) -> Bool {
        guard b.count == candidate.count else { return false }
        for i in 0..<b.count where b[i] != candidate[i] { return false }
        return true
    }

    /// Date with the given format (`nil`/default/any → ISO `YYYY-MM-DD`).
    static func date(_ b: UnsafeBufferPointer<UInt8>, format: DateFormat) -> CivilDate? {
        switch format {
        case .iso: return CivilDate.parseISO(b)
        case .pattern(let tokens): return parse(b, tokens)
        }
    }

    /// A compiled strptime-like date format.
    enum DateFormat: Sendable {
        case iso
        case pattern([DateToken])

        /// Compiles `%Y`, `%m`, `%d` and literal characters; `nil` if unsupported.
        init?(_ format: String?) {
            guard let format, format != "default", format != "any", format != "%Y-%m-%d" else { self = .iso; return }
            var tokens: [DateToken] = []
            var it = Array(format.utf8).makeIterator()
            while let c = it.next() {
                if c == UInt8(ascii: "%") {
                    switch it.next() {
                    case UInt8(ascii: "Y"): tokens.append(.year)
                    case UInt8(ascii: "m"): tokens.append(.month)
                    case UInt8(ascii: "d"): tokens.append(.day)
                    default: return nil
                    }
                } else {
                    tokens.append(.literal(c))
                }
            }
            self = .pattern(tokens)
        }
    }

    enum DateToken: Sendable { case year, month, day, literal(UInt8) }

    private static func parse(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [DateToken]) -> CivilDate? {
        var i = 0
        var y = 0, m = 0, d = 0
        func num(_ maxDigits: Int, exact: Bool) -> Int? {
            var v = 0, k = 0
            while i < b.count, k < maxDigits, b[i] &- 48 < 10 { v = v * 10 + Int(b[i] &- 48); i += 1; k += 1 }
            if k == 0 || (exact && k != maxDigits) { return nil }
            return v
        }
        for t in tokens {
            switch t {
            case .year: guard let v = num(4, exact: true) else { return nil }; y = v
            case .month: guard let v = num(2, exact: false) else { return nil }; m = v
            case .day: guard let v = num(2, exact: false) else { return nil }; d = v
            case .literal(let c): guard i < b.count, b[i] == c else { return nil }; i += 1
            }
        }
        guard i == b.count else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }

    /// True if any byte is ≥ 0x80.
    @inline(__always)
    static func hasHighBytes(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var acc: UInt8 = 0
        for x in b { acc |= x }
        return acc & 0x80 != 0
    }
}
