import CairoKit
import DossierCharts
import DossierData
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
    }

    let options: BuildOptions
    let typesetter: Typesetter
    let source: ReportSource
    let reportPath: String
    let package: DataPackage
    let style: PageStyle

    /// Loads the report and its data package.
    public init(options: BuildOptions) throws(BuildError) {
        self.options = options
        let reportURL = options.reportDirectory.appendingPathComponent("report.md")
        reportPath = DisplayPath.relative(reportURL)
        guard FileManager.default.fileExists(atPath: reportURL.path) else {
            throw .missingInput(reportPath)
        }
        BuildTrace.mark("process start")
        do {
            typesetter = try Typesetter(fontDirectory: options.fontDirectory.path)
        } catch {
            throw .internalFailure("fonts: \(error)")
        }
        BuildTrace.mark("fonts")
        do {
            source = try ReportSource.load(reportURL, displayPath: reportPath)
        } catch {
            throw .report(error)
        }
        BuildTrace.mark("report front matter")
        let dataURL = options.resolve(source.spec.data)
        guard FileManager.default.fileExists(atPath: dataURL.path) else {
            let location = source.location(ofKey: "data")
            throw .missingInput("\(DisplayPath.relative(dataURL)) (the data package named at \(location))")
        }
        do {
            package = try DataPackage.load(from: dataURL)
        } catch let error as DiagnosticError {
            throw .data(error)
        } catch {
            throw .internalFailure("loading data: \(error)")
        }
        BuildTrace.mark("data package loaded and validated")
        style = PageStyle(paper: source.spec.paper)
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
        } catch let error as BuildError {
            throw error
        } catch let error as ReportError {
            throw .report(error)
        } catch let error as DiagnosticError {
            throw .data(error)
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
            throw .internalFailure("\(error)")
        }
    }

    private func buildThrowing() throws -> Products {
        let spec = source.spec
        var files: [String: [UInt8]] = [:]
        // A figure-only build does not list report.md: make tracks the figure's declaration
        // through its key file (see BuildPlan), so editing prose redraws no chart.
        var inputs = Set(typesetter.fontFiles)
        if case .figure = options.selection {} else {
            inputs.insert(options.reportDirectory.appendingPathComponent("report.md").path)
        }

        let wantedFigures: [FigureSpec]
        switch options.selection {
        case let .figure(id):
            guard let figure = spec.figures.first(where: { $0.id == id }) else {
                throw ReportError("no figure \"\(id)\"" + unknownNameHint(id, known: spec.figures.map(\.id)),
                                  at: source.location(ofKey: "figures"))
            }
            wantedFigures = [figure]
        default:
            wantedFigures = spec.figures
        }
        // Analyses: all of them for the document; only those a figure reads otherwise.
        let neededAnalyses: Set<String>? = options.selection == .everything || options.selection == .document
            ? nil : Set(wantedFigures.flatMap(ReportBuilder.analysesRead))
        let results = try computeAnalyses(only: neededAnalyses, inputs: &inputs)
        let evaluator = ExpressionEvaluator(root: results)
        BuildTrace.mark("analyses")

        var scenes: [String: Scene] = [:]
        for figure in wantedFigures {
            let (scene, figureInputs) = try compileFigure(figure, results: results, evaluator: evaluator)
            scenes[figure.id] = scene
            inputs.formUnion(figureInputs)
        }
        BuildTrace.mark("figures compiled to scenes")
        if case .figure = options.selection {
            // The figure's PNG, SVG and PDF, on two threads.
            let schedule = RenderSchedule(document: nil, charts: scenes, fontDirectory: options.fontDirectory.path, date: documentDate)
            defer { schedule.abandon() }
            try schedule.renderCharts(using: typesetter)
            files = try schedule.finish()
            return Products(files: files, inputs: inputs.sorted(), selection: options.selection)
        }
        // The document's content is prepared here; the page SVGs and the standalone charts are
        // rendered on a second thread while this one lays out and renders the PDF, then both
        // threads share the remaining charts.
        let content = try DocumentBuilder(builder: self, results: results, evaluator: evaluator, scenes: scenes).prepare()
        let schedule = RenderSchedule(document: content, charts: options.selection == .everything ? scenes : [:],
                                      fontDirectory: options.fontDirectory.path, date: documentDate)
        defer { schedule.abandon() }
        let layout = try DocumentLayout(content, typesetter: typesetter)
        BuildTrace.mark("document laid out")
        files["\(options.reportName).pdf"] = try layout.pdf()
        BuildTrace.mark("PDF rendered")
        files["stats.json"] = Array(StatsJSON.encode(results: results, order: spec.analyses.map(\.id)).utf8)
        try schedule.renderCharts(using: typesetter)
        BuildTrace.mark("chart files rendered")
        files.merge(try schedule.finish()) { first, _ in first }
        BuildTrace.mark("waited for the second thread")
        inputs.formUnion(package.files.map(\.path))
        return Products(files: files, inputs: inputs.sorted(), selection: options.selection)
    }

    /// Computes analyses in declaration order (all, or those named in `only`).
    func computeAnalyses(only: Set<String>?, inputs: inout Set<String>) throws -> [String: ResultValue] {
        let preparation = TablePreparation(package: package)
        let runner = AnalysisRunner(preparation: preparation)
        var results: [String: ResultValue] = [:]
        var seen: Set<String> = []
        for analysis in source.spec.analyses {
            guard seen.insert(analysis.id).inserted else {
                throw ReportError("two analyses are named \"\(analysis.id)\"", at: source.location(ofID: analysis.id))
            }
            if let only, !only.contains(analysis.id) { continue }
            do {
                results[analysis.id] = try runner.run(analysis)
            } catch {
                throw ReportError("analysis \"\(analysis.id)\": \(error.message)", at: source.location(ofID: analysis.id))
            }
            let derivedFrom = (analysis.derive ?? []).compactMap { $0.count?.table }
            for name in [analysis.table] + (analysis.join ?? []).map(\.table) + derivedFrom {
                inputs.formUnion(resourceFiles(name))
            }
        }
        return results
    }

    /// The CSV files of a resource plus the package descriptor.
    func resourceFiles(_ resource: String) -> [String] {
        var files = [package.descriptorURL.standardizedFileURL.path]
        if let entry = package.resources.first(where: { $0.name == resource }) {
            let base = package.descriptorURL.deletingLastPathComponent()
            files.append(base.appendingPathComponent(entry.path).standardizedFileURL.path)
        }
        return files
    }

    /// The names of the analyses a figure reads: its layers' data and the expressions in its
    /// title, subtitle, caption and source.
    static func analysesRead(by figure: FigureSpec) -> [String] {
        var names = figure.chart.layers.map { $0.data.split(separator: ".").first.map(String.init) ?? $0.data }
        for text in [figure.chart.title, figure.chart.subtitle, figure.chart.caption, figure.chart.source].compactMap({ $0 }) {
            var rest = text[...]
            while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
                if let expression = try? Expression.parse(String(rest[open.upperBound..<close.lowerBound])),
                   case let .member(root)? = expression.path.first {
                    names.append(root)
                }
                rest = rest[close.upperBound...]
            }
        }
        return names
    }

    /// The data names a figure's layers read.
    func figureDataNames(_ figure: FigureSpec) -> [String] {
        figure.chart.layers.map(\.data)
    }

    /// Compiles a figure's chart over its data; returns the scene and the files it read.
    func compileFigure(_ figure: FigureSpec, results: [String: ResultValue], evaluator: ExpressionEvaluator) throws -> (Scene, [String]) {
        var data: [String: ChartData] = [:]
        var files: [String] = []
        for name in Set(figureDataNames(figure)).sorted() {
            let table = try resolveTable(name, results: results, at: source.location(ofID: figure.id))
            data[name] = ChartDataConversion.chartData(table)
            if package.table(named: name) != nil { files += resourceFiles(name) }
        }
        for name in Set(figure.chart.layers.compactMap(\.shapes)).sorted() {
            let (features, file) = try loadShapes(name, at: source.location(ofID: figure.id))
            data[name] = ChartData(features: features)
            files.append(file)
        }
        var chart = figure.chart
        let location = source.location(ofID: figure.id)
        chart.title = try chart.title.map { text throws(ReportError) in try evaluator.expand(text, at: location) }
        chart.subtitle = try chart.subtitle.map { text throws(ReportError) in try evaluator.expand(text, at: location) }
        chart.caption = try chart.caption.map { text throws(ReportError) in try evaluator.expand(text, at: location) }
        if chart.description == nil { chart.description = figure.alt }
        do {
            return (try ChartCompiler.compile(chart, data: data, typesetter: typesetter), files)
        } catch {
            throw ReportError("figure \"\(figure.id)\": \(error)", at: location)
        }
    }

    /// The map features declared under `shapes:` as `name`, and the file they came from.
    func loadShapes(_ name: String, at location: SourceLocation) throws -> ([GeoFeature], String) {
        guard let relative = source.spec.shapes[name] else {
            throw ReportError("no shapes named \"\(name)\"; declare them in the front matter as `shapes: {\(name): path/to/file.geojson}`"
                              + unknownNameHint(name, known: source.spec.shapes.keys.sorted()), at: location)
        }
        let url = options.resolve(relative)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BuildError.missingInput(DisplayPath.relative(url))
        }
        do {
            return (try GeoJSON.features(from: data), url.path)
        } catch {
            throw ReportError("shapes \"\(name)\" (\(relative)): \(error)", at: location)
        }
    }

    /// A table for a figure or computed table: `analysis`, `analysis.member` or a dataset.
    func resolveTable(_ name: String, results: [String: ResultValue], at location: SourceLocation) throws -> ResultTable {
        let parts = name.split(separator: ".").map(String.init)
        if let first = parts.first, var value = results[first] {
            for member in parts.dropFirst() {
                guard let next = value.field(member) else {
                    throw ReportError("\"\(name)\": no member \"\(member)\"" + unknownNameHint(member, known: value.memberNames), at: location)
                }
                value = next
            }
            if case let .table(table) = value { return table }
            if let inner = value.field("table"), case let .table(table) = inner { return table }
            throw ReportError("\"\(name)\" is \(value.kindWithArticle), not a table", at: location)
        }
        if let table = package.table(named: name) { return ResultTable(table) }
        let known = source.spec.analyses.map(\.id) + package.tables.map(\.name)
        throw ReportError("no analysis or dataset named \"\(name)\"" + unknownNameHint(name, known: known), at: location)
    }
}

/// Paths for diagnostics: relative to the current directory when inside it.
enum DisplayPath {
    static func relative(_ url: URL) -> String {
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
        let order = source.spec.analyses.map(\.id)
        if json { return StatsJSON.encode(results: results, order: order) }
        return order.compactMap { id in results[id].map { StatsText.render(id, $0) } }.joined(separator: "\n")
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

    private static func describe(_ value: ResultValue) -> String {
        switch value {
        case let .number(x): return NumberFormat.fixed(x, digits: abs(x) < 0.001 && x != 0 ? 6 : 4)
        default: return Formatter.plainText(value)
        }
    }
}
