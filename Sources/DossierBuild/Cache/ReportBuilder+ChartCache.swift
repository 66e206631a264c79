import DossierCharts
import DossierReport

/// The chart files a build found in its cache, by figure id, and the keys of every figure's
/// chart files (to store those it renders).
struct CachedCharts {
    /// The files read from the cache, by figure id (an entry found has a value here, empty
    /// when the folder holds all its files).
    var files: [String: [String: [UInt8]]] = [:]
    /// The files the output folder holds already (path → SHA-256), unread, by figure id
    /// (``FolderHeldOutputs``).
    var held: [String: [String: String]] = [:]
    var keys: [String: CacheKey] = [:]

    /// The held files of the figures `ids`, for ``ReportBuilder/Products/held``.
    func held(of ids: some Sequence<String>) -> [String: String] {
        var all: [String: String] = [:]
        for id in ids { all.merge(held[id] ?? [:]) { first, _ in first } }
        return all
    }
}

extension ReportBuilder {
    /// Looks up the chart files of each figure of `ids` in the cache (none without a cache).
    func cachedChartFiles(_ ids: [String], figureInputs: [String: [String]],
                          results: [String: ResultValue]) -> CachedCharts {
        guard let cacheSession else { return CachedCharts() }
        var cached = CachedCharts()
        let figures = Dictionary(source.spec.figures.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in Set(ids).sorted() {
            guard let figure = figures[id], let inputs = figureInputs[id] else { continue }
            let read = Set(ReportBuilder.analysesRead(by: figure)).map { ($0, results[$0]) }
            guard let key = cacheSession.chartKey(figure: id, inputs: inputs, results: read, date: documentDate) else { continue }
            cached.keys[id] = key
            guard let found = cacheSession.chartFiles(key, leaving: folder) else { continue }
            cached.files[id] = found.files
            if !found.held.isEmpty { cached.held[id] = found.held }
        }
        return cached
    }

    /// Stores the chart files rendered by this build (`rendered`: output path → bytes) under
    /// their figures' keys.
    func storeChartFiles(_ rendered: [String: [UInt8]], cached: CachedCharts) {
        guard let cacheSession else { return }
        for (id, key) in cached.keys where cached.files[id] == nil {
            let paths = ["svg", "pdf", "png"].map { "charts/\(id).\($0)" }
            let files = Dictionary(paths.compactMap { path in rendered[path].map { (path, $0) } }, uniquingKeysWith: { first, _ in first })
            if files.count == paths.count { cacheSession.store(chartFiles: files, key: key) }
        }
    }
}
