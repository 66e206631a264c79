@testable import DossierReport
import Testing

/// A condition's text on one line (``Claim/oneLine(_:)``): its shortcut (printable ASCII with no
/// space at either end is returned as it is) gives what splitting, trimming and joining gives.
@Suite struct ClaimOneLineTests {
    static func slow(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { String($0).trimmingSpaces }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    @Test func theShortcutGivesWhatTheLinesGive() {
        let pieces = ["a", " ", "\n", "\t", "\r", "~", "\u{7F}", "é", "\u{85}", "\u{2028}", "\u{A0}", "\u{1F}", "x.n > 1"]
        var texts = [""]
        var all: [String] = [""]
        for _ in 0..<4 {
            texts = texts.flatMap { text in pieces.map { text + $0 } }
            all += texts
        }
        for text in all {
            #expect(Claim.oneLine(text) == Self.slow(text), "\(text.debugDescription)")
        }
    }
}
