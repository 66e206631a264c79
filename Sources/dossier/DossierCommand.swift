import ArgumentParser

/// The `dossier` command line: a thin layer that parses arguments, calls the libraries and
/// maps errors to exit codes (0 ok, 1 check found differences, 64 usage, 65 bad data or
/// report, 66 missing input, 70 internal error).
@main
struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Build reproducible data briefings from CSV datasets.",
        discussion: """
            A report is a folder with a report.md (YAML front matter declaring data, analyses, figures and tables, then a CommonMark body with {{ expressions }}).

            Examples:
              dossier build reports/china-lac-local
              dossier check reports/china-lac-local
              dossier stats reports/china-lac-local --json
              dossier validate datasets/datapackage.json
            """,
        version: "0.1.0",
        subcommands: [BuildCommand.self, CheckCommand.self, StatsCommand.self, ValidateCommand.self, PlanCommand.self, InitCommand.self])
}
