import DossierCharts

/// The figures' scenes of a build, compiled at once or only when first asked for.
///
/// A document build with a cache whose chart files are all in the cache needs the scenes only
/// to lay the document out, which it does not do when the `document` entry is found too (a
/// data edit that changes no number the report shows, undoing an edit): then the figures are
/// never compiled (about 70 ms of CPU for the flagship's six, on two threads). Deferring the
/// compilation cannot hide an error: a figure's chart files are stored only by a build that
/// compiled it, and their key names everything the compilation reads (the front matter, the
/// results and files the figure reads, the fonts and the date), so the same compilation
/// would succeed again. Any other build (no cache, a figure-only build, a chart missing from
/// the cache) compiles them at once, so its errors come in the order they always did. With a
/// cache, "compiling" reads each figure's scene from its `scene` entry where the cache holds
/// it (``ReportBuilder/scenes(of:with:results:evaluator:charts:)``).
struct FigureScenesOnDemand {
    /// The scenes, once compiled.
    private(set) var compiled: [String: Scene]?
    private let compile: () throws -> [String: Scene]

    /// Compiles the figures `ids` now (with `compile`) unless `document` is true and every one
    /// of them has its chart files in `cached`.
    init(ids: [String], cached: CachedCharts, document: Bool, compile: @escaping () throws -> [String: Scene]) throws {
        self.compile = compile
        let deferred = document && ids.allSatisfy { cached.files[$0] != nil }
        compiled = deferred ? nil : try compile()
    }

    /// Every figure's scene, compiled now if it was not yet.
    mutating func all() throws -> [String: Scene] {
        if let compiled { return compiled }
        let scenes = try compile()
        compiled = scenes
        return scenes
    }
}
