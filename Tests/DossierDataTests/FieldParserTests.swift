import Foundation
import Testing
@testable import DossierData

private func parse<T>(_ s: String, _ f: (UnsafeBufferPointer<UInt8>) -> T) -> T {
    Array(s.utf8).withUnsafeBufferPointer(f)
}

@Suite struct FieldParserTests {
    @Test func integers() {
        #expect(parse("42", FieldParsers.integer) == 42)
        #expect(parse("-7", FieldParsers.integer) == -7)
        #expect(parse("+7", FieldParsers.integer) == 7)
        #expect(parse("9223372036854775807", FieldParsers.integer) == Int.max)
        #expect(parse("-9223372036854775808", FieldParsers.integer) == Int.min)
        for bad in ["", "-", "1.0", "1e3", " 1", "12a", "9223372036854775808"] {
            #expect(parse(bad, FieldParsers.integer) == nil, "\(bad)")
        }
    }

    @Test func numbers() {
        let cases: [(String, Double)] = [("3.14", 3.14), ("-0.5", -0.5), ("1e3", 1000), ("2.5E-3", 0.0025),
                                         (".5", 0.5), ("5.", 5), ("0", 0), ("123456789012345678901", 123456789012345678901),
                                         ("0.1", 0.1), ("1.7976931348623157e308", 1.7976931348623157e308)]
        for (s, v) in cases { #expect(parse(s, FieldParsers.number) == v, "\(s)") }
        #expect(parse("NaN", FieldParsers.number)?.isNaN == true)
        #expect(parse("-INF", FieldParsers.number) == -.infinity)
        for bad in ["", ".", "-", "1,5", "1e", "abc", "1.2.3", "0x10"] {
            #expect(parse(bad, FieldParsers.number) == nil, "\(bad)")
        }
    }

    /// The fast path must agree with the standard library on random decimals.
    @Test func numbersMatchStandardLibrary() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<20_000 {
            let v = Double(Int64.random(in: -1_000_000_000...1_000_000_000, using: &rng)) / Double([1, 10, 100, 1000, 1e6][Int.random(in: 0..<5, using: &rng)])
            let s = "\(v)"
            #expect(parse(s, FieldParsers.number) == Double(s), "\(s)")
        }
    }

    @Test func dates() {
        #expect(parse("2024-02-29", { FieldParsers.date($0, format: .iso) }) == CivilDate(year: 2024, month: 2, day: 29))
        #expect(parse("2023-02-29", { FieldParsers.date($0, format: .iso) }) == nil)
        #expect(parse("2023-2-28", { FieldParsers.date($0, format: .iso) }) == nil)
        let f = FieldParsers.DateFormat("%d/%m/%Y")
        #expect(parse("31/12/2020", { FieldParsers.date($0, format: f ?? .iso) }) == CivilDate(year: 2020, month: 12, day: 31))
        #expect(FieldParsers.DateFormat("%H:%M") == nil)
        #expect(CivilDate(year: 1970, month: 1, day: 2)?.daysSinceEpoch == 1)
        #expect(CivilDate(iso: "2000-03-01")?.daysSinceEpoch == 11017)
    }

    @Test func years() {
        #expect(parse("2024", FieldParsers.year) == 2024)
        #expect(parse("24", FieldParsers.year) == nil)
        #expect(parse("20245", FieldParsers.year) == nil)
    }

    @Test func utf8Validation() {
        #expect(parse("héllo – 北京", FieldParsers.utf8ErrorOffset) == nil)
        #expect([0x61, 0xFF, 0x62].withUnsafeBufferPointer(FieldParsers.utf8ErrorOffset) == 1)
        #expect([0x61, 0xC3].withUnsafeBufferPointer(FieldParsers.utf8ErrorOffset) == 1)      // truncated
        #expect([0xC0, 0x80].withUnsafeBufferPointer(FieldParsers.utf8ErrorOffset) == 0)      // overlong
        #expect([0xED, 0xA0, 0x80].withUnsafeBufferPointer(FieldParsers.utf8ErrorOffset) == 0) // surrogate
    }
}
