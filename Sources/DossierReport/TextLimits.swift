import DossierBase
import DossierMarkdown

/// The sizes of text a report may ask Dossier to lay out. Every limit bounds the work of one
/// build (Pango shapes and breaks every character) and is listed, with its number, under
/// "Limits" in docs/diagnostics.md; going over one is an error at the text's line and column.
package enum TextLimits {
    /// The most bytes a `report.md` may have (the flagship has 27 kB).
    package static let reportBytes = 2_000_000
    /// The most characters of one text value of the front matter: a title, subtitle, finding,
    /// alt text, chart title, subtitle, caption or source, column title, author, keyword.
    package static let fieldCharacters = 5_000
    /// The most characters one `{{ expression }}` may print.
    package static let expressionCharacters = 10_000
    /// The most bytes a text (the whole body, a finding, a title) may grow to once its
    /// expressions are printed.
    package static let expandedBytes = 4_000_000
    /// The most characters of one paragraph, heading, list item, table cell or code block of the
    /// body, after its expressions are printed.
    package static let blockCharacters = 50_000

    /// Throws when `text` has more than ``fieldCharacters`` characters; `what` names the field.
    package static func checkField(_ text: String, _ what: String) throws(FieldTooLong) {
        // Bytes bound characters from above: count characters only when the bytes are too many.
        guard text.utf8.count > fieldCharacters else { return }
        let count = text.count
        guard count > fieldCharacters else { return }
        throw FieldTooLong(message: "\(what) has \(count) characters (\(InputExcerpt.quoted(text, limit: 40))); "
                           + "a text field may have at most \(fieldCharacters)")
    }

    /// A text field over ``fieldCharacters``.
    package struct FieldTooLong: Error {
        package var message: String
    }

    /// Throws at the first block of `blocks` whose text has more than ``blockCharacters``
    /// characters.
    package static func checkBlocks(_ blocks: [Block], path: String) throws(ReportError) {
        for block in blocks {
            try checkBlock(block, line: nil, path: path)
        }
    }

    private static func checkBlock(_ block: Block, line enclosing: Int?, path: String) throws(ReportError) {
        func check(_ count: Int, _ line: Int?, _ what: String) throws(ReportError) {
            guard count > blockCharacters else { return }
            throw ReportError("this \(what) has \(count) characters; a paragraph, heading, list item, table cell or code block "
                              + "may have at most \(blockCharacters) (split it)",
                              at: SourceLocation(file: path, line: line ?? enclosing ?? 1, column: 1))
        }
        switch block {
        case let .heading(_, content, range):
            try check(length(content), range.start.line, "heading")
        case let .paragraph(content, range):
            try check(length(content), range.start.line, "paragraph")
        case let .code(_, text, range):
            try check(text.count, range.start.line, "code block")
        case let .blockQuote(children, _), let .footnoteDefinition(_, children, _):
            for child in children { try checkBlock(child, line: enclosing, path: path) }
        case let .list(_, _, items, _):
            for item in items { for child in item { try checkBlock(child, line: enclosing, path: path) } }
        case let .table(header, rows, _, _):
            for cell in header + rows.flatMap({ $0 }) { try check(length(cell), enclosing, "table cell") }
        case .thematicBreak, .html:
            break
        }
    }

    /// The characters of inline content, counted without building its text.
    private static func length(_ inlines: [Inline]) -> Int {
        var total = 0
        for inline in inlines {
            switch inline {
            case let .text(text), let .code(text), let .html(text): total += text.count
            case .softBreak, .lineBreak: total += 1
            case let .emphasis(content), let .strong(content), let .strikethrough(content), let .link(_, content),
                 let .claimSpan(_, content):
                total += length(content)
            case let .footnoteReference(label): total += label.utf8.count
            case let .crossReference(_, label): total += label.count
            }
        }
        return total
    }
}

extension KeyedDecodingContainer {
    /// A text value of at most ``TextLimits/fieldCharacters`` characters.
    package func decodeLimitedText(forKey key: Key) throws -> String {
        let text = try decode(String.self, forKey: key)
        try checkLimit(text, key)
        return text
    }

    /// An optional text value of at most ``TextLimits/fieldCharacters`` characters.
    package func decodeLimitedTextIfPresent(forKey key: Key) throws -> String? {
        guard let text = try decodeIfPresent(String.self, forKey: key) else { return nil }
        try checkLimit(text, key)
        return text
    }

    /// An optional list of texts, each of at most ``TextLimits/fieldCharacters`` characters.
    package func decodeLimitedTextsIfPresent(forKey key: Key) throws -> [String]? {
        guard let texts = try decodeIfPresent([String].self, forKey: key) else { return nil }
        for (index, text) in texts.enumerated() { try checkLimit(text, key, item: index) }
        return texts
    }

    /// Throws a decoding error at `key` when `text` is over the limit.
    package func checkLimit(_ text: String, _ key: Key, item: Int? = nil, what: String? = nil) throws {
        do {
            try TextLimits.checkField(text, what ?? (item.map { "item \($0)" } ?? "the text"))
        } catch {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: error.message)
        }
    }
}
