/// A position in the report file: 1-based line and column (columns count bytes, as cmark does).
package struct SourcePosition: Equatable, Sendable {
    package var line: Int
    package var column: Int
}

/// Where a block starts and ends in the report file (both inclusive).
package struct SourceRange: Equatable, Sendable {
    package var start: SourcePosition
    package var end: SourcePosition
}

/// A CommonMark (GitHub flavour) document as an immutable Swift value, built once from
/// cmark-gfm's tree by ``MarkdownReader``. Every block carries its range in the report file.
package enum Block: Equatable, Sendable {
    case heading(level: Int, content: [Inline], range: SourceRange)
    case paragraph([Inline], range: SourceRange)
    case blockQuote([Block], range: SourceRange)
    case list(ordered: Bool, start: Int, items: [[Block]], range: SourceRange)
    /// A fenced or indented code block; `info` is the fence's info string.
    case code(info: String, text: String, range: SourceRange)
    case thematicBreak(range: SourceRange)
    /// A GFM table: header cells, then body rows; `alignments` per column ("l", "c", "r" or "").
    case table(header: [[Inline]], rows: [[[Inline]]], alignments: [String], range: SourceRange)
    /// A footnote definition, with its label as written.
    case footnoteDefinition(label: String, content: [Block], range: SourceRange)
    /// Raw HTML, which a PDF cannot show; kept so the builder can reject it with a position.
    case html(String, range: SourceRange)

    /// Where the block starts and ends in the report file.
    package var range: SourceRange {
        switch self {
        case let .heading(_, _, range), let .paragraph(_, range), let .blockQuote(_, range),
             let .list(_, _, _, range), let .code(_, _, range), let .thematicBreak(range),
             let .table(_, _, _, range), let .footnoteDefinition(_, _, range), let .html(_, range):
            return range
        }
    }
}

/// Inline content of a paragraph, heading or cell. Inlines carry no range: cmark-gfm 0.29 does
/// not keep reliable source positions for inline nodes; a message about inline text points at
/// its block.
package indirect enum Inline: Equatable, Sendable {
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case emphasis([Inline])
    case strong([Inline])
    case strikethrough([Inline])
    case link(url: String, content: [Inline])
    case footnoteReference(label: String)
    case html(String)
    /// A resolved cross-reference to a figure or table: its id and the label shown
    /// ("Figure 4", "Table 2"). Made from a `{{ ref:id }}` by `CrossReferences` (DossierReport);
    /// the PDF draws the label as a link to the figure or table, an HTML writer can link
    /// `#id`.
    case crossReference(id: String, label: String)
    /// Words bound to a claim of the front matter, written `[words]{claim=id}` (see
    /// ``ClaimSpans``): a reader sees the words; the build checks that the claim is declared.
    case claimSpan(id: String, content: [Inline])

    /// The plain text of inline content (for outlines, alt text and tests).
    package static func plainText(_ inlines: [Inline]) -> String {
        inlines.map { inline -> String in
            switch inline {
            case let .text(text), let .code(text), let .crossReference(_, text): return text
            case .softBreak, .lineBreak: return " "
            case let .emphasis(content), let .strong(content), let .strikethrough(content),
                 let .link(_, content), let .claimSpan(_, content):
                return plainText(content)
            case .footnoteReference, .html: return ""
            }
        }.joined()
    }
}
