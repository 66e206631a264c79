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
        if let parsed = parseASCII(text) { return parsed }
        return try parseCharacters(text)
    }

    /// ``parse(_:)`` one Character at a time: any text, and the offset of an error.
    static func parseCharacters(_ text: String) throws(ExpressionSyntaxError) -> Expression {
        var scanner = Scanner(Array(text))
        scanner.skipSpaces()
        let path = try scanner.path()
        var formatters: [FormatterCall] = []
        scanner.skipSpaces()
        while scanner.consume("|") {
            scanner.skipSpaces()
            guard let name = scanner.identifier() else {
                throw ExpressionSyntaxError(offset: scanner.position, message: "expected a formatter name after \"|\", found \(scanner.describeNext())")
            }
            var arguments: [Int] = []
            scanner.skipSpaces()
            if scanner.consume("(") {
                repeat {
                    scanner.skipSpaces()
                    guard let number = scanner.integer() else {
                        throw ExpressionSyntaxError(offset: scanner.position, message: "expected a whole number argument, found \(scanner.describeNext())")
                    }
                    arguments.append(number)
                    scanner.skipSpaces()
                } while scanner.consume(",")
                guard scanner.consume(")") else {
                    throw ExpressionSyntaxError(offset: scanner.position, message: "expected \")\", found \(scanner.describeNext())")
                }
            }
            formatters.append(FormatterCall(name: name, arguments: arguments))
            scanner.skipSpaces()
        }
        guard scanner.atEnd else {
            throw ExpressionSyntaxError(offset: scanner.position, message: "unexpected \(scanner.describeNext())")
        }
        return Expression(path: path, formatters: formatters, source: text.trimmingSpaces)
    }

    /// Parses a path (`name`, then `.name`, `[3]` or `[field=value]` steps) in `characters`
    /// from `start`: the path and the offset just after it. The one path syntax, shared by
    /// `{{ }}` expressions and claim conditions; errors carry the offset in `characters`.
    package static func parsePath(_ characters: [Character], from start: Int) throws(ExpressionSyntaxError) -> (path: [Step], end: Int) {
        var scanner = Scanner(characters)
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

/// A minimal character scanner for expressions.
private struct Scanner {
    let characters: [Character]
    var position = 0

    init(_ characters: [Character]) { self.characters = characters }

    /// A path: a name, then `.name`, `[index]` or `[field=value]` steps.
    mutating func path() throws(ExpressionSyntaxError) -> [Expression.Step] {
        guard let first = identifier() else {
            throw ExpressionSyntaxError(offset: position, message: "expected a name, found \(describeNext())")
        }
        var path: [Expression.Step] = [.member(first)]
        while true {
            if consume(".") {
                guard let name = identifier() else {
                    throw ExpressionSyntaxError(offset: position, message: "expected a name after \".\", found \(describeNext())")
                }
                path.append(.member(name))
            } else if consume("[") {
                skipSpaces()
                if let number = integer() {
                    path.append(.index(number))
                } else if let field = identifier() {
                    skipSpaces()
                    guard consume("=") else {
                        throw ExpressionSyntaxError(offset: position, message: "expected \"=\" in [field=value], found \(describeNext())")
                    }
                    skipSpaces()
                    guard let value = quotedOrBare() else {
                        throw ExpressionSyntaxError(offset: position, message: "expected a value after \"=\", found \(describeNext())")
                    }
                    path.append(.match(field: field, value: value))
                } else {
                    throw ExpressionSyntaxError(offset: position, message: "expected an index or field=value inside [ ], found \(describeNext())")
                }
                skipSpaces()
                guard consume("]") else {
                    throw ExpressionSyntaxError(offset: position, message: "expected \"]\", found \(describeNext())")
                }
            } else {
                return path
            }
        }
    }

    var atEnd: Bool {
        var probe = position
        while probe < characters.count, CharacterClasses.isWhitespace(characters[probe]) { probe += 1 }
        return probe == characters.count
    }

    mutating func skipSpaces() {
        while position < characters.count, CharacterClasses.isWhitespace(characters[position]) { position += 1 }
    }

    mutating func consume(_ character: Character) -> Bool {
        guard position < characters.count, characters[position] == character else { return false }
        position += 1
        return true
    }

    mutating func identifier() -> String? {
        let start = position
        while position < characters.count,
              CharacterClasses.isLetter(characters[position]) || characters[position] == "_"
                || (position > start && (CharacterClasses.isNumber(characters[position]) || characters[position] == "-")) {
            position += 1
        }
        return position > start ? CharacterScanner.text(of: characters[start..<position]) : nil
    }

    mutating func integer() -> Int? {
        let start = position
        if position < characters.count, characters[position] == "-" { position += 1 }
        while position < characters.count, characters[position].isASCII, characters[position].isNumber { position += 1 }
        guard position > start, let value = Int(CharacterScanner.text(of: characters[start..<position])) else {
            position = start
            return nil
        }
        return value
    }

    mutating func quotedOrBare() -> String? {
        if consume("\"") {
            let start = position
            while position < characters.count, characters[position] != "\"" { position += 1 }
            guard position < characters.count else { return nil }
            let value = CharacterScanner.text(of: characters[start..<position])
            position += 1
            return value
        }
        let start = position
        while position < characters.count, characters[position] != "]", !characters[position].isWhitespace {
            position += 1
        }
        return position > start ? CharacterScanner.text(of: characters[start..<position]) : nil
    }

    func describeNext() -> String {
        position < characters.count ? "\"\(characters[position])\"" : "the end of the expression"
    }
}
