import DossierBase
import DossierReport
import Foundation

/// Switches an output folder from its old set of files to a new one, all or nothing.
///
/// The steps, each followed by a call of `afterStep` with its number (0 before the first):
/// 1. every new or changed file is written under a temporary name beside its final name (those
///    the build staged already while it rendered, ``prestaged``, are not written again);
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
    /// Whether files are compared and staged on two threads (``BuildOptions/twoThreads``);
    /// the folder ends the same either way.
    var twoThreads = true
    /// Where the second thread marks its phases (comparing, staging), when tracing.
    var trace: BuildTrace?
    /// Outputs the build already compared with the folder and, where they differ, staged
    /// under their temporary names (``OutputStaging``), by path: they are not compared or
    /// written again when `files` holds the same bytes. The commit owns their temporaries: it
    /// removes them on an error before the journal, as it does its own.
    var prestaged: [String: OutputStaging.Outcome] = [:]
    /// Files of the folder known by their stamps (``FileComparison``), when the build has a cache.
    var memo: FileDigestMemo?

    /// Performs the switch. - Returns: the paths rewritten (identical files are left alone,
    /// modification time included, so make sees no change).
    ///
    /// Paths are joined as strings: `URL.appendingPathComponent` asks the file system whether
    /// each path is a folder, which at 1000× data (2,900 files, each joined four times) was a
    /// fifth of this step. Comparing with the files already there and staging the changed ones
    /// run on two threads (each file is independent; the kernel's copy into the page cache and
    /// its inode allocation are most of the cost).
    func run() throws -> [String] {
        let base = directory.path.hasSuffix("/") ? directory.path : directory.path + "/"
        let files = files
        // Outputs staged before with other bytes than the set's (or not in it) are staged again.
        let prestaged = prestaged.filter { path, outcome in files[path].map { $0 == outcome.bytes } ?? false }
        for (path, outcome) in self.prestaged where outcome.staged && prestaged[path] == nil {
            try? Self.removeStale(base + TemporaryName.forPath(path))
        }
        do {
            for path in files.keys {
                guard RelativePath.isConfined(path) else { throw OutputRefusal.outsideFolder(path) }
            }
            for path in removals {
                guard OutputName.isOutputPath(path) else { throw OutputRefusal.outsideFolder(path) }
            }
        } catch {
            for (path, outcome) in prestaged where outcome.staged { try? Self.removeStale(base + TemporaryName.forPath(path)) }
            throw error
        }
        var step = 0
        try afterStep?(step)
        let manager = FileManager.default
        let paths = files.keys.filter { prestaged[$0] == nil }.sorted()
        let trace = trace, memo = memo
        let differs = try TwoThreadMap.map(paths.count, twoThreads: twoThreads, callerState: (), makeState: {},
                                           helperDone: trace?.marker("outputs compared with the folder's")) { _, index in
            !FileComparison.holds(base + paths[index], files[paths[index]] ?? [], memo: memo)
        }
        var changed = paths.indices.filter { differs[$0] }.map { paths[$0] } + prestaged.filter(\.value.staged).map(\.key)
        let removed = removals.filter { files[$0] == nil && OutputRecovery.exists(base + $0) }.sorted()
        guard !changed.isEmpty || !removed.isEmpty else { return [] }
        // Manifest last: a reader that ignores the journal sees it change after the files it lists.
        changed.sort { ($0 == "manifest.json" ? 1 : 0, $0) < ($1 == "manifest.json" ? 1 : 0, $1) }

        let renames = changed.map { CommitJournal.Rename(temporary: TemporaryName.forPath($0), final: $0) }
        do {
            for folder in Set(changed.map { ($0 as NSString).deletingLastPathComponent }) where !folder.isEmpty {
                try manager.createDirectory(atPath: base + folder, withIntermediateDirectories: true)
            }
            for folder in Set((changed + removed).map { ($0 as NSString).deletingLastPathComponent }) {
                try OutputRecovery.verifyConfined(folder, in: directory)
            }
            let toStage = renames.filter { prestaged[$0.final] == nil }
            _ = try TwoThreadMap.map(toStage.count, twoThreads: twoThreads, callerState: (), makeState: {},
                                     helperDone: trace?.marker("outputs staged under temporary names")) { _, index in
                let rename = toStage[index]
                guard let bytes = files[rename.final] else { return }
                try Self.removeStale(base + rename.temporary)
                try OutputWriter.writeNew(bytes, at: base + rename.temporary)
            }
        } catch {
            for rename in renames { try? Self.removeStale(base + rename.temporary) }
            throw error
        }
        step += 1
        try afterStep?(step)

        let journal = CommitJournal(renames: renames, removals: removed)
        let journalPath = base + CommitJournal.fileName
        let journalTemporary = base + TemporaryName.forPath(CommitJournal.fileName)
        do {
            try Self.removeStale(journalTemporary)
            try OutputWriter.writeNew(try journal.encoded(), at: journalTemporary)
            try OutputWriter.renameItem(journalTemporary, to: journalPath)
        } catch {
            for rename in renames { try? Self.removeStale(base + rename.temporary) }
            try? Self.removeStale(journalTemporary)
            throw error
        }
        step += 1
        try afterStep?(step)

        // From here on the journal finishes the switch if this process cannot: a failure
        // leaves it for the next build (see OutputRecovery).
        for rename in renames {
            try OutputWriter.renameItem(base + rename.temporary, to: base + rename.final)
            step += 1
            try afterStep?(step)
        }
        for path in removed {
            try OutputRecovery.removeIfPresent(base + path)
            step += 1
            try afterStep?(step)
        }
        try OutputRecovery.removeIfPresent(journalPath)
        step += 1
        try afterStep?(step)
        return changed.sorted()
    }

    /// Removes a temporary left at `path` by an earlier process with this one's id: a file with
    /// `unlink` (nothing there is the usual case), anything else through `FileManager`.
    static func removeStale(_ path: String) throws {
        if unlink(path) == 0 || errno == ENOENT { return }
        try FileManager.default.removeItem(atPath: path)
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
