import CairoKit
import DossierBase
import DossierCharts
import DossierMarkdown
import DossierReport
import Foundation

/// The briefing's content, prepared once from the computed results: the expanded body, the
/// computed tables, the findings and the source records. Plain values, so that each rendering
/// thread can lay it out with its own ``Typesetter`` (see ``DocumentLayout``).
package struct DocumentContent: Sendable {
    package let source: ReportSource
    /// The front matter with the expressions of its text fields (title, subtitle, running
    /// header, subject, authors, keywords) printed.
    package let spec: ReportSpec
    package let style: PageStyle
    /// The PDF creation date (ISO 8601).
    package let date: String
    /// The PDF's creator (the tool and its version).
    package let creator: String
    package let blocks: [Block]
    package let tables: [String: TableBlockSource]
    package let findings: [String]
    package let sources: [String: SourceRecord]
    package let scenes: [String: Scene]
    /// Figure and table numbers; `blocks` already hold their resolved cross-references,
    /// captions and findings are resolved with it when they are parsed.
    package var crossReferences = CrossReferences()
}

/// Prepares the briefing document's content from a build's results: expressions in the body and
/// findings expanded, computed tables formatted. Layout and rendering are ``DocumentLayout``'s.
/// What it needs from the build (the data behind computed tables, the source records) is
/// passed in, so layout never calls back into the build layer.
package struct DocumentBuilder {
    /// Resolves a computed table's `from` (`analysis`, `analysis.member` or a dataset) against
    /// the results; errors point at `location`.
    package typealias TableResolver = (_ name: String, _ results: [String: ResultValue], _ location: SourceLocation) throws -> ResultTable

    package let source: ReportSource
    package let style: PageStyle
    /// The PDF creation date (ISO 8601).
    package let date: String
    /// The PDF's creator (the tool and its version).
    package let creator: String
    package let results: [String: ResultValue]
    package let evaluator: ExpressionEvaluator
    package let scenes: [String: Scene]
    /// The citations of the data package's `sources` resource, by source id.
    package let sources: [String: SourceRecord]
    package let resolveTable: TableResolver
    /// The printed values of the body's and findings' expressions known from an earlier build
    /// with the same results (nil: every expression is printed).
    package var printedExpressions: PrintedExpressions?

    package init(source: ReportSource, style: PageStyle, date: String, creator: String, results: [String: ResultValue], evaluator: ExpressionEvaluator,
         scenes: [String: Scene], sources: [String: SourceRecord], resolveTable: @escaping TableResolver) {
        self.source = source
        self.style = style
        self.date = date
        self.creator = creator
        self.results = results
        self.evaluator = evaluator
        self.scenes = scenes
        self.sources = sources
        self.resolveTable = resolveTable
    }

    package func prepare() throws -> DocumentContent {
        let spec = source.spec
        let referable = spec.figures.map(\.id) + spec.tables.map(\.id)
        let body = try evaluator.expand(source.body, at: SourceLocation(file: source.path, line: source.bodyFirstLine, column: 1),
                                        escape: escapeMarkdown, references: referable, memo: printedExpressions)
        let parsed = MarkdownReader.parse(body, firstLine: source.bodyFirstLine)
        let crossReferences = CrossReferences(numbering: parsed)
        let blocks = try source.resolvingReferences { () throws(CrossReferences.UnplacedReference) in
            try crossReferences.resolve(blocks: parsed)
        }
        try TextLimits.checkBlocks(blocks, path: source.path)
        var tables: [String: TableBlockSource] = [:]
        for table in spec.tables {
            tables[table.id] = try computedTable(table)
        }
        var findings: [String] = []
        let findingsLocation = source.location(ofKey: "findings")
        for finding in spec.findings {
            findings.append(try evaluator.expand(finding, at: findingsLocation, escape: escapeMarkdown, references: referable,
                                                 memo: printedExpressions))
        }
        var content = DocumentContent(source: source, spec: try expandedTextFields(of: spec), style: style, date: date, creator: creator,
                                      blocks: blocks, tables: tables, findings: findings, sources: sources, scenes: scenes)
        content.crossReferences = crossReferences
        return content
    }

    /// `spec` with the expressions in its text fields printed.
    private func expandedTextFields(of spec: ReportSpec) throws -> ReportSpec {
        var spec = spec
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
        let location = source.location(ofID: table.id)
        var rows = try resolveTable(table.from, results, location)
        rows = try filter(rows, table.where, at: location)
        var order = Array(0..<rows.rowCount)
        for key in (table.sort ?? []).reversed() {
            let descending = key.hasPrefix("-")
            let name = descending ? String(key.dropFirst()) : key
            guard let column = rows.column(name) else {
                throw ReportError("table \(InputExcerpt.quoted(table.id)): no column \(InputExcerpt.quoted(name)) to sort by" + NameHint.hint(for: name, known: rows.columns.map(\.name)), at: location)
            }
            // Each row's place once, not two `ResultOrdering.less` calls (and their plain texts)
            // per comparison: the sort of the 1000× appendix made ~1.5 million.
            let keys = column.values.map(ResultOrdering.Key.init)
            order = order.enumerated().sorted { a, b in
                let x = keys[a.element], y = keys[b.element]
                if x < y { return !descending }
                if y < x { return descending }
                return a.offset < b.offset
            }.map(\.element)
        }
        if let limit = table.limit { order = Array(order.prefix(limit)) }
        var header: [String] = []
        var alignments: [TextLayout.Alignment] = []
        var cells: [[String]] = Array(repeating: [], count: order.count)
        var citeColumns: Set<Int> = []
        for column in table.columns {
            guard let values = rows.column(column.field)?.values else {
                throw ReportError("table \(InputExcerpt.quoted(table.id)): no column \(InputExcerpt.quoted(column.field))" + NameHint.hint(for: column.field, known: rows.columns.map(\.name)), at: location)
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
                throw ReportError("no column \(InputExcerpt.quoted(field)) to filter on" + NameHint.hint(for: field, known: table.columns.map(\.name)), at: location)
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
}

/// Ordering of result values for sorting tables: numbers before text, missing last.
package enum ResultOrdering {
    package static func less(_ a: ResultValue, _ b: ResultValue) -> Bool {
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
