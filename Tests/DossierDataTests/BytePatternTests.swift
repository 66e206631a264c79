import Foundation
import Testing
@testable import DossierData

/// Byte-level patterns agree with Swift's Regex on every ASCII value, and decline what they
/// cannot match exactly.
@Suite struct BytePatternTests {
    static let patterns = ["[A-Z]{3}", "[0-9]{4}-[0-9]{2}", "a+b*c?", "[a-c]{1,3}x", "\\d{2,}", "[A-Za-z_]+[0-9]*",
                           "x{0}y", "[^,;]+", "\\.\\-[.]", "ab{2,4}b", "[ab]?c", "Q[0-9a-f]{2}",
                           // A leading `^` and a trailing unescaped `$` (the flagship's schemas).
                           "^[a-z0-9_]+$", "^[A-Z]{3}$", "^a+", "b*$", "^$", "a\\$", "^\\$$", "\\\\$"]

    @Test(arguments: patterns)
    func agreesWithRegex(_ pattern: String) throws {
        let compiled = try #require(BytePattern(pattern), "\(pattern) should compile")
        let regex = try Regex(pattern)
        var rng = SplitMix64(seed: UInt64(pattern.utf8.count))
        let alphabet = Array("abcxyQAZ09-_.,; $\\\n".utf8)
        for _ in 0..<3000 {
            let n = Int.random(in: 0...7, using: &rng)
            let bytes = (0..<n).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }
            let text = String(decoding: bytes, as: UTF8.self)
            let expected = (try? regex.wholeMatch(in: text)) != nil
            #expect(bytes.withUnsafeBufferPointer { compiled.matches($0) } == expected, "\(pattern) on \(text)")
        }
    }

    @Test func declinesWhatItCannotMatchExactly() {
        for pattern in ["(a|b)", ".", "a^b", "a$b", "^^a", "a$$", "^*", "\\w+", "a*?", "a++", "[a&&b]", "é", "[[a]]", "a*b*c*d*", "[]", "x{2,1}", "[a-]"] {
            #expect(BytePattern(pattern) == nil, "\(pattern)")
        }
        let p = BytePattern("[A-Z]{3}")
        #expect(Array("AÉB".utf8).withUnsafeBufferPointer { p?.matches($0) } == .some(nil))
        #expect(Array("AB\r".utf8).withUnsafeBufferPointer { p?.matches($0) } == .some(nil))
        #expect(Array("ABC".utf8).withUnsafeBufferPointer { p?.matches($0) } == true)
        #expect(Array("ABCD".utf8).withUnsafeBufferPointer { p?.matches($0) } == false)
    }
}
