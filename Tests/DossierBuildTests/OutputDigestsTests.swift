@testable import DossierBuild
import Testing

/// The process's remembered output hashes (``OutputDigests``) outlive a build that ends while
/// another runs: a library caller's (or the tests') concurrent builds do not take each other's
/// away; they are forgotten when the last build ends.
@Suite struct OutputDigestsTests {
    @Test func aBuildEndingBesideAnotherKeepsItsEntries() {
        let digests = OutputDigests()
        let first: [UInt8] = Array("first build's output".utf8)
        let second: [UInt8] = Array("second build's output".utf8)
        digests.beginBuild()
        let hex = digests.hex(first)
        digests.beginBuild()
        digests.remember(second, hex: "0000")
        digests.endBuild()
        #expect(digests.known(first) == hex, "the first build's entry outlives the second build")
        #expect(digests.known(second) == "0000")
        digests.endBuild()
        #expect(digests.known(first) == nil && digests.count == 0, "forgotten when the last build ends")
        // An unmatched end does not make the count negative: the next build still clears.
        digests.endBuild()
        digests.beginBuild()
        _ = digests.hex(first)
        digests.endBuild()
        #expect(digests.count == 0)
    }
}
