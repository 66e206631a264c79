import CairoKit
import DossierBase
import DossierCharts
import DossierMarkdown
import DossierReport

/// Turns a report's body (after expressions are expanded) into flow blocks: headings numbered,
/// paragraphs, lists, quotes, tables, figures, footnotes and the sources section.
package final class DocumentComposer {
    package let style: PageStyle
    package let typesetter: Typesetter
    package let path: String
    package let figures: [String: Scene]
    package let tables: [String: TableBlockSource]
    package var footnoteDefinitions: [String: [Block]] = [:]
    package var footnoteNumbers: [String: Int] = [:]
    package var figureNumbers: [String: Int] = [:]
    package var tableNumbers: [String: Int] = [:]
    /// The sources cited so far, in the order of their first citation (number = index + 1).
    package private(set) var citedSources: [String] = []
    /// Each cited source's number, so that a citation is numbered without a search.
    private var citationNumbers: [String: Int] = [:]
    package let sourceRecords: [String: SourceRecord]
    /// Figure and table numbers, and the cross-references' resolution.
    package let crossReferences: CrossReferences
    /// Where figures and tables land, filled after pagination (cross-reference link targets).
    package let anchors = AnchorPositions()
    /// Where an unplaced cross-reference is reported.
    private let source: ReportSource?
    private var headingCounters = [0, 0, 0]

    package init(style: PageStyle, typesetter: Typesetter, path: String, figures: [String: Scene],
         tables: [String: TableBlockSource], sources: [String: SourceRecord],
         crossReferences: CrossReferences = CrossReferences(), source: ReportSource? = nil) {
        self.crossReferences = crossReferences
        self.source = source
        self.style = style
        self.typesetter = typesetter
        self.path = path
        self.figures = figures
        self.tables = tables
        self.sourceRecords = sources
    }

    /// The title block and findings box.
    package func front(spec: ReportSpec, findings: [String]) throws -> [any Flowable] {
        var blocks: [any Flowable] = []
        let style = self.style
        let typesetter = self.typesetter
        let title = try TextLayout(spec.title, font: style.title, typesetter: typesetter, width: style.textWidth)
        let subtitle = try spec.subtitle.map { text throws(CairoError) in
            try TextLayout(text, font: style.subtitle, typesetter: typesetter, width: style.textWidth)
        }
        var metaParts = spec.authors.isEmpty ? [] : [Formatter.prose(spec.authors)]
        if let date = CalendarDate(iso: spec.date) { metaParts.append(date.longText) }
        let meta = try TextLayout(metaParts.joined(separator: "  ·  "), font: style.meta, typesetter: typesetter, width: style.textWidth)
        let subtitleHeight = subtitle.map { $0.size.height + 4 } ?? 0
        let height = title.size.height + 4 + subtitleHeight + meta.size.height + 12
        blocks.append(FixedBlock(kind: "title", height: height, spaceAfter: 12) { x, y in
            var items: [SceneItem] = [.textBlock(SceneTextBlock(id: "title", layout: title, color: style.accentColor, position: ScenePoint(x, y)))]
            var top = y + title.size.height + 4
            if let subtitle {
                items.append(.textBlock(SceneTextBlock(id: "subtitle", layout: subtitle, color: style.textColor, position: ScenePoint(x, top))))
                top += subtitle.size.height + 4
            }
            items.append(.textBlock(SceneTextBlock(id: "meta", layout: meta, color: style.mutedColor, position: ScenePoint(x, top))))
            top += meta.size.height + 8
            items.append(.path(ScenePath(id: "rule", segments: [.rect(SceneRect(x: x, y: top, width: style.textWidth, height: 1.2))],
                                         fill: style.accentColor)))
            return items
        })
        if !findings.isEmpty {
            blocks.append(try findingsBox(findings))
        }
        return blocks
    }

    private func findingsBox(_ findings: [String]) throws -> FixedBlock {
        let padding = 10.0
        let bulletIndent = 11.0
        let innerWidth = style.textWidth - 2 * padding - bulletIndent
        let heading = try TextLayout("Key findings", font: style.heading3, typesetter: typesetter)
        var items: [TextLayout] = []
        var itemLinks: [[InlineMarkup.Link]] = []
        for finding in findings {
            let inlines = MarkdownReader.parse(finding).first.flatMap { block -> [Inline]? in
                if case let .paragraph(content, _) = block { return content }
                return nil
            } ?? [.text(finding)]
            let markup = InlineMarkup(try resolved(inlines))
            items.append(try TextLayout(markup.markup, font: style.body.sized(style.body.size - 0.3),
                                        typesetter: typesetter, width: innerWidth, markup: true))
            itemLinks.append(markup.links)
        }
        let anchors = self.anchors
        let bullet = try TextLayout("•", font: style.body, typesetter: typesetter)
        let gap = 4.0
        let height = 2 * padding + heading.size.height + 5 + items.reduce(0) { $0 + $1.size.height } + gap * Double(max(items.count - 1, 0))
        let style = self.style
        return FixedBlock(kind: "findings", height: height, spaceAfter: 14) { x, y in
            var scene: [SceneItem] = [
                .path(ScenePath(id: "box", segments: [.rect(SceneRect(x: x, y: y, width: style.textWidth, height: height))], fill: style.boxFill)),
                .path(ScenePath(id: "bar", segments: [.rect(SceneRect(x: x, y: y, width: 3, height: height))], fill: style.accentColor)),
                .textBlock(SceneTextBlock(id: "heading", layout: heading, color: style.accentColor, position: ScenePoint(x + padding, y + padding))),
            ]
            var top = y + padding + heading.size.height + 5
            for (index, (item, links)) in zip(items, itemLinks).enumerated() {
                let itemX = x + padding + bulletIndent
                scene.append(.textBlock(SceneTextBlock(id: "finding/\(index)/bullet", layout: bullet, color: style.textColor,
                                                       position: ScenePoint(x + padding, top))))
                scene.append(.textBlock(SceneTextBlock(id: "finding/\(index)", layout: item, color: style.textColor, position: ScenePoint(itemX, top),
                                                       links: anchors.referenceLinks(links, in: item, x: itemX, y: top))))
                top += item.size.height + gap
            }
            return scene
        }
    }

    /// The body blocks.
    package func body(_ blocks: [Block]) throws -> [any Flowable] {
        for block in blocks {
            if case let .footnoteDefinition(label, content, _) = block { footnoteDefinitions[label] = content }
        }
        var result: [any Flowable] = []
        for block in blocks {
            result += try compose(block, indent: 0)
        }
        return result
    }

    private func compose(_ block: Block, indent: Double, marker: String? = nil, quote: Bool = false) throws -> [any Flowable] {
        switch block {
        case let .heading(level, content, _):
            let number = nextHeadingNumber(level)
            return [try HeadingBlock(number: number, title: Inline.plainText(content), level: level, style: style, typesetter: typesetter)]
        case let .paragraph(content, _):
            return [try paragraph(content, indent: indent, marker: marker, quote: quote)]
        case let .blockQuote(children, _):
            return try children.flatMap { child throws -> [any Flowable] in try compose(child, indent: indent + 16, quote: true) }
        case let .list(ordered, start, items, _):
            var result: [any Flowable] = []
            for (index, item) in items.enumerated() {
                let mark = ordered ? "\(start + index)." : "•"
                for (position, child) in item.enumerated() {
                    result += try compose(child, indent: indent + 16, marker: position == 0 ? mark : nil, quote: quote)
                }
            }
            return result
        case let .code(info, text, range):
            return try directive(info: info, text: text, line: range.start.line)
        case .thematicBreak:
            let style = self.style
            return [FixedBlock(kind: "rule", height: 1, spaceBefore: 6, spaceAfter: 10) { x, y in
                [.path(ScenePath(id: "rule", segments: [.rect(SceneRect(x: x, y: y, width: style.textWidth, height: 0.6))], fill: style.ruleColor))]
            }]
        case let .table(header, rows, alignments, _):
            func alignment(_ index: Int) -> TextLayout.Alignment { .column(index, of: alignments) }
            let headerCells = header.enumerated().map { TableBlock.Cell(markup: inline($1), alignment: alignment($0)) }
            let bodyRows = rows.map { row in row.enumerated().map { TableBlock.Cell(markup: inline($1), alignment: alignment($0)) } }
            return [try TableBlock(header: headerCells, rows: bodyRows, style: style, typesetter: typesetter)]
        case .footnoteDefinition:
            return []
        case let .html(_, range):
            throw ReportError("raw HTML cannot be laid out in a PDF; use Markdown instead",
                              at: SourceLocation(file: path, line: range.start.line, column: 1))
        }
    }

    private func nextHeadingNumber(_ level: Int) -> String {
        guard level <= 2 else { return "" }
        headingCounters[level - 1] += 1
        for deeper in level..<headingCounters.count { headingCounters[deeper] = 0 }
        return headingCounters.prefix(level).map(String.init).joined(separator: ".")
    }

    private func inline(_ content: [Inline]) -> InlineMarkup {
        InlineMarkup(rewriteCitations(content), footnoteNumbers: footnoteNumbers)
    }

    /// `content` with its `{{ ref:id }}` placeholders resolved (captions and findings, parsed
    /// here; the body's blocks come resolved).
    private func resolved(_ content: [Inline]) throws(ReportError) -> [Inline] {
        let references = crossReferences
        let resolve = { () throws(CrossReferences.UnplacedReference) -> [Inline] in try references.resolve(content) }
        if let source { return try source.resolvingReferences(resolve) }
        do {
            return try resolve()
        } catch {
            throw ReportError("\(InputExcerpt.quoted(error.id)) is cited but never placed", at: SourceLocation(file: path, line: 1, column: 1))
        }
    }

    /// `[text](source:ID)` becomes the text followed by the source's number in brackets.
    /// The number `id` is cited by: the next one the first time it is cited.
    private func citationNumber(of id: String) -> Int {
        if let number = citationNumbers[id] { return number }
        citedSources.append(id)
        citationNumbers[id] = citedSources.count
        return citedSources.count
    }

    private func rewriteCitations(_ content: [Inline]) -> [Inline] {
        content.flatMap { inline -> [Inline] in
            switch inline {
            case let .link(url, children) where url.hasPrefix("source:"):
                let id = String(url.dropFirst("source:".count))
                let number = citationNumber(of: id)
                let record = sourceRecords[id]
                let label: [Inline] = [.text((children.isEmpty ? "" : " ") + "[\(number)]")]
                if let link = record?.url, !link.isEmpty {
                    return rewriteCitations(children) + [.link(url: link, content: label)]
                }
                return rewriteCitations(children) + label
            case let .emphasis(children): return [.emphasis(rewriteCitations(children))]
            case let .strong(children): return [.strong(rewriteCitations(children))]
            case let .link(url, children): return [.link(url: url, content: rewriteCitations(children))]
            case let .claimSpan(id, children): return [.claimSpan(id: id, content: rewriteCitations(children))]
            default: return [inline]
            }
        }
    }

    private func paragraph(_ content: [Inline], indent: Double, marker: String?, quote: Bool) throws -> ParagraphBlock {
        for case let .footnoteReference(label) in flatten(content) where footnoteNumbers[label] == nil {
            footnoteNumbers[label] = footnoteNumbers.count + 1
        }
        let markup = inline(content)
        var notes: [FootnoteBlock] = []
        for label in markup.footnotes {
            guard let number = footnoteNumbers[label], let definition = footnoteDefinitions[label] else { continue }
            let text = definition.compactMap { block -> [Inline]? in
                if case let .paragraph(inlines, _) = block { return inlines }
                return nil
            }.joined(separator: [.text(" ")]).map { $0 }
            let noteMarkup = InlineMarkup([.text("\(number)  ")] + rewriteCitations(Array(text)), footnoteNumbers: footnoteNumbers)
            let layout = try TextLayout(noteMarkup.markup, font: style.footnote, typesetter: typesetter,
                                        width: style.textWidth, markup: true)
            notes.append(FootnoteBlock(number: number, layout: layout))
        }
        return try ParagraphBlock(markup: markup, font: style.body, style: style, typesetter: typesetter,
                                  indent: indent, marker: marker, quoteRule: quote ? style.ruleColor : nil,
                                  justify: marker == nil, color: quote ? style.mutedColor : nil, footnotes: notes,
                                  anchors: anchors)
    }

    private func flatten(_ content: [Inline]) -> [Inline] {
        content.flatMap { inline -> [Inline] in
            switch inline {
            case let .emphasis(children), let .strong(children), let .strikethrough(children), let .link(_, children),
                 let .claimSpan(_, children):
                return [inline] + flatten(children)
            default:
                return [inline]
            }
        }
    }

    /// `{figure} id` and `{table} id` fenced blocks; other code blocks are shown as code.
    private func directive(info: String, text: String, line: Int) throws -> [any Flowable] {
        let directive = FenceDirective(info: info, text: text)
        let (words, caption) = (directive.words, directive.caption)
        switch words.first {
        case "{figure}":
            guard words.count == 2 else {
                throw ReportError("a figure directive is \"```{figure} id\"", at: SourceLocation(file: path, line: line, column: 1))
            }
            return [try figure(words[1], caption: caption, line: line)]
        case "{table}":
            guard words.count == 2 else {
                throw ReportError("a table directive is \"```{table} id\"", at: SourceLocation(file: path, line: line, column: 1))
            }
            return try table(words[1], caption: caption, line: line)
        case let word? where word.hasPrefix("{"):
            throw ReportError("unknown directive \(word)" + NameHint.hint(for: word, known: ["{figure}", "{table}"]),
                              at: SourceLocation(file: path, line: line, column: 4))
        default:
            let layout = try TextLayout(text.hasSuffix("\n") ? String(text.dropLast()) : text,
                                        font: Font(family: "Noto Sans", size: 8), typesetter: typesetter, width: style.textWidth)
            let style = self.style
            return [FixedBlock(kind: "code", height: layout.size.height + 8, spaceAfter: style.paragraphSpacing) { x, y in
                [.path(ScenePath(id: "background", segments: [.rect(SceneRect(x: x, y: y, width: style.textWidth, height: layout.size.height + 8))],
                                 fill: style.tableStripe)),
                 .textBlock(SceneTextBlock(id: "text", layout: layout, color: style.textColor, position: ScenePoint(x + 4, y + 4)))]
            }]
        }
    }

    private func figure(_ id: String, caption: [Inline], line: Int) throws -> FixedBlock {
        guard let scene = figures[id] else {
            throw ReportError("no figure \(InputExcerpt.quoted(id)) is declared in the front matter" + NameHint.hint(for: id, known: figures.keys.sorted()),
                              at: SourceLocation(file: path, line: line, column: 1))
        }
        let number = figureNumbers[id] ?? crossReferences.figureNumbers[id] ?? (figureNumbers.count + 1)
        figureNumbers[id] = number
        let scale = min(1.0, style.textWidth / scene.width)
        let drawnWidth = scene.width * scale
        let label = "<b>Figure \(number).</b> "
        let captionMarkup = inline(try resolved(caption))
        let captionLayout = try TextLayout(label + captionMarkup.markup, font: style.caption, typesetter: typesetter,
                                           width: style.textWidth, markup: true)
        let anchors = self.anchors
        let height = scene.height * scale + 6 + captionLayout.size.height
        let style = self.style
        return FixedBlock(kind: "figure/\(id)", height: height, spaceBefore: 4, spaceAfter: 14, floats: true, anchor: id) { x, y in
            let captionY = y + scene.height * scale + 6
            return [
                .group(scene.placed(id: "chart", at: (x + (style.textWidth - drawnWidth) / 2, y), scale: scale)),
                .textBlock(SceneTextBlock(id: "caption", layout: captionLayout, color: style.mutedColor, position: ScenePoint(x, captionY),
                                          links: anchors.referenceLinks(captionMarkup.links, in: captionLayout,
                                                                        offset: "Figure \(number). ".utf8.count, x: x, y: captionY))),
            ]
        }
    }

    private func table(_ id: String, caption: [Inline], line: Int) throws -> [any Flowable] {
        guard let source = tables[id] else {
            throw ReportError("no table \(InputExcerpt.quoted(id)) is declared in the front matter" + NameHint.hint(for: id, known: tables.keys.sorted()),
                              at: SourceLocation(file: path, line: line, column: 1))
        }
        let number = tableNumbers[id] ?? crossReferences.tableNumbers[id] ?? (tableNumbers.count + 1)
        tableNumbers[id] = number
        let captionMarkup = inline(try resolved(caption))
        let label = try TextLayout("<b>Table \(number).</b> " + captionMarkup.markup, font: style.caption,
                                   typesetter: typesetter, width: style.textWidth, markup: true)
        let style = self.style
        let anchors = self.anchors
        let captionBlock = FixedBlock(kind: "caption/\(id)", height: label.size.height, spaceBefore: 4, spaceAfter: 4, anchor: id) { x, y in
            [.textBlock(SceneTextBlock(id: "caption", layout: label, color: style.mutedColor, position: ScenePoint(x, y),
                                       links: anchors.referenceLinks(captionMarkup.links, in: label, offset: "Table \(number). ".utf8.count,
                                                                     x: x, y: y)))]
        }
        let header = source.header.enumerated().map { TableBlock.Cell(markup: InlineMarkup(plain: $1), alignment: source.alignments[$0]) }
        let rows = source.rows.map { row in
            row.enumerated().map { index, text in
                let markup = source.citeColumns.contains(index) && text != "—"
                    ? inline([.link(url: "source:" + text, content: [])]) : InlineMarkup(plain: text)
                return TableBlock.Cell(markup: markup, alignment: source.alignments[index])
            }
        }
        return [KeepTogether(captionBlock), try TableBlock(header: header, rows: rows, style: style, typesetter: typesetter,
                                                           continuedLabel: "<b>Table \(number)</b> (continued)")]
    }

    /// The numbered list of cited sources. A citation of an id that `sources.csv` lacks is an
    /// error at the line that cites it.
    package func sourcesSection(body: String, firstLine: Int) throws -> [any Flowable] {
        guard !citedSources.isEmpty else { return [] }
        if let unknown = citedSources.first(where: { sourceRecords[$0] == nil }) {
            let lines = body.components(separatedBy: "\n")
            let index = lines.firstIndex { $0.contains("source:\(unknown)") } ?? 0
            throw ReportError("no source \(InputExcerpt.quoted(unknown)) in the sources dataset" + NameHint.hint(for: unknown, known: sourceRecords.keys.sorted()),
                              at: SourceLocation(file: path, line: firstLine + index, column: 1))
        }
        var blocks: [any Flowable] = [try HeadingBlock(number: "", title: "Sources", level: 1, style: style, typesetter: typesetter)]
        for (index, id) in citedSources.enumerated() {
            let record = sourceRecords[id]
            var inlines: [Inline] = [.text("[\(index + 1)] ")]
            if let record {
                inlines.append(.text(record.citation))
                if !record.url.isEmpty {
                    inlines.append(.text(" "))
                    inlines.append(.link(url: record.url, content: [.text(record.url)]))
                }
            } else {
                inlines.append(.text("Unknown source \(id)"))
            }
            let markup = InlineMarkup(inlines)
            blocks.append(try ParagraphBlock(markup: markup, font: style.footnote.sized(8), style: style, typesetter: typesetter,
                                             justify: false, spaceAfter: 3))
        }
        return blocks
    }
}

/// A computed table's cells, already formatted.
package struct TableBlockSource: Sendable {
    package var header: [String]
    package var rows: [[String]]
    package var alignments: [TextLayout.Alignment]
    /// Columns whose cells are source ids, shown as numbered citations.
    package var citeColumns: Set<Int> = []
}

/// A source from the sources dataset.
package struct SourceRecord: Sendable {
    package var id: String
    package var citation: String
    package var url: String

    package init(id: String, citation: String, url: String) {
        self.id = id
        self.citation = citation
        self.url = url
    }
}

/// Wraps a block so that it stays on the page of the following block (table captions).
package final class KeepTogether: Flowable {
    package let inner: any Flowable
    package init(_ inner: any Flowable) { self.inner = inner }
    package var unitCount: Int { inner.unitCount }
    package func height(of range: Range<Int>) -> Double { inner.height(of: range) }
    package func items(_ range: Range<Int>, x: Double, y: Double) throws -> [SceneItem] { try inner.items(range, x: x, y: y) }
    package var kind: String { inner.kind }
    package var spaceBefore: Double { inner.spaceBefore }
    package var spaceAfter: Double { inner.spaceAfter }
    package var keepWithNext: Bool { true }
    package var minimumSlices: Int { 1 }
    package var anchor: String? { inner.anchor }
}
