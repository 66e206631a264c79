/// A CommonMark (GitHub flavour) document as an immutable Swift value, built once from
/// cmark-gfm's tree by ``MarkdownReader``. Source lines refer to the report file.
public enum Block: Equatable, Sendable {
    case heading(level: Int, content: [Inline], line: Int)
    case paragraph([Inline], line: Int)
    case blockQuote([Block])
    case list(ordered: Bool, start: Int, items: [[Block]])
    /// A fenced or indented code block; `info` is the fence's info string.
    case code(info: String, text: String, line: Int)
    case thematicBreak
    /// A GFM table: header cells, then body rows; `alignments` per column ("l", "c", "r" or "").
    case table(header: [[Inline]], rows: [[[Inline]]], alignments: [String])
    /// A footnote definition, with its label as written.
    case footnoteDefinition(label: String, content: [Block])
    /// Raw HTML, which a PDF cannot show; kept so the builder can reject it with a position.
    case html(String, line: Int)
}

/// Inline content of a paragraph, heading or cell.
public indirect enum Inline: Equatable, Sendable {
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

    /// The plain text of inline content (for outlines, alt text and tests).
    public static func plainText(_ inlines: [Inline]) -> String {
        inlines.map { inline -> String in
            switch inline {
            case let .text(text), let .code(text): return text
            case .softBreak, .lineBreak: return " "
            case let .emphasis(content), let .strong(content), let .strikethrough(content),
                 let .link(_, content):
                return plainText(content)
            case .footnoteReference, .html: return ""
            }
        }.joined()
    }
}
