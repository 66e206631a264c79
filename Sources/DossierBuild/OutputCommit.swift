import DossierBase
import DossierReport
import Foundation

/// Switches an output folder from its old set of files to a new one, all or nothing.
///
/// The steps, each followed by a call of `afterStep` with its number (0 before the first):
/// 1. every new or changed file is written under a temporary name beside its final name;
/// 2. the journal (``CommitJournal``) is written, atomically, naming every rename and removal;
/// 3. … the renames, one step each, the manifest last;
/// … the removals, one step each;
/// last: the journal is removed.
///
/// An interruption before step 2 leaves the old set plus temporaries, which the next build
/// removes; an interruption after it leaves a journal, which the next build finishes (see
/// ``OutputRecovery``): either way the folder ends with one complete set. Callers hold the
/// folder's ``OutputLock``.
struct OutputCommit {
    /// The output folder.
    let directory: URL
    /// The new set's files, relative to `directory`.
    let files: [String: [UInt8]]
    /// Outputs of the old set to remove (relative; each must have an output's shape).
    let removals: [String]
    /// Called after each step with its number (0 before the first step): a test hook that may
    /// stop the process there (or, in a test, throw: nothing after the step then runs, as if
    /// the process had died).
    var afterStep: ((Int) throws -> Void)?

    /// Performs the switch. - Returns: the paths rewritten (identical files are left alone,
    /// modification time included, so make sees no change).
    func run() throws -> [String] {
        for path in files.keys {
            guard RelativePath.isConfined(path) else { throw OutputRefusal.outsideFolder(path) }
        }
        for path in removals {
            guard OutputName.isOutputPath(path) else { throw OutputRefusal.outsideFolder(path) }
        }
        var step = 0
        try afterStep?(step)
        let manager = FileManager.default
        var changed: [String] = []
        for path in files.keys.sorted() {
            guard let bytes = files[path] else { continue }
            if let existing = FileBytes.read(url(path).path), existing == bytes { continue }
            changed.append(path)
        }
        let removed = removals.filter { files[$0] == nil && OutputRecovery.exists(url($0).path) }.sorted()
        guard !changed.isEmpty || !removed.isEmpty else { return [] }
        // Manifest last: a reader that ignores the journal sees it change after the files it lists.
        changed.sort { ($0 == "manifest.json" ? 1 : 0, $0) < ($1 == "manifest.json" ? 1 : 0, $1) }

        let renames = changed.map { CommitJournal.Rename(temporary: TemporaryName.forPath($0), final: $0) }
        do {
            for folder in Set(changed.map { ($0 as NSString).deletingLastPathComponent }) where !folder.isEmpty {
                try manager.createDirectory(at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            for folder in Set((changed + removed).map { ($0 as NSString).deletingLastPathComponent }) {
                try OutputRecovery.verifyConfined(folder, in: directory)
            }
            for rename in renames {
                guard let bytes = files[rename.final] else { continue }
                try? manager.removeItem(at: url(rename.temporary))
                try OutputWriter.writeNew(bytes, at: url(rename.temporary).path)
            }
        } catch {
            for rename in renames { try? manager.removeItem(at: url(rename.temporary)) }
            throw error
        }
        step += 1
        try afterStep?(step)

        let journal = CommitJournal(renames: renames, removals: removed)
        let journalURL = url(CommitJournal.fileName)
        let journalTemporary = url(TemporaryName.forPath(CommitJournal.fileName))
        do {
            try? manager.removeItem(at: journalTemporary)
            try OutputWriter.writeNew(try journal.encoded(), at: journalTemporary.path)
            try OutputWriter.renameItem(journalTemporary.path, to: journalURL.path)
        } catch {
            for rename in renames { try? manager.removeItem(at: url(rename.temporary)) }
            try? manager.removeItem(at: journalTemporary)
            throw error
        }
        step += 1
        try afterStep?(step)

        // From here on the journal finishes the switch if this process cannot: a failure
        // leaves it for the next build (see OutputRecovery).
        for rename in renames {
            try OutputWriter.renameItem(url(rename.temporary).path, to: url(rename.final).path)
            step += 1
            try afterStep?(step)
        }
        for path in removed {
            try OutputRecovery.removeIfPresent(url(path).path)
            step += 1
            try afterStep?(step)
        }
        try OutputRecovery.removeIfPresent(journalURL.path)
        step += 1
        try afterStep?(step)
        return changed.sorted()
    }

    private func url(_ path: String) -> URL {
        directory.appendingPathComponent(path)
    }
}

/// A path Dossier refuses to write or remove.
enum OutputRefusal: Error, CustomStringConvertible {
    /// A relative path that is absolute, has `..`, or is not an output's shape.
    case outsideFolder(String)
    /// A folder under the output folder that resolves elsewhere (a symbolic link).
    case linkedFolder(folder: String, target: String)
    /// A journal Dossier did not write.
    case unreadableJournal(String)

    var description: String {
        switch self {
        case let .outsideFolder(path):
            return "refusing to write or remove \(InputExcerpt.quoted(path)): outputs stay inside the output folder"
        case let .linkedFolder(folder, target):
            return "\(folder) is a symbolic link to \(InputExcerpt.quoted(target)), outside the output folder; "
                + "replace it with a real folder (Dossier writes only inside the output folder)"
        case let .unreadableJournal(path):
            return "\(path) is not a commit journal Dossier wrote (it names paths outside the outputs, or is not JSON); "
                + "remove it and rebuild"
        }
    }
}
