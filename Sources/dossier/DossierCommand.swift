import ArgumentParser
import Foundation

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
        subcommands: [BuildCommand.self, CheckCommand.self, StatsCommand.self, ValidateCommand.self, PlanCommand.self, InitCommand.self, NewCommand.self])

    @Flag(name: .customLong("print-mk-path"),
          help: "Print the path of dossier.mk (the make rules a project's Makefile includes) and exit.")
    var printMakeIncludePath = false

    @Flag(name: .customLong("print-fonts-path"), help: "Print the folder of the fonts installed with dossier and exit.")
    var printFontsPath = false

    /// The process's entry point: the time zone is pinned (``TimeZonePin``) before the
    /// arguments are parsed and any library is called. A `build` in the plain form make's rules
    /// use is read by ``BuildFastPath``, then runs and fails as it would have after ArgumentParser.
    static func main() {
        TimeZonePin.pin()
        if let build = BuildFastPath.command(Array(CommandLine.arguments.dropFirst()), variable: { getenv($0).map { String(cString: $0) } }) {
            do {
                try build.run()
            } catch {
                exit(withError: error)
            }
            return
        }
        main(nil)
    }

    func run() throws {
        guard printMakeIncludePath || printFontsPath else { throw CleanExit.helpRequest(self) }
        guard let shared = InstalledLayout.shared else {
            printError("error: no dossier.mk beside \(InstalledLayout.executable?.path ?? "the dossier binary"); "
                       + "expected <prefix>/share/dossier/dossier.mk (make install) or a Dossier repository's make/dossier.mk")
            throw ExitCode(66)
        }
        print(printMakeIncludePath ? shared.makeInclude.path : shared.fonts.path)
    }
}
