@testable import DossierReport
import Testing

@Suite struct ReportSourceTests {
    @Test func frontMatterAndBodyAreSplit() throws {
        let source = try ReportSource(text: "---\ntitle: T\ndate: \"2020-12-01\"\ndata: d.json\n---\n# Hello\n", path: "r.md")
        #expect(source.spec.title == "T")
        #expect(source.spec.paper == .a4)
        #expect(source.bodyFirstLine == 6)
        #expect(source.body == "# Hello\n")
    }

    @Test func missingKeyIsReportedWithItsPath() {
        do {
            _ = try ReportSource(text: "---\ntitle: T\ndata: d.json\n---\n", path: "r.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("r.md:"))
            #expect(error.message.contains("missing key \"date\""))
        }
    }

    @Test func wrongTypeInANestedKeyPointsAtTheNode() {
        let text = "---\ntitle: T\ndate: \"2020-12-01\"\ndata: d.json\nanalyses:\n  - id: a\n    kind: count\n    table: [1, 2]\n---\n"
        do {
            _ = try ReportSource(text: text, path: "r.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.location?.line == 8)
            #expect(error.message.contains("analyses[0].table"))
        }
    }

    @Test func badDateAndUnclosedFrontMatter() {
        #expect(throws: ReportError.self) { try ReportSource(text: "---\ntitle: T\ndate: 2020-13-01\ndata: d\n---\n", path: "r.md") }
        #expect(throws: ReportError.self) { try ReportSource(text: "---\ntitle: T\n", path: "r.md") }
        #expect(throws: ReportError.self) { try ReportSource(text: "# no front matter\n", path: "r.md") }
    }

    @Test func unknownKeysAreErrorsWithASuggestion() {
        do {
            _ = try ReportSource(text: "---\ntitle: T\nsubtitel: S\ndate: \"2020-12-01\"\ndata: d.json\n---\n", path: "r.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("unknown key \"subtitel\""))
            #expect(error.message.contains("did you mean \"subtitle\"?"))
            #expect(error.location?.line == 3)
        }
        let analysis = "---\ntitle: T\ndate: \"2020-12-01\"\ndata: d.json\nanalyses:\n  - {id: a, kind: count, table: t, bye: [x]}\n---\n"
        #expect(throws: ReportError.self) { try ReportSource(text: analysis, path: "r.md") }
    }

    @Test func dataPathIsPeekedWithoutAParser() {
        #expect(ReportSource.peekDataPath(in: "---\ntitle: x\ndata: ../data/datapackage.json\n---\nbody\n") == "../data/datapackage.json")
        #expect(ReportSource.peekDataPath(in: "---\ndata: \"my data/package.json\"\n---\n") == "my data/package.json")
        // Nested keys, comments, keys after the front matter and no front matter: no guess.
        #expect(ReportSource.peekDataPath(in: "---\nfigures:\n  data: a.json\n---\n") == nil)
        #expect(ReportSource.peekDataPath(in: "---\ndata: a.json # the package\n---\n") == nil)
        #expect(ReportSource.peekDataPath(in: "---\ntitle: x\n---\ndata: a.json\n") == nil)
        #expect(ReportSource.peekDataPath(in: "data: a.json\n") == nil)
    }
}
