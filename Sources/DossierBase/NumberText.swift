/// Dossier's one number formatter: prose, tables, chart axes and labels all make their digits
/// here, so a number reads the same in the text, a table and on an axis. Locale-free.
///
/// The rounding rule: the double's exact binary value is rounded to the nearest number with
/// the asked decimals, ties to even — what C's `printf("%.2f")`, R's `sprintf`/`format` and
/// Python's `format(x, '.2f')` do, so a number matches what a reader sees in R or pandas.
/// 0.125 (exactly representable) reads "0.12"; 0.375 reads "0.38"; 2.675 (stored as
/// 2.67499999…) reads "2.67"; 1.005 (stored as 1.00499999…) reads "1.00". The digits come from
/// an exact decimal expansion (``ExactDecimal``), never from scaling by a power of ten in
/// floating point. Two departures from printf, both typographic: the minus sign is U+2212
/// ("−0.5"), and a number that rounds to zero has no sign ("0.00", never "−0.00").
/// NaN reads "NaN" and the infinities "∞" and "−∞", everywhere.
package enum NumberText {
    /// The minus sign, U+2212.
    package static let minus = "−"
    /// How NaN reads.
    package static let notANumber = "NaN"
    /// The most decimals ``fixed(_:decimals:grouping:)`` writes; more are clamped to it.
    package static let maximumDecimals = 100

    /// `value` with exactly `decimals` decimals (clamped to 0…``maximumDecimals``), rounded by
    /// the rule above, with commas between thousands when `grouping`: "0.62", "−1,234.50".
    package static func fixed(_ value: Double, decimals: Int, grouping: Bool = false) -> String {
        guard value.isFinite else { return nonFinite(value) }
        let decimals = max(0, min(decimals, maximumDecimals))
        let digits = ExactDecimal.roundedDigits(value, decimals: decimals)
        let wholeCount = digits.count - decimals
        var whole = String(decoding: digits[..<wholeCount].map { $0 + 48 }, as: UTF8.self)
        if grouping { whole = groupThousands(whole) }
        var text = whole
        if decimals > 0 { text += "." + String(decoding: digits[wholeCount...].map { $0 + 48 }, as: UTF8.self) }
        let isZero = digits.allSatisfy { $0 == 0 }
        return (value < 0 && !isZero ? minus : "") + text
    }

    /// An integer with commas between thousands: "12,345", "−1,000".
    package static func grouped(_ value: Int) -> String {
        (value < 0 ? minus : "") + groupThousands(String(value.magnitude))
    }

    /// A run of digits with a comma before each group of three from the right: "1234567" gives
    /// "1,234,567".
    package static func groupThousands(_ digits: String) -> String {
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return out
    }

    /// "NaN", "∞" or "−∞".
    package static func nonFinite(_ value: Double) -> String {
        value.isNaN ? notANumber : (value < 0 ? minus + "∞" : "∞")
    }

    /// The canonical short form of a number, for machine-read text (stats.json, scene dumps,
    /// spec messages): a whole number below 10^15 as an integer ("12", "0" for −0), any other
    /// number as Swift's shortest round-trip form ("0.1", "1000000000000000.0", "1e+16"). Not for readers: it has
    /// no fixed decimals and an ASCII minus.
    package static func short(_ value: Double) -> String {
        wholeNumber(value).map(String.init) ?? String(value)
    }

    /// `value` as an `Int` when it is a whole number below 10^15 in magnitude (where every
    /// integer is a double and back), else nil.
    package static func wholeNumber(_ value: Double) -> Int? {
        value == value.rounded() && value.magnitude < 1e15 ? Int(value) : nil
    }

    /// A coordinate in points as scene dumps and Cairo attributes write it: rounded to
    /// ``hundredths(_:)``, in ``short(_:)`` form ("12", "3.25").
    package static func coordinate(_ value: Double) -> String {
        short(hundredths(value))
    }

    /// `value` rounded to the nearest hundredth (half away from zero, on the scaled double;
    /// −0 becomes 0): the resolution of coordinates in scene dumps and Cairo attributes, not a
    /// number a reader sees (those go through ``fixed(_:decimals:grouping:)``).
    package static func hundredths(_ value: Double) -> Double {
        let rounded = (value * 100).rounded() / 100
        return rounded == 0 ? 0 : rounded
    }
}
