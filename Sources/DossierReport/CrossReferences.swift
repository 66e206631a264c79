import DossierBase
import DossierMarkdown

/// Figure and table numbers and the cross-references that cite them.
///
/// `{{ ref:id }}` in the body, a finding or a caption names a declared figure or table; the
/// expansion (``ExpressionEvaluator/expand(_:at:escape:references:)``) checks the id and writes
/// a placeholder link `[](ref:id)`, and ``resolve(_:)`` turns it into
/// ``Inline/crossReference(id:label:)`` with the generated label ("Figure 4", "Table 2").
///
/// Figures and tables are numbered separately, in the order of their `{figure}` / `{table}`
/// blocks in the body (block quotes and list items included, footnote definitions not). That is
/// also the order in which they are placed: floating figures keep their order among themselves,
/// and tables do not float.
package struct CrossReferences: Sendable, Equatable {
    /// The URL scheme of the placeholder link and of the link kept in laid-out text.
    package static let linkPrefix = "ref:"

    /// A figure's or table's number, by id.
    package private(set) var figureNumbers: [String: Int] = [:]
    package private(set) var tableNumbers: [String: Int] = [:]

    package init() {}

    /// Numbers the figures and tables placed by `blocks`, in document order.
    package init(numbering blocks: [Block]) {
        visit(blocks)
    }

    private mutating func visit(_ blocks: [Block]) {
        for block in blocks {
            switch block {
            case let .code(info, _, _):
                let words = info.split(separator: " ").map(String.init)
                guard words.count == 2 else { continue }
                if words[0] == "{figure}", figureNumbers[words[1]] == nil {
                    figureNumbers[words[1]] = figureNumbers.count + 1
                } else if words[0] == "{table}", tableNumbers[words[1]] == nil {
                    tableNumbers[words[1]] = tableNumbers.count + 1
                }
            case let .blockQuote(children, _):
                visit(children)
            case let .list(_, _, items, _):
                for item in items { visit(item) }
            default:
                continue
            }
        }
    }

    /// The label of figure or table `id` ("Figure 4", "Table 2"), nil when it is not placed.
    package func label(of id: String) -> String? {
        if let number = figureNumbers[id] { return "Figure \(number)" }
        if let number = tableNumbers[id] { return "Table \(number)" }
        return nil
    }

    /// The placeholder that `{{ ref:id }}` expands to in Markdown text.
    package static func placeholder(_ id: String) -> String {
        "[](\(linkPrefix)\(id))"
    }

    /// The id cited by `{{ inner }}` when it is a cross-reference (`ref:id`), else nil.
    package static func citedID(_ inner: String) -> String? {
        let trimmed = inner.drop { $0 == " " || $0 == "\t" }
        guard trimmed.hasPrefix(linkPrefix) else { return nil }
        var id = trimmed.dropFirst(linkPrefix.count).drop { $0 == " " || $0 == "\t" }
        while let last = id.last, last == " " || last == "\t" { id = id.dropLast() }
        return String(id)
    }

    /// `inlines` with each placeholder link replaced by its resolved cross-reference. A
    /// reference to an id that is declared but not placed in the body throws
    /// ``UnplacedReference``.
    package func resolve(_ inlines: [Inline]) throws(UnplacedReference) -> [Inline] {
        var result: [Inline] = []
        result.reserveCapacity(inlines.count)
        for inline in inlines {
            switch inline {
            case let .link(url, content) where url.hasPrefix(Self.linkPrefix):
                let id = String(url.dropFirst(Self.linkPrefix.count))
                guard let label = label(of: id) else { throw UnplacedReference(id: id) }
                result.append(.crossReference(id: id, label: label))
                if !content.isEmpty { result += try resolve(content) }
            case let .emphasis(children): result.append(.emphasis(try resolve(children)))
            case let .strong(children): result.append(.strong(try resolve(children)))
            case let .strikethrough(children): result.append(.strikethrough(try resolve(children)))
            case let .link(url, children): result.append(.link(url: url, content: try resolve(children)))
            case let .claimSpan(id, children): result.append(.claimSpan(id: id, content: try resolve(children)))
            default: result.append(inline)
            }
        }
        return result
    }

    /// `blocks` with the cross-references of their text resolved (captions, which are the
    /// text of `{figure}` / `{table}` blocks, are resolved when they are parsed).
    package func resolve(blocks: [Block]) throws(UnplacedReference) -> [Block] {
        var result: [Block] = []
        for block in blocks {
            switch block {
            case let .heading(level, content, range):
                result.append(.heading(level: level, content: try resolve(content), range: range))
            case let .paragraph(content, range):
                result.append(.paragraph(try resolve(content), range: range))
            case let .blockQuote(children, range):
                result.append(.blockQuote(try resolve(blocks: children), range: range))
            case let .list(ordered, start, items, range):
                var resolved: [[Block]] = []
                for item in items { resolved.append(try resolve(blocks: item)) }
                result.append(.list(ordered: ordered, start: start, items: resolved, range: range))
            case let .table(header, rows, alignments, range):
                var newHeader: [[Inline]] = []
                for cell in header { newHeader.append(try resolve(cell)) }
                var newRows: [[[Inline]]] = []
                for row in rows {
                    var cells: [[Inline]] = []
                    for cell in row { cells.append(try resolve(cell)) }
                    newRows.append(cells)
                }
                result.append(.table(header: newHeader, rows: newRows, alignments: alignments, range: range))
            case let .footnoteDefinition(label, content, range):
                result.append(.footnoteDefinition(label: label, content: try resolve(blocks: content), range: range))
            default:
                result.append(block)
            }
        }
        return result
    }

    /// A cross-reference to a figure or table that is declared but never placed in the body.
    package struct UnplacedReference: Error, Sendable {
        package let id: String
    }
}
