import CairoKit
import Foundation

/// The pages of a document that earlier builds drew, in one file of the cache
/// (`DIR/pack/pages-<name>`, see docs/build-cache.md): each `page` key with the name of its
/// SVG's blob, and each `page pdf` key with the page's PDF content (``PDFPage`` bytes). The
/// keys are ``CachedPages/key(in:kind:fonts:title:description:page:of:scene:)``'s, exactly those
/// the entries had when each page was a file of its own: a page is reused only when what is
/// drawn on it is the same.
///
/// - Read once, when the pages' keys are looked up (a prose edit of the flagship opened 38
///   entry files, 588 at 100×), and written once after the document is rendered, only when a
///   page was drawn anew.
/// - Written as an addition while that is small, like the layout pack: the records the base
///   does not hold go into `<pack>.add`, named to its base by the base's payload SHA-256; the
///   base is then neither written nor, its stamp unchanged, hashed when read again (the digest
///   memo). Past ``additionLimit(base:)`` the whole pack is written (the records this build
///   used or made first, then earlier ones up to as many bytes again) and the addition removed.
///   An addition of another base (rewritten since by a concurrent build, or a crash between the
///   two renames) is ignored.
/// - One pack per document (its name holds the tool identity and the output's name): builds
///   of two documents sharing a cache do not rewrite each other's. The name only finds the
///   file; a record is used only for its full key.
/// - A cache entry itself (magic, length, SHA-256 of the payload): a damaged or truncated pack
///   or one whose payload does not parse to its last byte holds nothing, and every page is
///   drawn again and a whole pack written; a damaged addition is ignored alone; a PDF content
///   that does not decode is a miss for its page alone.
final class PagePack: @unchecked Sendable {
    /// What a record holds.
    enum Kind: UInt8 {
        /// The name of the blob of a page's SVG.
        case svg = 1
        /// A page's ``PDFPage`` bytes.
        case pdf = 2
    }

    private struct Record {
        let kind: Kind
        let key: String
        /// A slice of the payload read (no copy), or the bytes made.
        let value: ArraySlice<UInt8>

        /// The record's bytes in a payload.
        var size: Int { 1 + 8 + key.utf8.count + 8 + value.count }
    }

    private let cache: BuildCache
    /// The pack's file.
    let path: String
    /// The SHA-256 (hex) and size of the base's payload, when one was read and parsed.
    private let base: (digest: String, size: Int)?
    private let lock = NSLock()
    /// Every record read (the base's, then the addition's), by key.
    private var records: [String: Record] = [:]
    /// The keys read from the base.
    private var inBase: Set<String> = []
    /// The order the records were read in (the base's first).
    private var readOrder: [String] = []
    /// The keys this build looked up and found, in order.
    private var used: [String] = []
    private var usedSet: Set<String> = []
    /// The records this build made, in order.
    private var made: [Record] = []

    /// The pack of `cache` for the document whose output is named `document`.
    init(cache: BuildCache, document: String) {
        self.cache = cache
        path = cache.directory.path + "/pack/pages-" + Self.nameDigest(toolIdentity: cache.toolIdentity, document: document)
        guard let (payload, digest) = cache.readEntryAndDigest(at: path), let read = Self.records(payload, head: Self.magic) else {
            base = nil
            return
        }
        base = (digest, payload.count)
        for record in read where records[record.key] == nil {
            records[record.key] = record
            inBase.insert(record.key)
            readOrder.append(record.key)
        }
        guard let addition = cache.readEntry(at: additionPath), let added = Self.additionRecords(addition, base: digest) else { return }
        // An addition's record stands for the base's of the same key (a page whose stored
        // content did not decode, drawn again).
        for record in added {
            if records[record.key] == nil { readOrder.append(record.key) }
            records[record.key] = record
        }
    }

    /// The first 16 hex digits of the SHA-256 of the tool identity and the document's output name.
    static func nameDigest(toolIdentity: String, document: String) -> String {
        String(SHA256.hex(Array((toolIdentity + "\ndocument " + document).utf8)).prefix(16))
    }

    /// The file of the records the base does not hold.
    var additionPath: String { path + ".add" }

    /// The most bytes an addition to a base of `base` bytes may hold: a quarter of it, at
    /// least 64 KiB (a prose edit of the flagship adds one page, ~10 KB).
    static func additionLimit(base: Int) -> Int {
        max(64 * 1024, base / 4)
    }

    /// How many records were read (base and addition), found by this build's lookups, and made by this build.
    var statistics: (read: Int, used: Int, made: Int) { lock.withLock { (records.count, used.count, made.count) } }

    /// The keys of the records of `kind` that were read (base and addition), in the order read.
    func keys(of kind: Kind) -> [String] {
        lock.withLock { readOrder.filter { records[$0]?.kind == kind } }
    }

    /// The value stored under `key` for `kind`, if the pack holds it (noted as used).
    private func value(_ key: CacheKey, kind: Kind) -> ArraySlice<UInt8>? {
        lock.withLock {
            guard let record = records[key.hex], record.kind == kind else { return nil }
            if usedSet.insert(key.hex).inserted { used.append(key.hex) }
            return record.value
        }
    }

    /// The name of the blob of the page SVG whose `page` key is `key`.
    func svgBlob(_ key: CacheKey) -> String? {
        value(key, kind: .svg).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The PDF content of the page whose `page pdf` key is `key`; nil when the pack does not
    /// hold it or its bytes do not decode.
    func pdfPage(_ key: CacheKey) -> PDFPage? {
        value(key, kind: .pdf).flatMap { PDFPage(serialized: $0) }
    }

    /// Keeps the blob name of a page SVG drawn by this build under its `page` key.
    func add(svgBlob name: String, key: CacheKey) {
        add(Record(kind: .svg, key: key.hex, value: Array(name.utf8)[...]))
    }

    /// Keeps the PDF content of a page drawn by this build under its `page pdf` key (its
    /// compressed stream and what it names; the uncompressed stream is not kept).
    func add(pdfPage page: PDFPage, key: CacheKey) {
        var stored = page
        guard stored.deflated != nil else { return }
        stored.content = []
        add(Record(kind: .pdf, key: key.hex, value: stored.serialized[...]))
    }

    /// Keeps `value` under `key` for `kind` (tests plant records with it).
    func add(_ kind: Kind, key: String, value: [UInt8]) {
        add(Record(kind: kind, key: key, value: value[...]))
    }

    private func add(_ record: Record) {
        lock.withLock { made.append(record) }
    }

    /// Writes the pack when this build made a record: the addition when there is a base and
    /// the addition stays under ``additionLimit(base:)``, else the whole pack (and the addition
    /// is removed). Errors are ignored. True when something was written.
    @discardableResult
    func save() -> Bool {
        lock.withLock {
            // The records made whose key the pack did not hold with that value, the last made for a key.
            var latest: [String: Int] = [:]
            for (position, record) in made.enumerated() { latest[record.key] = position }
            let new = made.enumerated().filter { position, record in
                latest[record.key] == position && records[record.key]?.value != record.value
            }.map(\.element)
            guard !new.isEmpty else { return false }
            var keys = Set(new.map(\.key))
            if let base {
                // The earlier addition's records, then the new ones.
                var added: [Record] = []
                for key in readOrder where !inBase.contains(key) && !keys.contains(key) {
                    if let record = records[key] { added.append(record) }
                }
                added += new
                if added.reduce(0, { $0 + $1.size }) <= Self.additionLimit(base: base.size) {
                    let payload = Self.additionMagic + Array(base.digest.utf8) + Self.payload(added)
                    cache.write(payload, at: additionPath, name: (additionPath as NSString).lastPathComponent)
                    return true
                }
            }
            // The whole pack: what this build made and used, then earlier records up to as many bytes.
            var whole = new
            for key in used { if let record = records[key], keys.insert(key).inserted { whole.append(record) } }
            let kept = whole.reduce(0) { $0 + $1.size }
            var carried = 0
            for key in readOrder.reversed() where !keys.contains(key) {
                guard let record = records[key], carried + record.size <= kept else { continue }
                carried += record.size
                keys.insert(key)
                whole.append(record)
            }
            cache.write(Self.magic + Self.payload(whole), at: path, name: (path as NSString).lastPathComponent)
            unlink(additionPath)
            return true
        }
    }

    private static let magic = Array("DPP1".utf8)
    private static let additionMagic = Array("DPA1".utf8)

    /// The records' bytes: their count, then each one's kind, key and value.
    private static func payload(_ records: [Record]) -> [UInt8] {
        var writer = CacheByteWriter()
        writer.integer(records.count)
        for record in records {
            writer.byte(record.kind.rawValue)
            writer.string(record.key)
            writer.data(Array(record.value))
        }
        return writer.bytes
    }

    /// The records of a payload that starts with `head`, or nil when it does not parse to its last byte.
    private static func records(_ payload: [UInt8], head: [UInt8]) -> [Record]? {
        guard payload.count >= head.count, payload[..<head.count].elementsEqual(head) else { return nil }
        var reader = CacheByteReader(payload)
        var records: [Record] = []
        do {
            for _ in head.indices { _ = try reader.byte() }
            for _ in 0..<(try reader.count()) {
                guard let kind = Kind(rawValue: try reader.byte()) else { return nil }
                let key = try reader.string()
                records.append(Record(kind: kind, key: key, value: try reader.dataSlice()))
            }
        } catch {
            return nil
        }
        return reader.atEnd ? records : nil
    }

    /// The records of an addition's payload when it was written for the base whose payload's
    /// SHA-256 is `digest`, else nil.
    private static func additionRecords(_ payload: [UInt8], base digest: String) -> [Record]? {
        records(payload, head: additionMagic + Array(digest.utf8))
    }
}
