@testable import DossierLayout
import Testing

/// ``HTMLEscaping/escape(_:)`` returns texts with nothing to escape as they are; its quick
/// check must never skip a text that the scalar-by-scalar rule changes.
@Suite struct HTMLEscapingFastPathTests {
    @Test func everyKindOfCharacterIsEscapedAsTheRuleSays() {
        let samples = ["", "12,345.50", "−1,234", "—", "Côte d’Ivoire", "São Tomé", "中文", "🙂", "a&b", "<x>", "\"q\" 'a'",
                       "tab\tnew\nret\r", "\u{0}\u{1f}\u{7f}", "\u{80}\u{9f}\u{a0}\u{ff}", "\u{fdcf}\u{fdf0}",
                       "\u{fffd}\u{1f600}\u{10fffd}", "\u{ef}\u{b7}"]
        let noncharacters = [0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF].compactMap(Unicode.Scalar.init)
        for text in samples + ["a" + String(String.UnicodeScalarView(noncharacters)) + "b"] {
            #expect(HTMLEscaping.escape(text) == HTMLEscaping.escapeScalars(text), "\(Array(text.unicodeScalars.map(\.value)))")
        }
        // Every scalar of the first planes and the ends of the others, alone and in plain text.
        let scalars = (0..<0x1_0000).compactMap(Unicode.Scalar.init)
            + (1...16).flatMap { plane in (0xFFF0..<0x1_0000).compactMap { Unicode.Scalar(plane << 16 | $0) } }
        for scalar in scalars {
            let text = "x" + String(Character(scalar)) + "1"
            if HTMLEscaping.escape(text) != HTMLEscaping.escapeScalars(text) {
                Issue.record("U+\(String(scalar.value, radix: 16)) is escaped differently")
            }
        }
    }

    @Test func aPlainTextIsReturnedAsItIs() {
        #expect(HTMLEscaping.escape("−1,234.50 São Tomé 中文 🙂") == "−1,234.50 São Tomé 中文 🙂")
    }
}
