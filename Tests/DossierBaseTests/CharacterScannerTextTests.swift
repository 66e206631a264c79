@testable import DossierBase
import Testing

/// ``CharacterScanner/text(of:)`` makes the text `String(_:)` makes of the same characters.
@Suite struct CharacterScannerTextTests {
    @Test(arguments: ["", "a", "fit.slope.ci", "e\u{301}x", "🇫🇷🇩🇪", "a\r\nb", "\u{301}", "ǅ-名前_1"])
    func textOfCharactersIsTheirString(_ text: String) {
        let characters = Array(text)
        for start in 0...characters.count {
            for end in start...characters.count {
                let slice = characters[start..<end]
                #expect(CharacterScanner.text(of: slice) == String(slice))
                #expect(Array(CharacterScanner.text(of: slice).utf8) == Array(String(slice).utf8))
            }
        }
    }
}
