@testable import DossierReport
import Foundation
import Testing

/// ``ReportSource/lines(of:)`` splits as `components(separatedBy: "\n")` did, through
/// ``UTF8Search/lines(of:separator:)``.
@Suite struct ReportSourceLinesTests {
    static let texts = ["", "\n", "a", "a\n", "\na", "a\n\nb\n", "é\n\u{301}<<\r\n!", String(repeating: "ab\n", count: 300) + "<!<"]

    @Test(arguments: texts)
    func linesAreTheUTF8ViewSplit(_ text: String) {
        let split = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        #expect(ReportSource.lines(of: text) == split.map { String(decoding: $0, as: UTF8.self) })
        if !text.contains("\r") { #expect(ReportSource.lines(of: text) == text.components(separatedBy: "\n")) }
    }
}
