import Yams

/// A JSON document read with every value's line and column and every object's keys in written
/// order: what a chart file ending in `.json` is parsed into (JSON's `\u` escapes, surrogate
/// pairs included, are JSON's, not YAML's). ``node`` gives the `Yams.Node` the spec decoders
/// read; ``location(of:)`` finds the position of a coding path for error messages.
package struct JSONDocument: Sendable {
    /// One value and where it starts (1-based line, column in Unicode scalars as libyaml counts).
    package indirect enum Value: Sendable {
        case null
        case bool(Bool)
        /// A number, as written (Yams builds the `Double` or `Int` from the text).
        case number(String)
        case string(String)
        case array([Located])
        /// Members in written order, each with its key's position.
        case object([(key: String, keyLine: Int, keyColumn: Int, value: Located)])
    }

    /// A value with its position.
    package struct Located: Sendable {
        package var value: Value
        package var line: Int
        package var column: Int
    }

    /// Why the text is not JSON, at a line and column.
    package struct SyntaxError: Error, Sendable {
        package var message: String
        package var line: Int
        package var column: Int
    }

    /// The top-level value.
    package let root: Located

    /// The deepest nesting read (as DossierData's JSON reader allows).
    package static let maximumDepth = 512

    /// Parses `text`; a syntax error or a duplicate key throws at its position.
    package init(parsing text: String) throws(SyntaxError) {
        var reader = Reader(scalars: Array(text.unicodeScalars))
        reader.skipWhitespace()
        let value = try reader.value(depth: 0)
        reader.skipWhitespace()
        guard reader.index == reader.scalars.count else {
            throw reader.failure("found \(reader.describeNext()) after the JSON value, expected the end of the file")
        }
        root = value
    }

    /// The document as a `Yams.Node`: strings are double-quoted scalars tagged `str` (so that
    /// `"true"` or `"1"` stay text), numbers, booleans and null plain scalars.
    package var node: Node { Self.node(root) }

    private static func node(_ located: Located) -> Node {
        switch located.value {
        case .null: return .scalar(.init("null", Tag(.null), .plain))
        case .bool(let flag): return .scalar(.init(flag ? "true" : "false", Tag(.bool), .plain))
        case .number(let text): return .scalar(.init(text, Tag(text.contains { ".eE".contains($0) } ? .float : .int), .plain))
        case .string(let text): return .scalar(.init(text, Tag(.str), .doubleQuoted))
        case .array(let items): return .sequence(.init(items.map(node)))
        case .object(let members):
            return .mapping(.init(members.map { (Node.scalar(.init($0.key, Tag(.str), .doubleQuoted)), node($0.value)) }))
        }
    }

    /// The position of the value at `codingPath` (as far as the path leads) and the path
    /// written as `layer[0].encoding.x`.
    package func location(of codingPath: [any CodingKey]) -> (line: Int, column: Int, keyPath: [String], value: Located) {
        var current = root
        var keyPath: [String] = []
        for key in codingPath {
            if let index = key.intValue, case .array(let items) = current.value, index < items.count {
                current = items[index]
                keyPath.append("[\(index)]")
            } else if case .object(let members) = current.value, let member = members.first(where: { $0.key == key.stringValue }) {
                current = member.value
                keyPath.append(key.stringValue)
            } else {
                break
            }
        }
        return (current.line, current.column, keyPath, current)
    }
}

extension JSONDocument {
    /// The first string value (in document order) for which `matches` holds.
    package func firstString(where matches: (String) -> Bool) -> Located? {
        var stack = [root]
        while let located = stack.popLast() {
            switch located.value {
            case .string(let text): if matches(text) { return located }
            case .array(let items): stack += items.reversed()
            case .object(let members): stack += members.map(\.value).reversed()
            default: break
            }
        }
        return nil
    }
}

extension JSONDocument {
    /// A recursive-descent reader over the text's Unicode scalars.
    private struct Reader {
        let scalars: [Unicode.Scalar]
        var index = 0
        var line = 1
        var lineStart = 0

        var column: Int { index - lineStart + 1 }

        func failure(_ message: String) -> SyntaxError {
            SyntaxError(message: message, line: line, column: column)
        }

        func describeNext() -> String {
            guard index < scalars.count else { return "the end of the file" }
            let scalar = scalars[index]
            return scalar.properties.isWhitespace || scalar.value < 0x20
                ? "U+" + String(scalar.value, radix: 16, uppercase: true) : "`\(Character(scalar))`"
        }

        mutating func skipWhitespace() {
            while index < scalars.count {
                switch scalars[index] {
                case "\n":
                    index += 1; line += 1; lineStart = index
                case " ", "\t", "\r":
                    index += 1
                default:
                    return
                }
            }
        }

        mutating func value(depth: Int) throws(SyntaxError) -> Located {
            guard depth < JSONDocument.maximumDepth else {
                throw failure("the JSON nests deeper than \(JSONDocument.maximumDepth) levels")
            }
            let (startLine, startColumn) = (line, column)
            guard index < scalars.count else { throw failure("found the end of the file, expected a JSON value") }
            let value: Value
            switch scalars[index] {
            case "{": value = try object(depth: depth)
            case "[": value = try array(depth: depth)
            case "\"": value = .string(try string())
            case "t": try word("true"); value = .bool(true)
            case "f": try word("false"); value = .bool(false)
            case "n": try word("null"); value = .null
            case "-", "0"..."9": value = .number(try number())
            default: throw failure("found \(describeNext()), expected a JSON value (an object, a list, a text in double quotes, a number, true, false or null)")
            }
            return Located(value: value, line: startLine, column: startColumn)
        }

        mutating func word(_ text: String) throws(SyntaxError) {
            for expected in text.unicodeScalars {
                guard index < scalars.count, scalars[index] == expected else {
                    throw failure("found \(describeNext()), expected `\(text)`")
                }
                index += 1
            }
        }

        mutating func object(depth: Int) throws(SyntaxError) -> Value {
            index += 1
            var members: [(key: String, keyLine: Int, keyColumn: Int, value: Located)] = []
            var seen = Set<String>()
            skipWhitespace()
            if index < scalars.count, scalars[index] == "}" { index += 1; return .object(members) }
            while true {
                skipWhitespace()
                guard index < scalars.count, scalars[index] == "\"" else {
                    throw failure("found \(describeNext()), expected a key in double quotes")
                }
                let (keyLine, keyColumn) = (line, column)
                let key = try string()
                guard seen.insert(key).inserted else {
                    throw SyntaxError(message: "the key \"\(key)\" appears twice in one object", line: keyLine, column: keyColumn)
                }
                skipWhitespace()
                guard index < scalars.count, scalars[index] == ":" else {
                    throw failure("found \(describeNext()), expected `:` after the key")
                }
                index += 1
                skipWhitespace()
                members.append((key, keyLine, keyColumn, try value(depth: depth + 1)))
                skipWhitespace()
                guard index < scalars.count else { throw failure("found the end of the file, expected `,` or `}`") }
                if scalars[index] == "," { index += 1; continue }
                if scalars[index] == "}" { index += 1; return .object(members) }
                throw failure("found \(describeNext()), expected `,` or `}`")
            }
        }

        mutating func array(depth: Int) throws(SyntaxError) -> Value {
            index += 1
            var items: [Located] = []
            skipWhitespace()
            if index < scalars.count, scalars[index] == "]" { index += 1; return .array(items) }
            while true {
                skipWhitespace()
                items.append(try value(depth: depth + 1))
                skipWhitespace()
                guard index < scalars.count else { throw failure("found the end of the file, expected `,` or `]`") }
                if scalars[index] == "," { index += 1; continue }
                if scalars[index] == "]" { index += 1; return .array(items) }
                throw failure("found \(describeNext()), expected `,` or `]`")
            }
        }

        mutating func string() throws(SyntaxError) -> String {
            index += 1
            var text = String.UnicodeScalarView()
            while true {
                guard index < scalars.count else { throw failure("found the end of the file inside a text, expected its closing `\"`") }
                let scalar = scalars[index]
                if scalar == "\"" { index += 1; return String(text) }
                if scalar.value < 0x20 {
                    throw failure("found the control character U+\(String(scalar.value, radix: 16, uppercase: true)) inside a text, expected it escaped (`\\n`, `\\t`, `\\u00XX`)")
                }
                if scalar != "\\" { text.append(scalar); index += 1; continue }
                index += 1
                guard index < scalars.count else { throw failure("found the end of the file after `\\`, expected an escape") }
                let escape = scalars[index]
                index += 1
                switch escape {
                case "\"": text.append("\"")
                case "\\": text.append("\\")
                case "/": text.append("/")
                case "b": text.append("\u{08}")
                case "f": text.append("\u{0C}")
                case "n": text.append("\n")
                case "r": text.append("\r")
                case "t": text.append("\t")
                case "u":
                    let first = try hexQuad()
                    if (0xD800...0xDBFF).contains(first) {
                        guard index + 1 < scalars.count, scalars[index] == "\\", scalars[index + 1] == "u" else {
                            throw failure("found a lone high surrogate \\u\(String(first, radix: 16, uppercase: true)), expected a low surrogate `\\uDC00`…`\\uDFFF` after it")
                        }
                        index += 2
                        let second = try hexQuad()
                        guard (0xDC00...0xDFFF).contains(second),
                              let combined = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) else {
                            throw failure("found \\u\(String(second, radix: 16, uppercase: true)) after a high surrogate, expected a low surrogate `\\uDC00`…`\\uDFFF`")
                        }
                        text.append(combined)
                    } else if let scalar = Unicode.Scalar(first) {
                        text.append(scalar)
                    } else {
                        throw failure("found a lone low surrogate \\u\(String(first, radix: 16, uppercase: true)), expected a character or a surrogate pair")
                    }
                default:
                    index -= 1
                    throw failure("found the escape `\\\(Character(escape))`, expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
                }
            }
        }

        mutating func hexQuad() throws(SyntaxError) -> UInt32 {
            var result: UInt32 = 0
            for _ in 0..<4 {
                guard index < scalars.count, let digit = Int(String(scalars[index]), radix: 16) else {
                    throw failure("found \(describeNext()), expected four hexadecimal digits after `\\u`")
                }
                result = result * 16 + UInt32(digit)
                index += 1
            }
            return result
        }

        mutating func number() throws(SyntaxError) -> String {
            let start = index
            func digits() -> Int {
                let from = index
                while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
                return index - from
            }
            if scalars[index] == "-" { index += 1 }
            let integerStart = index
            guard digits() > 0 else { throw failure("found \(describeNext()), expected a digit") }
            if scalars[integerStart] == "0", index - integerStart > 1 {
                throw SyntaxError(message: "a JSON number does not start with 0 followed by digits", line: line, column: integerStart - lineStart + 1)
            }
            if index < scalars.count, scalars[index] == "." {
                index += 1
                guard digits() > 0 else { throw failure("found \(describeNext()), expected a digit after the decimal point") }
            }
            if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
                index += 1
                if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" { index += 1 }
                guard digits() > 0 else { throw failure("found \(describeNext()), expected the exponent's digits") }
            }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[start..<index])
            return String(text)
        }
    }
}
