import DossierBase
@testable import DossierReport
import Testing

@Suite struct FormatterTests {
    @Test(arguments: [
        (0.625, 2, "0.62"), (0.635, 2, "0.64"), (-0.001, 2, "0.00"), (-1.5, 1, "−1.5"), (2.0, 0, "2"),
        (1234.5678, 3, "1234.568"), (0.000049, 4, "0.0000"),
    ])
    func fixedDigits(value: Double, digits: Int, expected: String) {
        #expect(NumberText.fixed(value, decimals: digits) == expected)
    }

    @Test func groupedThousands() {
        #expect(NumberText.grouped(1_234_567) == "1,234,567")
        #expect(NumberText.grouped(-999) == "−999")
        #expect(NumberText.fixed(12345.678, decimals: 1, grouping: true) == "12,345.7")
    }

    @Test(arguments: [(0.0004, "p < 0.001"), (0.0042, "p = 0.004"), (0.031, "p = 0.03"), (0.5, "p = 0.50"), (0.995, "p > 0.99")])
    func pValues(p: Double, expected: String) throws {
        #expect(try Formatter.apply("pvalue", arguments: [], to: .number(p)) == .text(expected))
    }

    @Test func intervalsAndPercentAndMoney() throws {
        let record = ResultValue.record([.init("estimate", .number(0.6234)), .init("ci", .interval(low: 0.2149, high: 0.8412, level: 0.95))])
        #expect(try Formatter.apply("interval", arguments: [2], to: record) == .text("0.62 [0.21, 0.84]"))
        #expect(try Formatter.apply("percent", arguments: [], to: .number(0.625)) == .text("62%"))
        #expect(try Formatter.apply("percent", arguments: [1], to: .number(0.625)) == .text("62.5%"))
        #expect(try Formatter.apply("usd_millions", arguments: [], to: .number(390)) == .text("US$390 million"))
        #expect(try Formatter.apply("usd_millions", arguments: [], to: .number(1500)) == .text("US$1.5 billion"))
        #expect(try Formatter.apply("list", arguments: [], to: .list([.text("Argentina"), .text("Brazil"), .text("Chile")]))
                == .text("Argentina, Brazil and Chile"))
    }

    @Test func wrongTypeIsAnError() {
        #expect(throws: FormatFailure.self) { try Formatter.apply("fixed", arguments: [2], to: .text("abc")) }
        #expect(throws: FormatFailure.self) { try Formatter.apply("nonsense", arguments: [], to: .number(1)) }
    }
}
