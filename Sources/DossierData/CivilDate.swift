import DossierBase
import Foundation

/// A calendar date without time or time zone (Table Schema `date`), e.g. 2024-03-09.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    // Compact storage (8 bytes, so `[CivilDate?]` costs 9 bytes a cell rather than 25).
    private var y: Int32
    private var m: UInt8
    private var d: UInt8

    /// Proleptic Gregorian year.
    public var year: Int { get { Int(y) } set { y = Int32(clamping: newValue) } }
    /// 1...12
    public var month: Int { get { Int(m) } set { m = UInt8(clamping: newValue) } }
    /// 1...31
    public var day: Int { get { Int(d) } set { d = UInt8(clamping: newValue) } }

    /// Creates a date, returning `nil` if it does not exist on the calendar (e.g. 2023-02-29).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= GregorianCalendar.daysIn(month: month, year: year),
              let y32 = Int32(exactly: year) else {
            return nil
        }
        self.y = y32
        self.m = UInt8(month)
        self.d = UInt8(day)
    }

    /// Decodes from an ISO `YYYY-MM-DD` string.
    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let v = CivilDate(iso: s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected YYYY-MM-DD, found \(s)"))
        }
        self = v
    }

    /// Encodes as an ISO `YYYY-MM-DD` string.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso string: String) {
        let bytes = Array(string.utf8)
        guard let d = bytes.withUnsafeBufferPointer({ CivilDate.parseISO($0) }) else { return nil }
        self = d
    }


    /// Parses exactly `YYYY-MM-DD` from bytes.
    static func parseISO(_ b: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
        func digits(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                let d = Int(b[i]) &- 48
                guard d >= 0, d <= 9 else { return nil }
                v = v * 10 + d
            }
            return v
        }
        guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int {
        GregorianCalendar.daysSinceEpoch(year: year, month: month, day: day)
    }

    /// Midnight UTC of this date as a Foundation `Date`.
    public var utcMidnight: Date {
        Date(timeIntervalSince1970: TimeInterval(daysSinceEpoch) * 86_400)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ v: Int, _ n: Int) -> String {
            let s = String(v)
            return s.count >= n ? s : String(repeating: "0", count: n - s.count) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.y, a.m, a.d) < (b.y, b.m, b.d)
    }
}

/// Dates are plain bits (year, month, day), so date columns load into raw buffers (``ColumnBuffer``).
extension CivilDate: BitwiseCopyable {}
