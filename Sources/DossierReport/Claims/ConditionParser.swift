import DossierBase

/// Parses a claim's condition (`holds:`):
///
/// ```
/// condition  := or
/// or         := and ("or" and)*
/// and        := not ("and" not)*
/// not        := "not" not | comparison
/// comparison := sum (("<" | "<=" | ">" | ">=" | "==" | "!=" | "contains") sum)?
/// sum        := product (("+" | "-") product)*
/// product    := unary (("*" | "/") unary)*
/// unary      := "-" unary | primary
/// primary    := number | string | "true" | "false" | "(" condition ")"
///             | "[" sum "," sum "]" | function "(" sum ("," sum)* ")" | path
/// ```
///
/// Paths are read by ``Expression/parsePath(_:from:)``, the parser of `{{ }}` expressions. Names
/// may hold `-`, so write spaces around a minus after a name (`a.n - 1`). Errors carry the
/// character offset in the condition.
package struct ConditionParser {
    /// The functions and how many arguments each takes (`nil`: one or more).
    package static let functions: [String: Int?] = ["abs": 1, "log": 1, "sqrt": 1, "min": nil, "max": nil]
    /// Words that cannot start a path.
    package static let keywords: Set<String> = ["and", "or", "not", "contains", "true", "false"]
    /// How deeply parentheses, operators and calls may nest.
    package static let maximumDepth = 64
    /// How many binary operators a condition may have (a chain `a + b + …` is a tree as deep
    /// as it is long, and evaluation recurses through it).
    package static let maximumOperators = 256

    private var scanner: CharacterScanner
    private var depth = 0
    private var operators = 0

    private init(_ text: String) {
        scanner = CharacterScanner(text)
    }

    /// Parses `text`.
    package static func parse(_ text: String) throws(ExpressionSyntaxError) -> Condition {
        var parser = ConditionParser(text)
        parser.scanner.skipSpaces()
        guard !parser.scanner.atEnd else {
            throw ExpressionSyntaxError(offset: 0, message: "the condition is empty")
        }
        let condition = try parser.or()
        parser.scanner.skipSpaces()
        guard parser.scanner.atEnd else {
            throw parser.failure("expected an operator (and, or, <, ==, +, …) or the end of the condition, found \(parser.describeNext())")
        }
        return condition
    }

    // MARK: Grammar

    private mutating func or() throws(ExpressionSyntaxError) -> Condition {
        try nested()
        defer { depth -= 1 }
        var left = try and()
        while let at = keyword("or") {
            left = try counted(.binary(.or, left, try and(), at: at))
        }
        return left
    }

    private mutating func and() throws(ExpressionSyntaxError) -> Condition {
        var left = try not()
        while let at = keyword("and") {
            left = try counted(.binary(.and, left, try not(), at: at))
        }
        return left
    }

    private mutating func not() throws(ExpressionSyntaxError) -> Condition {
        if let at = keyword("not") {
            try nested()
            defer { depth -= 1 }
            return .not(try not(), at: at)
        }
        return try comparison()
    }

    private mutating func comparison() throws(ExpressionSyntaxError) -> Condition {
        let left = try sum()
        scanner.skipSpaces()
        let at = scanner.position
        let found: ConditionOperator?
        if scanner.consume("<=") { found = .lessOrEqual }
        else if scanner.consume(">=") { found = .greaterOrEqual }
        else if scanner.consume("==") { found = .equal }
        else if scanner.consume("!=") { found = .notEqual }
        else if scanner.consume("<") { found = .less }
        else if scanner.consume(">") { found = .greater }
        else if keyword("contains") != nil { found = .contains }
        else if scanner.peek("=") { throw failure("write `==` to compare, found a single \"=\"") }
        else { found = nil }
        guard let found else { return left }
        let right = try sum()
        scanner.skipSpaces()
        if scanner.peek("<") || scanner.peek(">") || scanner.peek("==") || scanner.peek("!=") || peekWord() == "contains" {
            throw failure("comparisons do not chain: write `a < b and b < c`, found another comparison after \(found.shown)")
        }
        return try counted(.binary(found, left, right, at: at))
    }

    private mutating func sum() throws(ExpressionSyntaxError) -> Condition {
        try leftAssociative([("+", .add), ("-", .subtract)]) { parser throws(ExpressionSyntaxError) in try parser.product() }
    }

    private mutating func product() throws(ExpressionSyntaxError) -> Condition {
        try leftAssociative([("*", .multiply), ("/", .divide)]) { parser throws(ExpressionSyntaxError) in try parser.unary() }
    }

    /// `operand (op operand)*` for the `operators` of one precedence level, grouped to the left.
    private mutating func leftAssociative(_ operators: [(symbol: String, op: ConditionOperator)],
                                          operand: (inout ConditionParser) throws(ExpressionSyntaxError) -> Condition)
        throws(ExpressionSyntaxError) -> Condition {
        var left = try operand(&self)
        while true {
            scanner.skipSpaces()
            let at = scanner.position
            guard let op = operators.first(where: { scanner.consume($0.symbol) })?.op else { return left }
            left = try counted(.binary(op, left, try operand(&self), at: at))
        }
    }

    private mutating func unary() throws(ExpressionSyntaxError) -> Condition {
        scanner.skipSpaces()
        let at = scanner.position
        if scanner.consume("-") {
            try nested()
            defer { depth -= 1 }
            return .negate(try unary(), at: at)
        }
        return try primary()
    }

    private mutating func primary() throws(ExpressionSyntaxError) -> Condition {
        scanner.skipSpaces()
        let at = scanner.position
        guard let character = scanner.current else {
            throw failure("expected a value (a number, a text in quotes, a result path or a parenthesis), found the end of the condition")
        }
        if character.isASCII, character.isNumber { return .number(try number(), at: at) }
        if character == "\"" || character == "'" { return .text(try quoted(), at: at) }
        if scanner.consume("(") {
            let inner = try or()
            scanner.skipSpaces()
            guard scanner.consume(")") else { throw failure("expected \")\" to close the \"(\" at character \(at + 1), found \(describeNext())") }
            return inner
        }
        if scanner.consume("[") {
            try nested()
            defer { depth -= 1 }
            let low = try sum()
            scanner.skipSpaces()
            guard scanner.consume(",") else { throw failure("expected \",\" between the ends of an interval [low, high], found \(describeNext())") }
            let high = try sum()
            scanner.skipSpaces()
            guard scanner.consume("]") else { throw failure("expected \"]\" to close the interval, found \(describeNext())") }
            return .interval(low: low, high: high, at: at)
        }
        guard Expression.startsName(character) else {
            throw failure("expected a value (a number, a text in quotes, a result path or a parenthesis), found \(describeNext())")
        }
        let word = peekWord() ?? ""
        switch word {
        case "true", "false":
            scanner.position += word.count
            return .boolean(word == "true", at: at)
        case "and", "or", "not", "contains":
            throw failure("expected a value before \(InputExcerpt.quoted(word)), found the operator itself")
        default:
            break
        }
        if followedByParenthesis(after: at + word.count) {
            return try call(word, at: at)
        }
        let parsed = try Expression.parsePath(scanner.characters, from: at)
        scanner.position = parsed.end
        let source = CharacterScanner.text(of: scanner.characters[at..<parsed.end])
        return .path(Expression(path: parsed.path, formatters: [], source: source), at: at)
    }

    private mutating func call(_ name: String, at: Int) throws(ExpressionSyntaxError) -> Condition {
        guard let arity = Self.functions[name] else {
            throw failure("unknown function \(InputExcerpt.quoted(name))" + NameHint.hint(for: name, known: Self.functions.keys.sorted()), at: at)
        }
        try nested()
        defer { depth -= 1 }
        scanner.position = at + name.count
        scanner.skipSpaces()
        _ = scanner.consume("(")
        var arguments: [Condition] = []
        scanner.skipSpaces()
        if !scanner.peek(")") {
            repeat {
                arguments.append(try sum())
                scanner.skipSpaces()
            } while scanner.consume(",")
        }
        guard scanner.consume(")") else { throw failure("expected \",\" or \")\" in the arguments of \(name), found \(describeNext())") }
        if let arity, arguments.count != arity {
            throw failure("\(name) takes \(arity) argument\(arity == 1 ? "" : "s"), found \(arguments.count)", at: at)
        }
        if arity == nil, arguments.isEmpty {
            throw failure("\(name) takes one or more arguments, found none", at: at)
        }
        return .call(name, arguments, at: at)
    }

    // MARK: Tokens

    private mutating func number() throws(ExpressionSyntaxError) -> Double {
        let start = scanner.position
        let isDigit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
        scanner.skip(while: isDigit)
        if scanner.current == ".", let next = scanner.character(after: 1), isDigit(next) {
            scanner.position += 1
            scanner.skip(while: isDigit)
        }
        if scanner.current == "e" || scanner.current == "E" {
            let mark = scanner.position
            scanner.position += 1
            if scanner.current == "+" || scanner.current == "-" { scanner.position += 1 }
            let exponentStart = scanner.position
            scanner.skip(while: isDigit)
            if scanner.position == exponentStart { scanner.position = mark }
        }
        if let next = scanner.current, Expression.startsName(next) {
            throw failure("expected an operator after the number \(scanner.text(from: start)), found \(describeNext())")
        }
        guard let value = Double(scanner.text(from: start)), value.isFinite else {
            throw failure("\(InputExcerpt.quoted(scanner.text(from: start))) is not a finite number", at: start)
        }
        return value
    }

    private mutating func quoted() throws(ExpressionSyntaxError) -> String {
        let start = scanner.position
        let quote = scanner.characters[start]
        scanner.position += 1
        var text = ""
        while let character = scanner.current, character != quote {
            if character == "\\", scanner.character(after: 1) != nil {
                scanner.position += 1
            }
            text.append(scanner.characters[scanner.position])
            scanner.position += 1
        }
        guard !scanner.atEnd else {
            throw failure("the text opened with \(quote) here is never closed", at: start)
        }
        scanner.position += 1
        return text
    }

    // MARK: Scanning

    /// The name starting at the current position (letters, digits, `_` and `-` after a first
    /// letter or `_`), not consumed.
    private func peekWord() -> String? {
        guard let first = scanner.current, Expression.startsName(first) else { return nil }
        var probe = scanner
        probe.skip(while: Self.continuesName)
        return probe.text(from: scanner.position)
    }

    /// Consumes the keyword `word` (a whole word) and returns its offset.
    private mutating func keyword(_ word: String) -> Int? {
        scanner.skipSpaces()
        guard nextWordIs(word) else { return nil }
        let at = scanner.position
        scanner.position += word.count
        return at
    }

    /// Whether ``peekWord()`` would return `word` (a keyword: letters only), found without
    /// making the text: the characters at the position are `word`'s and the next one does
    /// not continue a name.
    private func nextWordIs(_ word: String) -> Bool {
        guard let first = scanner.current, Expression.startsName(first) else { return false }
        var probe = scanner.position
        for character in word {
            guard probe < scanner.characters.count, scanner.characters[probe] == character else { return false }
            probe += 1
        }
        guard probe < scanner.characters.count else { return true }
        return !Self.continuesName(scanner.characters[probe])
    }

    /// The characters of a name after its first: letters, digits, `_` and `-`.
    private static func continuesName(_ character: Character) -> Bool {
        CharacterClasses.isLetter(character) || CharacterClasses.isNumber(character) || character == "_" || character == "-"
    }

    private func followedByParenthesis(after offset: Int) -> Bool {
        var probe = scanner
        probe.position = offset
        probe.skipSpaces()
        return probe.current == "("
    }

    /// `node`, counted against ``maximumOperators``.
    private mutating func counted(_ node: Condition) throws(ExpressionSyntaxError) -> Condition {
        operators += 1
        guard operators <= Self.maximumOperators else {
            throw failure("the condition has more than \(Self.maximumOperators) operators; split it into several claims")
        }
        return node
    }

    private mutating func nested() throws(ExpressionSyntaxError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw failure("the condition nests more than \(Self.maximumDepth) levels deep; split it into several claims")
        }
    }

    private func failure(_ message: String, at offset: Int? = nil) -> ExpressionSyntaxError {
        ExpressionSyntaxError(offset: offset ?? scanner.position, message: message)
    }

    private func describeNext() -> String {
        guard let next = scanner.current else { return "the end of the condition" }
        return InputExcerpt.quoted(String(next))
    }
}
