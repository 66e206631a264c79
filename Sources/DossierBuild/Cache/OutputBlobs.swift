import Foundation

/// Output files kept in the build cache once each, named by the SHA-256 of their bytes
/// (`DIR/blob/<xx>/<sha256>`): the entries that hold whole outputs (a whole build, a document,
/// a page) list paths with these names, so an output that several entries hold, or that a
/// build makes again unchanged, is written and stored once.
///
/// A blob is written to a temporary name and renamed into place; one that exists with the
/// right size is not written again. Reading a blob hashes it: one whose bytes do not match its name (damaged,
/// truncated) is missing and removed, and the entry that names it is a miss.
struct OutputBlobs: Sendable {
    let cache: BuildCache

    /// The file of the blob named `hex`.
    func path(_ hex: String) -> String {
        cache.directory.appendingPathComponent("blob").appendingPathComponent(String(hex.prefix(2)))
            .appendingPathComponent(hex).path
    }

    /// Stores `bytes` (unless a blob of that name exists) and returns its name, or nil when it
    /// could not be written.
    @discardableResult
    func store(_ bytes: [UInt8]) -> String? {
        let hex = SHA256.outputHex(bytes)
        let final = path(hex)
        // A blob of the right size is not written again (one damaged in place is found by
        // its hash when read, removed, and stored again by the next build that makes it).
        var status = stat()
        if stat(final, &status) == 0, Int(status.st_size) == bytes.count { return hex }
        let folder = (final as NSString).deletingLastPathComponent
        let temporary = folder + "/.\(hex).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try OutputWriter.writeNew(bytes, at: temporary)
            try OutputWriter.renameItem(temporary, to: final)
            return hex
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            return nil
        }
    }

    /// The bytes of the blob named `hex`, or nil when it is missing or does not match its name
    /// (then it is removed, so that the next build that makes those bytes stores them again).
    func read(_ hex: String) -> [UInt8]? {
        guard let bytes = FileBytes.read(path(hex)) else { return nil }
        guard SHA256.outputHex(bytes) == hex else {
            try? FileManager.default.removeItem(atPath: path(hex))
            return nil
        }
        return bytes
    }

    /// Writes `files` (path → bytes) as blobs and their list (path → name) into `writer`;
    /// false when a blob could not be written (then the entry is not stored).
    func write(_ files: [String: [UInt8]], into writer: inout CacheByteWriter) -> Bool {
        writer.integer(files.count)
        for path in files.keys.sorted() {
            guard let hex = store(files[path] ?? []) else { return false }
            writer.string(path)
            writer.string(hex)
        }
        return true
    }

    /// Reads a list written by ``write(_:into:)`` and the blobs it names.
    func read(from reader: inout CacheByteReader) throws(CacheEntryDamaged) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for _ in 0..<(try reader.count()) {
            let path = try reader.string()
            guard let bytes = read(try reader.string()) else { throw CacheEntryDamaged() }
            files[path] = bytes
        }
        return files
    }
}
