import DossierBase

/// The units an expression is scanned in: the Characters of any text, or the bytes of a text
/// that is printable ASCII (where each Character is one byte, so offsets are the same).
protocol ExpressionUnit: Equatable {
    /// Whether this unit is the ASCII character `byte`.
    func `is`(_ byte: UInt8) -> Bool
    /// `Character.isWhitespace`. (The names differ from `Character`'s own: an extension
    /// named so would shadow them, and `CharacterClasses` calls them.)
    var isBlank: Bool { get }
    /// `Character.isLetter`: a letter, which may start a name (with `_`).
    var startsName: Bool { get }
    /// `Character.isNumber`: a number, which may continue a name (with `_`, `-` and letters).
    var continuesName: Bool { get }
    /// An ASCII digit.
    var isASCIIDigit: Bool { get }
    /// The unit as a Character, for messages.
    var character: Character { get }
}

extension Character: ExpressionUnit {
    @inline(__always) func `is`(_ byte: UInt8) -> Bool { asciiValue == byte }
    @inline(__always) var isBlank: Bool { CharacterClasses.isWhitespace(self) }
    @inline(__always) var startsName: Bool { CharacterClasses.isLetter(self) }
    @inline(__always) var continuesName: Bool { CharacterClasses.isNumber(self) }
    @inline(__always) var isASCIIDigit: Bool { isASCII && CharacterClasses.isNumber(self) }
    var character: Character { self }
}

extension UInt8: ExpressionUnit {
    @inline(__always) func `is`(_ byte: UInt8) -> Bool { self == byte }
    /// Printable ASCII holds one white space character, the space.
    @inline(__always) var isBlank: Bool { self == UInt8(ascii: " ") }
    @inline(__always) var startsName: Bool {
        let lower = self | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }
    @inline(__always) var continuesName: Bool { isASCIIDigit }
    @inline(__always) var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    var character: Character { Character(Unicode.Scalar(self)) }
}

/// A text scanned by ``ExpressionScanner``: its units by offset, and the text of a range of them.
protocol ExpressionUnits: RandomAccessCollection where Index == Int, Element: ExpressionUnit {
    /// The text of the units in `range`.
    func text(_ range: Range<Int>) -> String
}

extension Array: ExpressionUnits where Element == Character {
    func text(_ range: Range<Int>) -> String { CharacterScanner.text(of: self[range]) }
}

extension UnsafeBufferPointer: ExpressionUnits where Element == UInt8 {
    func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: self[range]), as: UTF8.self) }
}

/// The grammar of `{{ }}` expressions, once, over Characters or printable-ASCII bytes: a path
/// (a name, then `.name`, `[index]` or `[field=value]` steps), then `| formatter(args)` calls.
/// Errors carry the offset in units (Characters: the bytes path is only taken where a byte is
/// a Character).
struct ExpressionScanner<Units: ExpressionUnits> {
    let units: Units
    var position = 0

    init(_ units: Units) { self.units = units }

    /// The whole text as one expression.
    mutating func expression() throws(ExpressionSyntaxError) -> Expression {
        skipSpaces()
        let path = try path()
        var formatters: [Expression.FormatterCall] = []
        skipSpaces()
        while consume("|") {
            skipSpaces()
            guard let name = identifier() else {
                throw error("expected a formatter name after \"|\", found \(describeNext())")
            }
            var arguments: [Int] = []
            skipSpaces()
            if consume("(") {
                repeat {
                    skipSpaces()
                    guard let number = integer() else {
                        throw error("expected a whole number argument, found \(describeNext())")
                    }
                    arguments.append(number)
                    skipSpaces()
                } while consume(",")
                guard consume(")") else { throw error("expected \")\", found \(describeNext())") }
            }
            formatters.append(Expression.FormatterCall(name: name, arguments: arguments))
            skipSpaces()
        }
        guard atEnd else { throw error("unexpected \(describeNext())") }
        var start = 0, end = units.count
        while start < end, units[start].isBlank { start += 1 }
        while end > start, units[end - 1].isBlank { end -= 1 }
        return Expression(path: path, formatters: formatters, source: units.text(start..<end))
    }

    /// A path: a name, then `.name`, `[index]` or `[field=value]` steps.
    mutating func path() throws(ExpressionSyntaxError) -> [Expression.Step] {
        guard let first = identifier() else { throw error("expected a name, found \(describeNext())") }
        var path: [Expression.Step] = [.member(first)]
        while true {
            if consume(".") {
                guard let name = identifier() else { throw error("expected a name after \".\", found \(describeNext())") }
                path.append(.member(name))
            } else if consume("[") {
                skipSpaces()
                if let number = integer() {
                    path.append(.index(number))
                } else if let field = identifier() {
                    skipSpaces()
                    guard consume("=") else { throw error("expected \"=\" in [field=value], found \(describeNext())") }
                    skipSpaces()
                    guard let value = quotedOrBare() else { throw error("expected a value after \"=\", found \(describeNext())") }
                    path.append(.match(field: field, value: value))
                } else {
                    throw error("expected an index or field=value inside [ ], found \(describeNext())")
                }
                skipSpaces()
                guard consume("]") else { throw error("expected \"]\", found \(describeNext())") }
            } else {
                return path
            }
        }
    }

    private func error(_ message: String) -> ExpressionSyntaxError {
        ExpressionSyntaxError(offset: position, message: message)
    }

    private var atEnd: Bool {
        var probe = position
        while probe < units.count, units[probe].isBlank { probe += 1 }
        return probe == units.count
    }

    private mutating func skipSpaces() {
        while position < units.count, units[position].isBlank { position += 1 }
    }

    private mutating func consume(_ character: Unicode.Scalar) -> Bool {
        guard position < units.count, units[position].is(UInt8(ascii: character)) else { return false }
        position += 1
        return true
    }

    private mutating func identifier() -> String? {
        let start = position
        while position < units.count {
            let unit = units[position]
            guard unit.startsName || unit.is(UInt8(ascii: "_"))
                    || (position > start && (unit.continuesName || unit.is(UInt8(ascii: "-")))) else { break }
            position += 1
        }
        return position > start ? units.text(start..<position) : nil
    }

    private mutating func integer() -> Int? {
        let start = position
        if position < units.count, units[position].is(UInt8(ascii: "-")) { position += 1 }
        while position < units.count, units[position].isASCIIDigit { position += 1 }
        guard position > start, let value = Int(units.text(start..<position)) else {
            position = start
            return nil
        }
        return value
    }

    private mutating func quotedOrBare() -> String? {
        if consume("\"") {
            let start = position
            while position < units.count, !units[position].is(UInt8(ascii: "\"")) { position += 1 }
            guard position < units.count else { return nil }
            let value = units.text(start..<position)
            position += 1
            return value
        }
        let start = position
        while position < units.count, !units[position].is(UInt8(ascii: "]")), !units[position].isBlank {
            position += 1
        }
        return position > start ? units.text(start..<position) : nil
    }

    private func describeNext() -> String {
        position < units.count ? "\"\(units[position].character)\"" : "the end of the expression"
    }
}
