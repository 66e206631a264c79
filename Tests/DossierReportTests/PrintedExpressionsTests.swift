@testable import DossierReport
import Testing

/// Expressions' printed values taken from a memo (``PrintedExpressions``): the text is what
/// expanding without one gives, a known value is used as it is (a planted one shows), and an
/// expression that fails is never kept, so its error is the same with a memo.
@Suite struct PrintedExpressionsTests {
    let evaluator = ExpressionEvaluator(root: [
        "corr": .record([.init("estimate", .number(-0.4567)), .init("p", .number(0.012)),
                         .init("ci", .interval(low: -0.1, high: 0.7, level: 0.95))]),
        "places": .list([.text("Lima"), .text("São Paulo"), .text("Quito")]),
    ])
    static let text = "r = {{ corr.estimate | fixed(2) }}, {{ corr.p | pvalue }}; {{ corr | interval(1) }} in {{ places | list }}, "
        + "again {{ corr.estimate | fixed(2) }} and *{{ places[1] }}*."
    static let location = SourceLocation(file: "r.md", line: 3, column: 1)

    @Test func aMemoGivesTheTextWithoutOneAndKnowsWhatItPrinted() throws {
        let plain = try evaluator.expand(Self.text, at: Self.location, escape: { "<\($0)>" })
        let memo = PrintedExpressions()
        #expect(try evaluator.expand(Self.text, at: Self.location, escape: { "<\($0)>" }, memo: memo) == plain)
        #expect(memo.printedCount == 5, "the repeated expression is printed once")
        #expect(memo.used.count == 5)
        #expect(memo.changed)

        // A later build with the same results: nothing printed, the same text, nothing to store.
        let known = PrintedExpressions(known: memo.used)
        #expect(try evaluator.expand(Self.text, at: Self.location, escape: { "<\($0)>" }, memo: known) == plain)
        #expect(known.printedCount == 0)
        #expect(!known.changed)

        // A known value is used as it is (the memo is trusted for the results it was kept for).
        var planted = memo.used
        let key = try #require(memo.used.keys.first { $0.contains("pvalue") })
        planted[key] = "planted"
        let used = try evaluator.expand("{{ corr.p | pvalue }}", at: Self.location, memo: PrintedExpressions(known: planted))
        #expect(used == "planted")

        // Fewer expressions used than known: the memo changed (stored again, smaller).
        let fewer = PrintedExpressions(known: memo.used)
        _ = try evaluator.expand("{{ corr.p | pvalue }}", at: Self.location, memo: fewer)
        #expect(fewer.changed && fewer.printedCount == 0)
    }

    @Test func anExpressionThatFailsIsNotKeptAndFailsTheSameWay() throws {
        let memo = PrintedExpressions()
        for text in ["ok {{ corr.p | pvalue }} then {{ corr.estimat | fixed(2) }}", "{{ corr..p }}", "{{ places[7] }}"] {
            var without: ReportError?
            do { _ = try evaluator.expand(text, at: Self.location) } catch { without = error }
            var with: ReportError?
            do { _ = try evaluator.expand(text, at: Self.location, memo: memo) } catch { with = error }
            #expect(without != nil)
            #expect(with?.description == without?.description)
        }
        #expect(memo.used.count == 1 && memo.used.keys.allSatisfy { $0.contains("pvalue") })
    }
}
