@testable import DossierBuild
import CairoKit
@testable import DossierLayout
import DossierMarkdown
import DossierReport
import Foundation
import Testing

/// The bytes of a document's content in its cache key (``DocumentContentBytes``): the same for
/// the same content, different when anything the document shows differs, and written for
/// every stored property of the types it writes by hand.
@Suite struct DocumentKeyTests {
    private static let report = """
        ---
        title: "Key"
        date: "2024-02-29"
        findings: ["Rates rose."]
        ---

        """

    private static let body = """
        # Intro

        Some *emphasis*, `code`, a [link](https://example.org) and a footnote[^1].

        > Quoted.

        1. one
        2. two

        | a | b |
        |:--|--:|
        | 1 | 2 |

        [^1]: The note.

        """

    private static func content(body: String = body, findings: [String]? = nil, table: TableBlockSource? = nil,
                                source: SourceRecord = SourceRecord(id: "s1", citation: "A.", url: "https://example.org/a"),
                                date: String = "2024-02-29T00:00:00Z", creator: String = "Dossier test",
                                numbered: Bool = false) throws -> DocumentContent {
        let reportSource = try ReportSource(text: report + body, path: "report.md")
        let table = table ?? TableBlockSource(header: ["x", "y"], rows: [["1", "2"]], alignments: [.left, .right])
        var content = DocumentContent(source: reportSource, spec: reportSource.spec, style: PageStyle(paper: .a4), date: date,
                                      creator: creator, blocks: MarkdownReader.parse(body, firstLine: 6), tables: ["t": table],
                                      findings: findings ?? reportSource.spec.findings, sources: ["s1": source], scenes: [:])
        if numbered { content.crossReferences = CrossReferences(numbering: MarkdownReader.parse("```{table} t\n```\n", firstLine: 1)) }
        return content
    }

    private static func bytes(_ content: DocumentContent) throws -> [UInt8] {
        DocumentContentBytes.of(content)
    }

    @Test func theSameContentHasTheSameBytes() throws {
        #expect(try Self.bytes(Self.content()) == Self.bytes(Self.content()))
    }

    @Test func anythingTheDocumentShowsChangesTheBytes() throws {
        let reference = try Self.bytes(Self.content())
        let changed: [(String, DocumentContent)] = [
            ("a word of the body", try Self.content(body: Self.body.replacingOccurrences(of: "Quoted.", with: "Quoted!"))),
            ("a link's address", try Self.content(body: Self.body.replacingOccurrences(of: "example.org)", with: "example.net)"))),
            ("emphasis made strong", try Self.content(body: Self.body.replacingOccurrences(of: "*emphasis*", with: "**emphasis**"))),
            ("a block's lines", try Self.content(body: "\n" + Self.body)),
            ("a table cell of the body", try Self.content(body: Self.body.replacingOccurrences(of: "| 1 | 2 |", with: "| 1 | 3 |"))),
            ("a column's alignment", try Self.content(body: Self.body.replacingOccurrences(of: "|:--|--:|", with: "|:--|:-:|"))),
            ("a finding", try Self.content(findings: ["Rates fell."])),
            ("a computed cell", try Self.content(table: TableBlockSource(header: ["x", "y"], rows: [["1", "3"]], alignments: [.left, .right]))),
            ("a computed column's alignment", try Self.content(table: TableBlockSource(header: ["x", "y"], rows: [["1", "2"]], alignments: [.left, .center]))),
            ("a cited column", try Self.content(table: TableBlockSource(header: ["x", "y"], rows: [["1", "2"]], alignments: [.left, .right], citeColumns: [1]))),
            ("a source's address", try Self.content(source: SourceRecord(id: "s1", citation: "A.", url: "https://example.org/b"))),
            ("a source's citation", try Self.content(source: SourceRecord(id: "s1", citation: "B.", url: "https://example.org/a"))),
            ("the date", try Self.content(date: "2024-03-01T00:00:00Z")),
            ("the creator", try Self.content(creator: "Dossier test 2")),
            ("a table's number", try Self.content(numbered: true)),
        ]
        for (what, content) in changed {
            #expect(try Self.bytes(content) != reference, "\(what)")
        }
    }

    /// The structs written field by field have exactly the fields written: a new stored
    /// property fails here until ``DocumentContentBytes`` writes it.
    @Test func everyFieldOfTheTypesWrittenByHandIsWritten() throws {
        func labels(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label) }
        let position = SourcePosition(line: 1, column: 2)
        #expect(labels(position) == ["line", "column"])
        #expect(labels(SourceRange(start: position, end: position)) == ["start", "end"])
        #expect(labels(SourceRecord(id: "a", citation: "b", url: "c")) == ["id", "citation", "url"])
        #expect(labels(TableBlockSource(header: [], rows: [], alignments: [])) == ["header", "rows", "alignments", "citeColumns"])
        let content = try Self.content()
        #expect(Set(labels(content)) == DocumentContentBytes.writtenFields.union(DocumentContentBytes.keyedElsewhere))
        #expect(DocumentContentBytes.writtenFields.isDisjoint(with: DocumentContentBytes.keyedElsewhere))
    }

    /// The front matter's printed text fields: each one changes the bytes, and an absent
    /// optional differs from an empty one.
    @Test func everyPrintedTextFieldChangesTheBytes() throws {
        let base = try ReportSource(text: "---\ntitle: T\ndate: \"2024-02-29\"\n---\n", path: "report.md").spec
        var variants: [(String, ReportSpec)] = []
        var spec = base
        spec.title = "U"; variants.append(("title", spec))
        spec = base; spec.subtitle = ""; variants.append(("empty subtitle", spec))
        spec = base; spec.subtitle = "S"; variants.append(("subtitle", spec))
        spec = base; spec.runningHeader = "S"; variants.append(("running header", spec))
        spec = base; spec.subject = "S"; variants.append(("subject", spec))
        spec = base; spec.authors = ["S"]; variants.append(("authors", spec))
        spec = base; spec.keywords = ["S"]; variants.append(("keywords", spec))
        spec = base; spec.keywords = ["S", ""]; variants.append(("an empty keyword", spec))
        let reference = DocumentContentBytes.printedTextFields(of: base)
        #expect(DocumentContentBytes.printedTextFields(of: base) == reference)
        var seen: Set<[UInt8]> = [reference]
        for (what, variant) in variants {
            #expect(seen.insert(DocumentContentBytes.printedTextFields(of: variant)).inserted, "\(what)")
        }
    }
}
