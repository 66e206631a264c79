import DossierLayout

/// What the second thread's side outputs (stats.json and the HTML) recompute on a prose edit
/// although their inputs did not change, kept in the build cache (see docs/build-cache.md):
///
/// - `html chart`: a figure's inline `<svg>` element (``HTMLInlineSVG``: the chart's SVG with
///   its ids prefixed, its title and description), named by the figure's `charts` key (which
///   names everything its SVG depends on), the id prefix, the title and the description. A hit
///   reads neither the chart's SVG blob nor rewrites its ids (the six charts' 760 KB).
/// - stats.json: its key is the front matter (which declares the analyses, their order and the
///   claims) and the key of every analysis the build looked up (each names everything its result
///   depends on; results that combine others are computed from those); only a build whose every
///   analysis had a key has one. No entry of its own: the whole-build entry (``WholeBuildCache``),
///   which every build that misses it writes anyway, records the key with the name of
///   stats.json's blob, and the next build whose key is the same reads that blob (a note-cell
///   edit creates no file for it).
///
/// Entries are written as every entry is (temporary name, rename; damaged ones read as missing
/// and are written again), from whichever thread makes the output.
struct SideOutputCache: Sendable {
    let session: BuildCacheSession

    /// The key of a figure's inline element in the HTML: its chart files' key (`charts`), its
    /// ids' prefix, its title and its description.
    func chartElementKey(charts: CacheKey, prefix: String, title: String, description: String) -> CacheKey {
        var key = session.cache.key("html chart")
        key.add("charts", charts.hex)
        key.add("prefix", prefix)
        key.add("title", title)
        key.add("description", description)
        return key.key
    }

    /// The inline element (UTF-8 bytes) of the figure whose chart files' key is `charts` (nil:
    /// no cache for it): from the cache, else made by `make` and stored. An entry the digest
    /// memo knows verified is read straight into the HTML's bytes when they are joined
    /// (``CachedChartElement``: made by `make` then, if the file changed since it was opened);
    /// another entry is read and hashed now. Either is the bytes an earlier build stored from an
    /// element it made: they go into the HTML as they are, not validated again as a `String`.
    func chartElement(charts: CacheKey?, prefix: String, title: String, description: String,
                      make: @escaping () throws -> [UInt8]?) throws -> HTMLElementBytes? {
        guard let charts else { return try make().map(HTMLElementBytes.bytes) }
        let key = chartElementKey(charts: charts, prefix: prefix, title: title, description: description)
        if let opened = session.cache.openEntry(at: session.cache.path(of: key)) {
            return .deferred(CachedChartElement(entry: opened) { [session] in
                guard let element = try make() else { return [] }
                session.cache.write(element, for: key)
                return element
            })
        }
        if let bytes = session.cache.read(key) { return .bytes(bytes) }
        guard let element = try make() else { return nil }
        session.cache.write(element, for: key)
        return .bytes(element)
    }

    /// The key of stats.json for analyses whose keys are `analysisKeys` (in the build's order);
    /// nil when one has none.
    func statsKey(analysisKeys: [CacheKey?]) -> CacheKey? {
        var key = session.cache.key("stats")
        key.add("front matter", session.frontMatterDigest)
        for analysisKey in analysisKeys {
            guard let analysisKey else { return nil }
            key.add("analysis", analysisKey.hex)
        }
        return key.key
    }

    /// stats.json's bytes: the blob `last` names when it was recorded under `key` (and is
    /// intact), else made by `make`.
    func statsJSON(_ key: CacheKey?, last: WholeBuildCache.StatsName?, make: () -> [UInt8]) -> [UInt8] {
        if let key, let last, last.key == key.hex, let bytes = OutputBlobs(cache: session.cache).read(last.name) { return bytes }
        return make()
    }
}

/// A cached chart element read into the HTML's bytes when they are joined (``HTMLDeferredBytes``).
final class CachedChartElement: HTMLDeferredBytes {
    private let entry: OpenedCacheEntry
    private let make: () throws -> [UInt8]

    init(entry: OpenedCacheEntry, make: @escaping () throws -> [UInt8]) {
        self.entry = entry
        self.make = make
    }

    var count: Int { entry.count }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> Bool { entry.read(into: buffer) }

    func fallback() throws -> [UInt8] { try make() }
}
