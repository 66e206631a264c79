import DossierBase

/// A problem in a Vega expression, at a character of it (1-based).
struct VegaExpressionError: Error, Sendable, Equatable {
    /// What was found and what was expected.
    var message: String
    /// The character of the expression where the problem is (1-based).
    var position: Int
}

/// The limits of a Vega expression, like the other limits of a chart spec.
enum VegaExpressionLimits {
    /// The longest expression, in characters.
    static let maximumLength = 10_000
    /// The deepest nesting of operations, calls and parentheses.
    static let maximumDepth = 64
}

/// Parses the subset of Vega's expression language that Dossier evaluates (see
/// docs/report-format.md, "Transforms"): `datum.field`, `datum['field']`, numbers, texts,
/// `true`/`false`/`null`, `PI`, `E`, arithmetic, comparisons, `&&`, `||`, `!`, `?:`,
/// parentheses and the functions of ``VegaExpressionFunction``.
struct VegaExpressionParser {
    private var scanner: CharacterScanner
    private var depth = 0

    /// Parses `text` into a syntax tree, or throws a ``VegaExpressionError``.
    static func parse(_ text: String) throws -> VegaExpressionNode {
        var parser = VegaExpressionParser(text: text)
        guard parser.scanner.characters.count <= VegaExpressionLimits.maximumLength else {
            throw VegaExpressionError(message: "the expression has \(parser.scanner.characters.count) characters, more than \(VegaExpressionLimits.maximumLength)", position: 1)
        }
        parser.scanner.skipSpaces()
        guard !parser.scanner.atEnd else {
            throw VegaExpressionError(message: "the expression is empty, expected a value such as `datum.field`", position: 1)
        }
        let node = try parser.conditional()
        parser.scanner.skipSpaces()
        if !parser.scanner.atEnd {
            throw parser.failure("\(parser.describeHere()) after a complete expression, expected an operator or the end")
        }
        return node
    }

    private init(text: String) { scanner = CharacterScanner(text) }

    // MARK: Grammar (JavaScript precedence)

    private mutating func conditional() throws -> VegaExpressionNode {
        try enter()
        defer { depth -= 1 }
        let test = try logical(isAnd: false)
        guard consume("?") else { return test }
        let then = try conditional()
        guard consume(":") else { throw failure("\(describeHere()), expected `:` of the `? :` operator") }
        let otherwise = try conditional()
        return .conditional(test, then, otherwise)
    }

    private mutating func logical(isAnd: Bool) throws -> VegaExpressionNode {
        var left = isAnd ? try binary(minimum: 1) : try logical(isAnd: true)
        while consume(isAnd ? "&&" : "||") {
            let right = isAnd ? try binary(minimum: 1) : try logical(isAnd: true)
            left = .logical(isAnd: isAnd, left, right)
        }
        return left
    }

    /// Operators of precedence `minimum` and above, left-associative (precedence climbing).
    private mutating func binary(minimum: Int) throws -> VegaExpressionNode {
        var left = try unary()
        while let op = peekBinaryOperator(), op.precedence >= minimum {
            scanner.skipSpaces()
            scanner.position += op.rawValue.count
            try enter()
            let right = try binary(minimum: op.precedence + 1)
            depth -= 1
            left = .binary(op, left, right)
        }
        return left
    }

    private mutating func unary() throws -> VegaExpressionNode {
        scanner.skipSpaces()
        for op in [VegaExpressionNode.UnaryOperator.not, .negate, .plus] where scanner.peek(op.rawValue) {
            if op == .not && scanner.peek("!=") { break }
            scanner.position += 1
            try enter()
            defer { depth -= 1 }
            return .unary(op, try unary())
        }
        return try primary()
    }

    /// A value and its members: `value[key]`, `value.name`.
    private mutating func primary() throws -> VegaExpressionNode {
        try postfix(try atom())
    }

    private mutating func atom() throws -> VegaExpressionNode {
        scanner.skipSpaces()
        guard let c = scanner.current else { throw failure("the expression ends early, expected a value") }
        if c == "(" {
            scanner.position += 1
            let inner = try conditional()
            guard consume(")") else { throw failure("\(describeHere()), expected `)`") }
            return inner
        }
        if c == "'" || c == "\"" { return .literal(.string(try string())) }
        if c.isASCII && (c.isNumber || (c == "." && scanner.character(after: 1)?.isNumber == true)) {
            return .literal(.number(try number()))
        }
        if Self.startsIdentifier(c) {
            let start = scanner.position
            let name = identifier()
            switch name {
            case "datum": return try datumField(start: start)
            case "true": return .literal(.boolean(true))
            case "false": return .literal(.boolean(false))
            case "null", "undefined": return .literal(.null)
            case "PI": return .literal(.number(Double.pi))
            case "E": return .literal(.number(2.718281828459045))
            case "NaN": return .literal(.number(.nan))
            case "Infinity": return .literal(.number(.infinity))
            default: break
            }
            scanner.skipSpaces()
            if scanner.peek("(") {
                guard let function = VegaExpressionFunction(rawValue: name) else {
                    throw VegaExpressionError(message: "function `\(name)` is not supported in expressions yet"
                        + NameHint.hint(for: name, known: VegaExpressionFunction.allCases.map(\.rawValue)), position: start + 1)
                }
                return try call(function, start: start)
            }
            throw VegaExpressionError(message: "unknown name `\(name)`, expected `datum.field`, a number, a text in quotes, "
                                      + "true, false, null, PI or E", position: start + 1)
        }
        if c == "[" { return try arrayLiteral() }
        if c == "{" { return try objectLiteral() }
        throw failure("\(describeHere()), expected a value such as `datum.field`, a number or a text in quotes")
    }

    private mutating func datumField(start: Int) throws -> VegaExpressionNode {
        scanner.skipSpaces()
        if consume(".") {
            scanner.skipSpaces()
            guard let c = scanner.current, Self.startsIdentifier(c) else {
                throw failure("\(describeHere()) after `datum.`, expected a field name")
            }
            return .field(identifier())
        }
        if consume("[") {
            scanner.skipSpaces()
            guard scanner.current == "'" || scanner.current == "\"" else {
                throw failure("\(describeHere()) in `datum[…]`, expected a field name in quotes")
            }
            let name = try string()
            guard consume("]") else { throw failure("\(describeHere()), expected `]`") }
            return .field(name)
        }
        throw VegaExpressionError(message: "`datum` alone is not a value, expected `datum.field` or `datum['field']`", position: start + 1)
    }

    /// Members after a value, as JavaScript reads them: `[key]` (an array's item, an object's
    /// property, a text's character) and `.name` (`.length` of a text or an array).
    private mutating func postfix(_ node: VegaExpressionNode) throws -> VegaExpressionNode {
        var node = node
        while true {
            scanner.skipSpaces()
            if scanner.peek("[") {
                scanner.position += 1
                try enter()
                let key = try conditional()
                depth -= 1
                guard consume("]") else { throw failure("\(describeHere()), expected `]`") }
                node = .member(node, key)
            } else if scanner.peek("."), scanner.character(after: 1)?.isNumber != true {
                scanner.position += 1
                scanner.skipSpaces()
                guard let c = scanner.current, Self.startsIdentifier(c) else {
                    throw failure("\(describeHere()) after `.`, expected a member name")
                }
                node = .member(node, .literal(.string(identifier())))
            } else if scanner.peek("(") {
                throw failure("calling a value is not supported, expected an operator")
            } else {
                return node
            }
        }
    }

    /// `[a, b, …]`.
    private mutating func arrayLiteral() throws -> VegaExpressionNode {
        _ = consume("[")
        try enter()
        defer { depth -= 1 }
        var items: [VegaExpressionNode] = []
        if consume("]") { return .array(items) }
        repeat { items.append(try conditional()) } while consume(",")
        guard consume("]") else { throw failure("\(describeHere()) in an array, expected `,` or `]`") }
        return .array(items)
    }

    /// `{key: value, 'key': value, …}` (keys: names, texts in quotes or numbers).
    private mutating func objectLiteral() throws -> VegaExpressionNode {
        _ = consume("{")
        try enter()
        defer { depth -= 1 }
        var keys: [String] = [], values: [VegaExpressionNode] = []
        if consume("}") { return .object(keys: keys, values: values) }
        repeat {
            scanner.skipSpaces()
            guard let c = scanner.current else { throw failure("the expression ends inside an object, expected a key") }
            if c == "'" || c == "\"" {
                keys.append(try string())
            } else if c.isASCII && c.isNumber {
                keys.append(ExpressionValue.spell(try number()))
            } else if Self.startsIdentifier(c) {
                keys.append(identifier())
            } else {
                throw failure("\(describeHere()) in an object, expected a key (a name or a text in quotes)")
            }
            guard consume(":") else { throw failure("\(describeHere()) after an object's key, expected `:`") }
            values.append(try conditional())
        } while consume(",")
        guard consume("}") else { throw failure("\(describeHere()) in an object, expected `,` or `}`") }
        return .object(keys: keys, values: values)
    }

    private mutating func call(_ function: VegaExpressionFunction, start: Int) throws -> VegaExpressionNode {
        _ = consume("(")
        try enter()
        defer { depth -= 1 }
        var arguments: [VegaExpressionNode] = []
        scanner.skipSpaces()
        if !consume(")") {
            repeat { arguments.append(try conditional()) } while consume(",")
            guard consume(")") else { throw failure("\(describeHere()) in the arguments of `\(function.rawValue)`, expected `,` or `)`") }
        }
        guard function.arity.contains(arguments.count) else {
            let lower = function.arity.lowerBound
            throw VegaExpressionError(message: "`\(function.rawValue)` takes \(lower == 1 ? "an argument" : "\(lower) arguments"), found \(arguments.count)", position: start + 1)
        }
        if let problem = VegaExpressionFunction.literalProblem(function, arguments) {
            throw VegaExpressionError(message: problem, position: start + 1)
        }
        return .call(function, arguments)
    }

    // MARK: Tokens

    private mutating func string() throws -> String {
        let start = scanner.position
        let quote = scanner.characters[start]
        scanner.position += 1
        var text = ""
        while let c = scanner.current, c != quote {
            if c == "\\", let escaped = scanner.character(after: 1) {
                scanner.position += 1
                switch escaped {
                case "n": text.append("\n")
                case "t": text.append("\t")
                default: text.append(escaped)
                }
            } else {
                text.append(c)
            }
            scanner.position += 1
        }
        guard !scanner.atEnd else {
            throw VegaExpressionError(message: "a text opened with \(quote) is not closed", position: start + 1)
        }
        scanner.position += 1
        return text
    }

    private mutating func number() throws -> Double {
        let start = scanner.position
        scanner.skip { $0.isASCII && ($0.isNumber || $0 == ".") }
        if scanner.current == "e" || scanner.current == "E" {
            scanner.position += 1
            if scanner.current == "+" || scanner.current == "-" { scanner.position += 1 }
            scanner.skip { $0.isASCII && $0.isNumber }
        }
        let text = scanner.text(from: start)
        guard let value = Double(text) else {
            throw VegaExpressionError(message: "\(InputExcerpt.quoted(text)) is not a number", position: start + 1)
        }
        return value
    }

    private mutating func identifier() -> String {
        let start = scanner.position
        scanner.skip { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" }
        return scanner.text(from: start)
    }

    /// Whether a name (`datum`, a function, a member) can start with `character`.
    private static func startsIdentifier(_ character: Character) -> Bool {
        character.isLetter || character == "_" || character == "$"
    }

    private func peekBinaryOperator() -> VegaExpressionNode.BinaryOperator? {
        var copy = scanner
        copy.skipSpaces()
        // Longest spelling first: `===` before `==`, `<=` before `<`.
        let ordered = VegaExpressionNode.BinaryOperator.allCases.sorted { $0.rawValue.count > $1.rawValue.count }
        guard let op = ordered.first(where: { copy.peek($0.rawValue) }) else { return nil }
        if copy.peek("&&") || copy.peek("||") { return nil }
        return op
    }

    private mutating func enter() throws {
        depth += 1
        if depth > VegaExpressionLimits.maximumDepth {
            throw failure("the expression nests deeper than \(VegaExpressionLimits.maximumDepth) levels")
        }
    }

    /// Skips spaces, then takes `token` if it comes next.
    private mutating func consume(_ token: String) -> Bool {
        scanner.skipSpaces()
        return scanner.consume(token)
    }

    /// The text at the current position, as an error message names it.
    private func describeHere() -> String {
        guard !scanner.atEnd else { return "the end of the expression" }
        let characters = scanner.characters, position = scanner.position
        let rest = String(characters[position..<Swift.min(characters.count, position + 12)])
        return "found \(InputExcerpt.quoted(rest))"
    }

    private func failure(_ message: String) -> VegaExpressionError {
        VegaExpressionError(message: message, position: Swift.min(scanner.position, scanner.characters.count) + 1)
    }
}
