import Foundation
import Testing
@testable import DossierBase

/// `XMLEscaping.escape` returns a text with none of `&<>"` (and `'` when asked) as it is;
/// whatever the path, the result is the character-by-character rule's.
@Suite struct XMLEscapingFastPathTests {
    /// The rule, one Character at a time (the escaping as it was before the fast path).
    static func reference(_ text: String, apostrophe: Bool) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'" where apostrophe: out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    @Test func everyCharacterOfTheBMPAloneAndInAText() {
        for apostrophe in [false, true] {
            for value in UInt32(0)...0xFFFF {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let text = "1,234 " + String(Character(scalar)) + "\u{2212}5"
                #expect(XMLEscaping.escape(text, apostrophe: apostrophe) == Self.reference(text, apostrophe: apostrophe))
            }
        }
    }

    @Test func textsWithNothingToEscapeComeBackAsTheyAre() {
        for text in ["", "Argentina", "−12.5", "São Tomé", "e\u{301}", "中国", "a'b"] {
            #expect(XMLEscaping.escape(text).utf8.elementsEqual(text.utf8))
        }
        #expect(XMLEscaping.escape("a'b", apostrophe: true) == "a&#39;b")
    }

    @Test func aMarkFollowingAnAmpersandKeepsTheRule() {
        // "&" + a combining mark is one Character that is not "&": the rule leaves it alone.
        for text in ["&\u{301}x", "<\u{20D2}", "AT&T", "\"q\"", "x > y & z < w"] {
            for apostrophe in [false, true] {
                #expect(XMLEscaping.escape(text, apostrophe: apostrophe) == Self.reference(text, apostrophe: apostrophe))
            }
        }
    }
}

/// The byte-by-byte path of `XMLEscaping.escape` (a byte to replace between ASCII bytes) and
/// its way back to the Character rule (a non-ASCII neighbour, which may join the byte into a
/// larger Character).
@Suite struct XMLEscapingBytePathTests {
    private func reference(_ text: String, apostrophe: Bool) -> String {
        XMLEscapingFastPathTests.reference(text, apostrophe: apostrophe)
    }

    @Test func proseWithApostrophesAndMarksNextToThem() {
        let texts = [
            "China's provinces & Brazil's states", "it's <b>", "'quoted'", "a'\u{301}b", "\u{301}'", "é'x", "'é",
            // U+0600 is a Prepend character: with "&" after it, one Character that is not "&".
            "\u{600}&x", "x&\u{600}", "São Paulo's & Querétaro's", "\r\n&\r\n", "\"São\"", "\u{1F1E8}\u{1F1F3}'",
            "e\u{301}'s", "'", "&", "<>", "a\u{200D}'b",
        ]
        for text in texts {
            for apostrophe in [false, true] {
                #expect(XMLEscaping.escape(text, apostrophe: apostrophe) == reference(text, apostrophe: apostrophe), "\(text)")
                #expect(XMLEscaping.escape(text, apostrophe: apostrophe).utf8.elementsEqual(reference(text, apostrophe: apostrophe).utf8))
            }
        }
    }

    @Test func everyScalarBeforeAndAfterAnApostrophe() {
        for value in UInt32(0x20)...0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let mark = String(Character(scalar))
            for text in [mark + "'s & " + mark, "'" + mark + "&", "x" + mark + "<" + mark] {
                #expect(XMLEscaping.escape(text, apostrophe: true) == reference(text, apostrophe: true))
            }
        }
    }
}
