import ArgumentParser
import DossierBase
import DossierBuild
import DossierData
import Foundation

/// `dossier init`: scaffolds a new report folder that builds as it is.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new report folder: report.md, data/datapackage.json and a copy of your CSV.",
        discussion: """
            Writes <dir>/report.md (commented front matter with one analysis, one figure and
            one inline number; it builds as it is), <dir>/data/datapackage.json (a Table Schema
            whose field types are guessed from the CSV's values: integer, number, boolean,
            date, year or string — check them) and <dir>/data/<file>.csv (a copy). Without
            --from it writes a small example dataset instead.

            It never overwrites anything: if any of those files exists it writes nothing and
            exits with status 64 (choose another folder). A missing --from file exits 66, a
            CSV it cannot read (not UTF-8, ragged rows, duplicate header names) exits 65 with
            the diagnostics `dossier validate` prints. The CSV is read and its values parsed
            as validate does, so it always validates against the schema written.

            Put the folder under reports/ and `make` builds it with the other reports.

            Examples:
              dossier init reports/rainfall --from ~/Downloads/rainfall.csv
              dossier init reports/rainfall --from rainfall.csv --title "Rainfall in 2024"
              dossier init reports/try-it
            """)

    @Argument(help: "The report folder to create (e.g. reports/rainfall).")
    var directory: String

    @OptionGroup var scaffold: ScaffoldOptions

    func validate() throws {
        if directory.isEmpty { throw ValidationError("the report folder must not be empty") }
    }

    func run() throws {
        do {
            let report = try ReportScaffold(directory: URL(fileURLWithPath: directory), csv: scaffold.csv,
                                            title: scaffold.title, date: scaffold.reportDate)
            ScaffoldOptions.printSummary(written: try report.write(), schema: report.schema, nextSteps: report.nextSteps)
        } catch {
            printError(error.description)
            throw ExitCode(error.exitCode)
        }
    }
}
