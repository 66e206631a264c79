import DossierBase

/// An inline expression such as `decentralization.spearman.rho | fixed(2)`: a path into the
/// computed results, then formatters applied left to right.
package struct Expression: Sendable, Equatable {
    /// One step of a path.
    package enum Step: Sendable, Equatable {
        case member(String)
        case index(Int)
        /// `[field=value]`: the row of a table whose `field` shows as `value`.
        case match(field: String, value: String)
    }

    /// One formatter call.
    package struct FormatterCall: Sendable, Equatable {
        package var name: String
        package var arguments: [Int]

        package init(name: String, arguments: [Int]) {
            self.name = name
            self.arguments = arguments
        }
    }

    package var path: [Step]
    package var formatters: [FormatterCall]
    package var source: String

    package init(path: [Step], formatters: [FormatterCall], source: String) {
        self.path = path
        self.formatters = formatters
        self.source = source
    }

    /// Parses the text between `{{` and `}}`. Errors carry the character offset in `text`.
    package static func parse(_ text: String) throws(ExpressionSyntaxError) -> Expression {
        if let parsed = parseASCII(text) { return try parsed.get() }
        return try parseCharacters(text)
    }

    /// ``parse(_:)`` over the text's bytes, for the texts nearly every `{{ }}` holds: printable
    /// ASCII, where each Character is one byte (splitting a text into Characters cost ~30,000
    /// instructions an expression). Nil for any other text.
    static func parseASCII(_ text: String) -> Result<Expression, ExpressionSyntaxError>? {
        let parsed = text.utf8.withContiguousStorageIfAvailable { bytes -> Result<Expression, ExpressionSyntaxError>? in
            guard bytes.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E }) else { return nil }
            var scanner = ExpressionScanner(bytes)
            return Result { () throws(ExpressionSyntaxError) in try scanner.expression() }
        }
        return parsed ?? nil
    }

    /// ``parse(_:)`` one Character at a time: any text.
    static func parseCharacters(_ text: String) throws(ExpressionSyntaxError) -> Expression {
        var scanner = ExpressionScanner(Array(text))
        return try scanner.expression()
    }

    /// Parses a path (`name`, then `.name`, `[3]` or `[field=value]` steps) in `characters`
    /// from `start`: the path and the offset just after it. The one path syntax, shared by
    /// `{{ }}` expressions and claim conditions; errors carry the offset in `characters`.
    package static func parsePath(_ characters: [Character], from start: Int) throws(ExpressionSyntaxError) -> (path: [Step], end: Int) {
        var scanner = ExpressionScanner(characters)
        scanner.position = start
        let path = try scanner.path()
        return (path, scanner.position)
    }

    /// Whether `character` may start a name (a letter or `_`).
    package static func startsName(_ character: Character) -> Bool {
        CharacterClasses.isLetter(character) || character == "_"
    }

    /// The dotted form of the first `count` steps, for messages.
    package func pathText(_ count: Int) -> String {
        var text = ""
        for step in path.prefix(count) {
            switch step {
            case let .member(name): text += text.isEmpty ? name : "." + name
            case let .index(index): text += "[\(index)]"
            case let .match(field, value): text += "[\(field)=\(value)]"
            }
        }
        return text
    }
}

/// A syntax error inside `{{ }}`, at a character offset of the expression text.
package struct ExpressionSyntaxError: Error {
    package var offset: Int
    package var message: String
}

extension String {
    package var trimmingSpaces: String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return String(slice)
    }
}
