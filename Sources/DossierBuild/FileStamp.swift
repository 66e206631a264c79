import Foundation

/// What `stat` says about a regular file that changes whenever its bytes can have changed: the
/// device and inode (a file replaced by a rename is another inode), the size, and the
/// modification and status-change times in nanoseconds (a write sets both; the status-change
/// time cannot be set back by `touch` or `utimensat`). ``FileDigestMemo`` trusts a digest only
/// for a file whose stamp is unchanged since it was hashed.
struct FileStamp: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    /// Modification time, nanoseconds since 1970.
    var modified: Int64
    /// Status-change time, nanoseconds since 1970.
    var changed: Int64

    /// The stamp of a `stat` result.
    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int64(status.st_size)
        modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        changed = Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec)
    }

    init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        (self.device, self.inode, self.size, self.modified, self.changed) = (device, inode, size, modified, changed)
    }

    /// The stamp of the regular file at `path` (symbolic links followed), or nil.
    static func of(_ path: String) -> FileStamp? {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(status)
    }

    /// The later of the two times.
    var latest: Int64 { max(modified, changed) }

    /// Whether a time has no fraction of a second, as on file systems that keep whole (or
    /// even) seconds: a later write in the same second or two may leave it unchanged.
    var hasCoarseTimes: Bool {
        modified % 1_000_000_000 == 0 || changed % 1_000_000_000 == 0
    }
}
