import DossierMarkdown

/// A fenced code block read as a directive (`{figure} id`, `{table} id`) by the PDF and the
/// HTML writers alike: the info string's words and the caption, the block's paragraphs
/// joined by a space.
struct FenceDirective {
    /// The info string split at spaces: `["{figure}", "id"]`.
    let words: [String]
    /// The block's text as a caption.
    let caption: [Inline]

    init(info: String, text: String) {
        words = info.split(separator: " ").map(String.init)
        caption = Array(MarkdownReader.parse(text).compactMap { block -> [Inline]? in
            if case let .paragraph(inlines, _) = block { return inlines }
            return nil
        }.joined(separator: [.text(" ")]))
    }
}
