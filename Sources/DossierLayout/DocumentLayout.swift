import CairoKit
import DossierBase
import DossierCharts
import DossierReport

/// The briefing laid out into pages with one thread's ``Typesetter``; renders the PDF (with
/// outline, links and metadata) or one SVG per page. Pango layouts are bound to the typesetter
/// that made them, so a thread that renders pages makes its own layout: the same content and
/// pinned fonts give the same pages on every thread.
package struct DocumentLayout {
    package let content: DocumentContent
    package let typesetter: Typesetter
    package let pages: [Paginator.Page]

    /// Composes the content into flow blocks and paginates them.
    package init(_ content: DocumentContent, typesetter: Typesetter) throws {
        self.content = content
        self.typesetter = typesetter
        let source = content.source
        let spec = content.spec
        let composer = DocumentComposer(style: content.style, typesetter: typesetter, path: source.path,
                                        figures: content.scenes, tables: content.tables, sources: content.sources,
                                        crossReferences: content.crossReferences, source: source)
        var flow = try composer.front(spec: spec, findings: content.findings)
        flow += try composer.body(content.blocks)
        flow += try composer.sourcesSection(body: source.body, firstLine: source.bodyFirstLine)
        let unused = spec.figures.map(\.id).filter { composer.figureNumbers[$0] == nil }
        if let first = unused.first {
            throw ReportError("figure \(InputExcerpt.quoted(first)) is declared but never placed: add a \"```{figure} \(first)\" block to the body",
                              at: source.location(ofID: first))
        }
        pages = Paginator(top: content.style.marginTop, bottom: content.style.textBottom).paginate(flow)
        composer.anchors.record(pages)
    }

    /// The whole document as PDF, with its outline (bookmarks), links and metadata.
    package func pdf() throws -> [UInt8] {
        let style = content.style
        let spec = content.spec
        let (width, height) = style.paper.size
        let surface = try Surface.pdf(width: width, height: height)
        surface.setMetadata(Surface.Metadata(
            title: spec.title, author: spec.authors.joined(separator: ", "),
            subject: spec.subject ?? spec.subtitle, keywords: spec.keywords.joined(separator: ", "),
            creator: content.creator, date: content.date))
        let header = try runningHeader()
        do {
            let context = try DrawingContext(surface: surface)
            var outlineParents: [Int: Int] = [:]
            for (index, page) in pages.enumerated() {
                if index > 0 { try context.showPage() }
                try draw(page, number: index + 1, header: header, on: context)
                for (entry, y) in page.outline {
                    let parent = entry.level > 1 ? outlineParents[entry.level - 1] : nil
                    let id = surface.addOutline(title: entry.title, page: index + 1, y: y, parent: parent, open: entry.level == 1)
                    outlineParents[entry.level] = id
                }
            }
            try context.checkStatus()
        }
        return try surface.finish()
    }

    /// Page `index` (0-based) as its own SVG document, written by ``SVGCanvas`` (glyph
    /// outlines shared with the typesetter's other SVGs).
    package func pageSVG(_ index: Int) throws -> [UInt8] {
        let spec = content.spec
        let (width, height) = content.style.paper.size
        let canvas = SVGCanvas(width: width, height: height, typesetter: typesetter)
        try draw(pages[index], number: index + 1, header: try runningHeader(), on: canvas)
        return canvas.finish(title: "\(spec.title) — page \(index + 1) of \(pages.count)", description: spec.subtitle)
    }

    private func runningHeader() throws -> TextLayout {
        let style = content.style
        let spec = content.spec
        return try typesetter.layout(spec.runningHeader ?? spec.title, font: style.runningHeader, width: style.textWidth * 0.7)
    }

    /// Draws one page: white paper, running header and footer, the placed blocks, footnotes.
    private func draw(_ page: Paginator.Page, number: Int, header: TextLayout, on canvas: any Canvas) throws {
        let style = content.style
        let (width, height) = style.paper.size
        canvas.setColor(.white)
        canvas.rectangle(x: 0, y: 0, width: width, height: height)
        canvas.fill()
        try drawFurniture(number: number, total: pages.count, header: header, in: canvas)
        for placement in page.placements {
            canvas.save()
            try placement.block.draw(placement.range, in: canvas, x: style.marginLeft, y: placement.y)
            canvas.restore()
        }
        drawFootnotes(page.footnotes, in: canvas)
    }

    private func drawFurniture(number: Int, total: Int, header: TextLayout, in context: any Canvas) throws {
        let style = content.style
        let (width, height) = style.paper.size
        context.setColor(style.mutedColor)
        if number > 1 {
            header.draw(in: context, x: style.marginLeft, y: style.marginTop - 30)
            context.setColor(style.ruleColor)
            context.rectangle(x: style.marginLeft, y: style.marginTop - 16, width: style.textWidth, height: 0.5)
            context.fill()
        }
        let footer = try typesetter.layout("Page \(number) of \(total)", font: style.runningHeader)
        context.setColor(style.mutedColor)
        footer.draw(in: context, x: width - style.marginRight - footer.size.width, y: height - style.marginBottom + 26)
        let date = CalendarDate(iso: content.spec.date)?.longText ?? content.spec.date
        let left = try typesetter.layout(date, font: style.runningHeader)
        left.draw(in: context, x: style.marginLeft, y: height - style.marginBottom + 26)
    }

    private func drawFootnotes(_ notes: [FootnoteBlock], in context: any Canvas) {
        guard !notes.isEmpty else { return }
        let style = content.style
        let total = notes.reduce(0) { $0 + $1.height }
        var y = style.textBottom - total
        context.setColor(style.ruleColor)
        context.rectangle(x: style.marginLeft, y: y - 6, width: 60, height: 0.5)
        context.fill()
        context.setColor(style.textColor)
        for note in notes {
            note.layout.draw(in: context, x: style.marginLeft, y: y)
            y += note.height
        }
    }
}
