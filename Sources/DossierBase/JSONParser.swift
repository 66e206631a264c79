/// A JSON reader (RFC 8259) for descriptors, schemas and map files: one pass over the bytes,
/// linear in their length, with a nesting limit, that records where each value starts.
///
/// Foundation's decoder took 18 s for a 10 MB array in an unused key (it tried each element
/// as every type in turn); this reader takes time proportional to the file's size.
package struct JSONParser {
    /// The limits on what a descriptor or schema file may be.
    package enum Limits {
        /// The largest descriptor or schema file read, in bytes (8 MiB).
        package static let fileBytes = 8 << 20
        /// The deepest nesting of arrays and objects.
        package static let depth = 64
    }

    /// A syntax error at a byte offset.
    package struct SyntaxError: Error, Equatable {
        package var offset: Int
        package var message: String
    }

    private let bytes: [UInt8]
    private var index = 0
    private let maxDepth: Int

    /// Parses `bytes` as one JSON value (surrounding white space and a leading byte order mark
    /// allowed).
    package static func parse(_ bytes: [UInt8], maxDepth: Int = Limits.depth) throws(SyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: bytes, maxDepth: maxDepth)
        // A UTF-8 byte order mark (some Windows editors write one) is not part of the value.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.unexpected("the end of the file after the top-level value") }
        return value
    }

    private init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// `line` and `column` (1-based; columns count characters) of a byte offset in `bytes`.
    package static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in bytes.prefix(min(offset, bytes.count)) {
            if byte == 10 { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private func unexpected(_ expected: String) -> SyntaxError {
        SyntaxError(offset: index, message: "found \(foundDescription), expected \(expected)")
    }

    /// The byte at `index`, described for a message.
    private var foundDescription: String {
        guard index < bytes.count else { return "the end of the file" }
        let byte = bytes[index]
        if byte >= 0x21 && byte < 0x7F { return "\"\(Character(Unicode.Scalar(byte)))\"" }
        if byte >= 0x80 {
            // A whole UTF-8 character, or the byte when it does not start one.
            let end = min(bytes.count, index + 4)
            for length in (1...max(1, end - index)).reversed() {
                if let text = String(validating: bytes[index..<(index + length)], as: UTF8.self), text.count == 1 {
                    return InputExcerpt.quoted(text)
                }
            }
        }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    private mutating func parseValue(depth: Int) throws(SyntaxError) -> JSONValue {
        guard index < bytes.count else { throw unexpected("a value") }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "{"): return JSONValue(try parseObject(depth: depth + 1), offset: start)
        case UInt8(ascii: "["): return JSONValue(try parseArray(depth: depth + 1), offset: start)
        case UInt8(ascii: "\""): return JSONValue(.string(try parseString()), offset: start)
        case UInt8(ascii: "t"): try literal("true"); return JSONValue(.bool(true), offset: start)
        case UInt8(ascii: "f"): try literal("false"); return JSONValue(.bool(false), offset: start)
        case UInt8(ascii: "n"): try literal("null"); return JSONValue(.null, offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return JSONValue(try parseNumber(), offset: start)
        default: throw unexpected("a value (an object, array, string, number, true, false or null)")
        }
    }

    private mutating func literal(_ word: StaticString) throws(SyntaxError) {
        let expected = word.withUTF8Buffer { Array($0) }
        guard index + expected.count <= bytes.count, bytes[index..<(index + expected.count)].elementsEqual(expected) else {
            throw unexpected("a value (an object, array, string, number, true, false or null)")
        }
        index += expected.count
    }

    private func checkDepth(_ depth: Int) throws(SyntaxError) {
        if depth > maxDepth {
            throw SyntaxError(offset: index, message: "found arrays and objects nested more than \(maxDepth) deep, expected at most \(maxDepth) levels")
        }
    }

    private mutating func parseObject(depth: Int) throws(SyntaxError) -> JSONValue.Kind {
        try checkDepth(depth)
        index += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw unexpected("a member name in double quotes") }
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw unexpected("\":\" after the member name") }
            index += 1
            skipWhitespace()
            members[key] = try parseValue(depth: depth)
            skipWhitespace()
            guard index < bytes.count else { throw unexpected("\",\" or \"}\"") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            throw unexpected("\",\" or \"}\"")
        }
    }

    private mutating func parseArray(depth: Int) throws(SyntaxError) -> JSONValue.Kind {
        try checkDepth(depth)
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw unexpected("\",\" or \"]\"") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
            throw unexpected("\",\" or \"]\"")
        }
    }

    private mutating func parseString() throws(SyntaxError) -> String {
        let opening = index
        index += 1
        var start = index
        var decoded: [UInt8] = []
        while true {
            guard index < bytes.count else {
                throw SyntaxError(offset: opening, message: "found a string that is never closed, expected a closing '\"'")
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { throw unexpected("no control characters inside a string (write \\n, \\t …)") }
            if byte != UInt8(ascii: "\\") { index += 1; continue }
            decoded.append(contentsOf: bytes[start..<index])
            index += 1
            guard index < bytes.count else { throw unexpected("an escape such as \\n or \\u00e9") }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
            case UInt8(ascii: "b"): decoded.append(0x08)
            case UInt8(ascii: "f"): decoded.append(0x0C)
            case UInt8(ascii: "n"): decoded.append(0x0A)
            case UInt8(ascii: "r"): decoded.append(0x0D)
            case UInt8(ascii: "t"): decoded.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hexQuad()
                if (0xD800..<0xDC00).contains(scalar), index + 1 < bytes.count,
                   bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                    let saved = index
                    index += 2
                    let low = try hexQuad()
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        index = saved
                    }
                }
                decoded.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
            default:
                index -= 1
                throw unexpected("an escape such as \\n, \\\" or \\u00e9 after the backslash")
            }
            start = index
        }
        let text: String?
        if decoded.isEmpty {
            text = String(validating: bytes[start..<index], as: UTF8.self)
        } else {
            decoded.append(contentsOf: bytes[start..<index])
            text = String(validating: decoded, as: UTF8.self)
        }
        guard let text else {
            throw SyntaxError(offset: opening, message: "found a string that is not valid UTF-8, expected UTF-8 text (save the file as UTF-8)")
        }
        index += 1
        return text
    }

    private mutating func hexQuad() throws(SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = Self.hexDigit(bytes[index]) else { throw unexpected("four hexadecimal digits after \\u") }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private mutating func parseNumber() throws(SyntaxError) -> JSONValue.Kind {
        let start = index
        func digits() -> Int {
            let from = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return index - from
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        guard digits() > 0 else { throw unexpected("a digit") }
        if bytes[integerStart] == UInt8(ascii: "0"), index - integerStart > 1 {
            throw SyntaxError(offset: integerStart, message: "found a number with a leading zero, expected no leading zeros")
        }
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard digits() > 0 else { throw unexpected("a digit after the decimal point") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw unexpected("a digit in the exponent") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let value = Int(text) { return .int(value) }
        guard let value = Double(text) else { throw SyntaxError(offset: start, message: "found an unreadable number, expected a number") }
        return .double(value)
    }
}
