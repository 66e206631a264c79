import DossierBase
import DossierCharts
import DossierData
import DossierReport

extension ReportBuilder {
    /// The scenes of the report's figures (all, or the one ``BuildOptions/selection`` names),
    /// compiled as ``build()`` compiles them, with nothing drawn or checked after: for tools
    /// and tests that inspect what a chart draws (the Vega-Lite gallery comparison).
    /// - Throws: ``BuildError`` as ``build()`` would for the same figures.
    package func figureScenes() throws(BuildError) -> [String: Scene] {
        do {
            let figures: [FigureSpec]
            if case let .figure(id) = options.selection {
                figures = source.spec.figures.filter { $0.id == id }
            } else {
                figures = source.spec.figures
            }
            var inputs: Set<String> = []
            let results = try computeAnalyses(only: Set(figures.flatMap(ReportBuilder.analysesRead)), inputs: &inputs)
            let evaluator = ExpressionEvaluator(root: results)
            let compiler = FigureCompiler(source: source, package: package, options: options)
            var scenes: [String: Scene] = [:]
            for figure in figures {
                scenes[figure.id] = try compiler.compile(figure, results: results, evaluator: evaluator, typesetter: typesetter).0
            }
            return scenes
        } catch {
            throw BuildError(error)
        }
    }
}
