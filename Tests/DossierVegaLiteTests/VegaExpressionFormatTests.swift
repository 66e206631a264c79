@testable import DossierVegaLite
import Foundation
import Testing

/// Issue 21: the formatting functions of Vega expressions (`format`, `timeFormat`,
/// `utcFormat`), `if`, and a text field's `[index]` and `.length`, as labelExpr and calculate
/// use them (expected texts as d3-format, d3-time-format and JavaScript print them).
@Suite struct VegaExpressionFormatTests {
    static let row: [String: ExpressionValue] = [
        "label": .string("Mar 2020"), "amount": .number(1234.5), "share": .number(0.25),
        "date": .number(1_584_230_400_000), "n": .null, "a b": .number(3),
    ]

    static func eval(_ text: String) throws -> ExpressionValue {
        try VegaExpression(parsing: text).evaluate { row[$0] ?? .null }
    }

    @Test(arguments: [
        ("format(datum.amount, ',.1f')", ExpressionValue.string("1,234.5")),
        ("format(datum.share, '.0%')", .string("25%")),
        ("format(datum.amount, ',d') + datum.label[3]", .string("1,234 ")),
        ("timeFormat(datum.date, '%Y-%m-%d')", .string("2020-03-15")),
        ("utcFormat(datum.date, '%b %Y')", .string("Mar 2020")),
        ("timeFormat(datum.n, '%Y')", .null),
        ("if(datum.amount > 1000, 'big', 'small')", .string("big")),
        ("if(datum.n, 1, 2)", .number(2)),
        ("datum.label[0]", .string("M")),
        ("datum.label[datum['a b']]", .string(" ")),
        ("datum.label[0] + datum.label[1]", .string("Ma")),
        ("datum.label[99]", .null),  // JavaScript's undefined: no label
        ("datum.label.length", .number(8)),
        ("upper(datum.label[0]) + lower(substring(datum.label, 1, 3))", .string("Mar")),
        ("isValid(datum.n) ? 1 : 0", .number(0)),
    ])
    func formatsAndMembers(_ text: String, _ expected: ExpressionValue) throws {
        #expect(try Self.eval(text) == expected, "\(text)")
    }
}
