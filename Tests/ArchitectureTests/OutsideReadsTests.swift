import Foundation
import Testing

/// Calls that read files outside the project on their own are kept out of Sources/: Foundation's
/// `attributesOfItem` looks up the owner's and group's names (reading `/etc/nsswitch.conf`,
/// `/etc/passwd` and `/etc/group`: a plain `stat` gives the size and times), and the user's home
/// folder or the local time zone are never what a build depends on (docs/reproducibility.md).
@Suite struct OutsideReadsTests {
    /// The calls, each with the reason it is refused.
    static let refused: [(call: String, reason: String)] = [
        ("attributesOfItem(", "reads /etc/passwd and /etc/group for owner names: use stat (FileStamp)"),
        ("homeDirectoryForCurrentUser", "the user's home folder is outside the project"),
        ("NSHomeDirectory(", "the user's home folder is outside the project"),
        ("TimeZone.current", "reads /etc/localtime: outputs never depend on the local time zone"),
    ]

    /// One message per code line (comments left out) under `files` that makes a refused call.
    static func breaches(_ files: [(path: String, text: String)]) -> [String] {
        files.flatMap { file in
            file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().flatMap { index, line in
                let code = line.trimmingCharacters(in: .whitespaces).hasPrefix("//") ? "" : String(line)
                return refused.filter { code.contains($0.call) }
                    .map { "\(file.path):\(index + 1): \($0.call) \($0.reason)" }
            }
        }
    }

    @Test func sourcesMakeNoRefusedCall() throws {
        let sources = ModuleGraphTests.sources
        let manager = FileManager.default
        var files: [(path: String, text: String)] = []
        for case let relative as String in manager.enumerator(atPath: sources.path)! where relative.hasSuffix(".swift") {
            files.append((relative, try String(contentsOf: sources.appendingPathComponent(relative), encoding: .utf8)))
        }
        #expect(files.count > 100)
        #expect(Self.breaches(files) == [])
    }

    @Test func aRefusedCallIsFoundAndACommentIsNot() {
        let planted = [("X/Y.swift", "let a = 1\n// attributesOfItem( in a comment\nlet s = try fm.attributesOfItem(atPath: p)\n")]
        #expect(Self.breaches(planted) == [
            "X/Y.swift:3: attributesOfItem( reads /etc/passwd and /etc/group for owner names: use stat (FileStamp)",
        ])
    }
}
