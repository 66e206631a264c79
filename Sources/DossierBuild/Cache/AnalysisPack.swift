import Foundation

/// The small `analysis` and `analysis-rows` entries of a cache, kept in one file
/// (`DIR/pack/analysis-<tool>`) instead of one file each (see docs/build-cache.md).
///
/// A note-cell edit of the flagship looked up ~45 results by their rows and filed each under
/// its new file key: ~45 links, renames and folders a build, on a file system that charges for
/// each (more so right after files were freed). Now a build reads the pack once, at its first
/// lookup, and writes it once, after its analyses (``flush()``), when it stored something new:
/// one file created (a temporary name renamed over the pack) whatever the number of entries.
///
/// - One record holds one payload under all its names (a result found by its rows is filed
///   under its new file key by adding the name: no copy).
/// - The pack is a cache entry itself (``BuildCache/entry(_:)``: magic, length, SHA-256): a
///   truncated or damaged pack does not verify and is read as empty, so every result is
///   computed again and a whole new pack written; it never fails a build.
/// - Its file name holds a digest of the tool identity, so a rebuilt `dossier` reads none of
///   an older one's records (their names hold the identity too).
/// - Concurrent builds each write a whole pack and rename it into place: the last one wins and
///   the other's new records are lost, which costs only their computation the next time.
/// - What a build used or stored comes first in the pack it writes; records of earlier builds
///   follow, oldest dropped past ``carriedBytesLimit``. A payload larger than
///   ``smallEntryLimit`` stays a file of its own (``BuildCache/write(_:for:)``), so a pack
///   stays small to read and rewrite even for big tables.
final class AnalysisPack: @unchecked Sendable {
    /// The largest payload kept in the pack (bigger ones are entry files).
    static let smallEntryLimit = 64 * 1024
    /// The most payload bytes of records a build did not use that its pack carries over. (At
    /// 256 KiB the flagship's pack carried four earlier versions of each `rows` listing a note
    /// edit changes, 456 KB read, hashed and written again on every cell edit; at 64 KiB it
    /// carries the last one, an undo, and the pack is about half that. Older ones are a `rows`
    /// listing away: no draws.)
    static let carriedBytesLimit = 64 * 1024
    /// The most names a record keeps (the latest used or filed): a result that no note edit
    /// changes gains a file key with each edit of its CSV, and older ones are only found again
    /// by an undo, which the rows key finds too.
    static let namesPerRecord = 8

    /// One payload and the keys it is filed under.
    struct Record {
        var names: [CacheKey]
        let payload: [UInt8]
    }

    private let cache: BuildCache
    /// The pack's file.
    let path: String
    private let lock = NSLock()
    private var loaded = false
    private var records: [Record] = []
    private var recordOfKey: [CacheKey: Int] = [:]
    /// Records this build read or stored, in that order (the front of the next pack).
    private var used: [Int] = []
    private var isUsed: Set<Int> = []
    /// Whether this build stored a record or a name the pack did not hold.
    private var changed = false

    init(cache: BuildCache) {
        self.cache = cache
        let tool = SHA256.hex(Array(cache.toolIdentity.utf8)).prefix(16)
        path = cache.directory.path + "/pack/analysis-" + tool
    }

    /// Whether a payload of `count` bytes belongs in the pack.
    static func holds(_ count: Int) -> Bool { count <= smallEntryLimit }

    /// The payload filed under `key`, if the pack holds it.
    func read(_ key: CacheKey) -> [UInt8]? {
        lock.withLock {
            loadIfNeeded()
            guard let index = recordOfKey[key] else { return nil }
            markUsed(index)
            // The names stay in the order of their last use (the pack keeps the latest).
            if let position = records[index].names.firstIndex(of: key), position != records[index].names.count - 1 {
                records[index].names.remove(at: position)
                records[index].names.append(key)
            }
            return records[index].payload
        }
    }

    /// Files `payload` under `key` (a record of its own, or a new name of the record that
    /// already holds the same bytes under another key this build used).
    func store(_ payload: [UInt8], for key: CacheKey) {
        lock.withLock {
            loadIfNeeded()
            if let index = recordOfKey[key], records[index].payload == payload {
                markUsed(index)
                return
            }
            records.append(Record(names: [key], payload: payload))
            file(key, as: records.count - 1)
            markUsed(records.count - 1)
            changed = true
        }
    }

    /// Files the record under `existing` under `key` too; false when the pack has no record
    /// under `existing` (then the caller stores the payload another way).
    func alias(_ existing: CacheKey, as key: CacheKey) -> Bool {
        lock.withLock {
            loadIfNeeded()
            guard let index = recordOfKey[existing] else { return false }
            markUsed(index)
            if recordOfKey[key] == index { return true }
            file(key, as: index)
            changed = true
            return true
        }
    }

    /// Writes the pack when this build stored something new: its used records first, then
    /// the others in their order until ``carriedBytesLimit``. Errors are ignored.
    func flush() {
        let payload: [UInt8]? = lock.withLock {
            guard changed else { return nil }
            changed = false
            var order = used
            var carried = 0
            for index in records.indices where !isUsed.contains(index) {
                carried += records[index].payload.count
                if carried > Self.carriedBytesLimit { break }
                order.append(index)
            }
            // A name goes with the record it now points to only (a key filed again with other
            // bytes leaves the older record without it), the latest ``namesPerRecord`` of them.
            return Self.encode(order.map { index in
                let names = records[index].names.filter { recordOfKey[$0] == index }
                return Record(names: Array(names.suffix(Self.namesPerRecord)), payload: records[index].payload)
            })
        }
        guard let payload else { return }
        cache.write(payload, at: path, name: (path as NSString).lastPathComponent)
    }

    /// The pack's payload: the count of records, then each record's names (kind and hex) and
    /// payload.
    static func encode(_ list: [Record]) -> [UInt8] {
        var writer = CacheByteWriter()
        writer.integer(list.count)
        for record in list {
            writer.integer(record.names.count)
            for name in record.names {
                writer.string(name.kind)
                writer.string(name.hex)
            }
            writer.data(record.payload)
        }
        return writer.bytes
    }

    /// Every key the pack on disk holds (for tests and counts).
    func keys() -> [CacheKey] {
        lock.withLock {
            loadIfNeeded()
            return Array(recordOfKey.keys)
        }
    }

    /// The records of a pack's payload; nil when it does not decode.
    static func decode(_ payload: [UInt8]) -> [Record]? {
        var reader = CacheByteReader(payload)
        var list: [Record] = []
        do {
            for _ in 0..<(try reader.count()) {
                var names: [CacheKey] = []
                for _ in 0..<(try reader.count()) {
                    let kind = try reader.string()
                    names.append(CacheKey(kind: kind, hex: try reader.string()))
                }
                list.append(Record(names: names, payload: try reader.data()))
            }
        } catch {
            return nil
        }
        return reader.atEnd ? list : nil
    }

    private func loadIfNeeded() {
        guard !loaded else { return }
        loaded = true
        guard let payload = cache.readEntry(at: path), let list = Self.decode(payload) else { return }
        records = list
        for (index, record) in list.enumerated() {
            for name in record.names where recordOfKey[name] == nil { recordOfKey[name] = index }
        }
    }

    private func file(_ key: CacheKey, as index: Int) {
        recordOfKey[key] = index
        if !records[index].names.contains(key) { records[index].names.append(key) }
    }

    private func markUsed(_ index: Int) {
        if isUsed.insert(index).inserted { used.append(index) }
    }
}
