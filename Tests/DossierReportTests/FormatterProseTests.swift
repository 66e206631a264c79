@testable import DossierReport
import Testing

/// `Formatter.prose` (items joined with commas and a last "and") appends into one string; the
/// slice's `joined` it replaced is the oracle.
@Suite struct FormatterProseTests {
    static func joinedSlice(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }

    @Test func givesWhatTheSlicesJoinGave() {
        let words = ["", "Lima", "São Paulo", "a, b", " and ", "Querétaro", "e\u{301}"]
        // Every list of up to four of the words.
        var lists: [[String]] = [[]], longest: [[String]] = [[]]
        for _ in 0..<4 {
            longest = longest.flatMap { list in words.map { list + [$0] } }
            lists += longest
        }
        #expect(lists.count == 2_801)
        for list in lists {
            #expect(Formatter.prose(list) == Self.joinedSlice(list), "\(list)")
        }
    }
}
