import DossierReport
import Foundation

/// Writes files so that a reader never sees a half-written one: each file goes to a temporary
/// name in its destination folder and is renamed into place only after every file has been
/// written. On an error the temporary files are removed and the previous files stay.
///
/// This is for the make state folder, depfiles and rules; a report's output folder is written
/// as one all-or-nothing set by ``OutputCommit`` instead (with a journal, a lock and recovery).
public enum OutputWriter {
    /// Writes `files` (paths relative to `directory`; a path that is absolute, has an empty,
    /// `.` or `..` component is refused). Existing files whose bytes are already identical are
    /// left untouched (their modification time too, so make sees no change).
    /// - Returns: the paths actually rewritten.
    @discardableResult
    public static func write(_ files: [String: [UInt8]], to directory: URL) throws -> [String] {
        for path in files.keys {
            guard RelativePath.isConfined(path) else { throw OutputRefusal.outsideFolder(path) }
        }
        let manager = FileManager.default
        var staged: [(temporary: URL, final: URL, path: String)] = []
        do {
            for path in files.keys.sorted() {
                guard let bytes = files[path] else { continue }
                let final = directory.appendingPathComponent(path)
                if let existing = FileBytes.read(final.path), existing == bytes { continue }
                try manager.createDirectory(at: final.deletingLastPathComponent(), withIntermediateDirectories: true)
                let temporary = URL(fileURLWithPath: TemporaryName.forPath(final.path))
                try writeNew(bytes, at: temporary.path)
                staged.append((temporary, final, path))
            }
            for entry in staged {
                try renameItem(entry.temporary.path, to: entry.final.path)
            }
        } catch {
            for entry in staged { try? manager.removeItem(at: entry.temporary) }
            throw error
        }
        return staged.map(\.path)
    }

    /// `rename(2)`: atomically replaces `destination` (a file or link, never followed).
    static func renameItem(_ source: String, to destination: String) throws {
        guard rename(source, destination) == 0 else { throw POSIXFailure(path: destination, operation: "rename into") }
    }

    /// Creates `path` (which must not exist) holding `bytes`, with the umask's permissions.
    /// Plain `open`/`write`/`close`: `FileManager.createFile` writes through a second
    /// temporary file and calls `fsync` on each, which made writing a briefing's 28 files take
    /// longer than building them. Durability across a power cut is not a goal for build
    /// outputs (make and ninja do not sync either); atomic replacement is, and the rename
    /// after all files are staged gives it.
    static func writeNew(_ bytes: [UInt8], at path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw POSIXFailure(path: path, operation: "create") }
        defer { close(descriptor) }
        try writeAll(bytes, to: descriptor, path: path)
    }

    /// Creates `path` (which must not exist) empty, with the umask's permissions: a temporary
    /// made ahead of its bytes (``TemporariesAhead``), filled later by ``writeCreated(_:at:)``.
    static func createEmpty(at path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw POSIXFailure(path: path, operation: "create") }
        close(descriptor)
    }

    /// Writes `bytes` into the empty file `path` made by ``createEmpty(at:)`` (a link there is
    /// not followed: the open fails).
    static func writeCreated(_ bytes: [UInt8], at path: String) throws {
        let descriptor = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw POSIXFailure(path: path, operation: "open") }
        defer { close(descriptor) }
        try writeAll(bytes, to: descriptor, path: path)
    }

    /// Writes all of `bytes` to `descriptor` (the file at `path`, named in an error).
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        var written = 0
        try bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw POSIXFailure(path: path, operation: "write")
                }
                written += count
            }
        }
    }

    /// A failed system call on an output file, with `errno`'s message.
    struct POSIXFailure: LocalizedError {
        let path: String
        let operation: String
        let message = String(cString: strerror(errno))
        var errorDescription: String? { "cannot \(operation) \(path): \(message)" }
    }
}
