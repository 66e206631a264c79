import DossierBase
import DossierCharts
import DossierData
import DossierReport
import DossierVegaLite
import Foundation

/// The data files a figure's layers name by `url` (Vega-Lite `data: {url: …}`): read relative to
/// the report, confined to the project, parsed by their format, typed like a dataset's
/// inferred schema.
extension FigureCompiler {
    /// The largest data file a chart reads by `url`, in bytes (256 MiB).
    static let dataFileLimit = 256 << 20

    /// The table in `relative` (a CSV, TSV or JSON records file, or a TopoJSON object's
    /// features read as rows under the data key `key`) and the file's path.
    func loadDataFile(_ relative: String, format: DataFileFormat, topology: TopoJSONSelection? = nil, key: String = "",
                      at location: SourceLocation) throws -> (ChartData, String) {
        let url = options.resolve(relative)
        let file = try options.confine(relative, what: "data file", at: location)
        let bytes: [UInt8]
        do {
            bytes = try file.readAll(limit: Self.dataFileLimit)
        } catch {
            throw ReportError("data file: \(error.message(for: relative))", at: location)
        }
        let display = DisplayPath.relative(url)
        do {
            switch format {
            case .json:
                let records = try DataFileRecords.json(bytes, displayPath: display)
                return (InlineTable(records: records.map { $0.map { ($0.0, Self.recordValue($0.1)) } }).chartData, url.path)
            case .topojson:
                break
            case .csv, .tsv:
                let table = try DataFileRecords.delimited(bytes, delimiter: UInt8(ascii: format == .tsv ? "\t" : ","), displayPath: display)
                return (ChartDataConversion.chartData(ResultTable(table)), url.path)
            }
        } catch {
            throw BuildError.data(error)
        }
        guard let topology else { throw ReportError("data file \(relative): a topojson format needs `feature` or `mesh`", at: location) }
        do {
            let features = try TopoJSON.features(from: Data(bytes), selection: topology)
            return (ChartData(featureRows: features, key: key), url.path)
        } catch {
            throw ReportError("data file \(relative): \(error)", at: location)
        }
    }

    private static func recordValue(_ scalar: RecordScalar) -> RecordValue {
        switch scalar {
        case .null: return .null
        case .bool(let flag): return .boolean(flag)
        case .number(let number): return .number(number)
        case .string(let text): return .text(text)
        }
    }
}
