import DossierCharts
import DossierMarkdown
import DossierReport

/// Writes the briefing as one self-contained HTML5 file from the same content as the PDF
/// (``DocumentContent``: the expanded body blocks, computed tables, findings, sources and chart
/// scenes): a title block, the key findings, a table of contents, numbered sections, figures
/// with their chart as inline SVG, tables, notes with back-links and the sources list.
///
/// The file makes no request: styles are inline, charts are inline SVG, fonts are the
/// reader's system fonts. Its bytes depend only on the content (no clock, no paths).
package final class HTMLDocumentWriter {
    typealias Note = HTMLWriterState.Note
    typealias OutlineEntry = HTMLWriterState.OutlineEntry

    /// Makes a figure's inline `<svg>` element, as UTF-8 bytes (or bytes to read when the
    /// document is joined: ``HTMLElementBytes``): from the figure's id, the prefix of its ids,
    /// its title and its description (``HTMLInlineSVG/elementBytes(_:prefix:title:description:)``
    /// of its standalone SVG); nil when the figure has no chart to show.
    package typealias ChartElement = (_ id: String, _ prefix: String, _ title: String, _ description: String) throws -> HTMLElementBytes?

    let content: DocumentContent
    /// Each figure's inline SVG element (``ChartElement``).
    let chartElement: ChartElement
    /// The document's language (the `lang` attribute).
    let language: String

    var footnoteDefinitions: [String: [Block]] = [:]
    /// Ids, numbers, the outline, cited sources and notes given out so far.
    private(set) var state = HTMLWriterState()
    /// The changes made to ``state`` since the last ``takeChanges()`` (kept only when a
    /// ``blockStore`` is given).
    private var changes: [HTMLWriterState.Change] = []
    /// Where body blocks an earlier build wrote are found (nil: every block is written).
    let blockStore: HTMLBlockStore?

    /// A writer for `content`; `charts` holds each figure's standalone SVG bytes.
    package convenience init(content: DocumentContent, charts: [String: [UInt8]], language: String = "en") {
        self.init(content: content, language: language) { id, prefix, title, description in
            charts[id].map { .bytes(HTMLInlineSVG.elementBytes($0, prefix: prefix, title: title, description: description)) }
        }
    }

    /// A writer for `content` whose figures' inline SVG elements `chartElement` makes (a
    /// build with a cache takes them from it: the element depends only on the chart's SVG, its
    /// id prefix, title and description).
    package init(content: DocumentContent, language: String = "en", blockStore: HTMLBlockStore? = nil,
                 chartElement: @escaping ChartElement) {
        self.content = content
        self.chartElement = chartElement
        self.language = language
        self.blockStore = blockStore
    }

    /// Changes ``state`` (and records the change when a ``blockStore`` is given).
    func change(_ change: HTMLWriterState.Change) {
        state.apply(change)
        if blockStore != nil { changes.append(change) }
    }

    /// The changes recorded since the last call.
    func takeChanges() -> [HTMLWriterState.Change] {
        defer { changes.removeAll(keepingCapacity: true) }
        return changes
    }

    /// The HTML document's bytes (UTF-8). Call once per writer.
    package func write() throws -> [UInt8] {
        for block in content.blocks {
            if case let .footnoteDefinition(label, definition, _) = block { footnoteDefinitions[label] = definition }
        }
        // The body first, so that sources and notes are numbered in reading order as in the PDF.
        let body = try bodyParts(content.blocks)
        let findings = findingsHTML()
        let spec = content.spec
        // The parts are made in this order (the notes and sources after the body, which
        // numbers them) and copied once into bytes of the whole's size: the document is mostly
        // its inline charts (~0.9 MB at 1×), and a string grown by appending copies it into
        // fresh pages at every doubling.
        var parts = HTMLParts()
        parts.append("<!DOCTYPE html>\n<html lang=\"\(HTMLEscaping.escape(language))\">\n")
        parts.append(head())
        parts.append("<body>\n<a class=\"skip\" href=\"#main\">Skip to the text</a>\n")
        parts.append(titleBlock())
        parts.append(tableOfContents())
        parts.append("<main id=\"main\">\n")
        parts.append(findings)
        parts.append(body)
        parts.append(notesSection())
        parts.append(sourcesSection())
        parts.append("</main>\n")
        parts.append("<footer>\n<p>\(HTMLEscaping.escape(spec.title)) · \(HTMLEscaping.escape(displayDate)) · made with \(HTMLEscaping.escape(content.creator))</p>\n</footer>\n")
        parts.append("</body>\n</html>\n")
        return try parts.joined()
    }

    var displayDate: String {
        CalendarDate(iso: content.spec.date)?.longText ?? content.spec.date
    }

    /// `<head>`: charset, viewport, a policy that forbids every request, title, description,
    /// author, date, keywords, Open Graph and the style sheet.
    private func head() -> String {
        let spec = content.spec
        let description = spec.subject ?? spec.subtitle ?? spec.title
        var out = "<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
        out += "<meta name=\"color-scheme\" content=\"light dark\">\n"
        out += "<title>\(HTMLEscaping.escape(spec.title))</title>\n"
        func meta(_ attribute: String, _ name: String, _ value: String) {
            out += "<meta \(attribute)=\"\(name)\" content=\"\(HTMLEscaping.escape(value))\">\n"
        }
        meta("name", "description", description)
        if !spec.authors.isEmpty { meta("name", "author", spec.authors.joined(separator: ", ")) }
        meta("name", "date", spec.date)
        if !spec.keywords.isEmpty { meta("name", "keywords", spec.keywords.joined(separator: ", ")) }
        meta("name", "generator", content.creator)
        meta("property", "og:type", "article")
        meta("property", "og:title", spec.title)
        meta("property", "og:description", description)
        meta("property", "article:published_time", spec.date)
        for author in spec.authors { meta("property", "article:author", author) }
        out += "<style>\n\(HTMLStyles.sheet)</style>\n</head>\n"
        return out
    }

    /// The title, subtitle, authors and date.
    private func titleBlock() -> String {
        let spec = content.spec
        var out = "<header class=\"title-block\">\n<h1>\(HTMLEscaping.escape(spec.title))</h1>\n"
        if let subtitle = spec.subtitle { out += "<p class=\"subtitle\">\(HTMLEscaping.escape(subtitle))</p>\n" }
        var meta: [String] = []
        if !spec.authors.isEmpty { meta.append(HTMLEscaping.escape(Formatter.prose(spec.authors))) }
        meta.append("<time datetime=\"\(HTMLEscaping.escape(spec.date))\">\(HTMLEscaping.escape(displayDate))</time>")
        out += "<p class=\"meta\">\(meta.joined(separator: " · "))</p>\n</header>\n"
        return out
    }

    /// The key findings box (written after the body, so that a citation in a finding reuses
    /// the body's number).
    private func findingsHTML() -> String {
        guard !content.findings.isEmpty else { return "" }
        var out = "<section class=\"findings\" aria-labelledby=\"findings-title\">\n<h2 id=\"findings-title\">Key findings</h2>\n<ul>\n"
        for finding in content.findings {
            let inlineContent = MarkdownReader.parse(finding).first.flatMap { block -> [Inline]? in
                if case let .paragraph(content, _) = block { return content }
                return nil
            } ?? [.text(finding)]
            out += "<li>\(inlines(inlineContent))</li>\n"
        }
        out += "</ul>\n</section>\n"
        return out
    }

    /// The contents: level 1 and 2 headings, then the notes and sources.
    private func tableOfContents() -> String {
        var entries = state.outline.filter { $0.level <= 2 }
        if !state.notes.isEmpty { entries.append(OutlineEntry(level: 1, number: "", title: "Notes", id: "notes")) }
        if !state.citedSources.isEmpty { entries.append(OutlineEntry(level: 1, number: "", title: "Sources", id: "sources")) }
        guard !entries.isEmpty else { return "" }
        var out = "<nav class=\"toc\" aria-labelledby=\"toc-title\">\n<h2 id=\"toc-title\">Contents</h2>\n<ol>\n"
        var itemOpen = false, sublistOpen = false
        for entry in entries {
            let link = "<a href=\"#\(entry.id)\"><span class=\"num\">\(entry.number)</span><span class=\"t\">\(HTMLEscaping.escape(entry.title))</span></a>"
            if entry.level == 1 {
                if sublistOpen { out += "</ol>\n"; sublistOpen = false }
                if itemOpen { out += "</li>\n" }
                out += "<li>" + link
                itemOpen = true
            } else {
                if !itemOpen { out += "<li>"; itemOpen = true }
                if !sublistOpen { out += "\n<ol>\n"; sublistOpen = true }
                out += "<li>" + link + "</li>\n"
            }
        }
        if sublistOpen { out += "</ol>\n" }
        if itemOpen { out += "</li>\n" }
        out += "</ol>\n</nav>\n"
        return out
    }

    /// The footnotes, each with a link back to its first reference.
    private func notesSection() -> String {
        guard !state.notes.isEmpty else { return "" }
        var out = "<section class=\"notes\" id=\"notes\" aria-labelledby=\"notes-title\" role=\"doc-endnotes\">\n<h2 id=\"notes-title\">Notes</h2>\n<ol>\n"
        for note in state.notes.sorted(by: { $0.number < $1.number }) {
            out += "<li id=\"fn-\(note.number)\" value=\"\(note.number)\">\(note.text) "
            out += "<a href=\"#fnref-\(note.number)\" class=\"backref\" role=\"doc-backlink\" aria-label=\"Back to the text of note \(note.number)\">↩\u{FE0E}</a></li>\n"
        }
        out += "</ol>\n</section>\n"
        return out
    }

    /// The numbered list of cited sources, in order of first citation. (An id the sources
    /// dataset lacks has already stopped the build, in the PDF's layout.)
    private func sourcesSection() -> String {
        guard !state.citedSources.isEmpty else { return "" }
        var out = "<section class=\"sources\" id=\"sources\" aria-labelledby=\"sources-title\">\n<h2 id=\"sources-title\">Sources</h2>\n<ol>\n"
        for (index, id) in state.citedSources.enumerated() {
            out += "<li id=\"src-\(index + 1)\" value=\"\(index + 1)\">"
            if let record = content.sources[id] {
                out += HTMLEscaping.escape(record.citation)
                if !record.url.isEmpty {
                    if HTMLEscaping.isSafeLink(record.url) {
                        out += " <a href=\"\(HTMLEscaping.escape(record.url))\">\(HTMLEscaping.escape(record.url))</a>"
                    } else {
                        out += " " + HTMLEscaping.escape(record.url)
                    }
                }
            } else {
                out += "Unknown source \(HTMLEscaping.escape(id))"
            }
            out += "</li>\n"
        }
        out += "</ol>\n</section>\n"
        return out
    }

    /// `base`, or `base-2`, `base-3`… when taken: ids stay unique in the document.
    func uniqueID(_ base: String) -> String {
        var candidate = base
        var counter = 1
        while state.usedIDs.contains(candidate) {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        change(.id(candidate))
        return candidate
    }
}
