import ArgumentParser
import DossierBuild
import Foundation

/// `dossier build`: builds a report's PDF, page SVGs, charts, stats.json and manifest.json.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build a report's PDF, page SVGs, charts (SVG, PDF, PNG), stats.json and manifest.json.",
        discussion: """
            Outputs go to <report>/out unless --out is given. Every file is written to a temporary name and the whole set is switched in (with a journal in out/.dossier-commit) only when the build succeeded, so a failed or interrupted build leaves the previous outputs or the new ones, never a mix; the next build finishes an interrupted switch. Only files the previous manifest.json lists are ever removed. Files whose bytes did not change are not rewritten. A second build into the same output folder waits for the first. The PDF date is SOURCE_DATE_EPOCH when set, else the report's date.

            Examples:
              dossier build reports/china-lac-local
              dossier build reports/china-lac-local --out /tmp/preview
              dossier build reports/china-lac-local --figure timeline
            """)

    @OptionGroup var report: ReportOptions

    @Option(name: .long, help: "Output folder (default: <report>/out).")
    var out: String?

    @Option(name: .long, help: "Build only this figure's SVG, PDF and PNG.")
    var figure: String?

    @Flag(name: .long, help: "Build only the document (PDF, pages, stats.json, manifest.json), not the charts.")
    var documentOnly = false

    @Option(name: .long, help: "Write a make depfile listing every input read.")
    var depfile: String?

    @Option(name: .long, help: "The target named in the depfile (default: the first output).")
    var depTarget: String?

    @Option(name: .long, help: ArgumentHelp(
        "With --document-only: also draw the figures listed in DIR/redraw.list, then write their depfiles and touch their stamps and DIR/document.stamp; print nothing on success (used by the make rules of `dossier plan`).",
        valueName: "DIR"))
    var makeState: String?

    @Option(name: .long, help: ArgumentHelp(
        "Keep analysis results, chart files and whole builds in DIR, keyed by the content of what they read, so that the next build recomputes only what an edit affects (the make rules of `dossier plan` use <state>/cache). The outputs are the same bytes with or without it.",
        valueName: "DIR"))
    var cache: String?

    @Flag(name: .long, help: "Use no build cache, even with --cache.")
    var noCache = false

    @Option(name: .long, help: ArgumentHelp(
        "With --cache: the most the cache folder may hold, e.g. 500M or 2G (default: $DOSSIER_CACHE_LIMIT, else 1G). A build that writes entries past it removes the least recently used ones, down to 80% of it.",
        valueName: "SIZE"))
    var cacheLimit: String?

    @Option(name: .long, help: .hidden)
    var faultAfterStep: Int?

    func validate() throws {
        if figure != nil && documentOnly {
            throw ValidationError("--figure and --document-only cannot be combined")
        }
        if makeState != nil && !documentOnly {
            throw ValidationError("--make-state needs --document-only")
        }
        _ = try resolvedCacheLimit()
    }

    /// The cache's cap: `--cache-limit`, else `DOSSIER_CACHE_LIMIT`, else the default; a
    /// value that is not a size is a usage error (exit 64).
    func resolvedCacheLimit() throws -> CacheLimit {
        if let cacheLimit {
            guard let limit = CacheLimit(parsing: cacheLimit) else {
                throw ValidationError("--cache-limit must be \(CacheLimit.expected), found \"\(cacheLimit)\"")
            }
            return limit
        }
        if let text = ProcessInfo.processInfo.environment[CacheLimit.environmentVariable], !text.isEmpty {
            guard let limit = CacheLimit(parsing: text) else {
                throw ValidationError("\(CacheLimit.environmentVariable) must be \(CacheLimit.expected), found \"\(text)\"")
            }
            return limit
        }
        return .default
    }

    func run() throws {
        let state = makeState.map(MakeState.init(path:))
        let selection: BuildOptions.Selection = figure.map { .figure($0) }
            ?? (documentOnly ? .document(charts: state?.listedFigures() ?? []) : .everything)
        var options = try report.buildOptions(out: out, selection: selection)
        if let cache, !noCache {
            var buildCache = BuildCache(directory: URL(fileURLWithPath: cache), toolIdentity: ToolIdentity.current)
            buildCache.limit = try resolvedCacheLimit()
            options.cache = buildCache
        }
        // The process exits right after the build: what the build holds is kept, not freed.
        var hooks = ReportBuild.Hooks(waiting: waitingMessage(out ?? report.defaultOutputFolder), keep: ExitRetention.keep)
        if let fault = faultAfterStep {
            // Testing only: dies as `kill -9` would, right after step `fault` of the switch.
            hooks.afterStep = { step in
                if step == fault { kill(getpid(), SIGKILL) }
            }
        }
        let summary = try withBuildErrors { () throws(BuildError) in
            try ReportBuild.run(options, depfile: depfile.map { URL(fileURLWithPath: $0) }, depTarget: depTarget,
                                makeState: state, hooks: hooks)
        }
        for warning in summary.warnings { printError(warning) }
        // Under make (`--make-state`) the rule has printed what it builds; nothing more.
        guard state == nil else { return }
        let unchanged = summary.produced.count - summary.written.count
        print("\(report.reportDirectory): \(summary.written.count) file(s) written, \(unchanged) unchanged")
    }
}

extension ReportOptions {
    /// `<report>/out` as the user named the report folder (for messages).
    var defaultOutputFolder: String {
        (reportDirectory.hasSuffix("/") ? String(reportDirectory.dropLast()) : reportDirectory) + "/out"
    }
}

/// The one line printed when another `dossier` process is writing to the output folder
/// `folder` (this one waits for it).
func waitingMessage(_ folder: String) -> @Sendable () -> Void {
    { printError("dossier: waiting for another dossier process writing to \(folder) to finish") }
}
