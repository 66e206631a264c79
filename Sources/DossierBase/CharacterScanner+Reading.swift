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

    /// The characters from `start` up to the position, as text (appended one by one:
    /// `String(_:)` of a slice of characters goes through the unspecialised generic
    /// initialiser, about thirty times slower for a short name).
    package func text(from start: Int) -> String { CharacterScanner.text(of: characters[start..<position]) }

    /// `characters` as one text: the same text as `String(characters)`.
    package static func text(of characters: ArraySlice<Character>) -> String {
        var text = ""
        for character in characters { text.append(character) }
        return text
    }
}
