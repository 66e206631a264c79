/// `Character.isLetter`, `isNumber` and `isWhitespace` with an ASCII fast path: the same
/// answers, without a Unicode property lookup for the ASCII characters expressions and claim
/// conditions are nearly all made of (the lookups were a quarter of parsing the claims).
package enum CharacterClasses {
    /// `character.isLetter`.
    @inline(__always)
    package static func isLetter(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return character.isLetter }
        let lower = ascii | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }

    /// `character.isNumber`.
    @inline(__always)
    package static func isNumber(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return character.isNumber }
        return ascii >= UInt8(ascii: "0") && ascii <= UInt8(ascii: "9")
    }

    /// `character.isWhitespace` (CR LF, one Character, is ASCII and white space).
    @inline(__always)
    package static func isWhitespace(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return character.isWhitespace }
        return ascii == UInt8(ascii: " ") || (ascii >= 0x09 && ascii <= 0x0D)
    }
}
