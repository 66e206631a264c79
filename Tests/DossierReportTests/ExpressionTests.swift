@testable import DossierReport
import Testing

@Suite struct ExpressionTests {
    let evaluator = ExpressionEvaluator(root: [
        "corr": .record([.init("estimate", .number(0.4567)), .init("p", .number(0.012)),
                         .init("ci", .interval(low: 0.1, high: 0.7, level: 0.95))]),
        "shares": .table(ResultTable(columns: [
            .init(name: "channel", values: [.text("a"), .text("c")]),
            .init(name: "share", values: [.number(0.25), .number(0.5)]),
        ])),
    ])

    private func expand(_ text: String) throws(ReportError) -> String {
        try evaluator.expand(text, at: SourceLocation(file: "r.md", line: 10, column: 1))
    }

    @Test func pathsFormattersAndRowSelection() throws {
        #expect(try expand("r = {{ corr.estimate | fixed(2) }}, {{ corr.p | pvalue }}") == "r = 0.46, p = 0.01")
        #expect(try expand("{{ corr | interval(1) }}") == "0.5 [0.1, 0.7]")
        #expect(try expand("{{ shares[channel=c].share | percent }} of {{ shares.n }}") == "50% of 2")
        #expect(try expand("{{ shares[0].channel }}") == "a")
    }

    @Test func parsedStructure() throws {
        let expression = try Expression.parse(" a.b[x=\"y z\"][2] | fixed(3) | text ")
        #expect(expression.path == [.member("a"), .member("b"), .match(field: "x", value: "y z"), .index(2)])
        #expect(expression.formatters == [.init(name: "fixed", arguments: [3]), .init(name: "text", arguments: [])])
    }

    @Test func unknownNameSuggestsAndLocates() {
        do {
            _ = try expand("line one\nsee {{ corr.estimat | fixed(2) }}")
            Issue.record("expected an error")
        } catch {
            #expect(error.location == SourceLocation(file: "r.md", line: 11, column: 5))
            #expect(error.message.contains("has no member \"estimat\"; did you mean \"estimate\"?"))
        }
    }

    @Test func syntaxErrorPointsAtTheColumn() {
        do {
            _ = try expand("x {{ corr..p }}")
            Issue.record("expected an error")
        } catch {
            #expect(error.location?.column == 11)
            #expect(error.message.contains("expected a name after \".\""))
        }
    }

    @Test func unterminatedExpression() {
        #expect(throws: ReportError.self) { try expand("{{ corr.p ") }
    }

    @Test func markdownEscaping() {
        #expect(escapeMarkdown("a*b_[c]") == "a\\*b\\_\\[c\\]")
    }
}
