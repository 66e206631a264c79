import CairoKit
import DossierBase
import DossierCharts
import DossierData
import DossierReport
import DossierVegaLite
import Foundation

/// Compiles a report's figures into scenes and resolves the tables they and the computed tables
/// read. Plain values only, so figures can compile on several threads, each passing its own
/// ``Typesetter``.
struct FigureCompiler: Sendable {
    let source: ReportSource
    let package: DataPackage
    let options: BuildOptions

    /// The CSV files of a resource plus the package descriptor.
    static func resourceFiles(_ resource: String, in package: DataPackage) -> [String] {
        var files = [package.descriptorURL.standardizedFileURL.path]
        if let entry = package.resources.first(where: { $0.name == resource }) {
            let base = package.descriptorURL.deletingLastPathComponent()
            files.append(base.appendingPathComponent(entry.path, isDirectory: false).standardizedFileURL.path)
        }
        return files
    }

    /// Compiles a figure's chart over its data; returns the scene and the files it read
    /// (``filesRead(by:)``).
    func compile(_ figure: FigureSpec, results: [String: ResultValue], evaluator: ExpressionEvaluator,
                 typesetter: Typesetter) throws -> (Scene, [String]) {
        var data: [String: ChartData] = [:]
        let files = filesRead(by: figure)
        let location = source.location(ofID: figure.id)
        for name in Set(figure.chart.dataNames).sorted() {
            let table = try resolveTable(name, results: results, at: location)
            data[name] = ChartDataConversion.chartData(table)
        }
        let topologies = figure.chart.topologySelections
        for file in figure.chart.dataFiles {
            data[file.key] = try loadDataFile(file.path, format: file.format, topology: topologies[file.key], key: file.key, at: location).0
        }
        for name in Set(figure.chart.layers.compactMap(\.shapes)).sorted() {
            data[name] = ChartData(features: try loadShapes(name, at: location).0)
        }
        var chart = figure.chart
        chart.title = try chart.title.map { text throws(ReportError) in try evaluator.expand(text, at: location) }
        chart.subtitle = try chart.subtitle.map { text throws(ReportError) in try evaluator.expand(text, at: location) }
        chart.caption = try chart.caption.map { text throws(ReportError) in try evaluator.expand(text, at: location) }
        chart.source = try chart.source.map { text throws(ReportError) in try evaluator.expand(text, at: location) }
        chart.description = try (figure.alt ?? chart.description).map { text throws(ReportError) in try evaluator.expand(text, at: location) }
        do {
            return (try ChartCompiler.compile(chart, data: data, typesetter: typesetter), files)
        } catch {
            throw ReportError("figure \"\(figure.id)\": \(error)", at: location)
        }
    }

    /// The largest shapes (GeoJSON) file read, in bytes (64 MiB).
    static let shapesFileLimit = 64 << 20

    /// The map features declared under `shapes:` as `name`, and the file they came from.
    func loadShapes(_ name: String, at location: SourceLocation) throws -> ([GeoFeature], String) {
        guard let relative = source.spec.shapes[name] else {
            throw ReportError("no shapes named \"\(name)\"; declare them in the front matter as `shapes: {\(name): path/to/file.geojson}`"
                              + NameHint.hint(for: name, known: source.spec.shapes.keys.sorted()), at: location)
        }
        let url = options.resolve(relative)
        let file = try options.confine(relative, what: "shapes file",
                                       at: source.location(ofPath: relative, key: "shapes", entry: name))
        let data: Data
        do {
            data = Data(try file.readAll(limit: Self.shapesFileLimit))
        } catch {
            throw ReportError("shapes \"\(name)\": \(error.message(for: relative))", at: location)
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
                guard let next = value.member(member) else {
                    throw ReportError("\"\(name)\": no member \"\(member)\"" + NameHint.hint(for: member, known: value.memberNames), at: location)
                }
                value = next
            }
            if case let .table(table) = value { return table }
            if let inner = value.field("table"), case let .table(table) = inner { return table }
            throw ReportError("\"\(name)\" is \(value.kindWithArticle), not a table", at: location)
        }
        if let table = package.table(named: name) { return ResultTable(table) }
        let known = source.spec.analyses.map(\.id) + package.tables.map(\.name)
        throw ReportError("no analysis or dataset named \"\(name)\"" + NameHint.hint(for: name, known: known), at: location)
    }
}
