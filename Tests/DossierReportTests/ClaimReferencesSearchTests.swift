@testable import DossierReport
import Testing

/// ``ClaimReferences/misspeltAttributes(in:)`` rules out text without the bytes of `]{` before
/// searching by characters: the words it finds are the character search's.
@Suite struct ClaimReferencesSearchTests {
    /// The search by characters alone, as it was.
    static func reference(_ text: String) -> [String] {
        ClaimReferences.misspeltAttributes(in: text, bytesFirst: false)
    }

    @Test func misspeltSpansAreFoundAsTheCharacterSearchFindsThem() {
        let texts = ["", "plain", "[a]{clam=x}", "[a]{Claim=x} and [b]{claim=y}", "[a]{claims=x}", "]{", "]{=", "] {clam=x}",
                     "[São]{clam=x}", "[a]\u{301}{clam=x}", "[a]{\u{301}clam=x}", "[a]{clam=x} [b]{clm=y} [c]{color=z}",
                     "no span ] { here", "]]{{clam=x}", "[a]{laim=x}", "[a]{claimm=x}"]
        for text in texts {
            #expect(ClaimReferences.misspeltAttributes(in: text) == Self.reference(text), "\(text.debugDescription)")
        }
        #expect(ClaimReferences.misspeltAttributes(in: "[a]{clam=x}") == ["clam"])
        #expect(ClaimReferences.misspeltAttributes(in: "[a]{laim=x}") == ["laim"])
    }
}
