import ArgumentParser
import DossierBase
import DossierReport
import Foundation

/// `dossier new`: scaffolds a briefing project that builds with the installed Dossier.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a briefing project: datasets/, reports/<name>/report.md, a Makefile, CI examples.",
        discussion: """
            Writes <dir>/datasets/datapackage.json (a Table Schema whose field types are guessed
            from the CSV's values, as `dossier init` guesses them — check them), a copy of the
            CSV in <dir>/datasets/, <dir>/reports/<name>/report.md (it builds as it is),
            a Makefile that includes the dossier.mk installed with Dossier (one target per
            figure, then the PDF; `make check`; a second `make` does nothing), a .gitignore,
            a .dossier-project marker (reports read only files inside the project), and CI
            examples (.github/workflows/briefing.yml, .gitlab-ci.yml) that install the Debian
            package and run `make check`. Without --from it uses a small example dataset.

            It never overwrites anything: if any of those files exists it writes nothing and
            exits with status 64 (choose another folder). A missing --from file exits 66, a CSV
            it cannot read exits 65 with the diagnostics `dossier validate` prints.

            Examples:
              dossier new ~/briefings/rainfall --from ~/Downloads/rainfall.csv
              cd ~/briefings/rainfall && make && make check
            """)

    @Argument(help: "The project folder to create (it may exist, if it holds none of the files written).")
    var directory: String

    @Option(name: .long, help: "The report's folder name under reports/ (default: from the CSV's file name, else example).")
    var report: String?

    @OptionGroup var scaffold: ScaffoldOptions

    func validate() throws {
        if directory.isEmpty { throw ValidationError("the project folder must not be empty") }
        if let report, !OutputName.isValidID(report) {
            throw ValidationError("--report must be a folder name of letters, digits, '-' and '_', found \(InputExcerpt.quoted(report))")
        }
    }

    func run() throws {
        do {
            let project = try ProjectScaffold(directory: URL(fileURLWithPath: directory), csv: scaffold.csv, reportName: report,
                                              title: scaffold.title, date: scaffold.reportDate)
            ScaffoldOptions.printSummary(written: try project.write(), schema: project.report.schema, nextSteps: project.nextSteps)
        } catch {
            printError(error.description)
            throw ExitCode(error.exitCode)
        }
    }
}
