import DossierCharts
@testable import DossierLayout
import DossierMarkdown
import DossierReport
import Testing

/// The HTML briefing writer: escaping, document structure, unique chart ids, determinism.
@Suite struct HTMLDocumentWriterTests {
    /// A standalone chart SVG of the shape ``SVGCanvas`` writes: a glyph in `<defs>`, a clip
    /// and references to both.
    static let chartSVG = Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="300pt" height="150pt" viewBox="0 0 300 150" version="1.1">
        <title>Chart</title>
        <desc>Old description</desc>
        <defs>
        <path id="g0-1" d="M 0 0 L 1 1 Z"/>
        </defs>
        <clipPath id="c1"><path d="M 0 0 L 300 0 L 300 150 Z"/></clipPath>
        <g clip-path="url(#c1)">
        <use xlink:href="#g0-1" x="10" y="20"/>
        </g>
        </svg>

        """.utf8)

    static let report = """
        ---
        title: "Rates & <ratios>"
        subtitle: Sub "quoted"
        authors: [Ada, Bo]
        date: "2024-02-29"
        data: datapackage.json
        findings: ["Rates rose by **12%**."]
        ---

        """

    static func content(body: String, figures: [String] = ["a", "b"],
                        tables: [String: TableBlockSource] = [:]) throws -> DocumentContent {
        let source = try ReportSource(text: report + body, path: "report.md")
        var scenes: [String: Scene] = [:]
        for id in figures {
            scenes[id] = Scene(width: 300, height: 150, title: "Chart \(id)", summary: "Alt text of \(id) <x>")
        }
        return DocumentContent(source: source, spec: source.spec, style: PageStyle(paper: .a4), date: "2024-02-29T00:00:00Z",
                               creator: "Dossier test", blocks: MarkdownReader.parse(body), tables: tables,
                               findings: source.spec.findings, sources: ["s1": SourceRecord(id: "s1", citation: "A <b> & C.", url: "https://example.org/?a=1&b=2")],
                               scenes: scenes)
    }

    static func html(_ body: String, figures: [String] = ["a", "b"], tables: [String: TableBlockSource] = [:]) throws -> String {
        let content = try content(body: body, figures: figures, tables: tables)
        let charts = Dictionary(uniqueKeysWithValues: figures.map { ($0, chartSVG) })
        return String(decoding: try HTMLDocumentWriter(content: content, charts: charts).write(), as: UTF8.self)
    }

    static let body = """
        # Intro

        Text with a < b & "quotes" and a [citation](source:s1) and a note.[^n]

        ## Detail

        ```{figure} a
        First *chart*.
        ```

        ```{figure} b
        Second chart.
        ```

        | Name | Value |
        |:-----|------:|
        | x    | 1.5   |

        [^n]: The note, citing [it](source:s1) again.

        """

    @Test func escapesTextAndAttributes() {
        #expect(HTMLEscaping.escape("a<b>&\"c\"'d'") == "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;")
        #expect(HTMLEscaping.escape("x\u{0}y\u{7}z\u{FFFF}") == "xyz")
        #expect(HTMLEscaping.escape("é ρ —") == "é ρ —")
    }

    @Test func onlySafeLinkTargetsBecomeLinks() {
        #expect(HTMLEscaping.isSafeLink("https://example.org"))
        #expect(HTMLEscaping.isSafeLink("#fig-a"))
        #expect(HTMLEscaping.isSafeLink("notes/page.html"))
        #expect(!HTMLEscaping.isSafeLink("javascript:alert(1)"))
        #expect(!HTMLEscaping.isSafeLink("JavaScript:alert(1)"))
        #expect(!HTMLEscaping.isSafeLink("data:text/html,x"))
    }

    @Test func slugsAreFragmentSafe() {
        #expect(HTMLEscaping.slug("Growth over time!") == "growth-over-time")
        #expect(HTMLEscaping.slug("ρ") == "x")
    }

    @Test func documentHasLanguageMetadataAndEscapedTitle() throws {
        let html = try Self.html(Self.body)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<title>Rates &amp; &lt;ratios&gt;</title>"))
        #expect(html.contains("<meta property=\"og:title\" content=\"Rates &amp; &lt;ratios&gt;\">"))
        #expect(html.contains("<meta name=\"author\" content=\"Ada, Bo\">"))
        #expect(html.contains("<time datetime=\"2024-02-29\">29 February 2024</time>"))
        #expect(html.contains("Text with a &lt; b &amp; “quotes”"))
        #expect(html.contains("<strong>12%</strong>"))
        // No request: no external script, style sheet, image or font.
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src="))
    }

    @Test func headingsAreNumberedSectionsListedInTheContents() throws {
        let html = try Self.html(Self.body)
        #expect(html.contains("<section aria-labelledby=\"sec-1\">\n<h2 id=\"sec-1\"><span class=\"num\">1</span> Intro</h2>"))
        #expect(html.contains("<h3 id=\"sec-1-1\"><span class=\"num\">1.1</span> Detail</h3>"))
        #expect(html.contains("<a href=\"#sec-1-1\"><span class=\"num\">1.1</span><span class=\"t\">Detail</span></a>"))
        #expect(html.contains("<a href=\"#notes\">"))
        #expect(html.contains("<a href=\"#sources\">"))
    }

    @Test func figuresHaveInlineSVGWithUniqueIDsAndCaptions() throws {
        let html = try Self.html(Self.body)
        #expect(html.contains("<figure id=\"fig-a\">"))
        #expect(html.contains("<figcaption><span class=\"label\">Figure 1.</span> First <em>chart</em>.</figcaption>"))
        #expect(html.contains("<figcaption><span class=\"label\">Figure 2.</span> Second chart.</figcaption>"))
        #expect(html.contains("role=\"img\" aria-labelledby=\"fig-a-title fig-a-desc\""))
        #expect(html.contains("<title id=\"fig-a-title\">Figure 1: Chart a</title>"))
        #expect(html.contains("<desc id=\"fig-b-desc\">Alt text of b &lt;x&gt;</desc>"))
        #expect(!html.contains("Old description"))
        #expect(!html.contains("<?xml"))
        #expect(!html.contains("xlink:"))
        for prefix in ["fig-a", "fig-b"] {
            #expect(html.contains("<path id=\"\(prefix)-g0-1\""))
            #expect(html.contains("<use href=\"#\(prefix)-g0-1\""))
            #expect(html.contains("clip-path=\"url(#\(prefix)-c1)\""))
        }
        #expect(html.contains("viewBox=\"0 0 300 150\" width=\"400\" height=\"200\""))
    }

    /// A figure's chart element is written as bytes (``HTMLParts``) where the figure stands,
    /// also inside a quote and a list item, between the text around it.
    @Test func chartElementsStandWhereTheirFiguresAre() throws {
        let body = """
            > Before a.
            >
            > ```{figure} a
            > In a quote.
            > ```

            - Item before b.

              ```{figure} b
              In a list.
              ```

              After b.

            """
        let html = try Self.html(body)
        let order = ["<blockquote>\n<p>Before a.</p>\n<figure id=\"fig-a\">", "<title id=\"fig-a-title\">", "</svg>",
                     "<figcaption><span class=\"label\">Figure 1.</span> In a quote.</figcaption>\n</figure>\n</blockquote>",
                     "<li><p>Item before b.</p>\n<figure id=\"fig-b\">", "<title id=\"fig-b-title\">", "</svg>",
                     "<figcaption><span class=\"label\">Figure 2.</span> In a list.</figcaption>\n</figure>\n<p>After b.</p>\n</li>"]
        var position = html.startIndex
        for part in order {
            let found = try #require(html.range(of: part, range: position..<html.endIndex), "\(part) after the parts before it")
            position = found.upperBound
        }
    }

    @Test func everyIDIsUniqueAndEveryFragmentLinkHasATarget() throws {
        let html = try Self.html(Self.body + "\n# Intro\n\nAgain.\n")
        let ids = Self.values(of: "id", in: html)
        #expect(Set(ids).count == ids.count, "duplicate ids: \(ids.filter { id in ids.filter { $0 == id }.count > 1 })")
        for target in Self.values(of: "href", in: html) where target.hasPrefix("#") {
            #expect(ids.contains(String(target.dropFirst())), "no element for \(target)")
        }
    }

    @Test func tablesHaveHeadersWithScopeAndAlignedNumbers() throws {
        let table = TableBlockSource(header: ["Country", "Ties"], rows: [["A & B", "1,200"], ["C", "—"]],
                                     alignments: [.left, .right], citeColumns: [])
        let html = try Self.html(Self.body + "\n```{table} t\nCounts.\n```\n", tables: ["t": table])
        #expect(html.contains("<caption id=\"tbl-t-caption\"><span class=\"label\">Table 1.</span> Counts.</caption>"))
        #expect(html.contains("<thead>\n<tr><th scope=\"col\">Country</th><th scope=\"col\" class=\"r\">Ties</th></tr>\n</thead>"))
        #expect(html.contains("<tr><td>A &amp; B</td><td class=\"r\">1,200</td></tr>"))
        #expect(html.contains("<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"tbl-t-caption\" tabindex=\"0\">"))
        // The Markdown table: its alignment row gives the right-aligned column.
        #expect(html.contains("<tr><th scope=\"col\">Name</th><th scope=\"col\" class=\"r\">Value</th></tr>"))
    }

    @Test func citationsAndNotesLinkBothWays() throws {
        let html = try Self.html(Self.body)
        #expect(html.contains("a citation <a class=\"cite\" href=\"#src-1\">[1]</a>"))
        #expect(html.contains("<a href=\"#fn-1\" id=\"fnref-1\" role=\"doc-noteref\""))
        #expect(html.contains("<li id=\"fn-1\" value=\"1\">The note, citing it <a class=\"cite\" href=\"#src-1\">[1]</a> again. <a href=\"#fnref-1\""))
        #expect(html.contains("<li id=\"src-1\" value=\"1\">A &lt;b&gt; &amp; C. <a href=\"https://example.org/?a=1&amp;b=2\">"))
    }

    @Test func unsafeLinksAndRawHTMLAreNotPassedThrough() throws {
        let html = try Self.html(Self.body + "\nA [bad](javascript:alert(1)) link and <script>x</script> inline.\n")
        #expect(html.contains("A bad link and x inline."))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("<script"))
    }

    @Test func sameContentGivesTheSameBytes() throws {
        let first = try Self.html(Self.body)
        for _ in 0..<3 {
            #expect(try Self.html(Self.body) == first)
        }
    }

    /// The values of attribute `name` in `html`, in order.
    static func values(of name: String, in html: String) -> [String] {
        var result: [String] = []
        var rest = html[...]
        let marker = " \(name)=\""
        while let start = rest.range(of: marker) {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            result.append(String(after[..<end]))
            rest = after[end...]
        }
        return result
    }
}
