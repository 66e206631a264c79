import Foundation
import Testing
@testable import DossierBase

struct NumberTextTests {
    /// Every line of Fixtures/number_text.tsv (scripts/number_text_reference.py: Python's
    /// `format(x, '.Nf')`, an independent correctly rounded implementation), with Dossier's two
    /// documented departures applied to Python's text: U+2212 for the minus, no sign on zero.
    @Test func matchesPythonFormat() throws {
        let url = try #require(Bundle.module.url(forResource: "number_text", withExtension: "tsv", subdirectory: "Fixtures"))
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        #expect(lines.count > 4000)
        var failures = 0
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count == 4, "bad fixture line \(line)")
            let value = try #require(Double(fields[0])), decimals = try #require(Int(fields[1]))
            var expected = fields[3]
            if expected.hasPrefix("-") {
                let body = String(expected.dropFirst())
                expected = body.allSatisfy { "0.,".contains($0) } ? body : "−" + body
            }
            let actual = NumberText.fixed(value, decimals: decimals, grouping: fields[2] == "1")
            if actual != expected {
                failures += 1
                if failures <= 20 { Issue.record("\(fields[0]) .\(decimals)f: got \(actual), expected \(expected)") }
            }
        }
        #expect(failures == 0)
    }

    @Test func hardCases() {
        #expect(NumberText.fixed(0.125, decimals: 2) == "0.12")
        #expect(NumberText.fixed(0.375, decimals: 2) == "0.38")
        #expect(NumberText.fixed(2.675, decimals: 2) == "2.67")
        #expect(NumberText.fixed(1.005, decimals: 2) == "1.00")
        #expect(NumberText.fixed(2.5, decimals: 0) == "2")
        #expect(NumberText.fixed(3.5, decimals: 0) == "4")
        #expect(NumberText.fixed(1e15 + 0.5, decimals: 0) == "1000000000000000")
        #expect(NumberText.fixed(1e15 + 0.5, decimals: 1) == "1000000000000000.5")
        #expect(NumberText.fixed(-0.0, decimals: 2) == "0.00")
        #expect(NumberText.fixed(-0.004, decimals: 2) == "0.00")
        #expect(NumberText.fixed(-0.005, decimals: 2) == "−0.01")  // −0.005000000000000000104…
        #expect(NumberText.fixed(1e22, decimals: 0, grouping: true) == "10,000,000,000,000,000,000,000")
        #expect(NumberText.fixed(5e-324, decimals: 3) == "0.000")
        #expect(NumberText.fixed(1.7976931348623157e308, decimals: 0).count == 309)
        #expect(NumberText.fixed(1234.5, decimals: 2, grouping: true) == "1,234.50")
        #expect(NumberText.fixed(0.5, decimals: -3) == "0")
    }

    @Test func nonFiniteNumbersReadTheSameEverywhere() {
        #expect(NumberText.fixed(.nan, decimals: 2) == "NaN")
        #expect(NumberText.fixed(.infinity, decimals: 2) == "∞")
        #expect(NumberText.fixed(-.infinity, decimals: 0, grouping: true) == "−∞")
    }

    @Test func groupedIntegers() {
        #expect(NumberText.grouped(0) == "0")
        #expect(NumberText.grouped(999) == "999")
        #expect(NumberText.grouped(-1234567) == "−1,234,567")
        #expect(NumberText.grouped(Int.min) == "−9,223,372,036,854,775,808")
    }

    @Test func shortNumbers() {
        #expect(NumberText.short(12) == "12")
        #expect(NumberText.short(-0.0) == "0")
        #expect(NumberText.short(0.1) == "0.1")
        #expect(NumberText.short(1e15) == "1000000000000000.0")
        #expect(NumberText.short(1e16) == "1e+16")
        #expect(NumberText.short(-2.5) == "-2.5")
    }

    @Test func hundredths() {
        #expect(NumberText.hundredths(1.234) == 1.23)
        #expect(NumberText.hundredths(-0.001) == 0)
        #expect(NumberText.hundredths(-0.001).sign == .plus)
        #expect(NumberText.coordinate(12.004) == "12")
        #expect(NumberText.coordinate(-3.249) == "-3.25")
    }
}
