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
        guard var value = current else { throw FormatFailure("empty expression") }
        for call in expression.formatters {
            value = try Formatter.apply(call.name, arguments: call.arguments, to: value)
        }
        return value
    }

    private func member(_ name: String, of value: ResultValue, path: String) throws(FormatFailure) -> ResultValue {
        switch value {
        case let .record(fields):
            if let field = fields.first(where: { $0.name == name }) { return field.value }
        case let .table(table):
            // A column wins over the built-in members, so a column called "n" is reachable;
            // the row count is then `.rows.n`.
            if let column = table.column(name) { return .list(column.values) }
            if name == "n" { return .integer(table.rowCount) }
            if name == "rows" { return .list((0..<table.rowCount).map(table.row)) }
        case let .list(items):
            if name == "n" { return .integer(items.count) }
        default:
            break
        }
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
    /// One pass over the text (linear in its length, however many expressions it holds).
    package func expand(_ text: String, at location: SourceLocation, escape: (String) -> String = { $0 }) throws(ReportError) -> String {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var line = location.line
        var column = location.column
        var index = text.startIndex
        let end = text.endIndex
        /// Whether `text[at...]` starts with two copies of `character`.
        func doubled(_ character: Character, at position: String.Index) -> Bool {
            guard position < end, text[position] == character else { return false }
            let next = text.index(after: position)
            return next < end && text[next] == character
        }
        func advance(over range: Range<String.Index>) {
            for character in text[range] {
                if character == "\n" { line += 1; column = 1 } else { column += 1 }
            }
        }
        while index < end {
            let character = text[index]
            if character == "\\", doubled("{", at: text.index(after: index)) {
                // `\{{`: a literal `{{`.
                output += "{{"
                let after = text.index(index, offsetBy: 3)
                advance(over: index..<after)
                index = after
                continue
            }
            guard character == "{", doubled("{", at: index) else {
                output.append(character)
                if character == "\n" { line += 1; column = 1 } else { column += 1 }
                index = text.index(after: index)
                continue
            }
            let start = SourceLocation(file: location.file, line: line, column: column)
            let innerStart = text.index(index, offsetBy: 2)
            var close = innerStart
            while close < end, !doubled("}", at: close) { close = text.index(after: close) }
            guard close < end else {
                throw ReportError("unterminated \"{{\": expected \"}}\" to close the expression", at: start)
            }
            let inner = String(text[innerStart..<close])
            let shown = "{{" + InputExcerpt.excerpt(inner, limit: 60) + "}}"
            let expression: Expression
            do {
                expression = try Expression.parse(inner)
            } catch {
                throw ReportError("in \(shown): \(error.message)",
                                  at: SourceLocation(file: location.file, line: line, column: column + 2 + error.offset))
            }
            let value: String
            do {
                value = Formatter.plainText(try evaluate(expression))
            } catch {
                throw ReportError("in \(shown): \(error.message)", at: start)
            }
            guard value.utf8.count <= TextLimits.expressionCharacters || value.count <= TextLimits.expressionCharacters else {
                throw ReportError("in \(shown): the value has \(value.count) characters; an expression may print at most "
                                  + "\(TextLimits.expressionCharacters)", at: start)
            }
            output += escape(value)
            guard output.utf8.count <= TextLimits.expandedBytes else {
                throw ReportError("in \(shown): the text grows past \(TextLimits.expandedBytes) bytes once its expressions are "
                                  + "printed; print fewer or shorter values", at: start)
            }
            let after = text.index(close, offsetBy: 2)
            advance(over: index..<after)
            index = after
        }
        return output
    }

    /// Whether `text` holds an expression (`{{` not written as `\{{`).
    package static func containsExpression(_ text: String) -> Bool {
        var previous: Character = " "
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "{", next < text.endIndex, text[next] == "{", previous != "\\" { return true }
            previous = character
            index = next
        }
        return false
    }
}

/// Escapes Markdown punctuation so that a substituted value is shown literally.
package func escapeMarkdown(_ text: String) -> String {
    var out = ""
    for character in text {
        if "\\`*_[]<>#|!".contains(character) { out.append("\\") }
        out.append(character)
    }
    return out
}
