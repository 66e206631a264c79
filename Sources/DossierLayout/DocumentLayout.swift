import CairoKit
import DossierBase
import DossierCharts
import DossierReport

/// The briefing laid out into pages with one thread's ``Typesetter``; each page is a ``Scene``
/// (``pageScene(_:)``) that ``CairoRenderer`` draws into the PDF (with outline, links and
/// metadata) or into one SVG per page, as it draws charts. Pango layouts are bound to the typesetter
/// that made them and never cross threads: another thread writes page SVGs from the plain
/// glyph-run records taken of these pages (DossierBuild's `PageGlyphSnapshot`), not from a layout
/// of its own.
package struct DocumentLayout {
    package let content: DocumentContent
    package let typesetter: Typesetter
    package let pages: [Paginator.Page]
    /// The footer's date (the spec's date in long form), read once rather than on every page.
    private let footerDate: String

    /// Composes the content into flow blocks and paginates them.
    package init(_ content: DocumentContent, typesetter: Typesetter) throws {
        self.content = content
        self.typesetter = typesetter
        let source = content.source
        let spec = content.spec
        footerDate = CalendarDate(iso: spec.date)?.longText ?? spec.date
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

    /// The whole document as PDF, with its outline (bookmarks), links and metadata; `scenes`,
    /// when given, are this layout's page scenes (``pageScene(_:)``), made once by the caller.
    /// Each page's content is drawn on its own ``PDFCanvas`` (it depends on that page alone):
    /// the pages in `reusing` (by index, 0-based; read from the build cache) are not drawn
    /// again, and `drawn` is told each page that was (compressed), for the cache.
    /// Pages whose glyph runs were recorded already (`recorded`, by index, their fonts in
    /// `outlines`: the page SVGs' ``GlyphRuns``) are drawn from them, not recorded again.
    /// The fonts' subsets are read from and kept in `fonts` (the build cache) when given.
    package func pdf(scenes: [Scene]? = nil, reusing reused: [Int: PDFPage] = [:],
                     recorded: [Int: GlyphRuns] = [:], outlines: GlyphOutlineSet? = nil,
                     fonts: PDFFontObjectStore? = nil,
                     drawn: (Int, PDFPage) -> Void = { _, _ in }) throws -> [UInt8] {
        let spec = content.spec
        let (width, height) = content.style.paper.size
        var writer = PDFDocumentWriter()
        writer.fontStore = fonts
        writer.metadata = Surface.Metadata(
            title: spec.title, author: spec.authors.joined(separator: ", "),
            subject: spec.subject ?? spec.subtitle, keywords: spec.keywords.joined(separator: ", "),
            creator: content.creator, date: content.date)
        var pdfPages: [PDFPage] = []
        var faces: [String: PDFFontFace] = [:]
        for (index, page) in pages.enumerated() {
            if let cached = reused[index], let cachedFaces = loadedFaces(of: cached, known: faces) {
                pdfPages.append(cached)
                faces = cachedFaces
            } else if let runs = recorded[index], let outlines {
                let made = try GlyphRunRenderer.pdfPage(try scenes?[index] ?? pageScene(index), runs: runs, outlines: outlines,
                                                        typesetter: typesetter)
                let page = made.page.compressed()
                drawn(index, page)
                pdfPages.append(page)
                faces.merge(made.faces) { first, _ in first }
            } else {
                let canvas = PDFCanvas(width: width, height: height, typesetter: typesetter)
                var renderer = CairoRenderer(typesetter: typesetter, canvas: canvas)
                try renderer.render(try scenes?[index] ?? pageScene(index))
                let made = canvas.finish().compressed()
                drawn(index, made)
                pdfPages.append(made)
                faces.merge(canvas.faces) { first, _ in first }
            }
            for (entry, y) in page.outline {
                writer.outline.append(PDFDocumentWriter.OutlineEntry(title: entry.title, level: entry.level, page: index + 1, y: y))
            }
        }
        guard let bytes = writer.write(pdfPages, faces: faces) else {
            throw CairoError.status(function: "PDFDocumentWriter", message: "a stream could not be compressed or a font subset")
        }
        return bytes
    }

    /// `known` with the faces `page` draws with, loaded by the typesetter; nil when one cannot
    /// be loaded (the page is then drawn again).
    private func loadedFaces(of page: PDFPage, known: [String: PDFFontFace]) -> [String: PDFFontFace]? {
        var faces = known
        for use in page.fonts where faces[use.face] == nil {
            guard let face = typesetter.pdfFontFace(key: use.face) else { return nil }
            faces[use.face] = face
        }
        return faces
    }

    /// Page `index` (0-based) as its own SVG document, written by ``SVGCanvas`` (glyph
    /// outlines shared with the typesetter's other SVGs); `scene`, when given, is this layout's
    /// ``pageScene(_:)`` of that page.
    package func pageSVG(_ index: Int, scene: Scene? = nil) throws -> [UInt8] {
        let spec = content.spec
        let (width, height) = content.style.paper.size
        let canvas = SVGCanvas(width: width, height: height, typesetter: typesetter)
        var renderer = CairoRenderer(typesetter: typesetter, canvas: canvas)
        try renderer.render(try scene ?? pageScene(index))
        return canvas.finish(title: "\(spec.title) — page \(index + 1) of \(pages.count)", description: spec.subtitle)
    }

    /// Page `index` (0-based) as a scene: white paper, running header and footer, each placed
    /// block as a group (`block<k>/<kind>`), footnotes. Its text items hold this layout's Pango
    /// layouts: draw it with a renderer on ``typesetter``.
    package func pageScene(_ index: Int) throws -> Scene {
        try pageScene(index, running: try runningTexts())
    }

    /// Every page as its scene (``pageScene(_:)``), in order; the running header and the
    /// footer's date, the same on every page, are laid out once for all of them.
    package func pageScenes() throws -> [Scene] {
        let running = try runningTexts()
        return try pages.indices.map { try pageScene($0, running: running) }
    }

    private func pageScene(_ index: Int, running: RunningTexts) throws -> Scene {
        let style = content.style
        let (width, height) = style.paper.size
        var items: [SceneItem] = [.path(rectangle("paper", x: 0, y: 0, width: width, height: height, fill: .white))]
        items += try furniture(number: index + 1, total: pages.count, running: running)
        for (number, placement) in pages[index].placements.enumerated() {
            let blockItems = try placement.block.items(placement.range, x: style.marginLeft, y: placement.y)
            items.append(.group(SceneGroup(id: "block\(number)/\(placement.block.kind)", items: blockItems)))
        }
        items += footnotes(pages[index].footnotes)
        return Scene(width: width, height: height, background: nil,
                     title: "\(content.spec.title) — page \(index + 1) of \(pages.count)", items: items)
    }

    private func rectangle(_ id: String, x: Double, y: Double, width: Double, height: Double, fill: Color) -> ScenePath {
        ScenePath(id: id, segments: [.rect(SceneRect(x: x, y: y, width: width, height: height))], fill: fill)
    }

    /// The texts every page's furniture shares: the running header and the footer's date.
    private struct RunningTexts {
        let header: TextLayout
        let date: TextLayout
    }

    /// The running header and the footer's date, laid out (a glyph they lack is an error even
    /// in a one-page document). Like the page numbers, they are answered from the typesetter's
    /// layout records when it has them (a build with a cache: no Pango layout for them).
    private func runningTexts() throws -> RunningTexts {
        let style = content.style
        let spec = content.spec
        return RunningTexts(header: try TextLayout(spec.runningHeader ?? spec.title, font: style.runningHeader, typesetter: typesetter,
                                                   width: style.textWidth * 0.7),
                            date: try TextLayout(footerDate, font: style.runningHeader, typesetter: typesetter))
    }

    /// The running header (from page 2) and footer: page number and date.
    private func furniture(number: Int, total: Int, running: RunningTexts) throws -> [SceneItem] {
        let style = content.style
        let (width, height) = style.paper.size
        var items: [SceneItem] = []
        if number > 1 {
            items.append(.textBlock(SceneTextBlock(id: "header", layout: running.header, color: style.mutedColor,
                                                   position: ScenePoint(style.marginLeft, style.marginTop - 30))))
            items.append(.path(rectangle("header-rule", x: style.marginLeft, y: style.marginTop - 16, width: style.textWidth, height: 0.5,
                                         fill: style.ruleColor)))
        }
        let footer = try TextLayout("Page \(number) of \(total)", font: style.runningHeader, typesetter: typesetter)
        items.append(.textBlock(SceneTextBlock(id: "footer/page", layout: footer, color: style.mutedColor,
                                               position: ScenePoint(width - style.marginRight - footer.size.width, height - style.marginBottom + 26))))
        items.append(.textBlock(SceneTextBlock(id: "footer/date", layout: running.date, color: style.mutedColor,
                                               position: ScenePoint(style.marginLeft, height - style.marginBottom + 26))))
        return items
    }

    /// The footnotes at the foot of the page, under a short rule.
    private func footnotes(_ notes: [FootnoteBlock]) -> [SceneItem] {
        guard !notes.isEmpty else { return [] }
        let style = content.style
        let total = notes.reduce(0) { $0 + $1.height }
        var y = style.textBottom - total
        var items: [SceneItem] = [.path(rectangle("footnote-rule", x: style.marginLeft, y: y - 6, width: 60, height: 0.5, fill: style.ruleColor))]
        for note in notes {
            items.append(.textBlock(SceneTextBlock(id: "footnote/\(note.number)", layout: note.layout, color: style.textColor,
                                                   position: ScenePoint(style.marginLeft, y))))
            y += note.height
        }
        return items
    }
}
