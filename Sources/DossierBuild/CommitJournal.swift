import DossierReport
import Foundation

/// `out/.dossier-commit`: the list of renames and removals that switch an output folder from
/// its old set of files to the new one. It is written (atomically) after every new file has
/// been staged under a temporary name and before the first rename, and removed after the last
/// removal. While it exists the switch is unfinished, and since every temporary it names is
/// complete, finishing it (``OutputRecovery``) always yields the new set.
struct CommitJournal: Codable, Equatable {
    /// A staged file and the output it becomes; both relative to the output folder.
    struct Rename: Codable, Equatable {
        var temporary: String
        var final: String
    }

    /// The journal's format version.
    var version = 1
    /// In order; the manifest last.
    var renames: [Rename]
    /// Outputs of the previous set that the new one no longer has.
    var removals: [String]

    /// The journal's name in the output folder.
    static let fileName = ".dossier-commit"

    /// The JSON bytes, with sorted keys.
    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [0x0A]
    }

    /// Parses a journal, refusing one that names a path outside the output folder or a file
    /// Dossier would not write (a journal is never trusted to rename or remove anything else).
    static func decode(_ data: Data) -> CommitJournal? {
        guard let journal = try? JSONDecoder().decode(CommitJournal.self, from: data), journal.version == 1 else { return nil }
        for rename in journal.renames {
            guard OutputName.isOutputPath(rename.final), RelativePath.isConfined(rename.temporary),
                  TemporaryName.isTemporary(rename.temporary),
                  (rename.temporary as NSString).deletingLastPathComponent == (rename.final as NSString).deletingLastPathComponent
            else { return nil }
        }
        guard journal.removals.allSatisfy(OutputName.isOutputPath) else { return nil }
        return journal
    }
}

/// Names of Dossier's temporary files: `.<name>.tmp-<process id>` beside the file they become.
enum TemporaryName {
    /// The temporary name for `path` (relative or absolute), in the same folder.
    static func forPath(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let name = ".\((path as NSString).lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)"
        return folder.isEmpty ? name : folder + "/" + name
    }

    /// Whether the last component of `path` is a temporary name (any process's).
    static func isTemporary(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        guard name.hasPrefix("."), let range = name.range(of: ".tmp-", options: .backwards),
              range.lowerBound > name.index(after: name.startIndex) else { return false }
        let digits = name[range.upperBound...]
        return !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
    }
}
