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
    package struct Key: Hashable, Sendable {
        let text: String
        let font: Font
        let width: Double?
        let alignment: TextLayout.Alignment
        let justify: Bool
        let markup: Bool
        let lineHeight: Double?
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
    private var records: [Key: LayoutRecord] = [:]
    /// The keys loaded, in their saved order, and the keys used this time, in order of use.
    private var loadedOrder: [Key] = []
    private var used: [Key] = []
    private var usedSet: Set<Key> = []
    /// Layouts laid out by Pango, to be recorded when saved.
    private var made: [(key: Key, layout: TextLayout)] = []
    private var madeKeys: Set<Key> = []

    /// No records, for fonts identified by `fonts`.
    package init(fonts: String, verifying: Bool = false) {
        self.fonts = fonts
        self.verifying = verifying
    }

    /// The record of `key`, or nil.
    func record(for key: Key) -> LayoutRecord? {
        guard let found = records[key] else { return nil }
        statistics.recorded += 1
        if usedSet.insert(key).inserted { used.append(key) }
        return found
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
        if !fresh.matches(record) { statistics.differences += 1 }
    }

    /// Adds the records in `bytes` (``saved(carriedLimit:)``); returns false, adding none, when
    /// they are for other fonts, do not parse whole or hold a record that is not consistent.
    @discardableResult
    package func load(_ bytes: [UInt8]) -> Bool {
        guard let entries = LayoutRecordBytes.read(bytes, fonts: fonts) else { return false }
        for (key, record) in entries where records[key] == nil {
            records[key] = record
            loadedOrder.append(key)
        }
        statistics.loaded = records.count
        return true
    }

    /// Records the layouts laid out since the records were loaded, and returns the records as
    /// bytes: those used or made this time first, then earlier ones while the whole stays
    /// under `carriedLimit` bytes; nil when nothing new was laid out (the saved records are current).
    package func saved(carriedLimit: Int) -> [UInt8]? {
        guard !made.isEmpty else { return nil }
        var entries: [(Key, LayoutRecord)] = []
        var written: Set<Key> = []
        for key in used {
            if let record = records[key], written.insert(key).inserted { entries.append((key, record)) }
        }
        for (key, layout) in made where written.insert(key).inserted {
            let record = LayoutRecord(pango: layout, links: layout.askedRanges)
            records[key] = record
            entries.append((key, record))
        }
        var carried: [(Key, LayoutRecord)] = []
        for key in loadedOrder where !written.contains(key) {
            if let record = records[key] { carried.append((key, record)) }
        }
        made.removeAll()
        madeKeys.removeAll()
        return LayoutRecordBytes.write(entries, carried: carried, fonts: fonts, limit: carriedLimit)
    }
}

extension LayoutRecord {
    /// Whether `other` holds the same values (to the bit) and draws the same glyphs.
    func matches(_ other: LayoutRecord) -> Bool {
        self == other
    }
}
