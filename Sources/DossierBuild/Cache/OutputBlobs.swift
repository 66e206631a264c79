import Foundation

/// Output files kept in the build cache once each, named by the SHA-256 of their bytes
/// (`DIR/blob/<xx>/<sha256>`): the entries that hold whole outputs (a whole build, a document,
/// a page) list paths with these names, so an output that several entries hold, or that a
/// build makes again unchanged, is written and stored once.
///
/// A blob is written to a temporary name and renamed into place; one that exists with the
/// right size is not written again. Reading a blob hashes it: one whose bytes do not match its name (damaged,
/// truncated) is missing and removed, and the entry that names it is a miss. A blob hashed and
/// found intact by an earlier build and not written since (``FileDigestMemo``: same stamp) is
/// not hashed again.
struct OutputBlobs: Sendable {
    let cache: BuildCache

    /// The file of the blob named `hex` (a string path: URL arithmetic cost about 0.1 ms a
    /// component, and a document entry names ~20 blobs).
    func path(_ hex: String) -> String {
        cache.path(of: CacheKey(kind: "blob", hex: hex))
    }

    /// Stores `bytes` (unless a blob of that name exists) and returns its name, or nil when it
    /// could not be written. With `file` (an output this build staged with exactly these bytes,
    /// ``OutputStaging/stagedFile(_:holding:)``) the blob is made a second name of that file (a
    /// hard link: nothing is written; ~1.4 MB on a prose edit of the flagship); where linking
    /// fails the bytes are written. The output's later replacement (a rename over it) leaves
    /// the blob as it is; a change made in place to the output would change the blob too, which
    /// is then found by its hash, like any damaged blob, when read (removed; the entry misses).
    @discardableResult
    func store(_ bytes: [UInt8], linking file: String? = nil) -> String? {
        let hex = SHA256.outputHex(bytes)
        let final = path(hex)
        // A blob of the right size is not written again (one damaged in place is found by
        // its hash when read, removed, and stored again by the next build that makes it).
        var status = stat()
        if stat(final, &status) == 0, Int(status.st_size) == bytes.count {
            cache.activity.read(final, modified: FileStamp(status).modified)
            return hex
        }
        if let file, Self.linkBlob(file, to: final) {
            cache.activity.wrote(final, count: bytes.count)
            return hex
        }
        guard BuildCache.place(bytes, at: final, name: hex) else { return nil }
        cache.activity.wrote(final, count: bytes.count)
        return hex
    }

    /// Makes `final` a second name of `file` (its folder made when it is missing and its parent
    /// exists); false when that fails (another file system, no links, no `file`, a blob there).
    private static func linkBlob(_ file: String, to final: String) -> Bool {
        if link(file, final) == 0 { return true }
        guard errno == ENOENT, mkdir((final as NSString).deletingLastPathComponent, 0o777) == 0 else { return false }
        return link(file, final) == 0
    }

    /// The bytes of the blob named `hex`, or nil when it is missing or does not match its name
    /// (then it is removed, so that the next build that makes those bytes stores them again).
    ///
    /// A blob whose stamp ``FileDigestMemo`` knows with this name is not hashed (its bytes are
    /// remembered with their name, ``OutputDigests``); one hashed here is recorded there.
    func read(_ hex: String) -> [UInt8]? {
        let path = path(hex)
        guard let (bytes, stamp) = FileBytes.readStamped(path) else { return nil }
        if bytes.count == Int(stamp.size), cache.digestMemo.sha256(of: stamp) == hex {
            OutputDigests.shared.remember(bytes, hex: hex)
        } else {
            guard SHA256.outputHex(bytes) == hex else {
                unlink(path)
                return nil
            }
            cache.digestMemo.record(stamp, sha256: hex)
        }
        cache.activity.read(path, modified: stamp.modified)
        return bytes
    }

    /// Writes `files` (path → bytes) as blobs and their list (path → name) into `writer`, with
    /// `held` (path → name: outputs the build knows by their blob's name alone,
    /// ``FolderHeldOutputs``; their blobs are not written); false when a blob could not be
    /// written (then the entry is not stored). `staged` names the file an output was staged in
    /// (path, bytes → file), which a new blob is linked to (``store(_:linking:)``).
    func write(_ files: [String: [UInt8]], held: [String: String] = [:], into writer: inout CacheByteWriter,
               staged: (String, [UInt8]) -> String? = { _, _ in nil }) -> Bool {
        writer.integer(files.count + held.keys.filter { files[$0] == nil }.count)
        for path in Set(files.keys).union(held.keys).sorted() {
            let hex: String
            if let bytes = files[path] {
                guard let stored = store(bytes, linking: staged(path, bytes)) else { return false }
                hex = stored
            } else if let name = held[path] {
                hex = name
            } else {
                return false
            }
            writer.string(path)
            writer.string(hex)
        }
        return true
    }

    /// Whether the output `folder` holds `path` with the bytes of the blob `hex` (``FolderHeldOutputs``)
    /// and that blob is still there (a stat; it is marked used, so pruning keeps it: a later
    /// build whose folder differs reads it). Nothing is read.
    func isHeld(_ path: String, _ hex: String, by folder: FolderHeldOutputs) -> Bool {
        let blob = self.path(hex)
        guard folder.holds(path, hex), let stamp = FileStamp.of(blob) else { return false }
        cache.activity.read(blob, modified: stamp.modified)
        return true
    }

    /// Reads a list written by ``write(_:held:into:)`` and the blobs it names.
    func read(from reader: inout CacheByteReader) throws(CacheEntryDamaged) -> [String: [UInt8]] {
        try read(from: &reader, leaving: nil).files
    }

    /// Reads a list written by ``write(_:held:into:)`` and the blobs it names, except those the
    /// output `folder` holds already (``FolderHeldOutputs``) and whose blob exists: they are
    /// returned by name in `held`, unread.
    func read(from reader: inout CacheByteReader, leaving folder: FolderHeldOutputs?)
        throws(CacheEntryDamaged) -> (files: [String: [UInt8]], held: [String: String]) {
        var files: [String: [UInt8]] = [:]
        var held: [String: String] = [:]
        for _ in 0..<(try reader.count()) {
            let path = try reader.string()
            let hex = try reader.string()
            if let folder, isHeld(path, hex, by: folder) {
                held[path] = hex
                continue
            }
            guard let bytes = read(hex) else { throw CacheEntryDamaged() }
            files[path] = bytes
        }
        return (files, held)
    }
}
