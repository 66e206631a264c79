@testable import DossierReport
import Testing

@Suite struct ExpressionTextTests {
    @Test func piecesSplitLiteralsEscapesAndExpressions() {
        let text = "a \\{{ b }} {{ x.y | fixed(2) }} c"
        #expect(ExpressionText.pieces(of: text).map(\.piece) == [
            .literal("a "), .literal("{{"), .literal(" b }} "), .expression(" x.y | fixed(2) "), .literal(" c"),
        ])
        #expect(ExpressionText.pieces(of: text).map { String(text[$0.source]) }.joined() == text, "the sources cover the text")
    }

    @Test func unterminatedEndsTheScan() {
        #expect(ExpressionText.pieces(of: "x {{ a }} {{ b").map(\.piece) == [.literal("x "), .expression(" a "), .literal(" "), .unterminated])
        #expect(ExpressionText.expressions(in: "{{ a }}{{b}} {{ c") == [" a ", "b"])
        #expect(ExpressionText.containsExpression("open {{ only"))
        #expect(!ExpressionText.containsExpression("only \\{{ literal }}"))
    }

    @Test func dottedMembers() {
        let table = ResultTable(columns: [.init(name: "n", values: [.integer(4)])])
        #expect(ResultValue.table(table).member("n") == .list([.integer(4)]), "a column wins over the row count")
        #expect(ResultValue.list([.missing, .missing]).member("n") == .integer(2))
        #expect(ResultValue.record([.init("a", .text("b"))]).member("a") == .text("b"))
        #expect(ResultValue.number(1).member("a") == nil)
    }
}
