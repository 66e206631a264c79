import Foundation

/// The SHA-256 of files a build hashed before, found again by their ``FileStamp`` instead of
/// reading and hashing them: the pinned fonts and the data files (inputs), the cache's blobs,
/// and the output folder's files. One file in the cache folder, `DIR/digests`, written
/// whole under a temporary name and renamed into place (never in the output folder).
///
/// **Why a stamp may stand for the bytes.** An entry says: the file with this device, inode,
/// size, modification and status-change time had this SHA-256 when it was read, and both times
/// were earlier than `bound`, a file-system time taken before the read began (the memo file's
/// own modification time as the build loaded it, and never later than the clock). Any write
/// to the file after `bound` sets its modification and status-change time to `bound` or later,
/// so the stamp differs; a file replaced by a rename has another inode. An entry whose times
/// are not strictly older than its bound is *racy* (a write in the same clock tick as the
/// one it records would leave the stamp unchanged; git's "racy clean" case) and is not
/// trusted: the file is hashed again and the entry recorded again under this build's later
/// bound. On a file system with whole-second times (no fraction of a second: FAT keeps even
/// seconds) the times must be two seconds older than the bound.
///
/// The memo is loaded once, by ``load()`` at the start of a build, before any file is read;
/// lookups and records before that do nothing (no bound is known yet). A memo that is
/// damaged, truncated or of another format is ignored (every file is hashed) and rewritten.
/// Concurrent builds each rename a whole memo into place; the last one wins, and the entries
/// the other recorded are only a hash away. `dossier check` and builds without `--cache` use
/// no memo: they hash every file.
final class FileDigestMemo: @unchecked Sendable {
    /// One file's digest, with the stamp it had and the bound it was read after.
    struct Entry: Equatable {
        var stamp: FileStamp
        var sha256: String
        /// Nanoseconds since 1970; the stamp's times must be older.
        var bound: Int64
    }

    private struct Identity: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    /// The memo's name in the cache folder.
    static let fileName = "digests"
    /// Entries kept: those this build used first, then earlier ones.
    /// (A 1000× build of the flagship uses about 6,000: ~2,900 page blobs and as many output
    /// files; an entry is about 110 bytes.)
    static let capacity = 32_768
    /// The extra age required of whole-second times (nanoseconds).
    static let coarseMargin: Int64 = 2_000_000_000
    private static let format = "dossier file digests 1"

    /// The memo file.
    let path: String
    /// Where reads are recorded (pruning keeps the memo), when in a cache.
    private let activity: CacheActivity?
    private let lock = NSLock()
    private var loaded = false
    /// The bound of the entries this build records (0: none trusted).
    private var bound: Int64 = 0
    private var entries: [Identity: Entry] = [:]
    /// The entries this build looked up or recorded, in order.
    private var used: [Identity] = []
    private var usedSet: Set<Identity> = []
    private var changed = false

    /// The memo at `path` (not read before ``load()``).
    init(path: String, activity: CacheActivity? = nil) {
        self.path = path
        self.activity = activity
    }

    /// Reads the memo file and fixes this build's bound; later calls do nothing. Call before
    /// the build reads any file it may record. `clock` replaces the current time (nanoseconds
    /// since 1970; tests).
    func load(clock: Int64? = nil) {
        lock.withLock {
            guard !loaded else { return }
            loaded = true
            var found = FileBytes.readStamped(path)
            if found == nil {
                // No memo yet: an empty one is written now, so that its time bounds this build's
                // reads (a file's time is the file system's clock, which the process's may not be).
                BuildCache.place(BuildCache.entry(Self.encode([])), at: path, name: Self.fileName)
                found = FileBytes.readStamped(path)
            }
            guard let (bytes, stamp) = found else { return }
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            // A memo dated in the future (a clock set back, a touched file) bounds nothing later
            // than now. The bound holds whatever the memo's content: any file's time is a past time.
            bound = min(stamp.modified, clock ?? Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec))
            activity?.read(path, modified: stamp.modified)
            guard let payload = BuildCache.payload(of: bytes), let read = Self.decode(payload) else {
                // Damaged or of another format: ignored, and written anew at the end.
                changed = true
                return
            }
            entries = read
        }
    }

    /// The SHA-256 recorded for a file with `stamp`, when it is trusted (recorded, same stamp,
    /// times strictly older than the entry's bound).
    func sha256(of stamp: FileStamp) -> String? {
        lock.withLock {
            guard loaded else { return nil }
            let identity = Identity(device: stamp.device, inode: stamp.inode)
            guard let entry = entries[identity], entry.stamp == stamp, Self.trusted(entry) else { return nil }
            if usedSet.insert(identity).inserted { used.append(identity) }
            return entry.sha256
        }
    }

    /// Records that the file with `stamp` (taken before its bytes were read) has `sha256`.
    func record(_ stamp: FileStamp, sha256: String) {
        lock.withLock {
            guard loaded else { return }
            let identity = Identity(device: stamp.device, inode: stamp.inode)
            if usedSet.insert(identity).inserted { used.append(identity) }
            if let old = entries[identity], old.stamp == stamp, old.sha256 == sha256, old.bound >= bound { return }
            entries[identity] = Entry(stamp: stamp, sha256: sha256, bound: bound)
            changed = true
        }
    }

    /// Whether an entry's times are strictly older than its bound (by two seconds for
    /// whole-second times).
    static func trusted(_ entry: Entry) -> Bool {
        entry.stamp.latest + (entry.stamp.hasCoarseTimes ? coarseMargin : 0) < entry.bound
    }

    /// Writes the memo when this build recorded something new: the entries it used first,
    /// then earlier ones, up to ``capacity``. Errors are ignored (the memo only saves time).
    func save() {
        let payload: [UInt8]? = lock.withLock {
            guard loaded, changed else { return nil }
            changed = false
            var order = used
            for identity in entries.keys.sorted(by: { ($0.device, $0.inode) < ($1.device, $1.inode) })
            where !usedSet.contains(identity) {
                order.append(identity)
            }
            return Self.encode(order.prefix(Self.capacity).compactMap { entries[$0] })
        }
        guard let payload else { return }
        let bytes = BuildCache.entry(payload)
        BuildCache.place(bytes, at: path, name: Self.fileName)
        activity?.wrote(path, count: 0)
    }

    /// A memo's payload.
    private static func encode(_ kept: [Entry]) -> [UInt8] {
        var writer = CacheByteWriter()
        writer.string(format)
        writer.integer(kept.count)
        for entry in kept {
            writer.unsigned(entry.stamp.device)
            writer.unsigned(entry.stamp.inode)
            writer.integer(Int(entry.stamp.size))
            writer.integer(Int(entry.stamp.modified))
            writer.integer(Int(entry.stamp.changed))
            writer.integer(Int(entry.bound))
            writer.string(entry.sha256)
        }
        return writer.bytes
    }

    /// The entries of a memo's payload, or nil when it is not one.
    private static func decode(_ payload: [UInt8]) -> [Identity: Entry]? {
        var reader = CacheByteReader(payload)
        do {
            guard try reader.string() == format else { return nil }
            var entries: [Identity: Entry] = [:]
            for _ in 0..<(try reader.count()) {
                let stamp = FileStamp(device: try reader.unsigned(), inode: try reader.unsigned(), size: Int64(try reader.integer()),
                                      modified: Int64(try reader.integer()), changed: Int64(try reader.integer()))
                let bound = Int64(try reader.integer())
                let sha256 = try reader.string()
                entries[Identity(device: stamp.device, inode: stamp.inode)] = Entry(stamp: stamp, sha256: sha256, bound: bound)
            }
            return reader.atEnd ? entries : nil
        } catch {
            return nil
        }
    }

    /// The SHA-256 of the file at `path`: from the memo when its stamp is trusted (the file is
    /// not read), else read and hashed (the digest recorded); nil when it cannot be read.
    func sha256(ofFile path: String) -> String? {
        var known: String?
        guard let (bytes, stamp) = FileBytes.readStamped(path, unless: { stamp in
            known = self.sha256(of: stamp)
            return known != nil
        }) else { return nil }
        if let known { return known }
        let digest = SHA256.hex(bytes)
        record(stamp, sha256: digest)
        return digest
    }
}
