import CairoKit
import DossierBase
import DossierCharts
import DossierData
import DossierLayout
import DossierReport
import Foundation

/// Builds a report: loads its source and data, computes the analyses, compiles the figures,
/// lays out the document, and returns every output in memory. Nothing is written here, so a
/// failure anywhere leaves the previous outputs untouched (see ``OutputWriter``).
public final class ReportBuilder {
    /// Everything a build produced, keyed by path relative to the output directory.
    public struct Products: Sendable {
        public var files: [String: [UInt8]]
        /// Input files read, as absolute paths (for depfiles and the manifest).
        public var inputs: [String]
        /// Output paths this selection owns (a full build removes others it finds).
        public var selection: BuildOptions.Selection
        /// The figures whose chart files were rendered, each with the inputs it read (fonts,
        /// data files; absolute paths, sorted), for per-figure depfiles.
        public var figureInputs: [String: [String]] = [:]
        /// The pinned font files among `inputs` (the manifest records them as one identity).
        public var fontFiles: [String] = []
        /// Warnings for standard error (`report.md:L:C: warning: …`), e.g. a claim the text
        /// never references.
        public var warnings: [String] = []
        /// Outputs left out of `files` because the output folder already holds them with the
        /// build's bytes (path → SHA-256, ``FolderHeldOutputs``); only when ``ReportBuild``
        /// writes the folder with a cache, else empty.
        var held: [String: String] = [:]
    }

    let options: BuildOptions
    let typesetter: Typesetter
    let source: ReportSource
    let reportPath: String
    let package: DataPackage
    let style: PageStyle
    /// Phase timings, when ``BuildOptions/trace`` asks for them.
    let trace: BuildTrace
    /// The build cache's keys and lookups, when ``BuildOptions/cache`` names a cache.
    let cacheSession: BuildCacheSession?
    /// Where the document's outputs are staged as soon as they are final (``OutputStaging``),
    /// when the build writes an output folder (``ReportBuild``).
    var staging: OutputStaging?
    /// The output folder's files known by their stamps, when ``ReportBuild`` writes the folder
    /// with a cache: a cached document's files the folder holds are not read (``Products/held``).
    var folder: FolderHeldOutputs?
    /// Test hook: runs on the calling thread just before the document's PDF is rendered.
    var beforePDF: (() throws -> Void)?
    /// Test hook: called on the thread that writes a page SVG, with the page's index, before it does.
    var beforePageSVG: (@Sendable (Int) throws -> Void)?
    /// The document the last build laid out and rendered, freed with the builder.
    var rendered: RenderedDocument?
    /// What the shaping pack answered and recorded in the last build's layout (with a cache).
    var shapingStatistics: ShapeMemo.Store.Statistics?
    /// What the layout pack answered (nil: no cache, or the document came from it).
    var layoutStatistics: LayoutRecords.Statistics?
    /// How many of the HTML body's blocks the last HTML written took from the cache and wrote
    /// (``HTMLBlockPack``; nil: written without a cache).
    let htmlBlocks = HTMLBlockPack.Tally()
    /// How many of the body's and findings' expressions the last document content printed (not
    /// known from the cache: ``PrintedExpressionCache``; nil without a cache or a stats key).
    var printedExpressionCount: Int?
    /// What the glyph outline pack held, answered and gained in the last build's page SVGs
    /// (nil: no cache, or no page SVG written from glyph runs).
    var glyphOutlineStatistics: (kept: Int, used: Int, made: Int)?
    /// How many records the page pack held, answered and gained in the last build's pages
    /// (``PagePack/statistics``; nil: no cache, or the document came from it).
    var pageStatistics: (read: Int, used: Int, made: Int)?
    /// Lays out every text the layout pack answers again and compares (a test's check).
    var verifiesLayoutRecords = false
    /// Whether the layout pack is used (a test of the shaping pack alone turns it off).
    var usesLayoutRecords = true
    /// The data package's loading thread, which then hashes the pinned fonts for the
    /// manifest (a build without a cache; ``inputsHashedAhead()``).
    private var prefetch: DataPackagePrefetch?
    /// The key of stats.json in the cache (``SideOutputCache``), set by ``computeAnalyses(only:inputs:)``
    /// when it computed every analysis with a cache that keyed them all.
    var statsKey: CacheKey?
    /// stats.json's key and blob name as the last build of this selection recorded them in its
    /// whole-build entry (``ReportBuild``): read when ``statsKey`` is that key.
    var lastStats: WholeBuildCache.StatsName?

    /// Loads the report and its data package. Every file the report names (the data package,
    /// and through it the schemas and CSVs) must lie inside the project root.
    public convenience init(options: BuildOptions) throws(BuildError) {
        try self.init(options: options, digests: nil)
    }

    /// ``init(options:)``, with the cache keys hashing inputs through `digests` (those the
    /// whole-build lookup already hashed are not hashed again); a new one when nil.
    init(options: BuildOptions, digests: InputDigests?) throws(BuildError) {
        self.options = options
        trace = BuildTrace(enabled: options.trace)
        let reportURL = options.reportDirectory.appendingPathComponent("report.md", isDirectory: false)
        reportPath = DisplayPath.relative(reportURL)
        guard let root = options.projectRoot else {
            throw .missingInput(DisplayPath.relative(options.reportDirectory))
        }
        let reportFile = try options.confinedReport()
        guard BuildOptions.holdsFonts(options.fontDirectory) else {
            throw .missingInput("\(DisplayPath.relative(options.fontDirectory)) (expected a folder of .ttf or .otf font files; pass --fonts DIR)")
        }
        trace.mark("process start")
        do {
            typesetter = try Typesetter(fontDirectory: options.fontDirectory.path)
        } catch {
            throw .internalFailure("fonts: \(error)")
        }
        trace.mark("fonts")
        // With a cache, one set of digests for the data package's snapshot and the cache keys.
        let digests = digests ?? options.cache.map { InputDigests(memo: $0.digestMemo) }
        let snapshots = options.cache.flatMap { cache in digests.map { DataPackageSnapshots(cache: cache, digests: $0) } }
        let prefetch: DataPackagePrefetch?
        // A failed build waits for the prefetch thread's hashing too: no thread outlives it.
        var started: DataPackagePrefetch?
        var loaded = false
        defer { if !loaded { _ = started?.hashedDigests() } }
        do {
            let text = try ReportSource.read(URL(fileURLWithPath: reportFile.path, isDirectory: false), displayPath: reportPath)
            // Only a path that stays inside the project is prefetched; the decoded spec's path is
            // checked again below, with its position for the error.
            if options.twoThreads, let path = ReportSource.peekDataPath(in: text),
               (try? options.confine(path, what: "data package", at: SourceLocation(file: reportPath, line: 1, column: 1))) != nil {
                // Without a cache (whose memo knows the fonts by their stamps), the thread then
                // hashes the fonts for the manifest while this one decodes the front matter.
                let fonts = options.cache == nil ? typesetter.fontFiles : []
                prefetch = DataPackagePrefetch(options.resolve(path), root: root, snapshots: snapshots, trace: trace,
                                               hashing: fonts, into: digests ?? InputDigests())
                started = prefetch
            } else {
                prefetch = nil
            }
            defer { prefetch?.wait() }
            // With a cache, an unchanged front matter is not composed again (FrontMatterComposer).
            var composer: YAMLComposer = YAMLTextTags.compose
            if let cache = options.cache { composer = FrontMatterComposer(cache: cache).compose }
            source = try ReportSource(text: text, path: reportPath, composer: composer,
                                      conditions: options.cache.map { ClaimConditionCache(cache: $0) })
                .readingChartFiles(options: options).0
        } catch {
            throw BuildError(error, context: "reading the report: ")
        }
        trace.mark("report front matter")
        self.prefetch = prefetch
        let frontMatter = source.frontMatterLines.joined(separator: "\n")
        cacheSession = options.cache.map { BuildCacheSession(cache: $0, digests: digests ?? InputDigests(memo: $0.digestMemo), frontMatter: frontMatter) }
        guard let dataPath = source.spec.data else {
            // Figures that bring their own data (`values`, `url`) need no data package.
            package = DataPackage.none(descriptorURL: options.reportDirectory.appendingPathComponent("datapackage.json"))
            style = PageStyle(paper: source.spec.paper)
            loaded = true
            return
        }
        _ = try options.confine(dataPath, what: "data package", at: source.location(ofPath: dataPath, key: "data"))
        let dataURL = options.resolve(dataPath)
        do {
            if let prefetch, prefetch.url == dataURL {
                package = try prefetch.result()
                trace.mark("data package loaded and validated")
            } else {
                let found = try DataPackageSnapshots.load(dataURL, root: root, through: snapshots, trace: trace)
                package = found.package
                found.store?()
            }
        } catch let error as DiagnosticError {
            throw .data(error)
        } catch {
            throw .internalFailure("loading data: \(error)")
        }
        style = PageStyle(paper: source.spec.paper)
        loaded = true
    }

    deinit {
        // The prefetch thread's hashing ends before the builder (it is done long before).
        _ = prefetch?.hashedDigests()
    }

    /// The inputs hashed ahead for the manifest by the data package's loading thread (a build
    /// without a cache: the fonts), once that thread is done; nil when none were.
    func inputsHashedAhead() -> InputDigests? {
        prefetch?.hashedDigests()
    }

    /// The PDF creation date: `SOURCE_DATE_EPOCH` when set, else the report's date.
    var documentDate: String {
        if let epoch = options.sourceDateEpoch {
            let date = Date(timeIntervalSince1970: TimeInterval(epoch))
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "UTC")
            return formatter.string(from: date)
        }
        return source.spec.date + "T00:00:00Z"
    }

    /// Builds the selected outputs.
    public func build() throws(BuildError) -> Products {
        do {
            return try buildThrowing()
        } catch let error as CairoError {
            // Text the pinned fonts cannot show, or bad markup, is a problem of the report.
            switch error {
            case .missingGlyphs, .invalidMarkup:
                throw .report(ReportError("\(error); use characters the fonts in fonts/ cover, or add a font that has them",
                                          at: SourceLocation(file: reportPath, line: 1, column: 1)))
            default:
                throw .internalFailure("\(error)")
            }
        } catch {
            throw BuildError(error)
        }
    }

    private func buildThrowing() throws -> Products {
        let figureOnly: Bool
        if case .figure = options.selection { figureOnly = true } else { figureOnly = false }
        // A figure-only build does not list report.md: make tracks the figure's declaration
        // through its key file (see BuildPlan), so editing prose redraws no chart.
        var inputs = Set(typesetter.fontFiles)
        if !figureOnly {
            inputs.insert(options.reportDirectory.appendingPathComponent("report.md", isDirectory: false).path)
        }
        let wantedFigures = try selectedFigures()
        // Analyses: all of them for the document; only those a figure reads otherwise.
        let neededAnalyses = figureOnly ? Set(wantedFigures.flatMap(ReportBuilder.analysesRead)) : nil
        let results = try computeAnalyses(only: neededAnalyses, inputs: &inputs)
        let evaluator = ExpressionEvaluator(root: results)
        trace.mark("analyses")

        let compiler = FigureCompiler(source: source, package: package, options: options)
        let (figureInputs, keyInputs) = figureFiles(wantedFigures, inputs: &inputs)
        let cached = cachedChartFiles(wantedFigures.map(\.id), figureInputs: keyInputs, results: results)
        // A document build whose chart files all come from the cache compiles the figures only
        // if it lays the document out (``FigureScenesOnDemand``); with a cache, a figure whose
        // scene the cache holds is read, not compiled (Cache/ReportBuilder+SceneCache.swift).
        var scenes = try FigureScenesOnDemand(ids: wantedFigures.map(\.id), cached: cached, document: !figureOnly && cacheSession != nil) {
            try self.scenes(of: wantedFigures, with: compiler, results: results, evaluator: evaluator, charts: cached)
        }
        trace.mark(scenes.compiled == nil ? "figures not compiled (their chart files are in the cache)" : "figures compiled to scenes")
        if figureOnly {
            // The figure's PNG, SVG and PDF, on two threads.
            let all = try scenes.all()
            let files = try renderChartFiles(Set(all.keys), scenes: all, cached: cached)
            return Products(files: files, inputs: inputs.sorted(),
                            selection: options.selection, figureInputs: figureInputs, fontFiles: typesetter.fontFiles,
                            held: cached.held(of: all.keys))
        }
        let (prepared, verdicts, warnings) = try documentContent(results: results, evaluator: evaluator, scenes: scenes.compiled ?? [:],
                                                                 compiler: compiler)
        var content = prepared
        trace.mark("document content prepared (claims checked, body expanded, tables formatted)")
        let chartIDs: Set<String>
        if case let .document(redrawn) = options.selection {
            chartIDs = Set(wantedFigures.map(\.id)).intersection(redrawn)
        } else {
            chartIDs = Set(wantedFigures.map(\.id))
        }
        // The content's scenes are left out of the key (they are in it by their chart keys).
        let documentKey = documentCacheKey(content, charts: cached, figureInputs: keyInputs)
        trace.mark("document cache key")
        var files: [String: [UInt8]]
        // The chart files the folder holds already (not read) are outputs all the same.
        var held = cached.held(of: chartIDs)
        if let documentKey, let documentFiles = cacheSession?.files(documentKey, leaving: folder) {
            held.merge(documentFiles.held) { first, _ in first }
            files = try renderChartFiles(chartIDs, scenes: scenes.compiled ?? [:], cached: cached).merging(documentFiles.files) { first, _ in first }
            files["stats.json"] = statsJSON(results: results, claims: verdicts)
            trace.mark("document found in the cache, chart files rendered")
        } else {
            if scenes.compiled == nil {
                content = content.replacingScenes(try scenes.all())
                trace.mark("figures compiled to scenes (for the layout)")
            }
            let all = try scenes.all()
            let rendered = try render(content, charts: all.filter { chartIDs.contains($0.key) }, cached: cached, results: results,
                                      claims: verdicts)
            files = rendered.files
            // The page SVGs the folder holds (unchanged pages of a prose edit) are outputs too.
            held.merge(rendered.heldPages) { first, _ in first }
            if let documentKey {
                cacheSession?.store(files: files.filter { !$0.key.hasPrefix("charts/") && $0.key != "stats.json" },
                                    held: rendered.heldPages, key: documentKey, staging: staging)
                trace.mark("document's cache entry stored")
            }
        }
        inputs.formUnion(package.files.map(\.path))
        return Products(files: files, inputs: inputs.sorted(), selection: options.selection,
                        figureInputs: figureInputs.filter { chartIDs.contains($0.key) }, fontFiles: typesetter.fontFiles,
                        warnings: warnings, held: held)
    }

    /// The figures this build draws: the one asked for, or all.
    func selectedFigures() throws -> [FigureSpec] {
        let spec = source.spec
        guard case let .figure(id) = options.selection else { return spec.figures }
        guard let figure = spec.figures.first(where: { $0.id == id }) else {
            throw ReportError("no figure \(InputExcerpt.quoted(id))" + NameHint.hint(for: id, known: spec.figures.map(\.id)),
                              at: source.location(ofKey: "figures"))
        }
        return [figure]
    }

    /// Compiles `figures` into scenes on two threads, each measuring text with its own
    /// typesetter; adds the files they read to `inputs` and returns, per figure, the files its
    /// own outputs depend on and those its cache key names (``figureFiles(_:inputs:)``).
    func compile(_ figures: [FigureSpec], with compiler: FigureCompiler, results: [String: ResultValue],
                 evaluator: ExpressionEvaluator, inputs: inout Set<String>)
        throws -> (scenes: [String: Scene], inputs: [String: [String]], keyInputs: [String: [String]]) {
        let files = figureFiles(figures, inputs: &inputs)
        let scenes = try compileScenes(figures, with: compiler, results: results, evaluator: evaluator)
        return (scenes, files.inputs, files.keyInputs)
    }

    /// Compiles `figures` into scenes on two threads, each measuring text with its own
    /// typesetter.
    func compileScenes(_ figures: [FigureSpec], with compiler: FigureCompiler, results: [String: ResultValue],
                       evaluator: ExpressionEvaluator) throws -> [String: Scene] {
        let fontDirectory = options.fontDirectory.path, trace = self.trace
        let compiled = try TwoThreadMap.map(figures.count, twoThreads: options.twoThreads, order: Self.longestFirst(figures),
                                            callerState: typesetter,
                                            makeState: { try Typesetter(fontDirectory: fontDirectory) },
                                            helperDone: { trace.mark("figures compiled to scenes") }) { typesetter, index in
            try compiler.compile(figures[index], results: results, evaluator: evaluator, typesetter: typesetter).0
        }
        return Dictionary(zip(figures.map(\.id), compiled), uniquingKeysWith: { _, last in last })
    }

    /// The order in which the two threads take `figures` to compile: maps first (a figure
    /// with a `shapes` layer or a data file: reading and projecting the shapes makes it the
    /// longest to compile), then the others in order, so that the threads finish together
    /// (the calling thread starts on the map while the second one makes its typesetter).
    static func longestFirst(_ figures: [FigureSpec]) -> [Int] {
        let readsShapes = figures.map { !$0.chart.layers.allSatisfy { $0.shapes == nil } || !$0.chart.dataFiles.isEmpty }
        return figures.indices.filter { readsShapes[$0] } + figures.indices.filter { !readsShapes[$0] }
    }

    /// The files `figures` read when compiled (``FigureCompiler/filesRead(by:)``), added to
    /// `inputs`; returns, per figure, the files its own outputs depend on (`inputs`, for make:
    /// with the data files of the analyses it reads) and the files its cache key names
    /// (`keyInputs`: the fonts, the files the figure itself reads and the package's descriptor
    /// and schemas; the analyses it reads are in the key by their results, so a data edit that
    /// leaves them unchanged finds the chart files again).
    func figureFiles(_ figures: [FigureSpec], inputs: inout Set<String>) -> (inputs: [String: [String]], keyInputs: [String: [String]]) {
        let compiler = FigureCompiler(source: source, package: package, options: options)
        var figureInputs: [String: [String]] = [:]
        var keyInputs: [String: [String]] = [:]
        let analysesByID = Dictionary(source.spec.analyses.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // The package's descriptor and schemas, and each table's files, worked out once for
        // all the figures (paths are URL arithmetic).
        let shared = BuildCacheSession.dependencies(of: [], in: package)
        var filesOfTable: [String: Set<String>] = [:]
        for figure in figures {
            let read = compiler.filesRead(by: figure)
            inputs.formUnion(read)
            var figureRead = Set(typesetter.fontFiles).union(read)
            keyInputs[figure.id] = figureRead.union(shared).sorted()
            for id in ReportBuilder.analysesRead(by: figure) {
                if let analysis = analysesByID[id] { figureRead.formUnion(dataFiles(readBy: analysis, memo: &filesOfTable)) }
            }
            figureInputs[figure.id] = figureRead.sorted()
        }
        return (figureInputs, keyInputs)
    }

    /// The document's PDF and page SVGs, stats.json, the HTML and the files of `charts`. The
    /// charts, then stats.json and the HTML, render on a second thread while this one lays out
    /// the document, records its pages' glyph runs and renders its PDF; then page SVGs and the
    /// charts left are shared (RenderSchedule). The page SVGs the output folder holds with the
    /// cache's bytes are not among `files`: they are named in `heldPages` (path → SHA-256).
    private func render(_ content: DocumentContent, charts: [String: Scene], cached: CachedCharts, results: [String: ResultValue],
                        claims: [ClaimVerdict]) throws -> (files: [String: [UInt8]], heldPages: [String: String]) {
        let sideWork = sideOutputs(content, cached: cached, results: results, claims: claims)
        // Both threads write page SVGs: from the pages' glyph runs, or the cache's blobs for
        // the pages it holds (Cache/ReportBuilder+PageCache.swift, SharedPageSVGs).
        let sharePages = options.twoThreads
        let schedule = RenderSchedule(charts: charts.filter { cached.files[$0.key] == nil }, sharesPages: sharePages,
                                      fontDirectory: options.fontDirectory.path,
                                      date: documentDate, twoThreads: options.twoThreads, trace: trace, sideWork: sideWork,
                                      staging: staging, beforePage: beforePageSVG)
        defer { schedule.abandon() }
        var files: [String: [UInt8]] = [:]
        // Text earlier builds laid out is answered from the cache's layout pack, without Pango.
        let layoutPack = cacheSession.flatMap { usesLayoutRecords ? $0 : nil }.flatMap {
            LayoutPack(cache: $0.cache, digests: $0.digests, fontFiles: typesetter.fontFiles, verifying: verifiesLayoutRecords)
        }
        if layoutPack != nil { trace.mark("layout pack read") }
        typesetter.layoutRecords = layoutPack?.records
        defer { typesetter.layoutRecords = nil }
        // Text earlier builds shaped is answered from the cache's shaping pack, when the layout
        // pack holds no records (its items are keyed by their layout's whole text: the layouts
        // the records do not answer are texts no earlier build laid out, which it does not hold).
        let shapes = layoutPack.map { $0.records.statistics.loaded > 0 } == true
            ? nil : cacheSession?.shapingPack(fontFiles: typesetter.fontFiles)
        if shapes != nil { trace.mark("shaping pack read") }
        typesetter.shapeStore = shapes?.store
        defer { typesetter.shapeStore = nil }
        let layout = try DocumentLayout(content, typesetter: typesetter)
        trace.mark("document laid out")
        // The outputs' paths are known: the second thread creates their temporaries ahead.
        let pdfName = "\(options.reportName).pdf"
        if sharePages { schedule.reserve(pages: layout.pages.count, also: [pdfName]) }
        // Each page's scene is made once, for the PDF, the page entries' keys and the SVGs.
        let pageScenes = try layout.pageScenes()
        trace.mark("page scenes made")
        // Pages whose drawing the cache holds are read, not rendered again.
        let pages = cachedPages(of: layout, scenes: pageScenes)
        if cacheSession != nil { trace.mark("page cache entries looked up") }
        var recorded: (runs: [Int: GlyphRuns], outlines: GlyphOutlineSet)?
        var outlinePack: GlyphOutlinePack?
        if sharePages {
            let shared = try SharedPageSVGs(layout: layout, scenes: pageScenes, cached: pages, blobs: pageBlobs)
            recorded = shared.recordedRuns
            trace.mark("page glyph runs recorded")
            // The glyphs' definitions of the pages written from runs, from earlier builds.
            if shared.writtenCount > 0, let cacheSession, let fonts = pages.fonts, let outlines = recorded?.outlines {
                let pack = GlyphOutlinePack(cache: cacheSession.cache, fonts: fonts)
                outlines.keep(in: pack.store)
                outlinePack = pack
                trace.mark("glyph outline pack read")
            }
            schedule.share(shared)
        }
        try beforePDF?()
        files[pdfName] = try layout.pdf(scenes: pageScenes, reusing: pages.pdfPages, recorded: recorded?.runs ?? [:],
                                        outlines: recorded?.outlines,
                                        fonts: pdfFontCache(pages)) { index, page in
            if let key = pages.pdfKeys[index] { pages.pack?.add(pdfPage: page, key: key) }
        }
        trace.mark("PDF rendered")
        // Final: staged by the second thread beside its pages (or after them, by both).
        staging?.offer(files)
        if sharePages {
            try schedule.renderSharedPages(using: typesetter)
        } else {
            files.merge(try pageSVGs(of: layout, scenes: pageScenes, cached: pages)) { first, _ in first }
        }
        trace.mark("page SVGs rendered")
        try schedule.renderCharts(using: typesetter)
        trace.mark("chart files rendered")
        if try schedule.runSideWork(using: typesetter) { trace.mark("stats.json and HTML written") }
        // The PDF (and the pages and charts from the cache) are final: staged with what the
        // second thread has not staged yet, by both threads.
        staging?.offer(files)
        for id in charts.keys { staging?.offer(cached.files[id] ?? [:]) }
        if schedule.stageFinished() { trace.mark("outputs hashed and staged early") }
        let rendered = try schedule.finish()
        storeChartFiles(rendered, cached: cached)
        storePages(rendered, cached: pages)
        files.merge(rendered) { first, _ in first }
        // A page whose blob turned out damaged when read is rendered here, from the layout.
        if sharePages { files.merge(try pageSVGs(of: layout, scenes: pageScenes, cached: pages, except: rendered)) { first, _ in first } }
        for id in charts.keys { files.merge(cached.files[id] ?? [:]) { first, _ in first } }
        self.rendered = RenderedDocument(layout: layout, pageScenes: pageScenes, schedule: schedule, content: content, charts: charts,
                                         cached: cached, results: results)
        trace.mark("waited for the second thread")
        pageStatistics = pages.pack?.statistics
        if pages.pack?.save() == true { trace.mark("page pack written") }
        if let outlinePack {
            glyphOutlineStatistics = outlinePack.store.statistics
            outlinePack.save()
            trace.mark("glyph outline pack kept (\(outlinePack.store.statistics.used) used, \(outlinePack.store.statistics.made) made)")
        }
        if let shapes {
            shapingStatistics = shapes.store.statistics
            shapes.save()
            trace.mark("shaping pack written")
        }
        if let layoutPack {
            let statistics = layoutPack.records.statistics
            layoutStatistics = statistics
            layoutPack.save()
            trace.mark("layout pack written (\(statistics.recorded) recorded, \(statistics.laidOut) laid out, "
                       + "\(statistics.fallbacks) fallbacks)")
        }
        var heldPages: [String: String] = [:]
        for (index, name) in pages.held { heldPages[CachedPages.path(index)] = name }
        return (files, heldPages)
    }

    /// stats.json and the briefing as one HTML file, for whichever thread makes them. The
    /// HTML's charts are the bytes of `charts/<id>.svg` where this build rendered them (or the
    /// cache holds them), else rendered with the thread's typesetter (a document build that
    /// redraws no chart).
    private func sideOutputs(_ content: DocumentContent, cached: CachedCharts, results: [String: ResultValue],
                             claims: [ClaimVerdict]) -> RenderSchedule.SideWork {
        let htmlName = "\(options.reportName).html"
        var cachedSVGs: [String: [UInt8]] = [:]
        for (id, files) in cached.files { cachedSVGs[id] = files["charts/\(id).svg"] }
        // An SVG the folder holds is read from its blob on the thread that writes the HTML
        // (drawn from its scene if the blob turns out missing or damaged), and only when the
        // cache does not hold the figure's inline element (``SideOutputCache``).
        var heldSVGs: [String: String] = [:]
        for (id, names) in cached.held { heldSVGs[id] = names["charts/\(id).svg"] }
        let blobs = cacheSession.map { OutputBlobs(cache: $0.cache) }
        let sideCache = cacheSession.map(SideOutputCache.init)
        let chartKeys = cached.keys, statsKey = self.statsKey, lastStats = self.lastStats, order = source.spec.analyses.map(\.id)
        let reportName = options.reportName, htmlBlocks = self.htmlBlocks
        return { [cachedSVGs, heldSVGs] typesetter, chartFiles in
            var files: [String: [UInt8]] = [:]
            files["stats.json"] = Self.statsBytes(results: results, order: order, claims: claims, cache: sideCache, key: statsKey,
                                                  last: lastStats)
            // Every chart not held is made first, in the order of the figures' ids, so that an
            // error drawing one is the same error with or without a cache.
            var charts: [String: [UInt8]] = [:]
            for (id, scene) in content.scenes.sorted(by: { $0.key < $1.key }) where heldSVGs[id] == nil || sideCache == nil {
                charts[id] = try chartFiles["charts/\(id).svg"] ?? cachedSVGs[id] ?? heldSVGs[id].flatMap { blobs?.read($0) }
                    ?? ChartExporter.render(scene, as: .svg, typesetter: typesetter)
            }
            func svg(_ id: String) throws -> [UInt8]? {
                if let bytes = charts[id] { return bytes }
                guard let scene = content.scenes[id] else { return nil }
                return try heldSVGs[id].flatMap { blobs?.read($0) } ?? ChartExporter.render(scene, as: .svg, typesetter: typesetter)
            }
            // The body's blocks an earlier build wrote are taken from the cache (HTMLBlockPack).
            let blockPack = sideCache.map { HTMLBlockPack(cache: $0.session.cache, report: reportName, content: content) }
            files[htmlName] = try HTMLDocumentWriter(content: content, blockStore: blockPack) { id, prefix, title, description in
                let make = { try svg(id).map { HTMLInlineSVG.elementBytes($0, prefix: prefix, title: title, description: description) } }
                guard let sideCache else { return try make().map(HTMLElementBytes.bytes) }
                let element = try sideCache.chartElement(charts: chartKeys[id], prefix: prefix, title: title, description: description,
                                                         make: make)
                if case .deferred = element { htmlBlocks.countDeferredElement() }
                return element
            }.write()
            if let blockPack {
                blockPack.save()
                htmlBlocks.record(blockPack.statistics)
            }
            return files
        }
    }

    /// stats.json's bytes: the last build's (``lastStats``) when it had this build's key
    /// (``statsKey``), else encoded from `results` and `claims`.
    func statsJSON(results: [String: ResultValue], claims: [ClaimVerdict]) -> [UInt8] {
        Self.statsBytes(results: results, order: source.spec.analyses.map(\.id), claims: claims,
                        cache: cacheSession.map(SideOutputCache.init), key: statsKey, last: lastStats)
    }

    /// stats.json's bytes: those `last` names when its key is `key` (``SideOutputCache``), else encoded.
    static func statsBytes(results: [String: ResultValue], order: [String], claims: [ClaimVerdict],
                           cache: SideOutputCache?, key: CacheKey?, last: WholeBuildCache.StatsName?) -> [UInt8] {
        let make = { StatsJSON.encodeBytes(results: results, order: order, claims: claims) }
        guard let cache else { return make() }
        return cache.statsJSON(key, last: last, make: make)
    }

    /// stats.json's key and blob name among `products`, for the whole-build entry (nil when this
    /// build had no stats key or wrote no stats.json).
    func statsName(of products: Products) -> WholeBuildCache.StatsName? {
        guard let statsKey else { return nil }
        guard let name = products.files["stats.json"].map(SHA256.outputHex) ?? products.held["stats.json"] else { return nil }
        return WholeBuildCache.StatsName(key: statsKey.hex, name: name)
    }

    /// The data files an analysis reads: its table, joined tables and counted tables.
    func dataFiles(readBy analysis: AnalysisSpec) -> Set<String> {
        var memo: [String: Set<String>] = [:]
        return dataFiles(readBy: analysis, memo: &memo)
    }

    /// ``dataFiles(readBy:)``, with the files of each table name kept in `memo`.
    func dataFiles(readBy analysis: AnalysisSpec, memo: inout [String: Set<String>]) -> Set<String> {
        let derivedFrom = (analysis.derive ?? []).compactMap { $0.count?.table }
        var files: Set<String> = []
        for name in [analysis.table] + (analysis.join ?? []).map(\.table) + derivedFrom {
            if let known = memo[name] {
                files.formUnion(known)
            } else {
                let read = Set(FigureCompiler.resourceFiles(name, in: package))
                memo[name] = read
                files.formUnion(read)
            }
        }
        for nested in analysis.kind.parameters.nestedAnalyses {
            files.formUnion(dataFiles(readBy: nested, memo: &memo))
        }
        return files
    }

    /// Computes analyses (all, or those named in `only`) on two threads; an error is the one
    /// the first failing analysis in declaration order gives.
    func computeAnalyses(only: Set<String>?, inputs: inout Set<String>) throws -> [String: ResultValue] {
        let runner = AnalysisRunner(preparation: TablePreparation(package: package))
        var seen: Set<String> = []
        var selected: [AnalysisSpec] = []
        // Analyses that read other results (`adjust`) run after the ones they read.
        var readingResults: [AnalysisSpec] = []
        let only = only.map { AnalysisDependencies.closure(of: $0, in: self.source.spec.analyses) }
        for analysis in source.spec.analyses {
            guard seen.insert(analysis.id).inserted else {
                throw ReportError("two analyses are named \"\(analysis.id)\"", at: source.location(ofID: analysis.id))
            }
            if analysis.id == ClaimCheck.statsKey, !source.claims.isEmpty {
                throw ReportError("an analysis named \"\(analysis.id)\" would clash with the claims in stats.json (the key "
                                  + "\"\(ClaimCheck.statsKey)\"); rename the analysis", at: source.location(ofID: analysis.id))
            }
            if let only, !only.contains(analysis.id) { continue }
            if !analysis.kind.parameters.dependencies.isEmpty {
                readingResults.append(analysis)
                continue
            }
            selected.append(analysis)
        }
        // The files each analysis reads, and the package's descriptor and schemas, worked out
        // once (paths are URL arithmetic, about 0.1 ms a call).
        var filesOfTable: [String: Set<String>] = [:]
        let filesRead = selected.map { dataFiles(readBy: $0, memo: &filesOfTable) }
        for files in filesRead { inputs.formUnion(files) }
        let shared = BuildCacheSession.dependencies(of: [], in: package)
        // Resampling tests first (longest first), so that the two threads finish together;
        // errors are still reported in declaration order.
        let order = selected.indices.sorted { a, b in
            let (costA, costB) = (Self.resamplingCost(selected[a]), Self.resamplingCost(selected[b]))
            return costA != costB ? costA > costB : a < b
        }
        let source = self.source, tasks = selected
        // Cached results are read on the two threads too (by file key, else by prepared rows:
        // BuildCacheSession.result(of:fileKey:runner:schemas:)); what was computed is stored.
        let cacheSession = self.cacheSession
        let keys = zip(tasks, filesRead).map { analysis, files in cacheSession?.analysisKey(analysis, files: files.union(shared)) }
        statsKey = only == nil ? cacheSession.flatMap { SideOutputCache(session: $0).statsKey(analysisKeys: keys) } : nil
        let trace = self.trace
        let outcomes = try TwoThreadMap.map(order.count, twoThreads: options.twoThreads, callerState: (), makeState: {},
                                            helperDone: { trace.mark("analyses") }) { _, position -> Result<ResultValue, ReportError> in
            let analysis = tasks[order[position]]
            do {
                if let cacheSession {
                    return .success(try cacheSession.result(of: analysis, fileKey: keys[order[position]], runner: runner, schemas: shared))
                }
                return .success(try runner.run(analysis))
            } catch let failure as FormatFailure {
                return .failure(ReportError("analysis \"\(analysis.id)\": \(failure.message)", at: source.location(ofID: analysis.id)))
            }
        }
        cacheSession?.finishAnalyses()
        var byTask = [Result<ResultValue, ReportError>?](repeating: nil, count: tasks.count)
        for (position, outcome) in outcomes.enumerated() { byTask[order[position]] = outcome }
        var results: [String: ResultValue] = [:]
        for (analysis, outcome) in zip(tasks, byTask) {
            guard let outcome else { continue }
            results[analysis.id] = try outcome.get()
        }
        let kinds = Dictionary(self.source.spec.analyses.map { ($0.id, $0.kind.name) }, uniquingKeysWith: { first, _ in first })
        for analysis in AnalysisDependencies.ordered(readingResults) {
            do {
                results[analysis.id] = try runner.combine(analysis, results: results, kinds: kinds)
            } catch {
                throw ReportError("analysis \"\(analysis.id)\": \(error.message)", at: source.location(ofID: analysis.id))
            }
        }
        return results
    }

    /// How many resamples an analysis draws (0 for the closed-form ones): its rough cost.
    static func resamplingCost(_ analysis: AnalysisSpec) -> Int {
        analysis.kind.resamplingCost
    }

    /// The names of the analyses a figure reads: its layers' data and the expressions in its
    /// title, subtitle, caption and source.
    static func analysesRead(by figure: FigureSpec) -> [String] {
        var names = figure.chart.dataNames.map { $0.split(separator: ".").first.map(String.init) ?? $0 }
        for text in [figure.chart.title, figure.chart.subtitle, figure.chart.caption, figure.chart.source,
                     figure.chart.description, figure.alt].compactMap({ $0 }) {
            for inner in ExpressionText.expressions(in: text) {
                if let expression = try? Expression.parse(String(inner)), case let .member(root)? = expression.path.first {
                    names.append(root)
                }
            }
        }
        return names
    }

    /// Sources from a `sources` resource with `source_id`, `author`, `title`, `publisher`, `year`, `url`.
    func sourceRecords() -> [String: SourceRecord] {
        guard let table = package.table(named: "sources") else { return [:] }
        var records: [String: SourceRecord] = [:]
        for row in table.rows {
            let id = row["source_id"].description
            let parts = ["author", "title", "publisher"].map { row[$0].description }.filter { !$0.isEmpty }
            var citation = parts.joined(separator: ". ")
            let year = row["year"].description
            if !year.isEmpty { citation += " (\(year))" }
            citation += "."
            records[id] = SourceRecord(id: id, citation: citation, url: row["url"].description)
        }
        return records
    }
}

/// Paths for diagnostics: relative to the current directory when inside it.
package enum DisplayPath {
    package static func relative(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let current = FileManager.default.currentDirectoryPath
        if path.hasPrefix(current + "/") { return String(path.dropFirst(current.count + 1)) }
        return path
    }
}

extension ReportBuilder {
    /// Every analysis, as JSON (the bytes of `stats.json`) or as indented text.
    public func statistics(json: Bool) throws(BuildError) -> String {
        var inputs: Set<String> = []
        let results: [String: ResultValue]
        do {
            results = try computeAnalyses(only: nil, inputs: &inputs)
        } catch let error as ReportError {
            throw .report(error)
        } catch {
            throw .internalFailure("\(error)")
        }
        let verdicts: [ClaimVerdict]
        do {
            verdicts = try ClaimCheck.verdicts(source.claims, results: ExpressionEvaluator(root: results))
        } catch {
            throw .report(error)
        }
        let order = source.spec.analyses.map(\.id)
        if json { return StatsJSON.encode(results: results, order: order, claims: verdicts) }
        let analyses = order.compactMap { id in results[id].map { StatsText.render(id, $0) } }
        return (analyses + (verdicts.isEmpty ? [] : [StatsText.claims(verdicts)])).joined(separator: "\n")
    }
}

/// A readable, indented text view of results.
enum StatsText {
    static func render(_ name: String, _ value: ResultValue, indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent)
        switch value {
        case let .record(fields):
            return pad + name + ":\n" + fields.map { render($0.name, $0.value, indent: indent + 1) }.joined()
        case let .table(table):
            var text = pad + name + ": table (\(table.rowCount) rows)\n"
            text += pad + "  " + table.columns.map(\.name).joined(separator: " | ") + "\n"
            let shown = min(table.rowCount, 12)
            for row in 0..<shown {
                text += pad + "  " + table.columns.map { describe($0.values[row]) }.joined(separator: " | ") + "\n"
            }
            if table.rowCount > shown { text += pad + "  … \(table.rowCount - shown) more rows (see --json)\n" }
            return text
        default:
            return pad + name + ": " + describe(value) + "\n"
        }
    }

    /// Each claim with its verdict, condition and values.
    static func claims(_ verdicts: [ClaimVerdict]) -> String {
        var text = "claims:\n"
        for verdict in verdicts {
            text += "  \(verdict.claim.id): \(verdict.holdsNow ? "holds" : "DOES NOT HOLD")\n"
            text += "    says: \(verdict.claim.spec.says)\n"
            text += "    holds: \(verdict.claim.conditionText)\n"
            if !verdict.values.isEmpty { text += "    \(verdict.valuesText)\n" }
        }
        return text
    }

    private static func describe(_ value: ResultValue) -> String {
        switch value {
        case let .number(x): return NumberText.fixed(x, decimals: abs(x) < 0.001 && x != 0 ? 6 : 4)
        default: return Formatter.plainText(value)
        }
    }
}
