@testable import DossierReport
import Foundation
import Testing

/// ``ExpressionText/pieces(of:skippingByBytes:)`` skips the characters before the next `{` or
/// `\` byte by a byte search; it must give exactly what the scan by characters alone gives
/// (`skippingByBytes: false`, the scanner as it was), pieces and source ranges, for any text:
/// ASCII, accents, combining marks on the braces, prepended marks before them, CR LF, bridged
/// strings.
@Suite struct ExpressionTextSkipTests {
    /// The scan by characters alone (no byte skip): the pieces as they were.
    static func referencePieces(of text: String) -> [(piece: ExpressionText.Piece, source: Range<String.Index>)] {
        ExpressionText.pieces(of: text, skippingByBytes: false)
    }

    /// Pieces as comparable values: the piece and its source's UTF-8 offsets.
    static func shape(_ pieces: [(piece: ExpressionText.Piece, source: Range<String.Index>)], in text: String) -> [String] {
        pieces.map { piece, source in
            "\(piece) \(text.utf8.distance(from: text.utf8.startIndex, to: source.lowerBound))..<"
                + "\(text.utf8.distance(from: text.utf8.startIndex, to: source.upperBound))"
        }
    }

    static let samples: [String] = [
        "", "plain text", "{", "{{", "}}", "\\", "\\{", "\\{{", "\\{{{", "{{{", "{{}}", "{{ a }}", "a {{ b }} c",
        "a \\{{ b }} {{ x.y | fixed(2) }} c", "x {{ a }} {{ b", "{{ a }}{{b}} {{ c", "only \\{{ literal }}",
        "São Paulo {{ n }} Panamá {{ m | fixed(1) }} Querétaro", "{\u{301}{ a }}", "{{\u{301} a }}", "\\\u{301}{{ a }}",
        "\u{600}{{ a }}", "x\u{600}{ {{ a }}", "\u{600}\\{{ a }}", "a\r\n{{ b }}\r\n", "{{ a }\u{301}} }}", "🇧🇷{{ a }}🇲🇽",
        "e\u{301}{{x}}e\u{301}", String(repeating: "word ", count: 300) + "{{ end }}", "{{ a } }} {{ b }}} \\\\{{ c }}",
        "{\n{ a }}", "{{ a\n}}", "\\\n{{ a }}", "ok {{ ref:fig }} and {{ x }}",
    ]

    @Test func piecesAreTheCharacterScansPieces() {
        for text in Self.samples {
            #expect(Self.shape(ExpressionText.pieces(of: text), in: text) == Self.shape(Self.referencePieces(of: text), in: text),
                    "\(text.debugDescription)")
        }
    }

    @Test func bridgedStringsAreScannedAlike() {
        for text in Self.samples {
            let bridged = String(NSString(string: text))
            #expect(Self.shape(ExpressionText.pieces(of: bridged), in: bridged) == Self.shape(Self.referencePieces(of: bridged), in: bridged),
                    "\(text.debugDescription)")
        }
    }

    /// Every text made of a small alphabet of awkward characters, up to five long.
    @Test func everyShortTextOfAwkwardCharacters() {
        let alphabet = ["{", "}", "\\", "a", "\u{301}", "\u{600}", "é", "\n"]
        var texts = [""]
        var checked = 0
        for _ in 0..<5 {
            texts = texts.flatMap { prefix in alphabet.map { prefix + $0 } }
            for text in texts {
                let got = Self.shape(ExpressionText.pieces(of: text), in: text)
                let expected = Self.shape(Self.referencePieces(of: text), in: text)
                if got != expected {
                    Issue.record("\(text.debugDescription): \(got) != \(expected)")
                    return
                }
                checked += 1
            }
        }
        #expect(checked == 8 + 64 + 512 + 4096 + 32768)
    }

    /// ``escapeMarkdown(_:also:)`` returns text without the escaped bytes as it is, and escapes
    /// the rest as the character loop does.
    @Test func escapingSkipsTextWithNothingToEscape() {
        func reference(_ text: String, also extra: String) -> String {
            var out = ""
            for character in text {
                if "\\`*_[]<>#|!".contains(character) || extra.contains(character) { out.append("\\") }
                out.append(character)
            }
            return out
        }
        let texts = ["12.5", "São Paulo", "a*b", "[x]", "{y}", "}", "e\u{301}", "#1", "a|b", "<b>", "x!", "_", "`", "\\", "\u{600}*", "*\u{301}"]
        for text in texts {
            for extra in ["{", "{}", "", "é"] {
                #expect(escapeMarkdown(text, also: extra) == reference(text, also: extra), "\(text.debugDescription) also \(extra)")
            }
        }
    }
}
