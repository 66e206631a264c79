import DossierData
import Foundation

/// `dossier validate`: a data package checked against its Table Schemas, described for the
/// command line (the CLI's door to DossierData).
public struct PackageValidation: Sendable {
    /// Problems, or the warnings of a valid package: one diagnostic per line, for standard error.
    public let diagnostics: [String]
    /// The one-line summary of a valid package, for standard output; nil when invalid.
    public let summary: String?
    /// 0 valid, 65 invalid data, 66 a file not found (the descriptor, a schema or a CSV).
    public let exitCode: Int32
    /// With `trace`: where the load's time went, one `trace: load …` line per phase of each
    /// CSV file (see DossierData's `LoadTrace`), for standard error; else empty.
    public let trace: [String]

    /// Validates the data package at `path`, listing at most `errorCap` problems; with `trace`,
    /// times the load's phases into ``trace``.
    public init(path: String, errorCap: Int, trace: Bool = false) {
        let loadTrace = LoadTrace()
        let url = URL(fileURLWithPath: path)
        let result = trace ? DataPackage.validate(at: url, errorCap: max(1, errorCap), trace: loadTrace)
                           : DataPackage.validate(at: url, errorCap: max(1, errorCap))
        if let failure = result.failure {
            // As `dossier build`: a missing file (descriptor, schema or CSV) is a missing input.
            self.init(diagnostics: [failure.description], summary: nil, exitCode: failure.isFileNotFound ? 66 : 65,
                      trace: loadTrace.lines)
        } else if let package = result.package {
            self.init(diagnostics: package.warnings.map(\.description),
                      summary: DiagnosticCatalogue.validSummary(path: path, resources: package.tables.count,
                                                                rows: package.rowCount, fields: package.fieldCount),
                      exitCode: 0, trace: loadTrace.lines)
        } else {
            self.init(diagnostics: [], summary: nil, exitCode: 65, trace: loadTrace.lines)
        }
    }

    private init(diagnostics: [String], summary: String?, exitCode: Int32, trace: [String]) {
        self.diagnostics = diagnostics
        self.trace = trace
        self.summary = summary
        self.exitCode = exitCode
    }
}
