import CairoKit
import DossierCharts

/// The briefing laid out into pages with one thread's ``Typesetter``; renders the PDF (with
/// outline, links and metadata) or one SVG per page. Pango layouts are bound to the typesetter
/// that made them, so a thread that renders pages makes its own layout: the same content and
/// pinned fonts give the same pages on every thread.
struct DocumentLayout {
    let content: DocumentContent
    let typesetter: Typesetter
    let pages: [Paginator.Page]

    /// Composes the content into flow blocks and paginates them.
    init(_ content: DocumentContent, typesetter: Typesetter) throws {
        self.content = content
        self.typesetter = typesetter
        let source = content.source
        let spec = source.spec
        let composer = DocumentComposer(style: content.style, typesetter: typesetter, path: source.path,
                                        figures: content.scenes, tables: content.tables, sources: content.sources)
        var flow = try composer.front(spec: spec, findings: content.findings)
        flow += try composer.body(content.blocks)
        flow += try composer.sourcesSection(body: source.body, firstLine: source.bodyFirstLine)
        let unused = spec.figures.map(\.id).filter { composer.figureNumbers[$0] == nil }
        if let first = unused.first {
            throw ReportError("figure \"\(first)\" is declared but never placed: add a \"```{figure} \(first)\" block to the body",
                              at: source.location(ofID: first))
        }
        pages = Paginator(top: content.style.marginTop, bottom: content.style.textBottom).paginate(flow)
    }

    /// The whole document as PDF.
    func pdf() throws -> [UInt8] {
        try render(pages, kind: .pdf)
    }

    /// Page `index` (0-based) as its own SVG document.
    func pageSVG(_ index: Int) throws -> [UInt8] {
        try render([pages[index]], kind: .svg, pageOffset: index, totalPages: pages.count)
    }

    /// Draws pages onto one surface (PDF: all pages; SVG: one page).
    private func render(_ pages: [Paginator.Page], kind: Surface.Kind, pageOffset: Int = 0, totalPages: Int? = nil) throws -> [UInt8] {
        let style = content.style
        let spec = content.source.spec
        let (width, height) = style.paper.size
        let surface = kind == .pdf ? try Surface.pdf(width: width, height: height) : try Surface.svg(width: width, height: height)
        surface.setMetadata(Surface.Metadata(
            title: spec.title, author: spec.authors.joined(separator: ", "),
            subject: spec.subject ?? spec.subtitle, keywords: spec.keywords.joined(separator: ", "),
            creator: "Dossier \(DossierVersion.current)", date: content.date))
        let total = totalPages ?? pages.count
        let header = try TextLayout(spec.runningHeader ?? spec.title, font: style.runningHeader, typesetter: typesetter,
                                    width: style.textWidth * 0.7)
        do {
            let context = try DrawingContext(surface: surface)
            var outlineParents: [Int: Int] = [:]
            for (index, page) in pages.enumerated() {
                let number = pageOffset + index + 1
                if index > 0 { try context.showPage() }
                context.setColor(.white)
                context.rectangle(x: 0, y: 0, width: width, height: height)
                context.fill()
                try drawFurniture(number: number, total: total, header: header, in: context)
                for placement in page.placements {
                    context.save()
                    try placement.block.draw(placement.range, in: context, x: style.marginLeft, y: placement.y)
                    context.restore()
                }
                drawFootnotes(page.footnotes, in: context)
                if kind == .pdf {
                    for (entry, y) in page.outline {
                        let parent = entry.level > 1 ? outlineParents[entry.level - 1] : nil
                        let id = surface.addOutline(title: entry.title, page: number, y: y, parent: parent, open: entry.level == 1)
                        outlineParents[entry.level] = id
                    }
                }
            }
            try context.checkStatus()
        }
        return try surface.finish(svgTitle: "\(spec.title) — page \(pageOffset + 1) of \(total)",
                                  svgDescription: spec.subtitle)
    }

    private func drawFurniture(number: Int, total: Int, header: TextLayout, in context: DrawingContext) throws {
        let style = content.style
        let (width, height) = style.paper.size
        context.setColor(style.mutedColor)
        if number > 1 {
            header.draw(in: context, x: style.marginLeft, y: style.marginTop - 30)
            context.setColor(style.ruleColor)
            context.rectangle(x: style.marginLeft, y: style.marginTop - 16, width: style.textWidth, height: 0.5)
            context.fill()
        }
        let footer = try TextLayout("Page \(number) of \(total)", font: style.runningHeader, typesetter: typesetter)
        context.setColor(style.mutedColor)
        footer.draw(in: context, x: width - style.marginRight - footer.size.width, y: height - style.marginBottom + 26)
        let date = CalendarDate(iso: content.source.spec.date)?.longText ?? content.source.spec.date
        let left = try TextLayout(date, font: style.runningHeader, typesetter: typesetter)
        left.draw(in: context, x: style.marginLeft, y: height - style.marginBottom + 26)
    }

    private func drawFootnotes(_ notes: [FootnoteBlock], in context: DrawingContext) {
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
