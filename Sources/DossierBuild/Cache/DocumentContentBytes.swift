import CairoKit
import DossierLayout
import DossierMarkdown
import DossierReport

/// The bytes of a document's prepared content for its cache key, written field by field
/// instead of by reflection: the body's blocks (every inline with its text), the computed
/// tables' cells, the findings, the source records, the date, the creator and the figure and
/// table numbers. Reflection made a mirror per value and cost about 20 ms of CPU on every
/// document build that uses the cache; these writers touch each value once.
///
/// Exact: two contents with the same bytes have the same blocks (every case and payload, each
/// range), tables, findings and sources. The enums are written with a `switch` without
/// `default`, so a new case does not compile until it is written here; the structs written
/// field by field are checked by `DocumentKeyTests` against their reflected fields, so a new
/// stored property fails a test until it is written here. Every property of the content is
/// either written here or one the document key holds otherwise (``keyedElsewhere``); the
/// date, creator and cross-references were reflected too (~1 ms a build, mostly printing
/// their types' names), and `DocumentKeyTests` fails when the content gains a property that
/// is neither.
struct DocumentContentBytes {
    /// The properties of ``DocumentContent`` written here.
    static let writtenFields: Set<String> = ["date", "creator", "blocks", "tables", "findings", "sources", "crossReferences"]
    /// The properties the document key holds otherwise: the scenes by their chart keys, the
    /// source and the front matter by the files they were read from and the printed text
    /// fields, the style by its paper.
    static let keyedElsewhere: Set<String> = ["scenes", "source", "spec", "style"]

    private var writer = CacheByteWriter()
    /// Whether blocks are written with their source ranges (the HTML writer reads none).
    private var withRanges = true

    /// The bytes of `content`: every property in ``writtenFields``.
    static func of(_ content: DocumentContent) -> [UInt8] {
        var bytes = DocumentContentBytes()
        bytes.writer.string(content.date)
        bytes.writer.string(content.creator)
        bytes.numbers(content.crossReferences.figureNumbers)
        bytes.numbers(content.crossReferences.tableNumbers)
        bytes.blocks(content.blocks)
        bytes.writer.integer(content.tables.count)
        for (id, table) in content.tables.sorted(by: { $0.key < $1.key }) {
            bytes.writer.string(id)
            bytes.table(table)
        }
        bytes.writer.strings(content.findings)
        bytes.writer.integer(content.sources.count)
        for (id, record) in content.sources.sorted(by: { $0.key < $1.key }) {
            bytes.writer.string(id)
            bytes.writer.string(record.id)
            bytes.writer.string(record.citation)
            bytes.writer.string(record.url)
        }
        return bytes.writer.bytes
    }

    /// The bytes of a body block as the HTML writer reads it: every case and payload, without
    /// the source ranges (an edit that moves a block's lines leaves its HTML as it was).
    static func htmlBlock(_ block: Block) -> [UInt8] {
        var bytes = DocumentContentBytes()
        bytes.withRanges = false
        bytes.block(block)
        return bytes.writer.bytes
    }

    /// What else a body block's HTML reads from `content`: the footnote definitions among its
    /// top-level blocks (a note's text is written at its first reference) and the computed
    /// tables (a `{table}` fence), without source ranges.
    static func htmlBlockInputs(of content: DocumentContent) -> [UInt8] {
        var bytes = DocumentContentBytes()
        bytes.withRanges = false
        bytes.blocks(content.blocks.filter { if case .footnoteDefinition = $0 { true } else { false } })
        bytes.writer.integer(content.tables.count)
        for (id, table) in content.tables.sorted(by: { $0.key < $1.key }) {
            bytes.writer.string(id)
            bytes.table(table)
        }
        return bytes.writer.bytes
    }

    /// Figure or table numbers by id, in id order.
    private mutating func numbers(_ numbers: [String: Int]) {
        writer.integer(numbers.count)
        for (id, number) in numbers.sorted(by: { $0.key < $1.key }) {
            writer.string(id)
            writer.integer(number)
        }
    }

    /// The front matter's text fields that the document prints (after their expressions are
    /// printed): title, subtitle, running header, subject, authors and keywords.
    static func printedTextFields(of spec: ReportSpec) -> [UInt8] {
        var writer = CacheByteWriter()
        writer.string(spec.title)
        for text in [spec.subtitle, spec.runningHeader, spec.subject] {
            writer.boolean(text != nil)
            writer.string(text ?? "")
        }
        writer.strings(spec.authors)
        writer.strings(spec.keywords)
        return writer.bytes
    }

    private mutating func table(_ table: TableBlockSource) {
        writer.strings(table.header)
        writer.integer(table.rows.count)
        for row in table.rows { writer.strings(row) }
        writer.integer(table.alignments.count)
        for alignment in table.alignments {
            switch alignment {
            case .left: writer.byte(0)
            case .center: writer.byte(1)
            case .right: writer.byte(2)
            }
        }
        writer.integer(table.citeColumns.count)
        for column in table.citeColumns.sorted() { writer.integer(column) }
    }

    private mutating func blocks(_ blocks: [Block]) {
        writer.integer(blocks.count)
        for block in blocks { self.block(block) }
    }

    private mutating func block(_ block: Block) {
        switch block {
        case let .heading(level, content, range):
            writer.byte(0)
            writer.integer(level)
            inlines(content)
            self.range(range)
        case let .paragraph(content, range):
            writer.byte(1)
            inlines(content)
            self.range(range)
        case let .blockQuote(content, range):
            writer.byte(2)
            blocks(content)
            self.range(range)
        case let .list(ordered, start, items, range):
            writer.byte(3)
            writer.boolean(ordered)
            writer.integer(start)
            writer.integer(items.count)
            for item in items { blocks(item) }
            self.range(range)
        case let .code(info, text, range):
            writer.byte(4)
            writer.string(info)
            writer.string(text)
            self.range(range)
        case let .thematicBreak(range):
            writer.byte(5)
            self.range(range)
        case let .table(header, rows, alignments, range):
            writer.byte(6)
            writer.integer(header.count)
            for cell in header { inlines(cell) }
            writer.integer(rows.count)
            for row in rows {
                writer.integer(row.count)
                for cell in row { inlines(cell) }
            }
            writer.strings(alignments)
            self.range(range)
        case let .footnoteDefinition(label, content, range):
            writer.byte(7)
            writer.string(label)
            blocks(content)
            self.range(range)
        case let .html(text, range):
            writer.byte(8)
            writer.string(text)
            self.range(range)
        }
    }

    private mutating func range(_ range: SourceRange) {
        guard withRanges else { return }
        writer.integer(range.start.line)
        writer.integer(range.start.column)
        writer.integer(range.end.line)
        writer.integer(range.end.column)
    }

    private mutating func inlines(_ inlines: [Inline]) {
        writer.integer(inlines.count)
        for inline in inlines { self.inline(inline) }
    }

    private mutating func inline(_ inline: Inline) {
        switch inline {
        case let .text(text):
            writer.byte(0)
            writer.string(text)
        case .softBreak:
            writer.byte(1)
        case .lineBreak:
            writer.byte(2)
        case let .code(text):
            writer.byte(3)
            writer.string(text)
        case let .emphasis(content):
            writer.byte(4)
            inlines(content)
        case let .strong(content):
            writer.byte(5)
            inlines(content)
        case let .strikethrough(content):
            writer.byte(6)
            inlines(content)
        case let .link(url, content):
            writer.byte(7)
            writer.string(url)
            inlines(content)
        case let .footnoteReference(label):
            writer.byte(8)
            writer.string(label)
        case let .html(text):
            writer.byte(9)
            writer.string(text)
        case let .crossReference(id, label):
            writer.byte(10)
            writer.string(id)
            writer.string(label)
        case let .claimSpan(id, content):
            writer.byte(11)
            writer.string(id)
            inlines(content)
        }
    }
}
