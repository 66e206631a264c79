import Foundation

/// Writes build products so that a reader never sees a half-written file: each file goes to a
/// temporary name in its destination folder and is renamed into place only after every file
/// has been written. On any error the temporary files are removed and the previous outputs stay.
public enum OutputWriter {
    /// Writes `files` (paths relative to `directory`). Existing files whose bytes are already
    /// identical are left untouched (their modification time too, so make sees no change).
    /// - Returns: the paths actually rewritten.
    @discardableResult
    public static func write(_ files: [String: [UInt8]], to directory: URL) throws -> [String] {
        let manager = FileManager.default
        var staged: [(temporary: URL, final: URL, path: String)] = []
        do {
            for path in files.keys.sorted() {
                guard let bytes = files[path] else { continue }
                let final = directory.appendingPathComponent(path)
                if let existing = manager.contents(atPath: final.path), [UInt8](existing) == bytes { continue }
                try manager.createDirectory(at: final.deletingLastPathComponent(), withIntermediateDirectories: true)
                let temporary = final.deletingLastPathComponent()
                    .appendingPathComponent(".\(final.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
                guard manager.createFile(atPath: temporary.path, contents: Data(bytes)) else {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
                }
                staged.append((temporary, final, path))
            }
            for entry in staged {
                if rename(entry.temporary.path, entry.final.path) != 0 {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: entry.final.path])
                }
            }
        } catch {
            for entry in staged { try? manager.removeItem(at: entry.temporary) }
            throw error
        }
        return staged.map(\.path)
    }

    /// Removes files under `directory` that a full build no longer produces (a deleted
    /// figure's charts, surplus pages), keeping `keep`.
    public static func removeStale(in directory: URL, keep: Set<String>, subdirectories: [String]) {
        let manager = FileManager.default
        for folder in subdirectories {
            let url = directory.appendingPathComponent(folder)
            guard let names = try? manager.contentsOfDirectory(atPath: url.path) else { continue }
            for name in names where !keep.contains(folder + "/" + name) && !name.hasPrefix(".") {
                try? manager.removeItem(at: url.appendingPathComponent(name))
            }
        }
    }
}
