@testable import DossierReport
import Testing

/// `Expression.parseASCII` (the expression grammar read over bytes) answers exactly what the
/// same grammar read over Characters answers — the expression or the error, with its offset
/// and message — for every printable-ASCII text, and leaves every other text to the Characters.
@Suite struct ExpressionASCIITests {
    /// The outcome as comparable text: the expression, or the error's offset and message.
    private func outcome(_ result: Result<Expression, ExpressionSyntaxError>) -> String {
        switch result {
        case .success(let expression): "ok \(expression)"
        case .failure(let error): "error at \(error.offset): \(error.message)"
        }
    }

    private func characterOutcome(_ text: String) -> String {
        outcome(Result { () throws(ExpressionSyntaxError) in try Expression.parseCharacters(text) })
    }

    @Test func theReportsExpressionsAndTheirNeighbours() {
        let texts = [
            "decentralization.spearman.rho | fixed(2)", "  counts.total  ", "a", "a.b[3].c", "a[-1]", "a[ 2 ]",
            "t[country=Brazil].value | percent(1)", "t[ country = \"São Paulo\" ].n", "t[name=\"a b\"].n", "t[k=v w].n",
            "x | round", "x | fixed( 2 , 3 )", "x|fixed(2)|thousands", "snake_case.with-dash2", "a.b-c", "a.-b", "a[x=]",
            "a[x=\"unclosed]", "a[1", "a[]", "a.", ".a", "1a", "_a", "a | ", "a | f(", "a | f()", "a | f(1,)", "a | f(x)",
            "a b", "a\tb", "a\n", "", " ", "a | f(99999999999999999999)", "a[99999999999999999999]", "a[-]", "a | f(-)",
            "a | f(-3)", "é.b", "a.b | f(1) trailing", "a[\"q\"=1]", "a[b=\"]\"]", "a[b=]]", "a | _f", "a | f-1(2)",
        ]
        var byBytes = 0
        for text in texts {
            let characters = characterOutcome(text)
            if let bytes = Expression.parseASCII(text) {
                byBytes += 1
                #expect(outcome(bytes) == characters, "\(text)")
            }
            #expect(outcome(Result { () throws(ExpressionSyntaxError) in try Expression.parse(text) }) == characters, "\(text)")
        }
        #expect(byBytes == 42, "every printable-ASCII text takes the byte path")
        #expect((try? Expression.parseASCII("decentralization.spearman.rho | fixed(2)")?.get()) != nil, "the usual expression takes the byte path")
        #expect(Expression.parseASCII("t[country=\"São Paulo\"].n") == nil, "a non-ASCII byte goes to the Character scanner")
        #expect(Expression.parseASCII("a\tb") == nil, "a tab (white space, not printable) goes to the Character scanner")
    }

    /// Texts drawn from the grammar's bytes (a fixed seed): the byte path answers every
    /// printable-ASCII one exactly as the Characters do, errors included.
    @Test func generatedTexts() {
        let alphabet = Array("ab_Z09-.[]=\"|(), x\t".utf8)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var parsed = 0, failed = 0
        for _ in 0..<20_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(state >> 60) + 1
            var bytes: [UInt8] = []
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let printable = text.utf8.allSatisfy { $0 >= 0x20 && $0 <= 0x7E }
            guard let fast = Expression.parseASCII(text) else {
                #expect(!printable, "the byte path refused a printable-ASCII text: \(text)")
                continue
            }
            if case .success = fast { parsed += 1 } else { failed += 1 }
            #expect(outcome(fast) == characterOutcome(text), "\(text)")
        }
        #expect(parsed > 500 && failed > 500, "\(parsed) parsed, \(failed) failed")
    }
}
