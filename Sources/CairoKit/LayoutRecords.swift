import DossierBase

/// Records of laid-out text (``LayoutRecord``) by everything a layout's result depends on
/// besides the fonts' files and the libraries (``Key``: the text or markup, the font, the wrap
/// width, alignment, justification and line height), which the layouts a ``Typesetter`` makes
/// are answered from (``Typesetter/layoutRecords``); the layouts it had to make with Pango are
/// recorded when the records are saved. Saved as bytes (``saved(carriedLimit:)``) with the
/// identity of the fonts (`fonts`: their files' digests, given by the build), so records made
/// with other font files are never read (``load(_:)``).
///
/// Used on one thread, like the typesetter that uses it.
package final class LayoutRecords {
    /// What a layout's result depends on besides the fonts' files and the tool's libraries.
    /// The text is compared as its UTF-8 bytes (two canonically equivalent texts of other bytes
    /// are laid out apart: Pango reads the bytes), which is also quicker to hash than a `String`.
    package struct Key: Hashable, Sendable {
        let text: [UInt8]
        let font: Font
        let width: Double?
        let alignment: TextLayout.Alignment
        let justify: Bool
        let markup: Bool
        let lineHeight: Double?

        /// The text's bytes hashed at once (an array of bytes hashes each byte on its own).
        package func hash(into hasher: inout Hasher) {
            text.withUnsafeBytes { hasher.combine(bytes: $0) }
            hasher.combine(font)
            hasher.combine(width)
            hasher.combine(alignment)
            hasher.combine(justify)
            hasher.combine(markup)
            hasher.combine(lineHeight)
        }
    }

    /// What the records answered.
    package struct Statistics: Sendable, Equatable {
        /// Layouts answered from a record.
        package var recorded = 0
        /// Layouts laid out by Pango (no record).
        package var laidOut = 0
        /// Recorded layouts that made their Pango layout after all (something asked for what
        /// the record does not hold).
        package var fallbacks = 0
        /// Records loaded.
        package var loaded = 0
        /// In verifying mode: records that differ from what Pango lays out.
        package var differences = 0
    }

    /// The identity of the fonts the records are made with (given by the build).
    package let fonts: String
    /// When set, every layout is laid out by Pango and compared with its record (a test's check).
    package let verifying: Bool
    package private(set) var statistics = Statistics()
    /// The records, their keys, their saved bytes when loaded (key and record, reused when
    /// saved again) and whether this build used them; ``indices`` finds them by key.
    private var entries: [Entry] = []
    private var indices: [Key: Int] = [:]
    /// The entries this build used, in order of first use.
    private var used: [Int] = []
    /// The entries loaded by the first ``load(_:)`` (a pack's base); those after it were
    /// loaded from its addition or made (``savedAddition()``).
    private var baseCount: Int?
    /// Whether entries were made that no ``saved(carriedLimit:)`` has written yet.
    private var unsaved = false
    /// Layouts laid out by Pango, to be recorded when saved.
    private var made: [(key: Key, layout: TextLayout)] = []
    private var madeKeys: Set<Key> = []

    fileprivate struct Entry {
        let key: Key
        let record: LayoutRecord
        let saved: ArraySlice<UInt8>?
        var used = false
    }

    /// No records, for fonts identified by `fonts`.
    package init(fonts: String, verifying: Bool = false) {
        self.fonts = fonts
        self.verifying = verifying
    }

    /// The record of `key`, or nil.
    func record(for key: Key) -> LayoutRecord? {
        guard let index = indices[key] else { return nil }
        statistics.recorded += 1
        if !entries[index].used {
            entries[index].used = true
            used.append(index)
        }
        return entries[index].record
    }

    /// Notes that `layout` was laid out by Pango for `key` (recorded when saved).
    func laidOut(_ layout: TextLayout, key: Key) {
        statistics.laidOut += 1
        if madeKeys.insert(key).inserted { made.append((key, layout)) }
    }

    /// Counts a recorded layout that made its Pango layout after all.
    func countFallback() {
        statistics.fallbacks += 1
    }

    /// Compares `record` with what `layout` (laid out by Pango) holds: a difference is counted.
    func verify(_ record: LayoutRecord, against layout: TextLayout) {
        let fresh = LayoutRecord(pango: layout, links: record.links.map(\.range))
        if fresh != record.decoded() { statistics.differences += 1 }
    }

    /// Adds the records in `bytes` (``saved(carriedLimit:)``); returns false, adding none, when
    /// they are for other fonts, do not parse whole or hold a record that is not consistent.
    @discardableResult
    package func load(_ bytes: [UInt8]) -> Bool {
        load(bytes, addition: nil)
    }

    /// Adds the records in `bytes` (a pack's base), then those of `addition` (records saved by
    /// ``savedAddition()`` since), growing the tables once for both (a second growth rehashes
    /// every key's text). Returns false, adding none, when the base's records cannot be added
    /// (``load(_:)``); an addition that cannot be is ignored alone.
    @discardableResult
    package func load(_ bytes: [UInt8], addition: [UInt8]?) -> Bool {
        guard let read = LayoutRecordBytes.read(bytes, fonts: fonts) else { return false }
        let added = addition.flatMap { LayoutRecordBytes.read($0, fonts: fonts) } ?? []
        entries.reserveCapacity(entries.count + read.count + added.count)
        indices.reserveCapacity(entries.count + read.count + added.count)
        for (index, part) in [read, added].enumerated() {
            for (key, record, saved) in part where indices[key] == nil {
                indices[key] = entries.count
                entries.append(Entry(key: key, record: record, saved: saved))
            }
            if index == 0, baseCount == nil { baseCount = entries.count }
        }
        statistics.loaded = entries.count
        return true
    }

    /// Records the layouts laid out since the records were loaded, and returns the records as
    /// bytes: those used or made this time first, then earlier ones while the whole stays
    /// under `carriedLimit` bytes; nil when nothing new was laid out (the saved records are current).
    package func saved(carriedLimit: Int) -> [UInt8]? {
        guard !made.isEmpty || unsaved else { return nil }
        recordMade()
        let first = used.map { entries[$0].saving }
        let carried = entries.lazy.filter { !$0.used }.map(\.saving)
        unsaved = false
        baseCount = entries.count
        return LayoutRecordBytes.write(first, carried: carried, fonts: fonts, limit: carriedLimit)
    }

    /// Records the layouts laid out since the records were loaded, and returns, as bytes in the
    /// form ``saved(carriedLimit:)`` writes, only the records that the first bytes loaded (the
    /// pack's base) did not hold: those of a later ``load(_:)`` (its addition), then the new
    /// ones. Nil when nothing new was laid out. A prose edit then writes its one new paragraph
    /// with the few an earlier edit added, instead of every record again (~0.4 MB at 1×).
    /// ``saved(carriedLimit:)`` may still be called after it (when the addition is too big).
    package func savedAddition() -> [UInt8]? {
        guard !made.isEmpty || unsaved else { return nil }
        recordMade()
        let added = entries[(baseCount ?? 0)...].map(\.saving)
        return LayoutRecordBytes.write(added, carried: [LayoutRecordBytes.Saved](), fonts: fonts, limit: 0)
    }

    /// Adds the layouts laid out since the records were loaded as entries, used (after those
    /// used before), and forgets them as made.
    private func recordMade() {
        for (key, layout) in made where indices[key] == nil {
            let record = LayoutRecord(pango: layout, links: layout.askedRanges)
            indices[key] = entries.count
            used.append(entries.count)
            entries.append(Entry(key: key, record: record, saved: nil, used: true))
            unsaved = true
        }
        made.removeAll()
        madeKeys.removeAll()
    }
}

extension LayoutRecords.Entry {
    /// The entry as ``LayoutRecordBytes/write(_:carried:fonts:limit:)`` takes it.
    var saving: LayoutRecordBytes.Saved {
        saved.map { .bytes($0) } ?? .record(key, record)
    }
}

