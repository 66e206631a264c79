extension CharacterScanner {
    /// The character at the position, or nil at the end.
    package var current: Character? { position < characters.count ? characters[position] : nil }

    /// The character `offset` places after the position, or nil past the end.
    package func character(after offset: Int) -> Character? {
        let index = position + offset
        return index < characters.count ? characters[index] : nil
    }

    /// Moves past the characters for which `predicate` holds.
    package mutating func skip(while predicate: (Character) -> Bool) {
        while position < characters.count, predicate(characters[position]) { position += 1 }
    }

    /// The characters from `start` up to the position, as text.
    package func text(from start: Int) -> String { String(characters[start..<position]) }
}
