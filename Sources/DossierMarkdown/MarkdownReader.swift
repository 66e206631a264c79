import CCmark

/// Parses CommonMark with GitHub's table and strikethrough extensions and footnotes, using
/// Debian's libcmark-gfm. The C tree is walked once and freed here; no C type escapes.
package enum MarkdownReader {
    /// Parses `text`. `firstLine` is the report line of the text's first line, so that block
    /// line numbers point into the whole report file.
    package static func parse(_ text: String, firstLine: Int = 1) -> [Block] {
        cmark_gfm_core_extensions_ensure_registered()
        let options = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART
        guard let parser = cmark_parser_new(options) else { return [] }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough"] {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        let bytes = Array(ClaimSpans.markEscapedBraces(text).utf8)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return [] }
        defer { cmark_node_free(document) }
        return TreeWalker(lineOffset: firstLine - 1).blocks(ofChildrenOf: document, depth: 0)
    }

    /// Block quotes and list items nested deeper than this are flattened: the paragraphs,
    /// headings, code blocks and tables inside keep their order, at this level. Every walk of
    /// the blocks (this one, layout, deallocation) recurses once per level — 30,000 `>`
    /// overflowed the stack — and the page indents 16 pt per level: at 16 levels a paragraph
    /// still has about 200 pt of an A4 text column; at 30 it had none and lost its words.
    package static let maxBlockDepth = 16

    /// Emphasis, strong, strikethrough and link content nested deeper than this becomes its
    /// plain text.
    package static let maxInlineDepth = 32
}

/// Converts cmark nodes to ``Block`` and ``Inline`` values.
///
/// cmark-gfm 0.29 names footnote nodes "<unknown>" and gives definitions no label; it does move
/// the definitions to the end in order of first reference, so the n-th definition belongs to
/// the n-th distinct reference label.
private final class TreeWalker {
    let lineOffset: Int
    private var referenceLabels: [String] = []
    private var definitionCount = 0
    /// How many inline containers (emphasis, links…) enclose the inlines being read.
    private var inlineDepth = 0

    init(lineOffset: Int) {
        self.lineOffset = lineOffset
    }

    func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    /// The node's text as written: an escaped brace (see ``ClaimSpans/markEscapedBraces(_:)``)
    /// is `\{` again, as code, HTML and labels show it.
    func literal(_ node: OpaquePointer) -> String {
        ClaimSpans.restoreEscapedBraces(rawLiteral(node), as: "\\{")
    }

    /// The node's text with escaped braces still marked (text nodes, until spans are bound).
    func rawLiteral(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// The node's start and end in the report file.
    func range(_ node: OpaquePointer) -> SourceRange {
        SourceRange(start: SourcePosition(line: Int(cmark_node_get_start_line(node)) + lineOffset,
                                          column: Int(cmark_node_get_start_column(node))),
                    end: SourcePosition(line: Int(cmark_node_get_end_line(node)) + lineOffset,
                                        column: Int(cmark_node_get_end_column(node))))
    }

    /// The blocks of `node`'s children; `depth` is the number of containers around them.
    func blocks(ofChildrenOf node: OpaquePointer, depth: Int) -> [Block] {
        guard depth < MarkdownReader.maxBlockDepth else { return leafBlocks(under: node) }
        return children(node).compactMap { block($0, depth: depth) }
    }

    /// The leaf blocks (not block quotes, lists or items) anywhere under `node`, in document
    /// order, found without recursion.
    func leafBlocks(under node: OpaquePointer) -> [Block] {
        var result: [Block] = []
        guard let iterator = cmark_iter_new(node) else { return result }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
                  let current = cmark_iter_get_node(iterator), current != node else { continue }
            switch NodeType(current) {
            case .heading, .paragraph, .codeBlock, .htmlBlock, .thematicBreak, .table:
                if let leaf = block(current, depth: MarkdownReader.maxBlockDepth) { result.append(leaf) }
            default:
                break
            }
        }
        return result
    }

    func block(_ node: OpaquePointer, depth: Int) -> Block? {
        switch NodeType(node) {
        case .heading:
            return .heading(level: Int(cmark_node_get_heading_level(node)),
                            content: inlines(ofChildrenOf: node), range: range(node))
        case .paragraph:
            return .paragraph(inlines(ofChildrenOf: node), range: range(node))
        case .blockQuote:
            return .blockQuote(blocks(ofChildrenOf: node, depth: depth + 1), range: range(node))
        case .list:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            let items = children(node).map { blocks(ofChildrenOf: $0, depth: depth + 1) }
            return .list(ordered: ordered, start: Int(cmark_node_get_list_start(node)), items: items, range: range(node))
        case .codeBlock:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            return .code(info: info, text: literal(node), range: range(node))
        case .htmlBlock:
            return .html(literal(node), range: range(node))
        case .thematicBreak:
            return .thematicBreak(range: range(node))
        case .table:
            return table(node)
        case .footnoteDefinition:
            let index = definitionCount
            definitionCount += 1
            let label = index < referenceLabels.count ? referenceLabels[index] : String(index + 1)
            return .footnoteDefinition(label: label, content: blocks(ofChildrenOf: node, depth: depth + 1), range: range(node))
        default:
            return nil
        }
    }

    func table(_ node: OpaquePointer) -> Block {
        let count = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [String] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for index in 0..<count {
                switch raw[index] {
                case UInt8(ascii: "l"): alignments.append("l")
                case UInt8(ascii: "c"): alignments.append("c")
                case UInt8(ascii: "r"): alignments.append("r")
                default: alignments.append("")
                }
            }
        }
        var header: [[Inline]] = []
        var rows: [[[Inline]]] = []
        for row in children(node) {
            let cells = children(row).map { inlines(ofChildrenOf: $0) }
            if cmark_gfm_extensions_get_table_row_is_header(row) != 0 {
                header = cells
            } else {
                rows.append(cells)
            }
        }
        return .table(header: header, rows: rows, alignments: alignments, range: range(node))
    }

    func inlines(ofChildrenOf node: OpaquePointer) -> [Inline] {
        guard inlineDepth < MarkdownReader.maxInlineDepth else { return plainInlines(under: node) }
        inlineDepth += 1
        defer { inlineDepth -= 1 }
        return ClaimSpans.bind(children(node).compactMap(inline))
    }

    /// The plain text under `node` as one text inline, found without recursion (footnote
    /// references are still counted, so definitions keep their labels).
    func plainInlines(under node: OpaquePointer) -> [Inline] {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return [] }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
                  let current = cmark_iter_get_node(iterator), current != node else { continue }
            switch NodeType(current) {
            case .text: text += ClaimSpans.restoreEscapedBraces(rawLiteral(current), as: "{")
            case .code: text += literal(current)
            case .softBreak, .lineBreak: text += " "
            case .footnoteReference:
                let label = literal(current)
                if !referenceLabels.contains(label) { referenceLabels.append(label) }
            default: break
            }
        }
        return text.isEmpty ? [] : [.text(text)]
    }

    func inline(_ node: OpaquePointer) -> Inline? {
        switch NodeType(node) {
        case .text: return .text(rawLiteral(node))
        case .softBreak: return .softBreak
        case .lineBreak: return .lineBreak
        case .code: return .code(literal(node))
        case .emphasis: return .emphasis(inlines(ofChildrenOf: node))
        case .strong: return .strong(inlines(ofChildrenOf: node))
        case .strikethrough: return .strikethrough(inlines(ofChildrenOf: node))
        case .link:
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            return .link(url: url, content: inlines(ofChildrenOf: node))
        case .image:
            return .text(Inline.plainText(inlines(ofChildrenOf: node)))
        case .footnoteReference:
            let label = literal(node)
            if !referenceLabels.contains(label) { referenceLabels.append(label) }
            return .footnoteReference(label: label)
        case .htmlInline:
            return .html(literal(node))
        default:
            return nil
        }
    }
}

/// cmark-gfm's node types, named once at the C door; nothing else compares type names.
/// Core types come from `cmark_node_get_type`; the GFM extensions' nodes (table, strikethrough)
/// have types registered at run time, so they are recognised by their type string.
private enum NodeType: String {
    case heading, paragraph, list, item, table, text, code, strong, strikethrough, link, image
    case blockQuote = "block_quote", codeBlock = "code_block", htmlBlock = "html_block"
    case thematicBreak = "thematic_break", tableRow = "table_row", tableCell = "table_cell"
    case footnoteDefinition = "footnote_definition", footnoteReference = "footnote_reference"
    case softBreak = "softbreak", lineBreak = "linebreak", emphasis = "emph", htmlInline = "html_inline"
    case other

    init(_ node: OpaquePointer) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_FOOTNOTE_DEFINITION: self = .footnoteDefinition
        case CMARK_NODE_FOOTNOTE_REFERENCE: self = .footnoteReference
        default:
            let name = cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
            self = NodeType(rawValue: name) ?? .other
        }
    }
}
