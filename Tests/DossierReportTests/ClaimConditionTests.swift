@testable import DossierReport
import Testing

/// The condition language of claims: parsing (precedence, errors at their character), types,
/// intervals, missing values and NaN, and positions inside the `holds` text of `report.md`.
@Suite struct ClaimConditionTests {
    /// Results a condition can read.
    static let results: [String: ResultValue] = [
        "fit": .record([
            .init("n", .integer(30)),
            .init("p", .number(0.0123)),
            .init("slope", .record([.init("estimate", .number(0.8)), .init("ci", .interval(low: 0.55, high: 1.2, level: 0.95))])),
            .init("label", .text("rural")),
            .init("overdispersed", .boolean(true)),
            .init("gap", .missing),
            .init("odd", .number(.nan)),
            .init("table", .table(ResultTable(columns: [
                .init(name: "label", values: [.text("North side"), .text("South")]),
                .init(name: "k", values: [.integer(4), .integer(9)]),
            ]))),
        ]),
        "r": .record([.init("estimate", .number(0.12)), .init("ci", .interval(low: -0.27, high: 0.48, level: 0.95))]),
    ]

    /// The claim `holds` written in a minimal report, parsed.
    static func claim(_ holds: String, quoted: Bool = true) throws(ReportError) -> Claim {
        let value = quoted ? "\"" + holds.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" : holds
        let text = "---\ntitle: T\ndate: \"2020-12-01\"\ndata: d.json\nclaims:\n  - id: c1\n    holds: \(value)\n    says: \"x\"\n---\nBody [x]{claim=c1}\n"
        let source = try ReportSource(text: text, path: "r.md")
        return source.claims[0]
    }

    static func verdict(_ holds: String) throws(ReportError) -> ClaimVerdict {
        try ConditionEvaluator(resolver: ExpressionEvaluator(root: results)).verdict(for: claim(holds))
    }

    static func holds(_ holds: String) throws -> Bool {
        try verdict(holds).holdsNow
    }

    /// The error for `holds`, or nil when it evaluates.
    static func error(_ holds: String, quoted: Bool = true) -> ReportError? {
        do {
            _ = try ConditionEvaluator(resolver: ExpressionEvaluator(root: results)).verdict(for: claim(holds, quoted: quoted))
            return nil
        } catch {
            return error
        }
    }

    @Test func arithmeticAndComparisonFollowPrecedence() throws {
        #expect(try Self.holds("1 + 2 * 3 == 7"))
        #expect(try Self.holds("(1 + 2) * 3 == 9"))
        #expect(try Self.holds("-2 * -3 == 6"))
        #expect(try Self.holds("10 - 4 - 3 == 3"))
        #expect(try Self.holds("12 / 3 / 2 == 2"))
        #expect(try Self.holds("1e-3 < 0.01 and 2.5E2 == 250"))
        #expect(try Self.holds("abs(-3) == 3 and min(4, 2, 9) == 2 and max(1, 7) == 7 and sqrt(16) == 4"))
        #expect(try Self.holds("log(1) == 0"))
    }

    /// A name that starts with a keyword (`android`, `order`, `notable`, `contains_x`) is a path:
    /// a keyword is a whole word, and the keywords themselves still work.
    @Test func keywordsAreWholeWords() throws {
        for name in ["android", "order", "notable", "containsAll", "and_x", "or-1", "not2", "true_n", "andé"] {
            let condition = try ConditionParser.parse("\(name) == 1")
            guard case .binary(.equal, .path(let path, at: 0), .number(1, at: _), at: _) = condition else {
                Issue.record("\(name) == 1 parsed as \(condition)")
                continue
            }
            #expect(path.source == name)
        }
        guard case .binary(.or, .binary(.and, _, .not(_, at: 11), at: 7), .binary(.contains, _, _, at: 26), at: 17)
                = try ConditionParser.parse("a == 1 and not b or order contains x") else {
            Issue.record("the keywords were not read as keywords")
            return
        }
        #expect(throws: ExpressionSyntaxError.self) { try ConditionParser.parse("a andx") }
    }

    @Test func booleanOperatorsBindLooserThanComparisons() throws {
        #expect(try Self.holds("1 < 2 and 3 < 4 or 1 > 2"))
        // `and` binds tighter than `or`: true or (false and false).
        #expect(try Self.holds("1 < 2 or 1 > 2 and 1 > 2"))
        #expect(try !Self.holds("(1 < 2 or 1 > 2) and 1 > 2"))
        #expect(try Self.holds("not 1 > 2"))
        #expect(try Self.holds("not not true"))
        #expect(try !Self.holds("not 1 < 2 and true"))
    }

    @Test func pathsResolveAsExpressionsDo() throws {
        #expect(try Self.holds("fit.n == 30 and fit.p < 0.05"))
        #expect(try Self.holds("fit.table[label=\"North side\"].k == 4 and fit.table[1].k > 8"))
        #expect(try Self.holds("fit.label == 'rural' and fit.label != \"urban\""))
        #expect(try Self.holds("fit.overdispersed"))
        // An estimate (a record with `estimate`) reads as its estimate.
        #expect(try Self.holds("fit.slope < 1 and fit.slope.estimate == 0.8"))
    }

    @Test func intervalsContainNumbersAndIntervals() throws {
        #expect(try Self.holds("r.ci contains 0"))
        #expect(try Self.holds("r contains 0"))
        #expect(try !Self.holds("fit.slope contains 0"))
        #expect(try Self.holds("fit.slope.ci contains 1"))
        #expect(try Self.holds("[0, 2] contains fit.slope.ci"))
        #expect(try !Self.holds("[0.6, 2] contains fit.slope.ci"))
        #expect(try Self.holds("r.ci.low < 0 and r.ci.high > 0 and r.ci.level == 0.95"))
        #expect(try Self.holds("r.ci.high - r.ci.low > 0.5"))
        #expect(try Self.holds("[-1, 1] contains r"))
    }

    @Test func missingAndNaNMakeAClaimFailAndSaySo() throws {
        let missing = try Self.verdict("fit.gap < 1")
        #expect(!missing.holdsNow)
        #expect(missing.failure.message == "claim \"c1\" does not hold: fit.gap < 1, with fit.gap = missing")
        let nan = try Self.verdict("fit.odd > 0 or fit.odd <= 0")
        #expect(!nan.holdsNow)
        #expect(nan.failure.message.hasSuffix("with fit.odd = NaN"))
        // Unknown stays unknown under `not`; a false side still decides `and`, a true one `or`.
        #expect(try !Self.holds("not (fit.gap < 1)"))
        #expect(try Self.holds("fit.gap < 1 or fit.n == 30"))
        #expect(try !Self.holds("fit.gap < 1 and fit.n == 31"))
        #expect(try !Self.holds("sqrt(-1) < 1"))
        #expect(try !Self.holds("fit.odd == fit.odd"))
    }

    @Test func theFailureMessageShowsTheConditionAndEachValueOnce() throws {
        let verdict = try Self.verdict("fit.slope contains 1 and r.ci.low > 0 and r.ci.low > -1")
        #expect(!verdict.holdsNow)
        #expect(verdict.failure.message
            == "claim \"c1\" does not hold: fit.slope contains 1 and r.ci.low > 0 and r.ci.low > -1, with fit.slope = 0.8 [0.55, 1.2], r.ci.low = -0.27")
        #expect(verdict.failure.location == SourceLocation(file: "r.md", line: 7, column: 12))
    }

    @Test func valuesShowEnoughDigitsToSeeWhy() throws {
        #expect(ClaimValue.number(0.049999999, literals: [0.05]) == "0.049999999")
        #expect(ClaimValue.number(0.0123456789, literals: []) == "0.0123457")
        #expect(ClaimValue.number(-1234.5678, literals: []) == "-1234.57")
        #expect(ClaimValue.number(3, literals: []) == "3")
        #expect(ClaimValue.number(.nan, literals: []) == "NaN")
    }

    @Test func typeErrorsPointAtTheOperand() {
        // holds: "…" starts at column 12 (the quote); the condition at column 13.
        let and = Self.error("fit.n and true")
        #expect(and?.message == "claim \"c1\": `and` needs booleans (true or false), found a number")
        #expect(and?.location == SourceLocation(file: "r.md", line: 7, column: 13))
        let plus = Self.error("fit.n + fit.label > 1")
        #expect(plus?.message == "claim \"c1\": `+` needs a number, found a text")
        #expect(plus?.location?.column == 21)
        #expect(Self.error("fit.label < 3")?.message == "claim \"c1\": `<` needs a number, found a text")
        #expect(Self.error("fit.n == 'a'")?.message == "claim \"c1\": `==` compares values of one type, found a number and a text")
        #expect(Self.error("fit.n contains 1")?.message.contains("`contains` needs an interval on its left") == true)
        #expect(Self.error("fit.n + 1")?.message.contains("a condition is true or false, and this one is a number") == true)
        #expect(Self.error("fit.table > 1")?.message.contains("is a table") == true)
        #expect(Self.error("fit > 1")?.message.contains("is a record with fields") == true)
    }

    @Test func unknownPathsAreErrorsWithSuggestions() {
        let error = Self.error("fit.slop < 1")
        #expect(error?.message.contains("has no member \"slop\"") == true)
        #expect(error?.message.contains("did you mean \"slope\"?") == true)
        #expect(error?.location?.column == 13)
        #expect(Self.error("fits.n > 1")?.message.contains("did you mean \"fit\"?") == true)
    }

    @Test func syntaxErrorsPointInsideTheHoldsText() {
        // Plain scalar: `holds: fit.n > ` starts at column 12.
        let plain = Self.error("fit.n >> 2", quoted: false)
        #expect(plain?.location == SourceLocation(file: "r.md", line: 7, column: 19))
        #expect(plain?.message.contains("expected a value") == true)
        let single = Self.error("fit.n = 2", quoted: false)
        #expect(single?.message.contains("write `==` to compare") == true)
        #expect(single?.location?.column == 18)
        // Double-quoted with an escape before the error: the column still counts the source.
        let escaped = Self.error("fit.label == \"a\" and )")
        #expect(escaped?.location?.column == 13 + "fit.label == \\\"a\\\" and ".count)
        #expect(Self.error("1 < 2 < 3")?.message.contains("comparisons do not chain") == true)
        #expect(Self.error("lg(2) > 1")?.message.contains("unknown function \"lg\"; did you mean \"log\"?") == true)
        #expect(Self.error("abs(1, 2) > 1")?.message.contains("abs takes 1 argument, found 2") == true)
        #expect(Self.error("(1 < 2")?.message.contains("expected \")\"") == true)
        #expect(Self.error("fit.label == 'open")?.message.contains("never closed") == true)
        #expect(Self.error("[1 2] contains 1")?.message.contains("expected \",\"") == true)
        #expect(Self.error("and")?.message.contains("expected a value") == true)
    }

    @Test func aFoldedConditionMapsPositionsAcrossLines() throws {
        let text = "---\ntitle: T\ndate: \"2020-12-01\"\ndata: d.json\nclaims:\n  - id: c1\n    holds: >-\n      fit.n > 1 and\n      fit.n >> 2\n    says: x\n---\n[x]{claim=c1}\n"
        do {
            _ = try ReportSource(text: text, path: "r.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.location == SourceLocation(file: "r.md", line: 9, column: 14))
        }
    }

    @Test func claimsInTheFrontMatterAreChecked() {
        func failure(_ claims: String) -> ReportError? {
            do {
                _ = try ReportSource(text: "---\ntitle: T\ndate: \"2020-12-01\"\ndata: d.json\nclaims:\n\(claims)---\n", path: "r.md")
                return nil
            } catch {
                return error
            }
        }
        let unknown = failure("  - {id: a, holds: \"true\", say: x}\n")
        #expect(unknown?.message.contains("unknown key \"say\" in a claim; did you mean \"says\"?") == true)
        #expect(unknown?.location?.line == 6)
        let duplicate = failure("  - {id: a, holds: \"true\", says: x}\n  - {id: a, holds: \"true\", says: y}\n")
        #expect(duplicate?.message.contains("two claims are named \"a\"") == true)
        #expect(duplicate?.location?.line == 7)
        #expect(failure("  - {id: 1a, holds: \"true\", says: x}\n")?.message.contains("a claim id is 1 to 64") == true)
        #expect(failure("  - {id: a, says: x}\n")?.message.contains("missing key \"holds\"") == true)
        #expect(failure("  - {id: a, holds: \"  \", says: x}\n")?.message.contains("holds is empty") == true)
        #expect(failure("  - {id: a, holds: \"true\", says: x}\n") == nil)
    }

    @Test func theClaimsAppendixNeedsClaims() {
        do {
            _ = try ReportSource(text: "---\ntitle: T\ndate: \"2020-12-01\"\ndata: d.json\nappendix: {claims: true}\n---\n", path: "r.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("the claims appendix lists the report's claims, and it declares none"))
            #expect(error.location?.line == 5)
        }
    }

    @Test func deepOrLongConditionsAreRefused() {
        let deep = String(repeating: "(", count: 70) + "1" + String(repeating: ")", count: 70) + " > 0"
        #expect(Self.error(deep)?.message.contains("nests more than 64 levels deep") == true)
        let long = String(repeating: "1 + ", count: 300) + "1 > 0"
        #expect(Self.error(long)?.message.contains("more than 256 operators") == true)
        #expect(Self.error(String(repeating: "1 + ", count: 200) + "1 > 0") == nil)
    }

    @Test func aConditionOverSeveralLinesIsShownOnOne() throws {
        let text = "---\ntitle: T\ndate: \"2020-12-01\"\ndata: d.json\nclaims:\n  - id: c1\n    holds: |\n      fit.n > 40\n      or fit.p > 0.05\n    says: x\n---\n"
        let claim = try ReportSource(text: text, path: "r.md").claims[0]
        let verdict = try ConditionEvaluator(resolver: ExpressionEvaluator(root: Self.results)).verdict(for: claim)
        #expect(verdict.failure.message == "claim \"c1\" does not hold: fit.n > 40 or fit.p > 0.05, with fit.n = 30, fit.p = 0.0123")
        #expect(verdict.failure.location == SourceLocation(file: "r.md", line: 7, column: 12))
    }
}
