import DossierCharts
import DossierLayout
import DossierReport

extension ReportBuild {
    /// What a build held in memory when its outputs were committed: the builder (with its
    /// typesetter, data and the document it laid out: flow blocks, Pango layouts, page scenes)
    /// and every output's bytes. Freeing it is pure teardown (at 1000× data, a third of a
    /// second of the main thread's CPU), so ``Hooks/keep`` can take it over: a process about to
    /// exit (the command line) keeps it and lets the exit return the memory at once. Without
    /// that hook, ``ReportBuild/run(_:depfile:depTarget:makeState:hooks:)`` releases it before
    /// returning, after the outputs are committed.
    ///
    /// It holds Pango objects of the thread that ran the build: release it on that thread.
    public final class Remains {
        let builder: ReportBuilder?
        let products: ReportBuilder.Products
        let outputs: OutputSet

        init(builder: ReportBuilder?, products: ReportBuilder.Products, outputs: OutputSet) {
            self.builder = builder
            self.products = products
            self.outputs = outputs
        }
    }
}

extension ReportBuilder {
    /// What ``render(_:charts:cached:results:claims:)`` laid out and drew from, kept with the
    /// builder once the document is rendered so that it is freed with the builder (or never,
    /// when the process exits first: ``ReportBuild/Remains``), not as the render returns.
    struct RenderedDocument {
        let layout: DocumentLayout
        let pageScenes: [Scene]
        let schedule: RenderSchedule
        /// What the render was given (the build's own references to them end as the build
        /// returns; these keep them to be freed with the builder, or not at all).
        let content: DocumentContent
        let charts: [String: Scene]
        let cached: CachedCharts
        let results: [String: ResultValue]
    }
}
