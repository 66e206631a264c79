import DossierCharts
import DossierLayout
import DossierReport
import Foundation

extension ReportBuilder {
    /// The cache key of the document's own files (the PDF, the page SVGs and the HTML):
    /// everything laying out and rendering them reads — the prepared content (its blocks with
    /// every expression printed, computed tables, findings, source records, claims appendix,
    /// the front matter's printed text fields, style, date; see ``DocumentContentBytes``), each
    /// figure by its chart key (what
    /// its scene depends on), the fonts, `report.md` and the files the figures read, and the
    /// output's name. The data are in it only as the document shows them: an edit of a CSV
    /// that changes no number, table or text the document prints finds it again (no layout,
    /// no rendering). Nil without a cache, or when a figure has no chart key or a file cannot be
    /// read.
    func documentCacheKey(_ content: DocumentContent, charts: CachedCharts, figureInputs: [String: [String]]) -> CacheKey? {
        guard let cacheSession else { return nil }
        var key = cacheSession.cache.key("document")
        key.add("report name", options.reportName)
        for id in source.spec.figures.map(\.id).sorted() {
            guard let chartKey = charts.keys[id] else { return nil }
            key.add("figure " + id, chartKey.hex)
        }
        // The scenes are in the key by their chart keys; the source and the front matter by
        // the files they were read from (report.md, chart files, below) and the text fields
        // the content printed expressions in; the style by the paper it is made from (this
        // builder's `style` is `PageStyle(paper:)` of the front matter's paper, nothing else:
        // reflecting its thirty fonts and colours cost 2 ms); the rest of the content by its
        // bytes.
        key.add("paper", content.style.paper.rawValue)
        key.add("front matter text fields", bytes: DocumentContentBytes.printedTextFields(of: content.spec))
        key.add("content", bytes: DocumentContentBytes.of(content))
        var files = Set(figureInputs.values.joined()).union(typesetter.fontFiles)
        files.insert(options.reportDirectory.appendingPathComponent("report.md", isDirectory: false).path)
        files.formUnion(BuildCacheSession.dependencies(of: [], in: package))
        guard cacheSession.digests.add(files, to: &key) else { return nil }
        return key.key
    }

    /// The chart files of the figures `ids`: from the cache where it has them, else rendered
    /// from their `scenes` (on two threads) and stored.
    func renderChartFiles(_ ids: Set<String>, scenes: [String: Scene], cached: CachedCharts) throws -> [String: [UInt8]] {
        let schedule = RenderSchedule(charts: scenes.filter { ids.contains($0.key) && cached.files[$0.key] == nil }, sharesPages: false,
                                      fontDirectory: options.fontDirectory.path, date: documentDate,
                                      twoThreads: options.twoThreads, trace: trace)
        defer { schedule.abandon() }
        try schedule.renderCharts(using: typesetter)
        var files = try schedule.finish()
        storeChartFiles(files, cached: cached)
        for id in ids { files.merge(cached.files[id] ?? [:]) { first, _ in first } }
        return files
    }
}

extension BuildCacheSession {
    /// The document's files (path → bytes) cached under `key`, if the entry and every blob it
    /// names are there; those the output `folder` holds already are named in `held`, unread.
    func files(_ key: CacheKey, leaving folder: FolderHeldOutputs? = nil) -> (files: [String: [UInt8]], held: [String: String])? {
        guard let payload = cache.read(key) else { return nil }
        var reader = CacheByteReader(payload)
        guard let found = try? OutputBlobs(cache: cache).read(from: &reader, leaving: folder), reader.atEnd else { return nil }
        return found
    }

    /// Stores the document's files as blobs (``OutputBlobs``) and their list under `key`, with
    /// the files the output folder holds (`held`: path → blob name, not written again); a blob
    /// of an output staged in the folder is a link to its staged file (`staging`).
    func store(files: [String: [UInt8]], held: [String: String] = [:], key: CacheKey, staging: OutputStaging? = nil) {
        var writer = CacheByteWriter()
        guard OutputBlobs(cache: cache).write(files, held: held, into: &writer,
                                              staged: { staging?.stagedFile($0, holding: $1) }) else { return }
        cache.write(writer.bytes, for: key)
    }
}
