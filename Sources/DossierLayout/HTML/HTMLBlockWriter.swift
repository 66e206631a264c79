import CairoKit
import DossierBase
import DossierMarkdown
import DossierReport

/// Body blocks as HTML: sections opened by level 1 and 2 headings (numbered as in the PDF),
/// paragraphs, lists, quotes, code, tables, and the `{figure}` and `{table}` directives.
extension HTMLDocumentWriter {
    /// The body, with `<section>`s around each numbered heading and what follows it, in parts
    /// (``write()`` copies them once into its bytes; a figure's chart element is a part of
    /// bytes, never made a `String`).
    func bodyParts(_ blocks: [Block]) throws -> HTMLParts {
        var parts = HTMLParts()
        parts.reserveCapacity(blocks.count + 8)
        var openSections: [Int] = []
        for block in blocks {
            if case let .heading(level, _, _) = block, level <= 2 {
                while let last = openSections.last, last >= level {
                    parts.append("</section>\n")
                    openSections.removeLast()
                }
                let headingHTML = heading(block)
                parts.append("<section aria-labelledby=\"\(headingHTML.id)\">\n" + headingHTML.html)
                openSections.append(level)
                blockStore?.advance(by: takeChanges())
                continue
            }
            guard let blockStore, !block.holdsFigure else {
                try self.block(block, into: &parts)
                blockStore?.advance(by: takeChanges())
                continue
            }
            let part: HTMLBlockPart
            if let stored = blockStore.part(for: block) {
                // The state after the block is the one its changes lead to, as if written.
                for change in stored.changes { self.change(change) }
                _ = takeChanges()
                part = stored
            } else {
                var written = HTMLParts()
                try self.block(block, into: &written)
                part = HTMLBlockPart(html: try written.joined(), changes: takeChanges())
                blockStore.keep(part, for: block)
            }
            parts.append(bytes: part.html)
            blockStore.advance(by: part.changes)
        }
        parts.append(String(repeating: "</section>\n", count: openSections.count))
        return parts
    }

    /// One block (a heading here is one inside a quote or list, or of level 3 and below),
    /// appended to `parts`.
    func block(_ block: Block, into parts: inout HTMLParts) throws {
        switch block {
        case .heading:
            parts.append(heading(block).html)
        case let .paragraph(content, _):
            parts.append("<p>\(inlines(content))</p>\n")
        case let .blockQuote(children, _):
            parts.append("<blockquote>\n")
            for child in children { try self.block(child, into: &parts) }
            parts.append("</blockquote>\n")
        case let .list(ordered, start, items, _):
            parts.append((ordered ? (start == 1 ? "<ol>" : "<ol start=\"\(start)\">") : "<ul>") + "\n")
            for item in items {
                parts.append("<li>")
                for child in item { try self.block(child, into: &parts) }
                parts.append("</li>\n")
            }
            parts.append(ordered ? "</ol>\n" : "</ul>\n")
        case let .code(info, text, _):
            try directive(info: info, text: text, into: &parts)
        case .thematicBreak:
            parts.append("<hr>\n")
        case let .table(header, rows, alignments, _):
            func alignment(_ index: Int) -> TextLayout.Alignment { .column(index, of: alignments) }
            let headerCells = header.map { inlines($0) }
            let bodyRows = rows.map { row in row.map { inlines($0) } }
            parts.append(table(id: nil, caption: nil, header: headerCells, rows: bodyRows,
                               alignments: (0..<max(header.count, 1)).map(alignment)))
        case .footnoteDefinition, .html:
            // Notes are written at their first reference; raw HTML stops the PDF's layout.
            break
        }
    }

    /// A heading with its number (levels 1 and 2, as in the PDF) and a unique id; levels 1
    /// to 5 become `<h2>` to `<h6>` (the title is the `<h1>`).
    func heading(_ block: Block) -> (html: String, id: String) {
        guard case let .heading(level, content, _) = block else { return ("", "") }
        var number = ""
        if level <= 2 {
            var counters = state.headingCounters
            counters[level - 1] += 1
            for deeper in level..<counters.count { counters[deeper] = 0 }
            change(.headingCounters(counters))
            number = counters.prefix(level).map(String.init).joined(separator: ".")
        }
        let title = Inline.plainText(content)
        let id = uniqueID(number.isEmpty ? "sec-" + HTMLEscaping.slug(title) : "sec-" + number.replacingOccurrences(of: ".", with: "-"))
        change(.outline(OutlineEntry(level: level, number: number, title: title, id: id)))
        let tag = "h\(min(level + 1, 6))"
        let numberHTML = number.isEmpty ? "" : "<span class=\"num\">\(number)</span> "
        return ("<\(tag) id=\"\(id)\">\(numberHTML)\(inlines(content))</\(tag)>\n", id)
    }

    /// `{figure} id` and `{table} id` fenced blocks; other code blocks as preformatted code.
    private func directive(info: String, text: String, into parts: inout HTMLParts) throws {
        let directive = FenceDirective(info: info, text: text)
        let (words, caption) = (directive.words, directive.caption)
        switch words.first {
        case "{figure}" where words.count == 2:
            try figure(words[1], caption: caption, into: &parts)
        case "{table}" where words.count == 2:
            parts.append(computedTable(words[1], caption: caption))
        default:
            let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
            parts.append("<pre><code>\(HTMLEscaping.escape(body))</code></pre>\n")
        }
    }

    /// A figure: the chart as inline SVG in a card, then its numbered caption.
    private func figure(_ id: String, caption: [Inline], into parts: inout HTMLParts) throws {
        let number = state.figureNumbers[id] ?? (state.figureNumbers.count + 1)
        change(.figureNumber(id: id, number: number))
        let anchor = uniqueID("fig-" + id)
        change(.id(anchor + "-title"))
        change(.id(anchor + "-desc"))
        let captionHTML = inlines(caption)
        parts.append("<figure id=\"\(anchor)\">\n<div class=\"chart\">\n")
        if let scene = content.scenes[id] {
            let title = "Figure \(number)" + (scene.title.map { ": " + $0 } ?? "")
            let description = scene.summary ?? Inline.plainText(caption)
            if let element = try chartElement(id, anchor, title, description) { parts.append(element) }
        }
        parts.append("</div>\n<figcaption><span class=\"label\">Figure \(number).</span> \(captionHTML)</figcaption>\n</figure>\n")
    }

    /// A computed table from the front matter, with its numbered caption.
    private func computedTable(_ id: String, caption: [Inline]) -> String {
        guard let source = content.tables[id] else { return "" }
        let number = state.tableNumbers[id] ?? (state.tableNumbers.count + 1)
        change(.tableNumber(id: id, number: number))
        let captionHTML = "<span class=\"label\">Table \(number).</span> " + inlines(caption)
        let header = source.header.map { HTMLEscaping.escape($0) }
        let rows = source.rows.map { row in
            row.enumerated().map { index, text in
                source.citeColumns.contains(index) && text != "—" ? citation(text, content: []) : HTMLEscaping.escape(text)
            }
        }
        return table(id: uniqueID("tbl-" + id), caption: captionHTML, header: header, rows: rows, alignments: source.alignments)
    }

    /// A table in a container that scrolls sideways on its own when the table is wider than
    /// the page; header cells are column headers, right-aligned cells use tabular figures.
    func table(id: String?, caption: String?, header: [String], rows: [[String]], alignments: [TextLayout.Alignment]) -> String {
        func cellClass(_ index: Int) -> String {
            switch index < alignments.count ? alignments[index] : .left {
            case .right: return " class=\"r\""
            case .center: return " class=\"c\""
            default: return ""
            }
        }
        let label = id.map { " role=\"region\" aria-labelledby=\"\($0)-caption\" tabindex=\"0\"" } ?? " role=\"region\" aria-label=\"Table\" tabindex=\"0\""
        var out = "<div class=\"table-wrap\"\(label)>\n<table\(id.map { " id=\"\($0)\"" } ?? "")>\n"
        if let caption, let id { out += "<caption id=\"\(id)-caption\">\(caption)</caption>\n" }
        out += "<thead>\n<tr>"
        for (index, cell) in header.enumerated() {
            out += "<th scope=\"col\"\(cellClass(index))>\(cell)</th>"
        }
        out += "</tr>\n</thead>\n<tbody>\n"
        // Each column's opening tag made once: a 1000× appendix table has 100,000 rows.
        let openers = (0..<(rows.map(\.count).max() ?? 0)).map { "<td\(cellClass($0))>" }
        for row in rows {
            out += "<tr>"
            for (index, cell) in row.enumerated() {
                out += openers[index]
                out += cell
                out += "</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n"
        return out
    }
}
