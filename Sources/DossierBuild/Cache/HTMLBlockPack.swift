import DossierLayout
import DossierMarkdown
import Foundation

/// The HTML of the body's blocks from the last build, in one cache entry (`html blocks` in
/// docs/build-cache.md): a prose edit writes the HTML of the block it changed and takes every
/// other block's bytes from here (``HTMLBlockStore``).
///
/// A block's part is filed under the SHA-256 of the block as the writer reads it (every case
/// and payload, no source ranges: ``DocumentContentBytes/htmlBlock(_:)``) and of a chain that
/// names the writer's state before it: the chain starts as the SHA-256 of the tool, the
/// footnote definitions and the computed tables (``DocumentContentBytes/htmlBlockInputs(of:)``),
/// and each top-level block's changes to the state (``HTMLWriterState/Change``) are hashed into
/// it, so two builds' chains are equal only when every block before made the same changes. A
/// part holds the HTML and the changes, which the writer replays.
///
/// The entry (``path(cache:report:)``) is named by the tool and the report's name only: it is replaced by a build that
/// wrote more than an eighth of its blocks (``save()``), and holds the parts of that build's
/// blocks. A damaged entry
/// does not verify and is read as empty; a part whose changes do not read back is a miss.
final class HTMLBlockPack: HTMLBlockStore {
    /// How many blocks were taken from the pack and how many written.
    struct Statistics: Equatable, Sendable {
        var reused = 0
        var written = 0
    }

    private let cache: BuildCache
    /// The entry's file (``path(cache:report:)``).
    private let path: String
    /// The stored parts by key: the HTML and the changes' bytes.
    private var stored: [String: (html: ArraySlice<UInt8>, changes: ArraySlice<UInt8>)] = [:]
    /// This build's parts, in order (what the entry will hold).
    private var kept: [(key: String, html: [UInt8], changes: [UInt8])] = []
    /// The keys in ``kept`` (two equal blocks in one state have one part).
    private var keptKeys: Set<String> = []
    private var chain: [UInt8]
    /// The key of the block last asked about.
    private var pending: String?
    private(set) var statistics = Statistics()

    /// The statistics of the last pack saved by a builder's HTML writer, and how many chart
    /// elements it read straight into the HTML's bytes (``CachedChartElement``); set on the
    /// thread that writes the HTML, read after the build.
    final class Tally: @unchecked Sendable {
        // Both values are read and written under the lock only.
        private let lock = NSLock()
        private var last: Statistics?
        private var deferred = 0
        var statistics: Statistics? { lock.withLock { last } }
        var deferredElements: Int { lock.withLock { deferred } }
        func record(_ statistics: Statistics) { lock.withLock { last = statistics } }
        func countDeferredElement() { lock.withLock { deferred += 1 } }
    }

    /// The first bytes of the payload: the format's name and version.
    static let magic = Array("DHB1".utf8)

    /// The entry's file: `DIR/pack/html-blocks-<SHA-256 of the tool and the report's name>`, in
    /// the folder the other packs use (a folder of its own, and its shard folder, cost a cold
    /// build two more directories, each slow to create on a file system that has just deleted
    /// many files: bench/analysis.md, fourteenth round).
    static func path(cache: BuildCache, report: String) -> String {
        cache.reportPackPath("html-blocks", kind: "html blocks", report: report)
    }

    /// The pack of the report named `report`, for writing `content`'s body.
    init(cache: BuildCache, report: String, content: DocumentContent) {
        self.cache = cache
        path = Self.path(cache: cache, report: report)
        var start = cache.key("html block state")
        start.add("inputs", bytes: DocumentContentBytes.htmlBlockInputs(of: content))
        chain = Array(start.key.hex.utf8)
        if let payload = cache.readEntry(at: path) { stored = Self.parts(of: payload) ?? [:] }
    }

    func part(for block: Block) -> HTMLBlockPart? {
        var bytes = chain
        bytes.append(contentsOf: DocumentContentBytes.htmlBlock(block))
        let key = SHA256.hex(bytes)
        pending = key
        guard let found = stored[key], let changes = try? Self.changes(Array(found.changes)) else { return nil }
        statistics.reused += 1
        if keptKeys.insert(key).inserted { kept.append((key, Array(found.html), Array(found.changes))) }
        return HTMLBlockPart(html: Array(found.html), changes: changes)
    }

    func keep(_ part: HTMLBlockPart, for block: Block) {
        guard let key = pending else { return }
        pending = nil
        statistics.written += 1
        if keptKeys.insert(key).inserted { kept.append((key, part.html, Self.bytes(of: part.changes))) }
    }

    func advance(by changes: [HTMLWriterState.Change]) {
        pending = nil
        // No change, same state: the chain stays.
        guard !changes.isEmpty else { return }
        var bytes = chain
        bytes.append(contentsOf: Self.bytes(of: changes))
        chain = Array(SHA256.hex(bytes).utf8)
    }

    /// Writes the entry when this build wrote blocks and the entry held none, or when it wrote
    /// more than an eighth of them. A prose edit that rewrote one paragraph leaves the entry as
    /// it is: the next build writes that paragraph again (a few microseconds), which costs less
    /// than replacing the file (its rename frees the old file's blocks: ~0.5 ms at 1×).
    func save() {
        let (written, total) = (statistics.written, statistics.written + statistics.reused)
        guard written > 0, stored.isEmpty || written * 8 > total else { return }
        var writer = CacheByteWriter()
        for byte in Self.magic { writer.byte(byte) }
        writer.integer(kept.count)
        for part in kept {
            writer.string(part.key)
            writer.data(part.html)
            writer.data(part.changes)
        }
        cache.write(writer.bytes, at: path, name: (path as NSString).lastPathComponent)
    }

    /// The parts of a payload, or nil when it does not read back whole.
    static func parts(of payload: [UInt8]) -> [String: (html: ArraySlice<UInt8>, changes: ArraySlice<UInt8>)]? {
        var reader = CacheByteReader(payload)
        do {
            for byte in magic {
                guard try reader.byte() == byte else { return nil }
            }
            var parts: [String: (html: ArraySlice<UInt8>, changes: ArraySlice<UInt8>)] = [:]
            let count = try reader.count()
            parts.reserveCapacity(count)
            for _ in 0..<count {
                let key = try reader.string()
                parts[key] = (try reader.dataSlice(), try reader.dataSlice())
            }
            return reader.atEnd ? parts : nil
        } catch {
            return nil
        }
    }

    /// The bytes of `changes`.
    static func bytes(of changes: [HTMLWriterState.Change]) -> [UInt8] {
        var writer = CacheByteWriter()
        writer.integer(changes.count)
        for change in changes {
            switch change {
            case let .id(id):
                writer.byte(0)
                writer.string(id)
            case let .headingCounters(counters):
                writer.byte(1)
                writer.integer(counters.count)
                for counter in counters { writer.integer(counter) }
            case let .outline(entry):
                writer.byte(2)
                writer.integer(entry.level)
                writer.strings([entry.number, entry.title, entry.id])
            case let .figureNumber(id, number):
                writer.byte(3)
                writer.string(id)
                writer.integer(number)
            case let .tableNumber(id, number):
                writer.byte(4)
                writer.string(id)
                writer.integer(number)
            case let .citedSource(id):
                writer.byte(5)
                writer.string(id)
            case let .footnoteNumber(label, number):
                writer.byte(6)
                writer.string(label)
                writer.integer(number)
            case let .footnoteReferenceCount(label, count):
                writer.byte(7)
                writer.string(label)
                writer.integer(count)
            case let .note(note):
                writer.byte(8)
                writer.integer(note.number)
                writer.string(note.text)
            }
        }
        return writer.bytes
    }

    /// The changes ``bytes(of:)`` wrote; throws when the bytes are not exactly such a list.
    static func changes(_ bytes: [UInt8]) throws(CacheEntryDamaged) -> [HTMLWriterState.Change] {
        var reader = CacheByteReader(bytes)
        var changes: [HTMLWriterState.Change] = []
        for _ in 0..<(try reader.count()) {
            switch try reader.byte() {
            case 0: changes.append(.id(try reader.string()))
            case 1:
                var counters: [Int] = []
                for _ in 0..<(try reader.count()) { counters.append(try reader.integer()) }
                changes.append(.headingCounters(counters))
            case 2:
                let level = try reader.integer()
                guard try reader.count() == 3 else { throw CacheEntryDamaged() }
                let (number, title, id) = (try reader.string(), try reader.string(), try reader.string())
                changes.append(.outline(.init(level: level, number: number, title: title, id: id)))
            case 3: changes.append(.figureNumber(id: try reader.string(), number: try reader.integer()))
            case 4: changes.append(.tableNumber(id: try reader.string(), number: try reader.integer()))
            case 5: changes.append(.citedSource(try reader.string()))
            case 6: changes.append(.footnoteNumber(label: try reader.string(), number: try reader.integer()))
            case 7: changes.append(.footnoteReferenceCount(label: try reader.string(), count: try reader.integer()))
            case 8: changes.append(.note(.init(number: try reader.integer(), text: try reader.string())))
            default: throw CacheEntryDamaged()
            }
        }
        guard reader.atEnd else { throw CacheEntryDamaged() }
        return changes
    }
}
