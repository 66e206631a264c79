import DossierReport
import Foundation

/// Finds and finishes what an interrupted build left in an output folder.
///
/// A journal (``CommitJournal``) means the switch to the new set had begun: every file it
/// names was complete before it was written, so its renames and removals are finished ("roll
/// forward"). Temporaries without a journal belong to a build that stopped while staging: they
/// are removed, and the old set is intact. Only the output folder, `charts/` and `pages/` are
/// looked at, and only Dossier's own names (the journal, `.<name>.tmp-<pid>`) are touched.
enum OutputRecovery {
    /// The folders (relative to the output folder) where Dossier writes.
    static let folders = ["", "charts", "pages"]

    /// Finishes an interrupted switch and removes stray temporaries. Call with the folder's
    /// exclusive ``OutputLock`` held.
    static func recover(in directory: URL) throws {
        let journalURL = directory.appendingPathComponent(CommitJournal.fileName)
        if exists(journalURL.path) {
            guard let data = FileManager.default.contents(atPath: journalURL.path),
                  let journal = CommitJournal.decode(data) else {
                throw OutputRefusal.unreadableJournal(DisplayPath.relative(journalURL))
            }
            for folder in Set((journal.renames.map(\.final) + journal.removals).map { ($0 as NSString).deletingLastPathComponent }) {
                try verifyConfined(folder, in: directory)
            }
            for rename in journal.renames {
                let temporary = directory.appendingPathComponent(rename.temporary).path
                // A missing temporary was renamed before the interruption.
                if exists(temporary) {
                    try OutputWriter.renameItem(temporary, to: directory.appendingPathComponent(rename.final).path)
                }
            }
            for path in journal.removals {
                try removeIfPresent(directory.appendingPathComponent(path).path)
            }
            try removeIfPresent(journalURL.path)
        }
        for path in temporaries(in: directory) {
            try removeIfPresent(directory.appendingPathComponent(path).path)
        }
    }

    /// What an interrupted build left: the journal and temporaries, relative to `directory`,
    /// sorted. (`dossier check` reports them; the next build cleans them up.)
    static func leftovers(in directory: URL) -> [String] {
        var found = temporaries(in: directory)
        if exists(directory.appendingPathComponent(CommitJournal.fileName).path) { found.append(CommitJournal.fileName) }
        return found.sorted()
    }

    /// Dossier's temporary files in the output folder, `charts/` and `pages/`.
    static func temporaries(in directory: URL) -> [String] {
        var found: [String] = []
        for folder in folders {
            let url = folder.isEmpty ? directory : directory.appendingPathComponent(folder)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { continue }
            for name in names where TemporaryName.isTemporary(name) {
                found.append(folder.isEmpty ? name : folder + "/" + name)
            }
        }
        return found.sorted()
    }

    /// Refuses a folder under the output folder (`charts`, `pages`, or "" for the folder
    /// itself) that resolves somewhere else, e.g. a symbolic link to a folder outside.
    static func verifyConfined(_ folder: String, in directory: URL) throws {
        guard !folder.isEmpty else { return }
        guard RelativePath.isConfined(folder) else { throw OutputRefusal.outsideFolder(folder) }
        let url = directory.appendingPathComponent(folder)
        guard exists(url.path) else { return }
        let resolvedFolder = realPath(url.path) ?? url.path
        let expected = (realPath(directory.path) ?? directory.path) + "/" + folder
        guard resolvedFolder == expected else {
            throw OutputRefusal.linkedFolder(folder: DisplayPath.relative(url), target: resolvedFolder)
        }
    }

    /// `path` with every symbolic link resolved (`realpath`), or nil when it does not resolve.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether anything (a file, folder or link, even a dangling one) is at `path`.
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Removes the file or link at `path`; nothing there is fine.
    static func removeIfPresent(_ path: String) throws {
        if unlink(path) != 0 && errno != ENOENT {
            throw OutputWriter.POSIXFailure(path: path, operation: "remove")
        }
    }
}
