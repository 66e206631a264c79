import DossierBase
import DossierMarkdown
import DossierReport

/// Inline Markdown turned into Pango markup, with the byte ranges of links in the resulting
/// plain text (so link areas can be placed over the laid-out words).
package struct InlineMarkup: Sendable, Equatable {
    /// A link over a UTF-8 byte range of the layout's plain text.
    package struct Link: Sendable, Equatable {
        package var url: String
        package var range: Range<Int>
    }

    package var markup: String
    package var links: [Link]
    /// Footnote labels referenced, in order.
    package var footnotes: [String]

    /// Builds markup from inlines. `footnoteNumbers` maps a footnote label to its number.
    package init(_ inlines: [Inline], footnoteNumbers: [String: Int] = [:], linkColor: String = "#1f5fa6") {
        var builder = Builder(footnoteNumbers: footnoteNumbers, linkColor: linkColor)
        builder.append(inlines)
        markup = builder.markup
        links = builder.links
        footnotes = builder.footnotes
    }

    /// Markup for plain text (escaped).
    package init(plain text: String) {
        markup = escapePango(text)
        links = []
        footnotes = []
    }

    private struct Builder {
        let footnoteNumbers: [String: Int]
        let linkColor: String
        var markup = ""
        var plainLength = 0
        var links: [Link] = []
        var footnotes: [String] = []

        mutating func text(_ string: String) {
            markup += escapePango(string)
            plainLength += string.utf8.count
        }

        mutating func wrap(_ open: String, _ close: String, _ content: [Inline]) {
            markup += open
            append(content)
            markup += close
        }

        mutating func append(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case let .text(string): text(string)
                case .softBreak: text(" ")
                case .lineBreak: text("\u{2028}")
                case let .code(string):
                    markup += "<tt>"
                    text(string)
                    markup += "</tt>"
                case let .emphasis(content): wrap("<i>", "</i>", content)
                case let .strong(content): wrap("<b>", "</b>", content)
                case let .strikethrough(content): wrap("<s>", "</s>", content)
                case let .link(url, content):
                    let start = plainLength
                    wrap("<span foreground=\"\(linkColor)\">", "</span>", content)
                    links.append(Link(url: url, range: start..<plainLength))
                case let .footnoteReference(label):
                    footnotes.append(label)
                    let number = footnoteNumbers[label].map(String.init) ?? "?"
                    markup += "<sup><small>"
                    text(number)
                    markup += "</small></sup>"
                case let .crossReference(id, label):
                    let start = plainLength
                    markup += "<span foreground=\"\(linkColor)\">"
                    text(label)
                    markup += "</span>"
                    links.append(Link(url: CrossReferences.linkPrefix + id, range: start..<plainLength))
                case .html:
                    break
                case let .claimSpan(_, content):
                    // The reader sees the words; the binding is for the build and the HTML writer.
                    append(content)
                }
            }
        }
    }
}

/// Escapes text for Pango markup.
package func escapePango(_ text: String) -> String {
    XMLEscaping.escape(text, apostrophe: true)
}
