import DossierCharts
import DossierLayout
import DossierReport

extension ReportBuilder {
    /// The document's content once the analyses are computed and the figures compiled: every
    /// claim checked first (one that does not hold fails the build before anything is drawn),
    /// the body expanded, the claims appendix added when asked for; with the claims' verdicts
    /// and the warnings about unreferenced claims.
    func documentContent(results: [String: ResultValue], evaluator: ExpressionEvaluator, scenes: [String: Scene],
                         compiler: FigureCompiler) throws -> (DocumentContent, [ClaimVerdict], [String]) {
        let verdicts = try ClaimCheck.verdicts(source.claims, results: evaluator)
        try ClaimCheck.requireAll(verdicts)
        var builder = DocumentBuilder(source: source, style: style, date: documentDate,
                                      creator: "Dossier \(DossierVersion.current)", results: results, evaluator: evaluator,
                                      scenes: scenes, sources: sourceRecords(), resolveTable: compiler.resolveTable)
        // The expressions' values from the last build with the same results (the same stats key).
        let printed = cacheSession.flatMap { session in
            statsKey.map { PrintedExpressionCache(cache: session.cache, report: options.reportName, statsKey: $0) }
        }
        builder.printedExpressions = printed?.load()
        var content = try builder.prepare()
        if let printed, let memo = builder.printedExpressions {
            printed.save(memo)
            printedExpressionCount = memo.printedCount
        }
        let warnings = try ClaimReferences.check(source.claims, blocks: content.blocks, findings: content.findings, source: source)
        if source.spec.appendix.claims {
            let lastLine = source.bodyFirstLine + source.bodyLineCount - 1
            content = content.appending(ClaimsAppendix.blocks(verdicts, lastLine: lastLine))
        }
        return (content, verdicts, warnings)
    }

    /// Every page of the document as the scene its PDF page and page SVG are drawn from, in
    /// order (``Scene/dump()`` of these is golden-tested like the charts' scenes).
    package func pageScenes() throws -> [Scene] {
        let layout = try documentLayout()
        return try layout.pageScenes()
    }

    /// The document laid out with this builder's typesetter, as a build without a cache lays
    /// it out (for tests of what is drawn from it).
    package func documentLayout() throws -> DocumentLayout {
        var inputs = Set<String>()
        let results = try computeAnalyses(only: nil, inputs: &inputs)
        let compiler = FigureCompiler(source: source, package: package, options: options)
        let evaluator = ExpressionEvaluator(root: results)
        let (scenes, _, _) = try compile(try selectedFigures(), with: compiler, results: results, evaluator: evaluator, inputs: &inputs)
        let (content, _, _) = try documentContent(results: results, evaluator: evaluator, scenes: scenes, compiler: compiler)
        return try DocumentLayout(content, typesetter: typesetter)
    }
}
