@testable import DossierReport
import Testing

/// `Expression.parseASCII` (Expression+ASCII.swift) answers exactly what the Character scanner
/// answers for every text it takes, and leaves the others (other bytes, syntax errors) to it.
@Suite struct ExpressionASCIITests {
    private func characterParse(_ text: String) -> Expression? {
        try? Expression.parseCharacters(text)
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
        for text in texts {
            let fast = Expression.parseASCII(text)
            let slow = characterParse(text)
            if let fast { #expect(fast == slow, "\(text)") }
            #expect((try? Expression.parse(text)) == slow, "\(text)")
        }
        #expect(Expression.parseASCII("decentralization.spearman.rho | fixed(2)") != nil, "the usual expression takes the byte path")
        #expect(Expression.parseASCII("t[country=\"São Paulo\"].n") == nil, "a non-ASCII byte goes to the Character scanner")
    }

    /// Texts drawn from the grammar's bytes (a fixed seed): the byte path never answers
    /// otherwise than the Character scanner.
    @Test func generatedTexts() {
        let alphabet = Array("ab_Z09-.[]=\"|(), x\t".utf8)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var answered = 0
        for _ in 0..<20_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(state >> 60) + 1
            var bytes: [UInt8] = []
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let slow = characterParse(text)
            if let fast = Expression.parseASCII(text) {
                answered += 1
                #expect(fast == slow, "\(text)")
            } else if text.utf8.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E }) {
                #expect(slow == nil, "the byte path refused a text that parses: \(text)")
            }
        }
        #expect(answered > 500, "\(answered)")
    }
}
