@testable import DossierVegaLite
import Foundation
import Testing

/// Issue 21: the subset of Vega's expression language that `filter` and `calculate` evaluate,
/// with JavaScript's semantics (checked by hand against what a JavaScript engine prints).
@Suite struct VegaExpressionTests {
    static let row: [String: ExpressionValue] = [
        "a": .number(6), "b": .number(4), "name": .string("New York"), "n": .null,
        "with space": .number(2), "flag": .boolean(false), "text3": .string("3"),
    ]

    static func eval(_ text: String) throws -> ExpressionValue {
        try VegaExpression(parsing: text).evaluate { row[$0] ?? .null }
    }

    @Test(arguments: [
        ("datum.a + datum.b * 2", ExpressionValue.number(14)),
        ("(datum.a + datum.b) * 2", .number(20)),
        ("datum.a - datum.b - 1", .number(1)),
        ("datum.a / datum.b", .number(1.5)),
        ("-7 % 3", .number(-1)),
        ("datum['with space'] * 10", .number(20)),
        ("datum[\"with space\"] + 1", .number(3)),
        ("-datum.a", .number(-6)),
        ("+datum.text3 + 1", .number(4)),
        ("datum.text3 + 1", .string("31")),
        ("'x' + datum.a", .string("x6")),
        ("datum.a / 4 + ''", .string("1.5")),
        ("datum.n + 1", .number(1)),
        ("!datum.flag", .boolean(true)),
        ("!datum.name", .boolean(false)),
        ("datum.a > datum.b && datum.b > 5", .boolean(false)),
        ("datum.n || 'fallback'", .string("fallback")),
        ("datum.a && 'yes'", .string("yes")),
        ("datum.a == 6 ? 'six' : 'other'", .string("six")),
        ("datum.a > 10 ? 'big' : datum.a > 5 ? 'medium' : 'small'", .string("medium")),
        ("datum.text3 == 3", .boolean(true)),
        ("datum.text3 === 3", .boolean(false)),
        ("datum.n == null", .boolean(true)),
        ("datum.n === null", .boolean(true)),
        ("datum.missing_field == null", .boolean(true)),
        ("datum.n != 0", .boolean(true)),
        ("datum.a !== 6", .boolean(false)),
        ("'apple' < 'banana'", .boolean(true)),
        ("'B' < 'a'", .boolean(true)),
        ("datum.b <= 4 && datum.b >= 4", .boolean(true)),
        ("NaN < 1 || NaN >= 1", .boolean(false)),
        ("1e3 + .5", .number(1000.5)),
        ("PI > 3.14 && E < 2.72", .boolean(true)),
    ])
    func operatorsFollowJavaScript(_ text: String, _ expected: ExpressionValue) throws {
        #expect(try Self.eval(text) == expected, "\(text)")
    }

    @Test(arguments: [
        ("abs(-2.5)", ExpressionValue.number(2.5)),
        ("round(2.5)", .number(3)),
        ("round(-2.5)", .number(-2)),
        ("round(1.26, 1)", .number(1)),
        ("floor(-1.5) + ceil(1.2)", .number(0)),
        ("sqrt(16) + pow(2, 10)", .number(1028)),
        ("log(1) + exp(0)", .number(1)),
        ("min(3, datum.a, 1) + max(3, 9)", .number(10)),
        ("isValid(datum.n)", .boolean(false)),
        ("isValid(datum.a)", .boolean(true)),
        ("isNaN('abc')", .boolean(true)),
        ("isFinite(1 / 0)", .boolean(false)),
        ("toNumber('2.5') * 2", .number(5)),
        ("toNumber(datum.n)", .null),
        ("toString(datum.a) + toString(true)", .string("6true")),
        ("toBoolean('false')", .boolean(false)),
        ("toBoolean('0')", .boolean(false)),
        ("toBoolean(2)", .boolean(true)),
        ("length(datum.name)", .number(8)),
        ("lower(datum.name) + upper('a')", .string("new yorkA")),
        ("indexof(datum.name, ' ')", .number(3)),
        ("indexof(datum.name, 'z')", .number(-1)),
        ("substring(datum.name, 0, indexof(datum.name, ' '))", .string("New")),
        ("substring(datum.name, 4)", .string("York")),
        ("substring('abcdef', 4, 1)", .string("bcd")),
        ("replace('a-b-c', '-', '+')", .string("a+b-c")),
    ])
    func functionsFollowVega(_ text: String, _ expected: ExpressionValue) throws {
        #expect(try Self.eval(text) == expected, "\(text)")
    }

    @Test func galleryExpressionsParse() throws {
        // From the Vega-Lite gallery specs.
        #expect(try Self.eval("((!datum.flag && datum.a % 2) ? -1: 1) * 2 + 95") == .number(97))
        #expect(try Self.eval("indexof (datum.name,' ') > 0  ? substring(datum.name,0,indexof(datum.name, ' ')) : datum.name") == .string("New"))
        #expect(try Self.eval("toString(isValid(datum.a) ? datum.a : 0) + ' (' + toString(round((isValid(datum.b) ? datum.b : 0) * 100, 1)) + '%)'")
                == .string("6 (400%)"))
    }

    @Test(arguments: [
        ("datum.x >> 1", 10, "found \"> 1\", expected a value"),
        ("foo(datum.x)", 1, "function `foo` is not supported in expressions yet"),
        ("random()", 1, "function `random` is not supported in expressions yet"),
        ("sqr(2)", 1, "did you mean \"sqrt\"?"),
        ("x + 1", 1, "unknown name `x`, expected `datum.field`"),
        ("datum", 1, "`datum` alone is not a value"),
        ("datum.a.", 9, "after `.`, expected a member name"),
        ("'open", 1, "a text opened with ' is not closed"),
        ("(1 + 2", 7, "the end of the expression, expected `)`"),
        ("1 ? 2", 6, "expected `:`"),
        ("", 1, "the expression is empty"),
        ("pow(2)", 1, "`pow` takes 2 arguments, found 1"),
        ("{'a' 1}[datum.k]", 6, "after an object's key, expected `:`"),
        ("1 2", 3, "after a complete expression"),
        ("timeFormat(datum.date, '%Q')", 1, "unknown time format directive `%Q`"),
        ("format(datum.amount)", 1, "`format` takes 2 arguments, found 1"),
        ("if(datum.amount, 1)", 1, "`if` takes 3 arguments, found 2"),
        ("datum.label[0", 14, "expected `]`"),
        ("datum.label.", 13, "after `.`, expected a member name"),
    ])
    func mistakesAreErrorsAtTheirCharacter(_ text: String, _ position: Int, _ message: String) {
        do {
            _ = try VegaExpression(parsing: text)
            Issue.record("\(text) parsed")
        } catch let error as VegaExpressionError {
            #expect(error.position == position, "\(text): \(error)")
            #expect(error.message.contains(message), "\(text): \(error.message)")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func deepAndLongExpressionsAreRefused() {
        let deep = String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 200)
        #expect(throws: VegaExpressionError.self) { try VegaExpression(parsing: deep) }
        let long = Array(repeating: "1", count: 6000).joined(separator: "+")
        #expect(throws: VegaExpressionError.self) { try VegaExpression(parsing: long) }
        #expect(throws: VegaExpressionError.self) { try VegaExpression(parsing: String(repeating: "-", count: 500) + "1") }
    }

    @Test func aDecodingErrorQuotesTheExpressionAndNamesTheCharacter() {
        let failure = SpecFixture.decodingFailure(#"{"data": "t", "transform": [{"filter": "datum.a >"}], "mark": "point", "encoding": {"x": {"field": "a"}}}"#)
        #expect(failure?.message.contains("expression \"datum.a >\", at character 10: the expression ends early") == true, "\(failure?.message ?? "none")")
    }
}
