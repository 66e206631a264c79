import DossierLayout
import DossierMarkdown
import DossierReport
import Foundation

/// The report language's front end in one call, for the libFuzzer target in
/// `Tests/DossierBuildTests/Fixtures/fuzz-report` (`make fuzz`): everything a build does
/// with `report.md` before it needs the data package, and nothing that touches the file
/// system or draws.
///
/// `package` access: only targets of this package (the fuzz harness) see it.
package enum ReportFrontEnd {
    /// What one pass over a report found, so the harness can check invariants.
    package struct Outcome: Sendable {
        /// The text had valid front matter that decoded into a ``ReportSpec``.
        package var decoded = false
        /// Number of `{{ … }}` expressions found anywhere in the text.
        package var expressions = 0
        /// Number of top-level CommonMark blocks of the expanded body (or of the raw body when
        /// expansion failed).
        package var blocks = 0
        /// Every diagnostic produced, in order (front matter, expansion, findings).
        package var errors: [ReportError] = []
    }

    /// The lines of `bytes` as YAML, CommonMark and Dossier count them: CR LF, LF and a lone CR
    /// each end one. A diagnostic's line is at most this count + 1.
    package static func lineCount(of bytes: [UInt8]) -> Int {
        var count = 1
        for (index, byte) in bytes.enumerated()
        where byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && (index + 1 == bytes.count || bytes[index + 1] != UInt8(ascii: "\n"))) {
            count += 1
        }
        return count
    }

    /// Runs `bytes` through the front end as `report.md` would be:
    ///
    /// 1. UTF-8 decoding, as ``ReportSource/read(_:displayPath:)`` (invalid UTF-8 stops here);
    /// 2. front matter split and YAML decoding into a ``ReportSpec`` (Yams + ``NodeDecoder``),
    ///    the id index and key locations, and the figures' make keys (``BuildPlan``);
    /// 3. every `{{ … }}` of the whole text parsed, and evaluated against ``sampleResults``;
    /// 4. the body and the findings expanded as a build does, then the body parsed as
    ///    CommonMark and each block's inline content turned into Pango markup.
    package static func check(bytes: [UInt8]) -> Outcome {
        var outcome = Outcome()
        guard let text = String(validating: bytes, as: UTF8.self) else { return outcome }
        checkExpressions(in: text, outcome: &outcome)

        let source: ReportSource
        do {
            source = try ReportSource(text: text, path: "report.md")
        } catch {
            outcome.errors.append(error)
            // The body of a report whose front matter failed still goes through CommonMark.
            outcome.blocks = walk(MarkdownReader.parse(text))
            return outcome
        }
        outcome.decoded = true
        let spec = source.spec
        _ = source.location(ofKey: "findings")
        for id in spec.analyses.map(\.id) + spec.figures.map(\.id) + spec.tables.map(\.id) {
            _ = source.location(ofID: id)
        }
        _ = try? BuildPlan.figureKeys(source)

        var root = sampleResults
        for analysis in spec.analyses { root[analysis.id] = sampleRecord }
        let evaluator = ExpressionEvaluator(root: root)
        let bodyStart = SourceLocation(file: source.path, line: source.bodyFirstLine, column: 1)
        var body = source.body
        do {
            body = try evaluator.expand(source.body, at: bodyStart, escape: escapeMarkdown)
        } catch {
            outcome.errors.append(error)
        }
        let blocks = MarkdownReader.parse(body, firstLine: source.bodyFirstLine)
        outcome.blocks = walk(blocks)
        // Claims: every condition against the sample results, and the prose spans.
        do {
            let verdicts = try ClaimCheck.verdicts(source.claims, results: evaluator)
            for verdict in verdicts { _ = verdict.failure }
            _ = try ClaimReferences.check(source.claims, blocks: blocks, findings: spec.findings, source: source)
        } catch {
            outcome.errors.append(error)
        }
        let findingsLocation = source.location(ofKey: "findings")
        for finding in spec.findings {
            do {
                let expanded = try evaluator.expand(finding, at: findingsLocation, escape: escapeMarkdown)
                _ = walk(MarkdownReader.parse(expanded))
            } catch {
                outcome.errors.append(error)
            }
        }
        return outcome
    }

    /// Parses each `{{ … }}` of `text` on its own (a build stops at the first error) and
    /// evaluates those that parse against ``sampleResults``.
    private static func checkExpressions(in text: String, outcome: inout Outcome) {
        let evaluator = ExpressionEvaluator(root: sampleResults)
        for inner in ExpressionText.expressions(in: text) {
            outcome.expressions += 1
            if let expression = try? Expression.parse(String(inner)) {
                _ = try? evaluator.evaluate(expression)
                _ = expression.pathText(expression.path.count)
            }
        }
    }

    /// Walks blocks as the layout does, building each paragraph's Pango markup; returns the
    /// number of blocks.
    @discardableResult
    private static func walk(_ blocks: [Block]) -> Int {
        for block in blocks {
            switch block {
            case let .heading(_, content, _), let .paragraph(content, _):
                _ = InlineMarkup(content)
                _ = Inline.plainText(content)
            case let .blockQuote(children, _), let .footnoteDefinition(_, children, _):
                walk(children)
            case let .list(_, _, items, _):
                for item in items { walk(item) }
            case let .table(header, rows, _, _):
                for cell in header + rows.flatMap({ $0 }) { _ = InlineMarkup(cell) }
            case .code, .thematicBreak, .html:
                break
            }
        }
        return blocks.count
    }

    /// A record with the members the sample reports read (`n`, `mean`, `estimate`, `p`,
    /// `table[label=…]`, …), given to every declared analysis id.
    package static let sampleRecord: ResultValue = {
        let table = ResultTable(columns: [
            .init(name: "label", values: [.text("Chinese provinces and cities"), .text("LAC local outreach to China"), .missing]),
            .init(name: "level_scope", values: [.text("local"), .text("central"), .text("local")]),
            .init(name: "n", values: [.integer(12), .integer(40_000), .integer(-3)]),
            .init(name: "k", values: [.number(0.5), .number(.nan), .number(-.infinity)]),
        ])
        return .record([
            .init("n", .integer(11)), .init("k", .integer(3)), .init("sum", .number(1_234_567.891)),
            .init("mean", .number(7.500_909)), .init("variance", .number(4.127_269)),
            .init("estimate", .number(0.816_42)), .init("p", .number(0.000_02)),
            .init("intercept", .number(3.000_09)), .init("slope", .number(0.500_09)),
            .init("r_squared", .number(0.666_54)), .init("cramers_v", .number(.greatestFiniteMagnitude)),
            .init("test", .text("Fisher's exact test")), .init("flag", .boolean(true)),
            .init("ci", .interval(low: -0.21, high: 0.84, level: 0.95)),
            .init("rate_ratio", .record([.init("rai", .interval(low: 0.9, high: 1.4, level: 0.95))])),
            .init("names", .list([.text("Argentina"), .text("Brazil"), .text("Chile")])),
            .init("table", .table(table)), .init("none", .missing),
        ])
    }()

    /// Fixed top-level names for expressions: a record, plain values of each kind and the
    /// extremes formatters must survive.
    package static let sampleResults: [String: ResultValue] = [
        "a": sampleRecord, "x": .number(-0.0), "big": .number(1e308), "tiny": .number(.leastNonzeroMagnitude),
        "nan": .number(.nan), "inf": .number(.infinity), "max": .integer(.max), "min": .integer(.min),
        "t": .text("*text* with <markup> & {{ braces }}"), "yes": .boolean(false), "gap": .missing,
        "l": .list([.integer(1), .list([]), .missing]),
    ]
}
