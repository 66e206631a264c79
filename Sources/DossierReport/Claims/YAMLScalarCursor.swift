import DossierBase

/// A reading position in the source lines of a YAML scalar, for `YAMLScalarPositions`: where
/// the scalar's content starts (after a quote, or on the line after a block's `|` or `>`), the
/// file position of the character under it, and the move to the next line.
struct YAMLScalarCursor {
    /// The front matter's lines, as characters.
    let lines: [[Character]]
    let file: String
    /// The report line of the YAML text's line 1, minus one.
    let lineOffset: Int
    /// Whether the scalar is a block scalar (`|`, `>`), whose lines keep their indentation.
    let block: Bool
    /// A block scalar's indentation (its first line's).
    private var indent = 0
    /// The line (0-based) and column (0-based, in characters) under the cursor.
    private(set) var line: Int
    var column: Int

    /// The cursor on the first character of `scalar`'s content; nil when its lines are missing.
    init?(scalar: YAMLScalarSource, lines: [[Character]], file: String, lineOffset: Int) {
        self.lines = lines
        self.file = file
        self.lineOffset = lineOffset
        block = scalar.style == .literal || scalar.style == .folded
        line = scalar.line - 1
        column = scalar.column - 1
        guard line >= 0, line < lines.count else { return nil }
        switch scalar.style {
        case .singleQuoted, .doubleQuoted:
            column += 1
        case .literal, .folded:
            // The content starts on the next line, indented.
            line += 1
            guard line < lines.count else { return nil }
            indent = lines[line].prefix { $0 == " " }.count
            column = indent
        case .plain:
            break
        }
    }

    /// The characters of the line under the cursor.
    var text: [Character] { lines[line] }

    /// The report position of the character under the cursor.
    var location: SourceLocation { SourceLocation(file: file, line: line + 1 + lineOffset, column: column + 1) }

    /// Whether only spaces and tabs are left on the line.
    var restIsBlank: Bool { lines[line][column...].allSatisfy { $0 == " " || $0 == "\t" } }

    /// Moves to the start of the next line's content; false when there is none.
    mutating func nextLine() -> Bool {
        line += 1
        guard line < lines.count else { return false }
        if block {
            column = min(indent, lines[line].prefix { $0 == " " }.count)
        } else {
            column = lines[line].prefix { $0 == " " || $0 == "\t" }.count
        }
        return true
    }
}
