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

    /// 1970-01-01: what a missing cell holds in the loader's column storage (``NullableCells``).
    static let placeholder = CivilDate(y: 1970, m: 1, d: 1)

    private init(y: Int32, m: UInt8, d: UInt8) {
        self.y = y
        self.m = m
        self.d = d
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
    ///
    /// Checks all ten bytes as two words (``DateWords``), without a loop over the bytes.
    static func parseISO(_ b: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        guard b.count == 10, let p = b.baseAddress else { return nil }
        let raw = UnsafeRawPointer(p)
        // "YYYY-MM-" as one word (byte 0 lowest); "DD" padded with "000000".
        let head = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        let tail = UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self))) | 0x3030_3030_3030_0000
        let dashes: UInt64 = 0xFF00_00FF_0000_0000  // bytes 4 and 7
        guard head & dashes == 0x2D00_002D_0000_0000 else { return nil }
        let digits = head & ~dashes | 0x3000_0030_0000_0000
        guard DateWords.allDigits(digits), DateWords.allDigits(tail) else { return nil }
        let d = digits &- 0x3030_3030_3030_3030, e = tail &- 0x3030_3030_3030_3030
        let y = DateWords.byte(d, 0) * 1000 + DateWords.byte(d, 1) * 100 + DateWords.byte(d, 2) * 10 + DateWords.byte(d, 3)
        let month = DateWords.byte(d, 5) * 10 + DateWords.byte(d, 6)
        let day = DateWords.byte(e, 0) * 10 + DateWords.byte(e, 1)
        // Days 1 to 28 exist in every month: no call to the calendar (four digits fit Int32).
        if (1...12).contains(month), (1...28).contains(day) {
            return CivilDate(y: Int32(truncatingIfNeeded: y), m: UInt8(truncatingIfNeeded: month), d: UInt8(truncatingIfNeeded: day))
        }
        return CivilDate(year: y, month: month, day: day)
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
