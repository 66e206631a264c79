import Foundation

/// Where a build keeps what it computed, so that the next build computes only what its edits
/// affect (see docs/build-cache.md): a folder under the build folder (the make rules use
/// `<state>/cache`, never the output folder).
///
/// Every entry is named by the SHA-256 of everything its value depends on (``CacheKey``), so an
/// entry is never updated in place: a new value has a new name. Entries are written to a
/// temporary name and renamed into place, so a reader sees a whole entry or none, and
/// concurrent builds need no lock. Each entry carries the SHA-256 of its payload; an entry that
/// is truncated or damaged does not verify and is treated as missing (the build computes the
/// value again and writes a fresh entry). Failing to write an entry never fails a build.
public struct BuildCache: Sendable {
    /// The cache folder.
    public let directory: URL
    /// What identifies the program that computes the values (its version and build); part of
    /// every key, so a new `dossier` never reads an older one's entries.
    public let toolIdentity: String
    /// The most bytes the folder may hold: the build prunes least recently used entries past
    /// it (``CachePruning``).
    public var limit: CacheLimit = .default
    /// What this build read and wrote (shared by every copy of this value).
    let activity: CacheActivity
    /// The SHA-256 of files hashed by earlier builds, found by their stamps (`DIR/digests`;
    /// shared by every copy of this value). ``ReportBuild`` loads it when a build starts.
    let digestMemo: FileDigestMemo

    /// A cache in `directory` (made on first write) for values computed by `toolIdentity`.
    /// The folder's path, ending with `/` (entry paths are made by appending to it: URL
    /// arithmetic cost about 0.1 ms an entry, and a build looks up a hundred).
    private let folderPrefix: String

    public init(directory: URL, toolIdentity: String) {
        self.directory = directory.standardizedFileURL
        self.toolIdentity = toolIdentity
        let path = self.directory.path
        folderPrefix = path.hasSuffix("/") ? path : path + "/"
        let activity = CacheActivity()
        self.activity = activity
        digestMemo = FileDigestMemo(path: folderPrefix + FileDigestMemo.fileName, activity: activity)
    }

    /// First bytes of every entry: the format's name and version.
    static let magic = Array("DOSSIER-CACHE-1\n".utf8)

    /// The file of an entry.
    func path(of key: CacheKey) -> String {
        folderPrefix + key.kind + "/" + key.hex.prefix(2) + "/" + key.hex
    }

    /// The file of a report's entry beside the packs: `DIR/pack/<prefix>-<SHA-256 of the tool,
    /// `kind` and the report's name>` (one file a report, replaced in place by each build that
    /// changes it; no folder of its own, whose creation is slow on a file system that has just
    /// deleted many files).
    func reportPackPath(_ prefix: String, kind: String, report: String) -> String {
        var key = key(kind)
        key.add("report", report)
        return folderPrefix + "pack/" + prefix + "-" + key.key.hex
    }

    /// A new key of `kind` ("analysis", "charts", "build"…) that already holds the tool identity.
    func key(_ kind: String) -> CacheKeyBuilder {
        CacheKeyBuilder(kind: kind, toolIdentity: toolIdentity)
    }

    /// The payload stored under `key`, or nil when there is none or it does not verify.
    /// An entry file that an earlier build verified and that was not written since
    /// (``FileDigestMemo``: same stamp) is not hashed again.
    func read(_ key: CacheKey) -> [UInt8]? {
        readEntry(at: path(of: key))
    }

    /// The payload of the entry file at `path` (``read(_:)``).
    func readEntry(at path: String) -> [UInt8]? {
        readEntryAndDigest(at: path)?.payload
    }

    /// The payload of the entry file at `path` (``read(_:)``) and its SHA-256 (hex), as its
    /// header names it and as checked (or known by the file's stamp: ``FileDigestMemo``).
    func readEntryAndDigest(at path: String) -> (payload: [UInt8], digest: String)? {
        guard var (payload, stamp) = FileBytes.readStamped(path), let header = Self.header(of: payload) else { return nil }
        let size = payload.count
        // Recorded with a prefix: the memo holds whole files' SHA-256s, and this is the payload's.
        let verified = "payload " + header.digest
        // The header is removed in place: no second array (fresh pages) for the payload.
        payload.removeSubrange(..<header.length)
        if size != Int(stamp.size) || digestMemo.sha256(of: stamp) != verified {
            guard Array(SHA256.hex(payload).utf8) == Array(header.digest.utf8) else { return nil }
            digestMemo.record(stamp, sha256: verified)
        }
        activity.read(path, modified: stamp.modified)
        return (payload, header.digest)
    }

    /// Stores `payload` under `key` (temporary file, then rename). Errors are ignored: the
    /// cache only saves time.
    func write(_ payload: [UInt8], for key: CacheKey) {
        write(payload, at: path(of: key), name: key.hex)
    }

    /// Stores `payload` as an entry at `final` (``place(_:at:name:)``). Errors are ignored.
    func write(_ payload: [UInt8], at final: String, name: String) {
        let bytes = Self.entry(payload)
        if Self.place(bytes, at: final, name: name) { activity.wrote(final, count: bytes.count) }
    }

    /// Writes `bytes` to a temporary name (after `name`) in `final`'s folder and renames it
    /// to `final`; the folder is made when missing. False when it could not be written.
    @discardableResult
    static func place(_ bytes: [UInt8], at final: String, name: String) -> Bool {
        let folder = (final as NSString).deletingLastPathComponent
        let temporary = folder + "/.\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        do {
            do {
                try OutputWriter.writeNew(bytes, at: temporary)
            } catch {
                // The folder is made once, when the first entry that needs it is written; one
                // mkdir when its parent exists (FileManager looks at every ancestor first).
                if mkdir(folder, 0o777) != 0, errno != EEXIST {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                try OutputWriter.writeNew(bytes, at: temporary)
            }
            try OutputWriter.renameItem(temporary, to: final)
            return true
        } catch {
            unlink(temporary)
            return false
        }
    }

    /// Files the entry under `existing` under `key` too, as a second name of the same file (a
    /// hard link, made under a temporary name and renamed into place, so that it replaces
    /// whatever was there, a damaged entry among them): for a value found under one key that a
    /// later build will look up by another. An entry's bytes do not depend on its key, so both
    /// names verify. A link makes no new file: a note-cell edit of the flagship finds its ~45
    /// analyses by their rows and files each under its new file key, and creating that many
    /// files cost more system time than the rest of the edit on a file system that has just
    /// freed others. Falls back to ``write(_:for:)`` of `payload` where linking fails (another
    /// file system, no links, no entry under `existing`).
    func alias(_ existing: CacheKey, as key: CacheKey, payload: @autoclosure () -> [UInt8]) {
        let source = path(of: existing), final = path(of: key)
        let folder = (final as NSString).deletingLastPathComponent
        let temporary = folder + "/.\(key.hex).link-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        func linked() -> Bool {
            guard link(source, temporary) == 0 else { return false }
            // rename(2) leaves both names when they are already links to one file.
            defer { unlink(temporary) }
            guard rename(temporary, final) == 0 else { return false }
            activity.wrote(final, count: 0)
            return true
        }
        if linked() { return }
        // The new name's folder is made once, when the first entry that needs it is filed.
        if errno == ENOENT, access(source, F_OK) == 0,
           (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil, linked() {
            return
        }
        unlink(temporary)
        write(payload(), for: key)
    }

    /// An entry's bytes: the magic, the payload's length (8 bytes, little-endian), the
    /// payload's SHA-256 (64 hex digits), the payload.
    static func entry(_ payload: [UInt8]) -> [UInt8] {
        var header = CacheByteWriter()
        header.unsigned(UInt64(payload.count))
        return magic + header.bytes + Array(SHA256.hex(payload).utf8) + payload
    }

    /// The payload of an entry's bytes, or nil when they are not a whole, intact entry.
    static func payload(of entry: [UInt8]) -> [UInt8]? {
        guard let header = header(of: entry) else { return nil }
        let payload = Array(entry[header.length...])
        guard Array(SHA256.hex(payload).utf8) == Array(header.digest.utf8) else { return nil }
        return payload
    }

    /// The header's length and the payload's SHA-256 it names, when `entry` starts with a
    /// header whose length is the payload's (the digest is not checked).
    static func header(of entry: [UInt8]) -> (length: Int, digest: String)? {
        let headerLength = magic.count + 8 + 64
        guard entry.count >= headerLength, Array(entry[0..<magic.count]) == magic else { return nil }
        var reader = CacheByteReader(Array(entry[magic.count..<magic.count + 8]))
        guard let length = try? reader.unsigned(), length == UInt64(entry.count - headerLength) else { return nil }
        return (headerLength, String(decoding: entry[(magic.count + 8)..<headerLength], as: UTF8.self))
    }
}

/// The name of a cache entry: its kind and the SHA-256 of what its value depends on.
struct CacheKey: Sendable, Hashable {
    let kind: String
    let hex: String
}

/// Collects what a cached value depends on, each part labelled and length-prefixed (so that
/// no two different lists of parts give the same bytes), and hashes it into a ``CacheKey``.
struct CacheKeyBuilder {
    let kind: String
    private var writer = CacheByteWriter()

    init(kind: String, toolIdentity: String) {
        self.kind = kind
        add("kind", kind)
        add("tool", toolIdentity)
    }

    mutating func add(_ label: String, _ value: String) {
        writer.string(label)
        writer.string(value)
    }

    mutating func add(_ label: String, bytes: [UInt8]) {
        writer.string(label)
        writer.data(bytes)
    }

    var key: CacheKey { CacheKey(kind: kind, hex: SHA256.hex(writer.bytes)) }
}
