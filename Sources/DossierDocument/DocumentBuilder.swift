import CairoKit
import DossierBase
import DossierCharts
import DossierData
import DossierMarkdown
import DossierReport
import Foundation

/// The briefing's content, prepared once from the computed results: the expanded body, the
/// computed tables, the findings and the source records. Plain values, so that each rendering
/// thread can lay it out with its own ``Typesetter`` (see ``DocumentLayout``).
struct DocumentContent: Sendable {
    let source: ReportSource
    /// The front matter with the expressions of its text fields (title, subtitle, running
    /// header, subject, authors, keywords) printed.
    let spec: ReportSpec
    let style: PageStyle
    /// The PDF creation date (ISO 8601).
    let date: String
    let blocks: [Block]
    let tables: [String: TableBlockSource]
    let findings: [String]
    let sources: [String: SourceRecord]
    let scenes: [String: Scene]
}

/// Prepares the briefing document's content from a build's results: expressions in the body and
/// findings expanded, computed tables formatted, sources read. Layout and rendering are
/// ``DocumentLayout``'s.
struct DocumentBuilder {
    let builder: ReportBuilder
    let results: [String: ResultValue]
    let evaluator: ExpressionEvaluator
    let scenes: [String: Scene]

    func prepare() throws -> DocumentContent {
        let source = builder.source
        let spec = source.spec
        let body = try evaluator.expand(source.body, at: SourceLocation(file: source.path, line: source.bodyFirstLine, column: 1),
                                        escape: escapeMarkdown)
        let blocks = MarkdownReader.parse(body, firstLine: source.bodyFirstLine)
        try TextLimits.checkBlocks(blocks, path: source.path)
        var tables: [String: TableBlockSource] = [:]
        for table in spec.tables {
            tables[table.id] = try computedTable(table)
        }
        var findings: [String] = []
        let findingsLocation = source.location(ofKey: "findings")
        for finding in spec.findings {
            findings.append(try evaluator.expand(finding, at: findingsLocation, escape: escapeMarkdown))
        }
        return DocumentContent(source: source, spec: try expandedTextFields(of: spec), style: builder.style, date: builder.documentDate, blocks: blocks,
                               tables: tables, findings: findings, sources: sourceRecords(), scenes: scenes)
    }

    /// `spec` with the expressions in its text fields printed.
    private func expandedTextFields(of spec: ReportSpec) throws -> ReportSpec {
        var spec = spec
        let source = builder.source
        func expand(_ text: String, _ key: String) throws(ReportError) -> String {
            try evaluator.expand(text, at: source.location(ofKey: key))
        }
        spec.title = try expand(spec.title, "title")
        spec.subtitle = try spec.subtitle.map { text throws(ReportError) in try expand(text, "subtitle") }
        spec.runningHeader = try spec.runningHeader.map { text throws(ReportError) in try expand(text, "running_header") }
        spec.subject = try spec.subject.map { text throws(ReportError) in try expand(text, "subject") }
        spec.authors = try spec.authors.map { text throws(ReportError) in try expand(text, "authors") }
        spec.keywords = try spec.keywords.map { text throws(ReportError) in try expand(text, "keywords") }
        return spec
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
                throw ReportError("table \(InputExcerpt.quoted(table.id)): no column \(InputExcerpt.quoted(name)) to sort by" + unknownNameHint(name, known: rows.columns.map(\.name)), at: location)
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
                throw ReportError("table \(InputExcerpt.quoted(table.id)): no column \(InputExcerpt.quoted(column.field))" + unknownNameHint(column.field, known: rows.columns.map(\.name)), at: location)
            }
            header.append(try column.title.map { text throws(ReportError) in try evaluator.expand(text, at: location) } ?? column.field)
            let numeric = values.contains { $0.doubleValue != nil }
            switch column.align {
            case "left": alignments.append(.left)
            case "center": alignments.append(.center)
            case "right": alignments.append(.right)
            default: alignments.append(numeric ? .right : .left)
            }
            if column.format == "cite" { citeColumns.insert(header.count - 1) }
            let formatter = try column.format.flatMap { text throws(ReportError) -> DossierReport.Expression.FormatterCall? in
                if text == "cite" { return nil }
                do {
                    let parsed = try Expression.parse("x | " + text)
                    guard let call = parsed.formatters.first else { throw ReportError("empty format", at: location) }
                    return call
                } catch let error as ReportError {
                    throw error
                } catch {
                    throw ReportError("table \(InputExcerpt.quoted(table.id)): bad format \(InputExcerpt.quoted(text))", at: location)
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
                        throw ReportError("table \(InputExcerpt.quoted(table.id)), column \(InputExcerpt.quoted(column.field)): \(error.message)", at: location)
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
                throw ReportError("no column \(InputExcerpt.quoted(field)) to filter on" + unknownNameHint(field, known: table.columns.map(\.name)), at: location)
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
