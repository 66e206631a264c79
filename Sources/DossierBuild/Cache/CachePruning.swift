import Foundation

/// Keeps a cache folder under its ``CacheLimit``: when a build that wrote entries finds the
/// folder over the cap, it removes the least recently used files (oldest modification time
/// first; a hit refreshes it) until the folder is under the low-water mark, 80% of the cap.
///
/// - Never removed: a file this build read or wrote, or any file modified since this build
///   started (a concurrent build's), or a writer's temporary file younger than
///   ``temporaryFileAge`` (an older one is left by a build that died, and goes first).
/// - Every removal is one `unlink` of a whole entry file: a concurrent build that listed it
///   finds it missing, which is a miss (it computes the value again), never an error.
/// - Never fails or slows a build much: the size comes from ``CacheSizeLedger``, and the walk
///   happens only when that estimate passes the cap.
enum CachePruning {
    /// How old a temporary file must be before pruning removes it.
    static let temporaryFileAge: Double = 3600
    /// Slack on the build's start time for file system clocks that are coarser than the wall
    /// clock (Linux stamps files with a clock that lags by up to a scheduler tick, ≤ 10 ms):
    /// a file a concurrent build wrote after this one started must not look older. Small, so
    /// that the files of a build that finished a moment before are not all protected (with
    /// 2 s, six prose edits of the flagship made a second apart under a 14 MB cap left
    /// 14.2 MB instead of at most 11.7 MB).
    static let clockSlack: Double = 0.1

    /// What a prune did.
    struct Outcome: Sendable, Equatable {
        /// The folder's bytes before and after.
        var before: UInt64
        var after: UInt64
        /// The files removed.
        var removed: [String]
    }

    /// After a build: adds what it wrote to the ledger and prunes when the estimate passes
    /// the cap. Nil when nothing was walked.
    @discardableResult
    static func afterBuild(_ cache: BuildCache) -> Outcome? {
        let written = cache.activity.bytesWritten
        guard written > 0 else { return nil }
        let directory = cache.directory.path
        if let recorded = CacheSizeLedger.read(in: directory) {
            let (estimate, overflow) = recorded.addingReportingOverflow(written)
            if !overflow, estimate <= cache.limit.bytes {
                CacheSizeLedger.write(estimate, in: directory)
                return nil
            }
        }
        let outcome = prune(directory, limit: cache.limit, keeping: cache.activity.usedPaths,
                            since: cache.activity.start - clockSlack, now: Date().timeIntervalSince1970)
        CacheSizeLedger.write(outcome.after, in: directory)
        return outcome
    }

    /// Walks `directory` and, when it holds more than `limit`, removes least recently used
    /// files (never one in `keeping`, nor one modified at or after `since`, nor a temporary
    /// file younger than ``temporaryFileAge`` at `now`) until it holds at most the low-water
    /// mark; temporary files old enough go first whatever the size.
    static func prune(_ directory: String, limit: CacheLimit, keeping: Set<String>, since: Double, now: Double) -> Outcome {
        let files = CacheWalk.files(under: directory)
        let before = files.reduce(0) { $0 + $1.bytes }
        var size = before
        var removed: [String] = []
        func remove(_ file: CacheFile) {
            guard unlink(file.path) == 0 || errno == ENOENT else { return }
            size -= min(size, file.bytes)
            removed.append(file.path)
        }
        for file in files where file.isTemporary && now - file.modified > temporaryFileAge {
            remove(file)
        }
        if size > limit.bytes {
            let candidates = files
                .filter { !$0.isTemporary && $0.modified < since && !keeping.contains($0.path) }
                .sorted { ($0.modified, $0.path) < ($1.modified, $1.path) }
            for file in candidates {
                if size <= limit.lowWater { break }
                remove(file)
            }
        }
        return Outcome(before: before, after: size, removed: removed)
    }
}
