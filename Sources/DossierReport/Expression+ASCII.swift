/// ``Expression/parse(_:)`` byte by byte for the texts nearly every `{{ }}` holds: printable
/// ASCII and spaces, where each Character is one byte. The Character scanner cost ~30,000
/// instructions an expression (the text split into Characters, each compared as a String);
/// this one reads the UTF-8 in place. It answers only when the text parses: anything else
/// (another byte, a syntax error) is left to the Character scanner, which says where.
extension Expression {
    /// The expression `text` holds when it is printable ASCII and spaces and parses; nil
    /// otherwise (``parse(_:)`` reads it then, with its error).
    static func parseASCII(_ text: String) -> Expression? {
        let parsed = text.utf8.withContiguousStorageIfAvailable { bytes -> Expression? in
            guard bytes.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E }) else { return nil }
            var scanner = ASCIIScanner(bytes: bytes)
            return scanner.expression()
        }
        return parsed ?? nil
    }
}

/// The Character scanner's grammar (`Scanner` in Expression.swift) over printable ASCII bytes,
/// where the only white space is the space.
private struct ASCIIScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    mutating func expression() -> Expression? {
        skipSpaces()
        guard let path = path() else { return nil }
        var formatters: [Expression.FormatterCall] = []
        skipSpaces()
        while consume(UInt8(ascii: "|")) {
            skipSpaces()
            guard let name = identifier() else { return nil }
            var arguments: [Int] = []
            skipSpaces()
            if consume(UInt8(ascii: "(")) {
                repeat {
                    skipSpaces()
                    guard let number = integer() else { return nil }
                    arguments.append(number)
                    skipSpaces()
                } while consume(UInt8(ascii: ","))
                guard consume(UInt8(ascii: ")")) else { return nil }
            }
            formatters.append(Expression.FormatterCall(name: name, arguments: arguments))
            skipSpaces()
        }
        guard position == bytes.count else { return nil }
        // `trimmingSpaces`: the only white space here is the space.
        var start = 0, end = bytes.count
        while start < end, bytes[start] == UInt8(ascii: " ") { start += 1 }
        while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        return Expression(path: path, formatters: formatters, source: text(start, end))
    }

    private mutating func path() -> [Expression.Step]? {
        guard let first = identifier() else { return nil }
        var path: [Expression.Step] = [.member(first)]
        while true {
            if consume(UInt8(ascii: ".")) {
                guard let name = identifier() else { return nil }
                path.append(.member(name))
            } else if consume(UInt8(ascii: "[")) {
                skipSpaces()
                if let number = integer() {
                    path.append(.index(number))
                } else if let field = identifier() {
                    skipSpaces()
                    guard consume(UInt8(ascii: "=")) else { return nil }
                    skipSpaces()
                    guard let value = quotedOrBare() else { return nil }
                    path.append(.match(field: field, value: value))
                } else {
                    return nil
                }
                skipSpaces()
                guard consume(UInt8(ascii: "]")) else { return nil }
            } else {
                return path
            }
        }
    }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    private mutating func skipSpaces() {
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") { position += 1 }
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func identifier() -> String? {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            guard Self.isLetter(byte) || byte == UInt8(ascii: "_")
                    || (position > start && (Self.isDigit(byte) || byte == UInt8(ascii: "-"))) else { break }
            position += 1
        }
        return position > start ? text(start, position) : nil
    }

    private mutating func integer() -> Int? {
        let start = position
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
        guard position > start, let value = Int(text(start, position)) else {
            position = start
            return nil
        }
        return value
    }

    private mutating func quotedOrBare() -> String? {
        if consume(UInt8(ascii: "\"")) {
            let start = position
            while position < bytes.count, bytes[position] != UInt8(ascii: "\"") { position += 1 }
            guard position < bytes.count else { return nil }
            let value = text(start, position)
            position += 1
            return value
        }
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "]"), bytes[position] != UInt8(ascii: " ") {
            position += 1
        }
        return position > start ? text(start, position) : nil
    }
}
