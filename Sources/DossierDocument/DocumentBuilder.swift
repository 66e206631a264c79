import CairoKit
import DossierCharts
import DossierData
import Foundation

/// Lays out and renders the briefing document: PDF (with outline, links and metadata) and one
/// SVG per page.
struct DocumentBuilder {
    let builder: ReportBuilder
    let results: [String: ResultValue]
    let evaluator: ExpressionEvaluator
    let scenes: [String: Scene]

    struct Output {
        var pdf: [UInt8]
        var pageSVGs: [[UInt8]]
    }

    func build() throws -> Output {
        let source = builder.source
        let spec = source.spec
        let style = builder.style
        let body = try evaluator.expand(source.body, at: SourceLocation(file: source.path, line: source.bodyFirstLine, column: 1),
                                        escape: escapeMarkdown)
        let blocks = MarkdownReader.parse(body, firstLine: source.bodyFirstLine)
        var tables: [String: TableBlockSource] = [:]
        for table in spec.tables {
            tables[table.id] = try computedTable(table)
        }
        var findings: [String] = []
        let findingsLocation = source.location(ofKey: "findings")
        for finding in spec.findings {
            findings.append(try evaluator.expand(finding, at: findingsLocation, escape: escapeMarkdown))
        }
        let composer = DocumentComposer(style: style, typesetter: builder.typesetter, path: source.path,
                                        figures: scenes, tables: tables, sources: sourceRecords())
        var flow = try composer.front(spec: spec, findings: findings)
        flow += try composer.body(blocks)
        flow += try composer.sourcesSection(body: source.body, firstLine: source.bodyFirstLine)
        let unused = spec.figures.map(\.id).filter { composer.figureNumbers[$0] == nil }
        if let first = unused.first {
            throw ReportError("figure \"\(first)\" is declared but never placed: add a \"```{figure} \(first)\" block to the body",
                              at: source.location(ofID: first))
        }
        let paginator = Paginator(top: style.marginTop, bottom: style.textBottom)
        let pages = paginator.paginate(flow)
        let pdf = try render(pages, kind: .pdf)
        var svgs: [[UInt8]] = []
        for index in pages.indices {
            svgs.append(try render([pages[index]], kind: .svg, pageOffset: index, totalPages: pages.count))
        }
        return Output(pdf: pdf, pageSVGs: svgs)
    }

    /// Draws pages onto one surface (PDF: all pages; SVG: one page).
    private func render(_ pages: [Paginator.Page], kind: Surface.Kind, pageOffset: Int = 0, totalPages: Int? = nil) throws -> [UInt8] {
        let style = builder.style
        let spec = builder.source.spec
        let (width, height) = style.paper.size
        let surface = kind == .pdf ? try Surface.pdf(width: width, height: height) : try Surface.svg(width: width, height: height)
        surface.setMetadata(Surface.Metadata(
            title: spec.title, author: spec.authors.joined(separator: ", "),
            subject: spec.subject ?? spec.subtitle, keywords: spec.keywords.joined(separator: ", "),
            creator: "Dossier \(DossierVersion.current)", date: builder.documentDate))
        let total = totalPages ?? pages.count
        let header = try TextLayout(spec.runningHeader ?? spec.title, font: style.runningHeader, typesetter: builder.typesetter,
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
        let style = builder.style
        let (width, height) = style.paper.size
        context.setColor(style.mutedColor)
        if number > 1 {
            header.draw(in: context, x: style.marginLeft, y: style.marginTop - 30)
            context.setColor(style.ruleColor)
            context.rectangle(x: style.marginLeft, y: style.marginTop - 16, width: style.textWidth, height: 0.5)
            context.fill()
        }
        let footer = try TextLayout("Page \(number) of \(total)", font: style.runningHeader, typesetter: builder.typesetter)
        context.setColor(style.mutedColor)
        footer.draw(in: context, x: width - style.marginRight - footer.size.width, y: height - style.marginBottom + 26)
        let date = CalendarDate(iso: builder.source.spec.date)?.longText ?? builder.source.spec.date
        let left = try TextLayout(date, font: style.runningHeader, typesetter: builder.typesetter)
        left.draw(in: context, x: style.marginLeft, y: height - style.marginBottom + 26)
    }

    private func drawFootnotes(_ notes: [FootnoteBlock], in context: DrawingContext) {
        guard !notes.isEmpty else { return }
        let style = builder.style
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

    /// Formats a computed table's cells.
    private func computedTable(_ table: TableSpec) throws -> TableBlockSource {
        let location = builder.source.location(ofID: table.id)
        var rows = try builder.resolveTable(table.from, results: results, at: location)
        rows = try filter(rows, table.where, at: location)
        var order = Array(0..<rows.rowCount)
        for key in (table.sort ?? []).reversed() {
            let descending = key.hasPrefix("-")
            let name = descending ? String(key.dropFirst()) : key
            guard let column = rows.column(name) else {
                throw ReportError("table \"\(table.id)\": no column \"\(name)\" to sort by" + unknownNameHint(name, known: rows.columns.map(\.name)), at: location)
            }
            order = order.enumerated().sorted { a, b in
                let x = column.values[a.element], y = column.values[b.element]
                let less = ResultOrdering.less(x, y), greater = ResultOrdering.less(y, x)
                if less == greater { return a.offset < b.offset }
                return descending ? greater : less
            }.map(\.element)
        }
        if let limit = table.limit { order = Array(order.prefix(limit)) }
        var header: [String] = []
        var alignments: [TextLayout.Alignment] = []
        var cells: [[String]] = Array(repeating: [], count: order.count)
        var citeColumns: Set<Int> = []
        for column in table.columns {
            guard let values = rows.column(column.field)?.values else {
                throw ReportError("table \"\(table.id)\": no column \"\(column.field)\"" + unknownNameHint(column.field, known: rows.columns.map(\.name)), at: location)
            }
            header.append(column.title ?? column.field)
            let numeric = values.contains { $0.doubleValue != nil }
            switch column.align {
            case "left": alignments.append(.left)
            case "center": alignments.append(.center)
            case "right": alignments.append(.right)
            default: alignments.append(numeric ? .right : .left)
            }
            if column.format == "cite" { citeColumns.insert(header.count - 1) }
            let formatter = try column.format.flatMap { text throws(ReportError) -> Expression.FormatterCall? in
                if text == "cite" { return nil }
                do {
                    let parsed = try Expression.parse("x | " + text)
                    guard let call = parsed.formatters.first else { throw ReportError("empty format", at: location) }
                    return call
                } catch let error as ReportError {
                    throw error
                } catch {
                    throw ReportError("table \"\(table.id)\": bad format \"\(text)\"", at: location)
                }
            }
            for (rowIndex, row) in order.enumerated() {
                let value = values[row]
                if value == .missing {
                    cells[rowIndex].append("—")
                } else if let formatter {
                    do {
                        cells[rowIndex].append(Formatter.plainText(try Formatter.apply(formatter.name, arguments: formatter.arguments, to: value)))
                    } catch {
                        throw ReportError("table \"\(table.id)\", column \"\(column.field)\": \(error.message)", at: location)
                    }
                } else {
                    cells[rowIndex].append(Formatter.plainText(value))
                }
            }
        }
        return TableBlockSource(header: header, rows: cells, alignments: alignments, citeColumns: citeColumns)
    }

    private func filter(_ table: ResultTable, _ filters: [String: FilterValue]?, at location: SourceLocation) throws -> ResultTable {
        guard let filters, !filters.isEmpty else { return table }
        var keep = Array(repeating: true, count: table.rowCount)
        for field in filters.keys.sorted() {
            guard let column = table.column(field) else {
                throw ReportError("no column \"\(field)\" to filter on" + unknownNameHint(field, known: table.columns.map(\.name)), at: location)
            }
            let accepted = Set(filters[field]?.values ?? [])
            for (index, value) in column.values.enumerated() where !accepted.contains(Formatter.rawText(value)) {
                keep[index] = false
            }
        }
        return ResultTable(columns: table.columns.map { column in
            ResultTable.Column(name: column.name, values: column.values.enumerated().filter { keep[$0.offset] }.map(\.element))
        })
    }

    /// Sources from a `sources` resource with `source_id`, `author`, `title`, `publisher`, `year`, `url`.
    private func sourceRecords() -> [String: SourceRecord] {
        guard let table = builder.package.table(named: "sources") else { return [:] }
        var records: [String: SourceRecord] = [:]
        for row in table.rows {
            let id = row["source_id"].description
            let parts = ["author", "title", "publisher"].map { row[$0].description }.filter { !$0.isEmpty }
            var citation = parts.joined(separator: ". ")
            let year = row["year"].description
            if !year.isEmpty { citation += " (\(year))" }
            citation += "."
            records[id] = SourceRecord(id: id, citation: citation, url: row["url"].description)
        }
        return records
    }
}

/// Ordering of result values for sorting tables: numbers before text, missing last.
enum ResultOrdering {
    static func less(_ a: ResultValue, _ b: ResultValue) -> Bool {
        switch (a.doubleValue, b.doubleValue) {
        case let (x?, y?): return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        case (nil, nil):
            if a == .missing { return false }
            if b == .missing { return true }
            return Formatter.plainText(a) < Formatter.plainText(b)
        }
    }
}
