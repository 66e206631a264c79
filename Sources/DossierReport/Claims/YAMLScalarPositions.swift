/// The file position of each character of a decoded YAML scalar, found by reading the scalar's
/// source again: plain, single-quoted (`''`), double-quoted (`\` escapes, escaped line breaks)
/// and block (`|`, `>`) scalars, on one line or folded over several. So an error inside a claim's
/// condition points at its character in `report.md`, whatever the quoting.
///
/// When the source cannot be matched to the value character by character (a style this reader
/// does not follow), every character maps to the scalar's start: a position is never wrong by
/// more than the scalar.
package struct YAMLScalarPositions: Sendable {
    /// What the positions are read from; nil for a scalar whose source is unknown.
    private struct Source: Sendable {
        let value: String
        let scalar: YAMLScalarSource
        let lines: [String]
        let file: String
        let lineOffset: Int
    }

    private let source: Source?
    private let start: SourceLocation

    /// Positions of `value`, written as `scalar` describes in `lines` (the front matter's lines;
    /// the YAML text's line 1 is `lines[0]`, report line `lineOffset + 1`). Nothing is read
    /// until a position is asked for (only an error asks): reading every claim's source again
    /// when the report was read was a fifth of reading the flagship's front matter.
    package init(value: String, scalar: YAMLScalarSource, lines: [String], file: String, lineOffset: Int) {
        start = SourceLocation(file: file, line: scalar.line + lineOffset, column: scalar.column)
        source = Source(value: value, scalar: scalar, lines: lines, file: file, lineOffset: lineOffset)
    }

    /// Every character at `start` (a scalar whose source is unknown).
    package init(start: SourceLocation) {
        self.start = start
        source = nil
    }

    /// The position of the character at `offset` of the value (the end for an offset past it).
    package func location(ofCharacter offset: Int) -> SourceLocation {
        guard let source else { return start }
        // Only the lines from the scalar's on are read.
        let first = max(0, source.scalar.line - 1)
        let lines = source.lines.indices.map { $0 < first ? [] : Array(source.lines[$0]) }
        guard let positions = Self.match(Array(source.value), scalar: source.scalar, lines: lines, file: source.file,
                                         lineOffset: source.lineOffset), !positions.isEmpty else { return start }
        return positions[max(0, min(offset, positions.count - 1))]
    }

    private static func match(_ value: [Character], scalar: YAMLScalarSource, lines: [[Character]], file: String,
                              lineOffset: Int) -> [SourceLocation]? {
        guard var cursor = YAMLScalarCursor(scalar: scalar, lines: lines, file: file, lineOffset: lineOffset) else { return nil }
        var positions: [SourceLocation] = []
        positions.reserveCapacity(value.count + 1)
        var index = 0
        while index < value.count {
            let character = value[index]
            guard cursor.column <= cursor.text.count else { return nil }
            if cursor.restIsBlank {
                // A line break: folded to a space, kept as a new line, or skipped on a blank line.
                if character == " " || character == "\n" {
                    positions.append(cursor.location)
                    index += 1
                }
                guard cursor.nextLine() else { return index == value.count ? positions + [cursor.location] : nil }
                continue
            }
            let text = cursor.text
            let source = text[cursor.column]
            if scalar.style == .doubleQuoted, source == "\\" {
                guard cursor.column + 1 < text.count else {
                    // An escaped line break: no character.
                    guard cursor.nextLine() else { return nil }
                    continue
                }
                positions.append(cursor.location)
                index += 1
                cursor.column += escapeLength(text[cursor.column + 1])
                continue
            }
            if scalar.style == .singleQuoted, source == "'", cursor.column + 1 < text.count, text[cursor.column + 1] == "'" {
                guard character == "'" else { return nil }
                positions.append(cursor.location)
                index += 1
                cursor.column += 2
                continue
            }
            guard source == character else { return nil }
            positions.append(cursor.location)
            index += 1
            cursor.column += 1
        }
        positions.append(cursor.location)
        return positions
    }

    /// The source length of a double-quoted escape whose letter is `escape` (`\x41`, `\u00e9`,
    /// `\U0001F600`, `\n`…).
    private static func escapeLength(_ escape: Character) -> Int {
        switch escape {
        case "x": return 4
        case "u": return 6
        case "U": return 10
        default: return 2
        }
    }
}
