import ArgumentParser
import DossierBuild
import Foundation

/// `dossier validate <datapackage.json>`: checks a Frictionless Data Package (CSV + Table Schema)
/// and reports every problem like a compiler.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a data package (datapackage.json + CSV files) against its Table Schemas.",
        discussion: """
            Reports every problem found (up to --max-errors) as
              path:line:column: error: <what> — found "<value>", expected <what>
            where column is the field number in the CSV row.

            Every file the descriptor names must lie inside the project root: the nearest
            folder at or above the descriptor's holding .git or .dossier-project.

            Exit status: 0 valid, 65 invalid data, 66 a file not found (the descriptor,
            a schema or a CSV), as `dossier build` gives.

            Example:
              dossier validate datasets/datapackage.json
            """)

    @Argument(help: "Path to datapackage.json.")
    var path: String

    @Option(name: .long, help: "Maximum number of errors to list.")
    var maxErrors: Int = 100

    func run() throws {
        let trace = ProcessInfo.processInfo.environment["DOSSIER_TRACE"].map { $0 != "" && $0 != "0" } ?? false
        let validation = PackageValidation(path: path, errorCap: maxErrors, trace: trace)
        for line in validation.trace {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        for line in validation.diagnostics {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        guard validation.exitCode == 0 else { throw ExitCode(validation.exitCode) }
        if let summary = validation.summary { print(summary) }
    }
}
