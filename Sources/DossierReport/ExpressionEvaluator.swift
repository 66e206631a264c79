import DossierBase

/// Evaluates expressions against the computed results of a report and expands `{{ … }}`
/// in text, reporting errors at their position in the report file.
package struct ExpressionEvaluator {
    /// Top-level names: analysis ids and the report's own fields.
    package let root: [String: ResultValue]

    package init(root: [String: ResultValue]) {
        self.root = root
    }

    /// Resolves `expression` to a formatted value.
    package func evaluate(_ expression: Expression) throws(FormatFailure) -> ResultValue {
        var value = try resolve(expression)
        for call in expression.formatters {
            value = try Formatter.apply(call.name, arguments: call.arguments, to: value)
        }
        return value
    }

    /// The value `expression`'s path reaches, before any formatter: the one path resolver,
    /// shared by `{{ }}` expressions and claim conditions.
    package func resolve(_ expression: Expression) throws(FormatFailure) -> ResultValue {
        var current: ResultValue?
        for (offset, step) in expression.path.enumerated() {
            switch step {
            case let .member(name):
                if offset == 0 {
                    guard let value = root[name] else {
                        throw FormatFailure("unknown name \(InputExcerpt.quoted(name))" + NameHint.hint(for: name, known: root.keys.sorted()))
                    }
                    current = value
                } else if let value = current {
                    current = try member(name, of: value, path: expression.pathText(offset))
                }
            case let .index(index):
                guard let value = current else { break }
                current = try element(index, of: value, path: expression.pathText(offset))
            case let .match(field, wanted):
                guard let value = current else { break }
                current = try matchingRow(field: field, value: wanted, in: value, path: expression.pathText(offset))
            }
        }
        guard let value = current else { throw FormatFailure("empty expression") }
        return value
    }

    private func member(_ name: String, of value: ResultValue, path: String) throws(FormatFailure) -> ResultValue {
        if let member = value.member(name) { return member }
        let known = value.memberNames
        throw FormatFailure("\(InputExcerpt.quoted(path)) (\(value.kindWithArticle)) has no member \(InputExcerpt.quoted(name))" + NameHint.hint(for: name, known: known))
    }

    private func element(_ index: Int, of value: ResultValue, path: String) throws(FormatFailure) -> ResultValue {
        switch value {
        case let .list(items) where items.indices.contains(index): return items[index]
        case let .table(table) where index >= 0 && index < table.rowCount: return table.row(index)
        default:
            throw FormatFailure("\(InputExcerpt.quoted(path)) has no element [\(index)]")
        }
    }

    private func matchingRow(field: String, value wanted: String, in value: ResultValue, path: String) throws(FormatFailure) -> ResultValue {
        guard case let .table(table) = value else {
            throw FormatFailure("\(InputExcerpt.quoted(path)) is \(value.kindWithArticle), not a table; [\(InputExcerpt.excerpt(field))=…] selects a table row")
        }
        guard let column = table.column(field) else {
            throw FormatFailure("table \(InputExcerpt.quoted(path)) has no column \(InputExcerpt.quoted(field))" + NameHint.hint(for: field, known: table.columns.map(\.name)))
        }
        if let index = column.values.firstIndex(where: { Formatter.plainText($0) == wanted }) {
            return table.row(index)
        }
        let shown = column.values.map(Formatter.plainText)
        throw FormatFailure("no row of \(InputExcerpt.quoted(path)) has \(InputExcerpt.excerpt(field)) = \(InputExcerpt.quoted(wanted))" + NameHint.hint(for: wanted, known: shown))
    }

    /// Replaces every `{{ expression }}` in `text` by its formatted value, and every `\{{` by a
    /// literal `{{`. `location` is the position of the text's first character in the report;
    /// `escape` transforms the value before insertion (e.g. Markdown escaping).
    ///
    /// `references` lists the figure and table ids that `{{ ref:id }}` may cite (Markdown text:
    /// the body and the findings); a cross-reference prints the placeholder link of
    /// ``CrossReferences/placeholder(_:)``, unescaped. Where `references` is nil (titles, chart
    /// text, table headers) a cross-reference is an error.
    ///
    /// One pass over the text (linear in its length, however many expressions it holds).
    package func expand(_ text: String, at location: SourceLocation, escape: (String) -> String = { $0 },
                        references: [String]? = nil, memo: PrintedExpressions? = nil) throws(ReportError) -> String {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count)
        let pieces = ExpressionText.pieces(of: text)
        // Where piece `position` starts: its line and column (in characters) are counted only
        // to place an error, piece by piece as the text is walked (counting every piece of the
        // flagship's body cost about 1 ms a build).
        func start(of position: Int) -> SourceLocation {
            var line = location.line
            var column = location.column
            for (_, source) in pieces[..<position] {
                for character in text[source] {
                    if character == "\n" { line += 1; column = 1 } else { column += 1 }
                }
            }
            return SourceLocation(file: location.file, line: line, column: column)
        }
        for (position, (piece, _)) in pieces.enumerated() {
            switch piece {
            case let .literal(literal):
                output += literal
            case .unterminated:
                throw ReportError("unterminated \"{{\": expected \"}}\" to close the expression", at: start(of: position))
            case let .expression(inner) where CrossReferences.citedID(String(inner)) != nil:
                output += try crossReference(String(inner), at: { start(of: position) }, references: references)
            case let .expression(inner):
                let text = String(inner)
                let value: String
                if let known = memo?.value(of: text) {
                    value = known
                } else {
                    value = try printed(text, at: { start(of: position) })
                    memo?.add(value, of: text)
                }
                output += escape(value)
                guard output.utf8.count <= TextLimits.expandedBytes else {
                    throw ReportError("in \(Self.shown(inner)): the text grows past \(TextLimits.expandedBytes) bytes once its expressions are "
                                      + "printed; print fewer or shorter values", at: start(of: position))
                }
            }
        }
        return output
    }

    /// The placeholder for `{{ ref:id }}`, after checking that `id` is one of `references`;
    /// `place` gives where it is written (its `{{`), asked for only to place an error.
    private func crossReference(_ inner: String, at place: () -> SourceLocation, references: [String]?) throws(ReportError) -> String {
        let id = CrossReferences.citedID(inner) ?? ""
        // Made only for an error (an excerpt per cross-reference cost about 0.1 ms a build).
        var shown: String { Self.shown(inner[...]) }
        guard let references else {
            throw ReportError("in \(shown): a cross-reference is allowed in the body, the findings and captions only, "
                              + "not in this text; write the figure or table number out here", at: place())
        }
        guard !id.isEmpty else {
            throw ReportError("in \(shown): expected the id of a figure or table after \"ref:\"", at: place())
        }
        guard references.contains(id) else {
            throw ReportError("in \(shown): no figure or table \(InputExcerpt.quoted(id)) is declared in the front matter"
                              + NameHint.hint(for: id, known: references.sorted()), at: place())
        }
        return CrossReferences.placeholder(id)
    }

    /// `{{inner}}` as error messages show it.
    private static func shown(_ inner: Substring) -> String {
        "{{" + InputExcerpt.excerpt(String(inner), limit: 60) + "}}"
    }

    /// The plain text of the expression `inner` written at `place()` (where its `{{` is), not
    /// yet escaped; errors are placed in the report (`place` is asked for only then).
    private func printed(_ inner: String, at place: () -> SourceLocation) throws(ReportError) -> String {
        // How the expression is shown in an error, made only for one (an excerpt per
        // expression cost about 0.4 ms of a flagship build).
        var shown: String { Self.shown(inner[...]) }
        let expression: Expression
        do {
            expression = try Expression.parse(inner)
        } catch {
            let start = place()
            throw ReportError("in \(shown): \(error.message)",
                              at: SourceLocation(file: start.file, line: start.line, column: start.column + 2 + error.offset))
        }
        let value: String
        do {
            value = Formatter.plainText(try evaluate(expression))
        } catch {
            throw ReportError("in \(shown): \(error.message)", at: place())
        }
        guard value.utf8.count <= TextLimits.expressionCharacters || value.count <= TextLimits.expressionCharacters else {
            throw ReportError("in \(shown): the value has \(value.count) characters; an expression may print at most "
                              + "\(TextLimits.expressionCharacters)", at: place())
        }
        return value
    }
}

/// Escapes Markdown punctuation so that a substituted value is shown literally (and `{`, so
/// that a printed value never completes a claim span `[words]{claim=id}`).
package func escapeMarkdown(_ text: String) -> String {
    escapeMarkdown(text, also: "{")
}

/// Escapes Markdown punctuation and the characters of `extra` (`"{}"` for text that must not
/// open an expression either).
package func escapeMarkdown(_ text: String, also extra: String) -> String {
    // Every character escaped is one ASCII scalar (no other character equals it), so text
    // without any of their bytes has nothing to escape (a printed number, most values).
    if extra.utf8.allSatisfy({ $0 < 0x80 }),
       !text.utf8.contains(where: { markdownPunctuation.contains($0) || extra.utf8.contains($0) }) {
        return text
    }
    var out = ""
    for character in text {
        if "\\`*_[]<>#|!".contains(character) || extra.contains(character) { out.append("\\") }
        out.append(character)
    }
    return out
}

/// The bytes of the Markdown punctuation ``escapeMarkdown(_:also:)`` escapes.
private let markdownPunctuation: Set<UInt8> = Set("\\`*_[]<>#|!".utf8)
