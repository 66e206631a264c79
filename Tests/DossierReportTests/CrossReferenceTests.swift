import DossierMarkdown
@testable import DossierReport
import Testing

/// `{{ ref:id }}`: checked and written as a placeholder by the expansion, numbered in document
/// order, resolved to "Figure N" / "Table N".
@Suite struct CrossReferenceTests {
    let evaluator = ExpressionEvaluator(root: ["n": .number(3)])
    let location = SourceLocation(file: "report.md", line: 10, column: 1)

    @Test func theExpansionWritesAnUnescapedPlaceholder() throws {
        let text = try evaluator.expand("See {{ ref:deal-share }} and {{n}}.", at: location, escape: escapeMarkdown,
                                        references: ["deal-share", "money"])
        #expect(text == "See [](ref:deal-share) and 3.")
    }

    @Test func anUnknownIDIsAnErrorAtItsPlaceWithDidYouMean() {
        #expect {
            try evaluator.expand("One.\nAs {{ ref:deal-shares }} shows", at: location, references: ["deal-share", "money"])
        } throws: { error in
            let error = error as? ReportError
            return error?.location == SourceLocation(file: "report.md", line: 11, column: 4)
                && error?.message.contains("no figure or table \"deal-shares\"") == true
                && error?.message.contains("did you mean \"deal-share\"?") == true
        }
    }

    @Test func aReferenceOutsideMarkdownTextIsAnError() {
        #expect {
            try evaluator.expand("Title {{ ref:money }}", at: location)
        } throws: { error in
            (error as? ReportError)?.message.contains("allowed in the body, the findings and captions only") == true
        }
    }

    @Test func figuresAndTablesAreNumberedSeparatelyInDocumentOrder() {
        let body = """
        ```{table} money
        ```

        - An item:

          ```{figure} map
          ```

        > ```{figure} deal-share
        > ```

        ```{table} cases
        ```

        ```{figure} map
        ```

        ```python
        {figure} not-a-directive
        ```
        """
        let references = CrossReferences(numbering: MarkdownReader.parse(body))
        #expect(references.label(of: "map") == "Figure 1")
        #expect(references.label(of: "deal-share") == "Figure 2")
        #expect(references.label(of: "money") == "Table 1")
        #expect(references.label(of: "cases") == "Table 2")
        #expect(references.label(of: "not-a-directive") == nil)
    }

    @Test func placeholdersResolveInsideEmphasisAndLinks() throws {
        let references = CrossReferences(numbering: MarkdownReader.parse("```{figure} map\n```\n"))
        let parsed = MarkdownReader.parse("As *\(CrossReferences.placeholder("map"))* shows.")
        let resolved = try references.resolve(blocks: parsed)
        guard case let .paragraph(inlines, _)? = resolved.first else {
            Issue.record("not a paragraph: \(resolved)")
            return
        }
        let expected: [Inline] = [.text("As "), .emphasis([.crossReference(id: "map", label: "Figure 1")]), .text(" shows.")]
        #expect(inlines == expected)
        #expect(Inline.plainText(inlines) == "As Figure 1 shows.")
    }

    @Test func aDeclaredButUnplacedIDThrows() {
        #expect(throws: CrossReferences.UnplacedReference.self) {
            try CrossReferences().resolve([.link(url: "ref:money", content: [])])
        }
    }
}
