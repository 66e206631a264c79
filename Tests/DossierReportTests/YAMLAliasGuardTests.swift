@testable import DossierReport
import Foundation
import Testing

/// Complex keys are refused before Yams composes the front matter (an alias bomb used as
/// mapping keys hung Yams' duplicate-key check), alias bombs as values after it; text that
/// merely contains `*`, `&` or `?` is not mistaken for either.
@Suite struct YAMLAliasGuardTests {
    @Test(arguments: [
        ("? &l0 [lol, lol]\n: 0\n? &l1 [*l0, *l0]\n: 1", 1, 1, "?"),
        ("a: 1\n*a : 2", 2, 1, "*a"),
        ("*key: 9", 1, 1, "*key"),
        ("map: {*k : 1}", 1, 7, "*k"),
        ("outer:\n  - *k: 1", 2, 5, "*k"),
    ])
    func complexKeysAreFound(yaml: String, line: Int, column: Int, token: String) throws {
        let found = try #require(YAMLAliasGuard.firstComplexKey(in: yaml))
        #expect(found.line == line)
        #expect(found.column == column)
        #expect(found.token == token)
    }

    @Test(arguments: [
        "title: \"*Emphasis* & more\"",
        "title: '*Emphasis* & ''quoted'''",
        "title: Sales * 3 & R&D",
        "subtitle: a long plain text\n  *that continues* on the next line\nnext: 1",
        "note: |\n  *literal* &text\n  more\nafter: 2",
        "# a comment with *alias and &anchor\nkey: 1 # *trailing",
        "title: \"a multi-line\n  *quoted* text\"\nx: 1",
        "range: a-*b",
        "base: &b {x: 1}\nother: *b",
        "list:\n  - *item\n  - [1, *x]",
        "question: why? because",
    ])
    func textWithStarsAndAmpersandsIsNotAnAlias(yaml: String) {
        #expect(YAMLAliasGuard.firstComplexKey(in: yaml) == nil)
    }

    @Test func theFuzzersAliasBombIsAnErrorAtItsLine() throws {
        var yaml = "? &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n: 0\n"
        for level in 1...9 {
            yaml += "? &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n: \(level)\n"
        }
        let report = "---\n" + yaml + "title: T\ndate: \"2026-11-29\"\ndata: d.json\n---\nBody\n"
        #expect(throws: ReportError.self) { try ReportSource(text: report, path: "r/report.md") }
        do {
            _ = try ReportSource(text: report, path: "r/report.md")
        } catch {
            #expect(error.description.hasPrefix("r/report.md:2:1: error: found an explicit key"))
        }
    }

    @Test func anAliasBombAsAValueIsRefusedByTheExpansionBudget() throws {
        var yaml = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            yaml += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let report = "---\n" + yaml + "title: T\ndate: \"2026-11-29\"\ndata: d.json\n---\nBody\n"
        do {
            _ = try ReportSource(text: report, path: "r/report.md")
            Issue.record("an alias bomb was accepted")
        } catch {
            #expect(error.description.contains("more than 1000000 values once its YAML aliases"))
        }
    }

    @Test func committedReportsHaveNoFalseAlarm() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let reports = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("reports").path)
        #expect(!reports.isEmpty)
        for name in reports {
            let text = try String(contentsOf: root.appendingPathComponent("reports/\(name)/report.md"), encoding: .utf8)
            let frontMatter = text.components(separatedBy: "\n---\n").first ?? ""
            #expect(YAMLAliasGuard.firstComplexKey(in: frontMatter) == nil, "\(name)")
        }
    }
}

/// libyaml breaks lines at NEL, LS and PS; Dossier does not, so such a character in the front
/// matter would shift every YAML position after it (a `make fuzz` finding, after lone CRs).
@Suite struct FrontMatterLineBreakTests {
    @Test(arguments: ["\u{85}", "\u{2028}", "\u{2029}"])
    func unicodeLineBreaksInTheFrontMatterAreErrorsAtTheirPlace(separator: String) {
        let report = "---\ntitle: \"T\(separator)x\"\ndate: \"2026-11-29\"\ndata: d.json\n---\nBody\n"
        do {
            _ = try ReportSource(text: report, path: "r/report.md")
            Issue.record("accepted")
        } catch {
            #expect(error.description.hasPrefix("r/report.md:2:10: error: found U+"))
        }
    }

    @Test func loneCarriageReturnsCountAsLinesLikeYAML() {
        let report = "---\rtitle: \"T\"\rdate: \"2026-11-29\"-data: d.json\r---\r# H\r"
        do {
            _ = try ReportSource(text: report, path: "r/report.md")
            Issue.record("accepted")
        } catch {
            #expect(error.location.map { $0.line <= 6 } == true, "\(error)")
        }
    }
}
