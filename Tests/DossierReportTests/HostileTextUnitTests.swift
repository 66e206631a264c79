import DossierMarkdown
@testable import DossierReport
import Testing

/// The report language on hostile input: escapes, limits, formatter ranges, dates, line ends.
@Suite struct HostileTextUnitTests {
    let evaluator = ExpressionEvaluator(root: [
        "a": .record([.init("n", .integer(3)), .init("x", .number(1e300))]),
        "many": .list((0..<5000).map { .text("item\($0)") }),
    ])

    private func expand(_ text: String) throws(ReportError) -> String {
        try evaluator.expand(text, at: SourceLocation(file: "r.md", line: 10, column: 1))
    }

    /// `\{{` prints a literal `{{`, in prose and in code spans, through CommonMark.
    @Test func backslashBracesPrintLiteralBraces() throws {
        let body = try expand("n = {{ a.n }}, literal \\{{ a.n }} and `\\{{ code }}`\n")
        #expect(body == "n = 3, literal {{ a.n }} and `{{ code }}`\n")
        let blocks = MarkdownReader.parse(body)
        guard case let .paragraph(inlines, _)? = blocks.first else {
            Issue.record("no paragraph")
            return
        }
        #expect(Inline.plainText(inlines) == "n = 3, literal {{ a.n }} and {{ code }}")
        #expect(!ExpressionText.containsExpression("only \\{{ literal }}"))
        #expect(ExpressionText.containsExpression("{{ a.n }}"))
    }

    /// 20,000 expressions in one text expand in one pass (it was quadratic: 16 s).
    @Test func manyExpressionsExpandInLinearTime() throws {
        let text = Array(repeating: "{{ a.n }}", count: 20_000).joined(separator: " ")
        let expanded = try expand(text)
        #expect(expanded.count == 20_000 * 2 - 1)
    }

    /// Errors quote at most about 80 characters of the expression.
    @Test func errorsQuoteAnExcerptOfTheExpression() {
        let name = String(repeating: "q", count: 100_000)
        #expect(throws: ReportError.self) { try expand("x {{ \(name) }}") }
        do {
            _ = try expand("x {{ \(name) }}")
        } catch {
            #expect(error.description.count < 400, "\(error.description.prefix(500))")
            #expect(error.description.hasPrefix("r.md:10:3: error:"))
        }
    }

    /// An expression printing more than the limit is an error at its position.
    @Test func anExpressionValueOverTheLimitIsAnError() throws {
        #expect(throws: ReportError.self) { try expand("{{ many | list }}") }
    }

    /// Expressions cannot grow a text past the limit (1,000 values of 9,000 characters).
    @Test func expansionIsBoundedInTotal() throws {
        let evaluator = ExpressionEvaluator(root: ["big": .text(String(repeating: "b", count: 9_000))])
        let text = Array(repeating: "{{ big }}", count: 1_000).joined(separator: "\n\n")
        do {
            _ = try evaluator.expand(text, at: SourceLocation(file: "r.md", line: 1, column: 1))
            Issue.record("accepted")
        } catch {
            #expect(error.description.contains("the text grows past 4000000 bytes"))
        }
    }

    /// Formatter arguments have ranges; `count` of a huge number does not trap.
    @Test func formatterArgumentsAreChecked() throws {
        for text in ["{{ a.n | fixed(1000) }}", "{{ a.n | fixed(-1) }}", "{{ a.n | percent(13) }}", "{{ a.n | count(2) }}",
                     "{{ a.n | fixed(1, 2) }}"] {
            do {
                _ = try expand(text)
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.description.hasPrefix("r.md:10:1: error: in {{"), "\(error)")
            }
        }
        #expect(try expand("{{ a.n | fixed(12) }}") == "3.000000000000")
        #expect(try !expand("{{ a.x | count }}").isEmpty, "count of 1e300 does not trap")
    }

    /// Front-matter dates are real calendar dates.
    @Test func datesMustExist() {
        #expect(CalendarDate(iso: "2020-02-30") == nil)
        #expect(CalendarDate(iso: "2021-02-29") == nil)
        #expect(CalendarDate(iso: "2026-04-31") == nil)
        #expect(CalendarDate(iso: "+202-01-01") == nil)
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2000-02-29") != nil)
        #expect(CalendarDate(iso: "1900-02-29") == nil)
    }

    /// CR LF and CR line ends read as LF.
    @Test func lineEndsAreNormalized() {
        #expect(ReportSource.normalizingLineEnds("a\r\nb\rc\n\r\n") == "a\nb\nc\n\n")
        #expect(ReportSource.normalizingLineEnds("plain\n") == "plain\n")
    }

    /// The body's blocks are limited in size, with the block's line.
    @Test func aHugeParagraphIsAnErrorAtItsLine() {
        let blocks = MarkdownReader.parse("ok\n\n" + String(repeating: "w", count: TextLimits.blockCharacters + 1) + "\n", firstLine: 20)
        do {
            try TextLimits.checkBlocks(blocks, path: "r.md")
            Issue.record("accepted")
        } catch {
            #expect(error.description.hasPrefix("r.md:22:1: error: this paragraph has 50001 characters"))
        }
    }
}
