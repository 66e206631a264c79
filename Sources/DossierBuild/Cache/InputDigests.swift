import Foundation

/// The SHA-256 of input files' contents, each file read and hashed once per build (several
/// cache keys name the same data file), and not at all when `memo` knows the file by its
/// stamp (the pinned fonts, data files an edit did not touch). Safe to share between the
/// build's two threads.
final class InputDigests: @unchecked Sendable {
    private let lock = NSLock()
    private var digests: [String: String?] = [:]
    private let memo: FileDigestMemo?

    init(memo: FileDigestMemo? = nil) {
        self.memo = memo
    }

    /// The SHA-256 of the file at `path` (absolute), or nil when it cannot be read.
    func digest(_ path: String) -> String? {
        if let known = lock.withLock({ digests[path] }) { return known }
        let digest = memo.map { $0.sha256(ofFile: path) } ?? FileBytes.read(path).map(SHA256.hex)
        lock.withLock { digests[path] = digest }
        return digest
    }

    /// Whether `path` was read and hashed already (its digest, or that it cannot be read, is known).
    func isKnown(_ path: String) -> Bool {
        lock.withLock { digests[path] != nil }
    }

    /// Adds each path (sorted) with its digest to `key`. False when a file cannot be read:
    /// then nothing that depends on it is cached or looked up.
    func add(_ paths: some Sequence<String>, to key: inout CacheKeyBuilder) -> Bool {
        for path in Set(paths).sorted() {
            guard let digest = digest(path) else { return false }
            key.add("file " + path, digest)
        }
        return true
    }
}
