import Foundation

/// What one build did to its cache: the entry files it read or wrote (which pruning never
/// removes) and the bytes it wrote (added to the size ledger). Shared by every copy of a
/// ``BuildCache`` value.
final class CacheActivity: @unchecked Sendable {
    /// When the build started using the cache (wall clock, seconds since 1970): entries
    /// modified since then, by this build or a concurrent one, are never pruned.
    let start: Double
    private let lock = NSLock()
    private var paths: Set<String> = []
    private var written: UInt64 = 0

    init() {
        start = Date().timeIntervalSince1970
    }

    /// Records that the build read `path` and marks it recently used: its modification time
    /// becomes now (one `utimensat`; errors ignored), so least-recently-used pruning keeps it.
    func read(_ path: String) {
        utimensat(AT_FDCWD, path, nil, 0)
        lock.withLock { _ = paths.insert(path) }
    }

    /// Records that the build read `path`, last modified at `modified` (nanoseconds since
    /// 1970), and marks it recently used unless it was modified within the last hour: least
    /// recently used pruning needs no finer order, and a file whose stamp is left alone is
    /// known again by ``FileDigestMemo`` without being hashed (a blob refreshed on every read
    /// would change its stamp on every build).
    func read(_ path: String, modified: Int64) {
        if Double(modified) / 1e9 < start - Self.refreshAge { utimensat(AT_FDCWD, path, nil, 0) }
        lock.withLock { _ = paths.insert(path) }
    }

    /// How old a file read must be before its modification time is refreshed (seconds).
    static let refreshAge: Double = 3600

    /// Records that the build wrote `count` bytes at `path`.
    func wrote(_ path: String, count: Int) {
        lock.withLock {
            paths.insert(path)
            written += UInt64(count)
        }
    }

    /// The entry files the build read or wrote.
    var usedPaths: Set<String> { lock.withLock { paths } }

    /// The bytes the build wrote into the cache.
    var bytesWritten: UInt64 { lock.withLock { written } }
}
