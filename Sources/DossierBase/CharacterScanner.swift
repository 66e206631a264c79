/// A text's characters and a position in them: what the hand-written parsers (Vega-Lite
/// expressions, claim conditions) share to skip spaces and to look at or take a token.
package struct CharacterScanner: Sendable {
    /// The text, as characters (grapheme clusters, as the error positions count them).
    package let characters: [Character]
    /// The index of the next character to read.
    package var position = 0

    /// A scanner at the start of `text`.
    package init(_ text: String) {
        characters = Array(text)
    }

    /// Whether every character has been read.
    package var atEnd: Bool { position >= characters.count }

    /// Moves past white space.
    package mutating func skipSpaces() {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
    }

    /// Whether the text continues with `token` at the position (nothing is taken).
    package func peek(_ token: String) -> Bool {
        var probe = position
        for character in token {
            guard probe < characters.count, characters[probe] == character else { return false }
            probe += 1
        }
        return true
    }

    /// Takes `token` when the text continues with it at the position.
    package mutating func consume(_ token: String) -> Bool {
        guard peek(token) else { return false }
        position += token.count
        return true
    }
}
