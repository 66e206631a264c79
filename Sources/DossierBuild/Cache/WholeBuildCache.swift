import Foundation

/// A whole build's products, cached by everything it read: when no input changed (a `touch`,
/// a `make` after an edit that was undone, a checkout of the same files), the build returns
/// the products it made last time without loading, computing or drawing anything.
///
/// As in ccache's direct mode, the entry's name is the hash of what is known before building
/// (the report's folder, the project root, the fonts folder and its file names, the selection,
/// the PDF date); the entry records `report.md` and every other input the build read with its
/// SHA-256, and is used only when each still has that content. One entry per name: a build
/// that finds the entry stale replaces it, so edits do not pile up entries.
struct WholeBuildCache {
    let cache: BuildCache
    let key: CacheKey
    /// `report.md`, recorded with the inputs (a figure-only build does not list it).
    let reportPath: String

    /// The lookup for a build with `options`; nil when `report.md` cannot be read (the build
    /// then reports the error itself).
    init?(cache: BuildCache, options: BuildOptions) {
        guard let report = try? options.confinedReport() else { return nil }
        self.cache = cache
        reportPath = report.path
        var key = cache.key("build")
        key.add("report folder", options.reportDirectory.path)
        key.add("project root", options.projectRoot?.path ?? "")
        key.add("fonts", options.fontDirectory.path)
        let fontNames = (try? FileManager.default.contentsOfDirectory(atPath: options.fontDirectory.path)) ?? []
        key.add("font files", fontNames.sorted().joined(separator: "\n"))
        key.add("date", options.sourceDateEpoch.map(String.init) ?? "report")
        switch options.selection {
        case .everything: key.add("selection", "everything")
        case let .figure(id): key.add("selection", "figure " + id)
        case let .document(charts): key.add("selection", "document " + charts.sorted().joined(separator: " "))
        }
        self.key = key.key
    }

    /// What a cached build gives back: its products and the ids of the report's figures.
    struct Entry {
        var products: ReportBuilder.Products
        var figureIDs: [String]
        /// The inputs' SHA-256s computed while finding the entry (the manifest lists them).
        var digests: InputDigests?
        /// stats.json's key and blob name (``SideOutputCache``), when the build keyed it.
        var stats: StatsName?
    }

    /// stats.json as a build recorded it: its key (``SideOutputCache/statsKey(analysisKeys:)``,
    /// hex) and the name of its blob. A later build whose inputs changed (a prose edit) but whose
    /// stats key is the same reads the blob instead of encoding every result again.
    struct StatsName: Equatable, Sendable {
        var key: String
        var name: String
    }

    /// The cached build, when every input it recorded still has the same content. The inputs
    /// are hashed through `digests` (which the build then uses for its keys when this misses).
    /// Outputs the output `folder` holds already are not read (``Products/held``). `stats` is
    /// set to the stats.json the entry names, whether or not its inputs changed.
    func find(selection: BuildOptions.Selection, digests: InputDigests, folder: FolderHeldOutputs? = nil,
              stats: inout StatsName?) -> Entry? {
        // The inputs come first in the entry (after stats.json's name), `report.md` first among
        // them (the file most often edited): a build whose inputs changed learns it before
        // reading any blob.
        guard let payload = cache.read(key) else { return nil }
        var reader = CacheByteReader(payload)
        do {
            let statsKey = try reader.string(), statsName = try reader.string()
            if !statsKey.isEmpty { stats = StatsName(key: statsKey, name: statsName) }
            guard try Self.inputsUnchanged(&reader, digests: digests) else { return nil }
            let figureIDs = try reader.strings()
            let (files, held) = try OutputBlobs(cache: cache).read(from: &reader, leaving: folder)
            let inputs = try reader.strings()
            var figureInputs: [String: [String]] = [:]
            for _ in 0..<(try reader.count()) {
                let id = try reader.string()
                figureInputs[id] = try reader.strings()
            }
            let fontFiles = try reader.strings()
            let warnings = try reader.strings()
            guard reader.atEnd else { return nil }
            return Entry(products: ReportBuilder.Products(files: files, inputs: inputs, selection: selection, figureInputs: figureInputs,
                                                          fontFiles: fontFiles, warnings: warnings, held: held),
                         figureIDs: figureIDs, digests: digests, stats: stats)
        } catch {
            return nil
        }
    }

    /// Reads a counted list of (path, SHA-256) pairs and tells whether every file still has
    /// that content; stops at the first that does not.
    private static func inputsUnchanged(_ reader: inout CacheByteReader, digests: InputDigests) throws -> Bool {
        for _ in 0..<(try reader.count()) {
            let path = try reader.string()
            let digest = try reader.string()
            guard digests.digest(path) == digest else { return false }
        }
        return true
    }

    /// Stores a build's products with the content of every input it read (`digests` may hold
    /// some already); nothing is stored when an input cannot be read.
    func store(_ entry: Entry, digests: InputDigests) {
        let products = entry.products
        var writer = CacheByteWriter()
        writer.string(entry.stats?.key ?? "")
        writer.string(entry.stats?.name ?? "")
        let recorded = [reportPath] + Set(products.inputs).subtracting([reportPath]).sorted()
        writer.integer(recorded.count)
        for path in recorded {
            guard let digest = digests.digest(path) else { return }
            writer.string(path)
            writer.string(digest)
        }
        writer.strings(entry.figureIDs)
        guard OutputBlobs(cache: cache).write(products.files, held: products.held, into: &writer) else { return }
        writer.strings(products.inputs)
        writer.integer(products.figureInputs.count)
        for id in products.figureInputs.keys.sorted() {
            writer.string(id)
            writer.strings(products.figureInputs[id] ?? [])
        }
        writer.strings(products.fontFiles)
        writer.strings(products.warnings)
        cache.write(writer.bytes, for: key)
    }
}
