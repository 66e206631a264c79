import DossierReport
import Foundation

/// The build as the command line runs it: build in memory, then switch the output folder to
/// the new set of files, all or nothing (see ``OutputCommit``), and optionally write a make
/// depfile.
public enum ReportBuild {
    /// Outcome of a build.
    public struct Summary: Sendable {
        /// Paths (relative to the output directory) that were rewritten.
        public var written: [String]
        /// Paths produced (rewritten or already identical).
        public var produced: [String]
        /// Input files read (absolute paths).
        public var inputs: [String]
        /// Warnings for standard error (see ``ReportBuilder/Products/warnings``).
        public var warnings: [String] = []
    }

    /// Callbacks around writing the output folder.
    public struct Hooks: Sendable {
        /// Called once, before waiting, when another build holds the output folder's lock.
        public var waiting: (@Sendable () -> Void)?
        /// Called after each step of the switch to the new output set with the step's number
        /// (0 before the first): a test hook that may stop the process there.
        public var afterStep: (@Sendable (Int) -> Void)?
        /// Called once, on the calling thread, after the outputs are committed (and the
        /// depfile written), with what the build still holds in memory (``Remains``): a
        /// process that exits next keeps it rather than free it. Without it, the build frees
        /// it before returning.
        public var keep: (@Sendable (Remains) -> Void)?

        public init(waiting: (@Sendable () -> Void)? = nil, afterStep: (@Sendable (Int) -> Void)? = nil,
                    keep: (@Sendable (Remains) -> Void)? = nil) {
            self.waiting = waiting
            self.afterStep = afterStep
            self.keep = keep
        }
    }

    /// Builds and writes. `depfile`, when given, receives a make rule naming `depTarget` (or
    /// the first output) and every input read; `makeState`, when given, receives the depfile
    /// and stamp of each chart drawn, and its redraw list is cleared (see ``MakeState``).
    ///
    /// Builds compute in parallel, but only one at a time writes into an output folder: the
    /// build holds the folder's ``OutputLock`` while it finishes what an interrupted build
    /// left (``OutputRecovery``), stages its outputs, reads the previous manifest and switches
    /// the set. Outputs finished while the build still renders are staged then, under the
    /// lock, when no other process holds it (``OutputStaging``); a failed build removes them.
    public static func run(_ options: BuildOptions, depfile: URL? = nil, depTarget: String? = nil,
                           makeState: MakeState? = nil, hooks: Hooks = Hooks()) throws(BuildError) -> Summary {
        try run(options, depfile: depfile, depTarget: depTarget, makeState: makeState, hooks: hooks,
                staging: OutputStaging(directory: options.outputDirectory))
    }

    /// ``run(_:depfile:depTarget:makeState:hooks:)`` with the outputs staged early by
    /// `staging` (``OutputStaging``: while the build renders, finished outputs are staged in
    /// the output folder under its lock); `prepare` sees the builder before it builds (tests).
    static func run(_ options: BuildOptions, depfile: URL? = nil, depTarget: String? = nil,
                    makeState: MakeState? = nil, hooks: Hooks = Hooks(), staging: OutputStaging,
                    prepare: ((ReportBuilder) -> Void)? = nil) throws(BuildError) -> Summary {
        try options.checkDefaultOutputFolder()
        // The outputs' remembered hashes are kept while this build (or one beside it) runs.
        OutputDigests.shared.beginBuild()
        defer { OutputDigests.shared.endBuild() }
        // Before any file is read: the memo's time bounds what this build may record in it.
        let memo = options.cache?.digestMemo
        memo?.load()
        staging.memo = memo
        let wholeBuild = options.cache.flatMap { WholeBuildCache(cache: $0, options: options) }
        // A cache hit's outputs that the folder holds already are not read (FolderHeldOutputs).
        let folder = memo.map { FolderHeldOutputs(directory: options.outputDirectory, memo: $0) }
        var products: ReportBuilder.Products
        let figureIDs: [String]
        let trace: BuildTrace
        // Inputs hashed for the cache's keys, which the manifest lists again.
        let inputDigests: InputDigests?
        // One per build: the whole-build lookup and the cache keys hash each input once.
        let digests = InputDigests(memo: memo)
        // Kept to the end: what it holds is freed after the commit, or kept (``Hooks/keep``).
        var builder: ReportBuilder?
        // stats.json as the last build recorded it: a build whose stats key is the same reads it.
        var lastStats: WholeBuildCache.StatsName?
        if let found = wholeBuild?.find(selection: options.selection, digests: digests, folder: folder, stats: &lastStats) {
            (products, figureIDs, inputDigests) = (found.products, found.figureIDs, found.digests)
            trace = BuildTrace(enabled: options.trace)
            trace.mark("whole build found in the cache")
        } else {
            let made = try ReportBuilder(options: options, digests: digests)
            builder = made
            made.staging = staging
            made.folder = folder
            made.lastStats = lastStats
            prepare?(made)
            do {
                products = try made.build()
                made.trace.mark("build returned (its locals freed)")
            } catch {
                // Temporaries staged early are removed; the previous outputs are as they were.
                staging.discard()
                throw error
            }
            figureIDs = made.source.spec.figures.map(\.id)
            trace = made.trace
            // Without a cache, the fonts were hashed ahead, while the front matter was decoded;
            // with one, the loading thread stored the data package (done before the memo is saved).
            let hashedAhead = made.inputsHashedAhead()
            inputDigests = made.cacheSession?.digests ?? hashedAhead
            wholeBuild?.store(.init(products: products, figureIDs: figureIDs, stats: made.statsName(of: products)), digests: digests)
            if wholeBuild != nil { trace.mark("whole build stored in the cache") }
        }
        let outDirectory = options.outputDirectory
        let set: OutputSet
        let written: [String]
        do {
            // The lock staging took (recovered then), or taken now.
            let lock = try staging.lockForCommit(waiting: hooks.waiting)
            defer { lock.release() }
            trace.mark("output folder locked")
            // Held outputs that changed in the folder since they were looked at are read now.
            if let folder, let cache = options.cache, !products.held.isEmpty {
                let confirmed = try folder.confirm(products.held, blobs: OutputBlobs(cache: cache))
                products.held = confirmed.held
                products.files.merge(confirmed.read) { first, _ in first }
            }
            set = OutputSet(products: products, figureIDs: figureIDs, options: options, inputDigests: inputDigests,
                            trace: options.trace ? trace : nil)
            trace.mark("manifest (SHA-256 of inputs and outputs)")
            var commit = OutputCommit(directory: outDirectory, files: set.files, removals: set.removals,
                                      afterStep: hooks.afterStep, twoThreads: options.twoThreads,
                                      trace: options.trace ? trace : nil)
            commit.memo = memo
            // From here the commit owns what was staged early (it removes it on an error).
            commit.prestaged = staging.handOver()
            written = try commit.run()
        } catch let error as BuildError {
            staging.discard()
            throw error
        } catch let refusal as OutputRefusal {
            staging.discard()
            throw .report(ReportError("\(refusal) (in \(DisplayPath.relative(outDirectory)))"))
        } catch {
            staging.discard()
            throw .internalFailure("writing outputs to \(DisplayPath.relative(outDirectory)): \(error.localizedDescription)")
        }
        trace.mark("outputs written")
        memo?.save()
        if let cache = options.cache {
            CachePruning.afterBuild(cache)
            trace.mark("digest memo saved, cache size checked")
        }
        trace.markUnmarked()
        if let depfile {
            let target = depTarget ?? DisplayPath.relative(outDirectory.appendingPathComponent(set.files.keys.sorted().first ?? ""))
            let inputs = products.inputs.map { DisplayPath.relative(URL(fileURLWithPath: $0, isDirectory: false)) }
            let text = Depfile.rule(target: target, inputs: inputs)
            do {
                try OutputWriter.write([depfile.lastPathComponent: Array(text.utf8)], to: depfile.deletingLastPathComponent())
            } catch {
                throw .internalFailure("writing \(depfile.path): \(error.localizedDescription)")
            }
        }
        try makeState?.recordBuilt(products.figureInputs)
        let summary = Summary(written: written, produced: Set(set.files.keys).union(products.held.keys).sorted(), inputs: products.inputs,
                              warnings: products.warnings)
        // Freed here, on this thread (its Pango layouts are this thread's), unless kept.
        let remains = Remains(builder: builder, products: products, outputs: set)
        if let keep = hooks.keep { keep(remains) } else { withExtendedLifetime(remains) {} }
        return summary
    }
}

/// Make dependency rules.
enum Depfile {
    /// `target: input input …` with spaces escaped, plus an empty rule per input so that a
    /// deleted input does not break make.
    static func rule(target: String, inputs: [String]) -> String {
        func escape(_ path: String) -> String { path.replacingOccurrences(of: " ", with: "\\ ") }
        var text = escape(target) + ":"
        for input in inputs { text += " \\\n  " + escape(input) }
        text += "\n"
        for input in inputs { text += "\n" + escape(input) + ":\n" }
        return text
    }
}
