import DossierMarkdown

/// Inline Markdown as HTML: one case per inline kind. Citations (`[text](source:ID)`) become
/// the text followed by a numbered link to the sources list, footnote references numbered
/// links to the notes (each with an id for the note's back-link). Numbers follow the order of
/// first use, as in the PDF.
extension HTMLDocumentWriter {
    /// `content` as HTML phrasing content.
    func inlines(_ content: [Inline]) -> String {
        var out = ""
        for inline in content {
            out += self.inline(inline)
        }
        return out
    }

    private func inline(_ inline: Inline) -> String {
        switch inline {
        case let .text(text): return HTMLEscaping.escape(text)
        case .softBreak: return "\n"
        case .lineBreak: return "<br>\n"
        case let .code(text): return "<code>\(HTMLEscaping.escape(text))</code>"
        case let .emphasis(content): return "<em>\(inlines(content))</em>"
        case let .strong(content): return "<strong>\(inlines(content))</strong>"
        case let .strikethrough(content): return "<del>\(inlines(content))</del>"
        case let .link(url, content) where url.hasPrefix("source:"):
            return citation(String(url.dropFirst("source:".count)), content: content)
        case let .link(url, content):
            return link(url, content: content)
        case let .footnoteReference(label):
            return footnoteReference(label)
        case let .claimSpan(id, content):
            // Words bound to a claim the build checked (the claims appendix lists it).
            return "<span class=\"claim\" data-claim=\"\(HTMLEscaping.escape(id))\">\(inlines(content))</span>"
        case let .crossReference(id, label):
            // Figures are anchored `fig-<id>`, tables `tbl-<id>` (HTMLBlockWriter).
            let anchor = (label.hasPrefix("Table") ? "tbl-" : "fig-") + id
            return "<a class=\"xref\" href=\"#\(HTMLEscaping.escape(anchor))\">\(HTMLEscaping.escape(label))</a>"
        case .html:
            // Raw HTML is not passed through (the PDF drops it too).
            return ""
        }
    }

    /// An ordinary link; a target that is not a fragment, a relative path or an http(s) or
    /// mailto URL is shown as its text only.
    private func link(_ url: String, content: [Inline]) -> String {
        let text = inlines(content)
        guard HTMLEscaping.isSafeLink(url) else { return text }
        return "<a href=\"\(HTMLEscaping.escape(url))\">\(text)</a>"
    }

    /// The cited text, then the source's number linking to its entry in the sources list.
    func citation(_ id: String, content: [Inline]) -> String {
        let number: Int
        if let known = state.citedSourceNumbers[id] {
            number = known
        } else {
            change(.citedSource(id))
            number = state.citedSources.count
        }
        let text = inlines(content)
        let label = "<a class=\"cite\" href=\"#src-\(number)\">[\(number)]</a>"
        return text.isEmpty ? label : text + " " + label
    }

    /// A numbered reference to a footnote, with an id the note links back to. A label with no
    /// definition is shown as its number, unlinked (as the PDF does).
    private func footnoteReference(_ label: String) -> String {
        let number: Int
        if let known = state.footnoteNumbers[label] {
            number = known
        } else {
            number = state.footnoteNumbers.count + 1
            change(.footnoteNumber(label: label, number: number))
        }
        guard let definition = footnoteDefinitions[label] else {
            return "<sup>\(number)</sup>"
        }
        let count = (state.footnoteReferenceCounts[label] ?? 0) + 1
        change(.footnoteReferenceCount(label: label, count: count))
        let referenceID = "fnref-\(number)" + (count > 1 ? "-\(count)" : "")
        if count == 1 {
            // The note's text is composed at its first reference, so that its citations are
            // numbered where the PDF numbers them.
            let paragraphs = definition.compactMap { block -> [Inline]? in
                if case let .paragraph(inlines, _) = block { return inlines }
                return nil
            }
            let text = paragraphs.map { inlines($0) }.joined(separator: " ")
            change(.note(Note(number: number, text: text)))
        }
        return "<sup class=\"fnref\"><a href=\"#fn-\(number)\" id=\"\(referenceID)\" role=\"doc-noteref\" aria-label=\"Note \(number)\">\(number)</a></sup>"
    }
}
