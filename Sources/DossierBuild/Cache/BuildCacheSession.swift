import DossierData
import DossierReport
import Foundation

/// One build's use of the ``BuildCache``: the keys of its analyses and chart files, and their
/// lookups and stores.
///
/// - An analysis result is keyed by the report's front matter (which declares it), its id and
///   the contents of the data files it reads (the package descriptor, the schemas, the CSVs of
///   the tables it reads, joins and counts): editing prose or another CSV finds it again, and
///   a Monte-Carlo or permutation test is not drawn again.
/// - A figure's three chart files (SVG, PDF, PNG) are keyed by the front matter, the figure's
///   id, the contents of every file the figure read (fonts, data, chart file, shapes), the
///   results of the analyses it reads (their bytes) and the PDF date.
struct BuildCacheSession: Sendable {
    let cache: BuildCache
    let digests: InputDigests
    /// The front matter's text: the declarations of every analysis and figure.
    let frontMatter: String
    /// The SHA-256 of ``frontMatter``, which the keys hold instead of the text (hashed once a
    /// build instead of once a key: the flagship's 36 KB, in about a hundred keys a cell edit).
    let frontMatterDigest: String
    /// The small analysis results, in one file (read at the first lookup, written by
    /// ``finishAnalyses()``).
    let pack: AnalysisPack

    init(cache: BuildCache, digests: InputDigests, frontMatter: String) {
        self.cache = cache
        self.digests = digests
        self.frontMatter = frontMatter
        frontMatterDigest = SHA256.hex(Array(frontMatter.utf8))
        pack = AnalysisPack(cache: cache)
    }

    /// The data files an analysis reading `files` (from ``ReportBuilder/dataFiles(readBy:)``)
    /// depends on: those plus every file of the package that is not another resource's data
    /// (the descriptor and schemas).
    static func dependencies(of files: Set<String>, in package: DataPackage) -> Set<String> {
        let base = package.descriptorURL.deletingLastPathComponent()
        let dataFiles = Set(package.resources.map { base.appendingPathComponent($0.path, isDirectory: false).standardizedFileURL.path })
        let shared = package.files.map(\.standardizedFileURL.path).filter { !dataFiles.contains($0) }
        return files.union(shared)
    }

    /// The key of a (non-combining) analysis; nil when a file it reads cannot be read.
    func analysisKey(_ analysis: AnalysisSpec, files: Set<String>) -> CacheKey? {
        var key = cache.key("analysis")
        key.add("front matter", frontMatterDigest)
        key.add("analysis", analysis.id)
        guard digests.add(files, to: &key) else { return nil }
        return key.key
    }

    /// The cached result under `key`, if any: from the pack, else from an entry file (a
    /// payload too big for the pack).
    func result(_ key: CacheKey?) -> ResultValue? {
        guard let key, let payload = pack.read(key) ?? cache.read(key) else { return nil }
        return try? ResultValueCoding.value(payload)
    }

    /// Stores `value` under `key`: in the pack when small, else as an entry file.
    func store(_ value: ResultValue, key: CacheKey?) {
        guard let key else { return }
        let payload = ResultValueCoding.payload(value)
        if AnalysisPack.holds(payload.count) {
            pack.store(payload, for: key)
        } else {
            cache.write(payload, for: key)
        }
    }

    /// Files `value`, found under `existing`, under `key` as well: a second name of its pack
    /// record, else of its entry file (``BuildCache/alias(_:as:payload:)``).
    func store(_ value: ResultValue, foundUnder existing: CacheKey, as key: CacheKey?) {
        guard let key, !pack.alias(existing, as: key) else { return }
        cache.alias(existing, as: key, payload: ResultValueCoding.payload(value))
    }

    /// Writes what the analyses stored in the pack (one file), once they are all done.
    func finishAnalyses() {
        pack.flush()
    }

    /// The key of a figure's chart files; nil when a file it read cannot be read.
    func chartKey(figure id: String, inputs: [String], results: [(String, ResultValue?)], date: String) -> CacheKey? {
        var key = cache.key("charts")
        key.add("front matter", frontMatterDigest)
        key.add("figure", id)
        key.add("date", date)
        for (name, value) in results.sorted(by: { $0.0 < $1.0 }) {
            key.add("result " + name, bytes: value.map(ResultValueCoding.payload) ?? [])
        }
        guard digests.add(inputs, to: &key) else { return nil }
        return key.key
    }

    /// The chart files (path → bytes) cached under `key`, if any. The entry names them as
    /// blobs (``OutputBlobs``), so a chart file's SHA-256 is its blob's name, known without
    /// hashing it again for the manifest.
    /// Those the output `folder` holds already are named in `held`, unread (``FolderHeldOutputs``).
    func chartFiles(_ key: CacheKey, leaving folder: FolderHeldOutputs? = nil) -> (files: [String: [UInt8]], held: [String: String])? {
        guard let payload = cache.read(key) else { return nil }
        var reader = CacheByteReader(payload)
        guard let found = try? OutputBlobs(cache: cache).read(from: &reader, leaving: folder), reader.atEnd else { return nil }
        return found
    }

    func store(chartFiles files: [String: [UInt8]], key: CacheKey) {
        var writer = CacheByteWriter()
        guard OutputBlobs(cache: cache).write(files, into: &writer) else { return }
        cache.write(writer.bytes, for: key)
    }
}
