import DossierBase
import DossierCharts
import DossierReport
import DossierVegaLite
import Foundation
import Yams

/// The chart files figures name (`vega-lite: specs/bar.vl.json`): read relative to the report,
/// confined to the project, decoded as JSON (a `.json` file) or YAML with every error at its line and column in
/// the chart file, and put in place of the figure's chart.
extension ReportSource {
    /// The largest chart file read, in bytes (as report.md).
    static let chartFileLimit = TextLimits.reportBytes

    /// This report with each `vega-lite:` figure's chart read from its file; also returns each
    /// such figure's file path and text (for make: a change to the file redraws the figure).
    func readingChartFiles(options: BuildOptions) throws(BuildError) -> (ReportSource, [String: (path: String, text: String)]) {
        var source = self
        var files: [String: (path: String, text: String)] = [:]
        for (index, figure) in spec.figures.enumerated() {
            guard let relative = figure.chartFile else { continue }
            let location = location(ofID: figure.id)
            let file = try options.confine(relative, what: "chart file", at: location)
            let bytes: [UInt8]
            do {
                bytes = try file.readAll(limit: Self.chartFileLimit)
            } catch {
                throw .report(ReportError("figure \"\(figure.id)\": chart file: \(error.message(for: relative))", at: location))
            }
            let display = DisplayPath.relative(options.resolve(relative))
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw .report(ReportError("the chart file is not valid UTF-8", at: SourceLocation(file: display, line: 1, column: 1)))
            }
            let normalized = ReportSource.normalizingLineEnds(text)
            do {
                let checks: (Node) throws(ReportError) -> Void = { node throws(ReportError) in
                    try ReportSource.rejectUnexpandedExpressions(inChart: node, path: display, lineOffset: 0)
                }
                let empty = "the chart file is empty: it needs a Vega-Lite spec"
                // A `.json` file is read by a JSON parser (JSON's `\u` escapes are not YAML's).
                source.spec.figures[index].chart = relative.lowercased().hasSuffix(".json")
                    ? try JSONDocumentDecoder.decode(ChartSpec.self, text: normalized, path: display, what: "the chart file",
                                                     whenEmpty: empty, checks: checks)
                    : try YAMLDocumentDecoder.decode(ChartSpec.self, text: normalized, path: display, lineOffset: 0,
                                                     what: "the chart file", whenEmpty: empty, checks: checks)
            } catch {
                throw .report(error)
            }
            files[figure.id] = (file.path, normalized)
        }
        return (source, files)
    }
}
