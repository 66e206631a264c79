import DossierBase
import Foundation
import Testing

/// ``UTF8Search`` answers as the `String.UTF8View` searches it replaces.
@Suite struct UTF8SearchTests {
    static let texts = ["", "\n", "a", "a\n", "\na", "a\n\nb\n", "<", "<<", "a<b<c", "x<<", "<<y", "é\n\u{301}<<\r\n!",
                        String(repeating: "ab\n", count: 300) + "<!<"]

    @Test(arguments: texts)
    func searchesFindWhatTheUTF8ViewHolds(_ text: String) {
        let bytes = Array(text.utf8)
        for byte in [UInt8(ascii: "!"), UInt8(ascii: "\r"), UInt8(ascii: "\n"), UInt8(ascii: "<"), 0xCC] {
            #expect(UTF8Search.contains(byte, in: text) == bytes.contains(byte), "\(byte) in \(text.debugDescription)")
        }
        let pairs = zip(bytes, bytes.dropFirst())
        #expect(UTF8Search.contains(Array("<<".utf8), in: text)
                == pairs.contains { $0 == UInt8(ascii: "<") && $1 == UInt8(ascii: "<") })
        #expect(UTF8Search.contains(Array("b\n".utf8), in: text)
                == pairs.contains { $0 == UInt8(ascii: "b") && $1 == UInt8(ascii: "\n") })
        let lines = UTF8Search.lines(of: text).map(Array.init)
        let split = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        #expect(lines == split)
    }
}
