import ArgumentParser
import DossierBuild
import Foundation

/// `dossier stats`: computes and prints the analyses a report declares.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Compute and print every analysis a report declares, and every claim's verdict.",
        discussion: """
            Prints each analysis with its n, estimates, intervals and p-values, then each claim with its verdict (holds or DOES NOT HOLD) and the values its condition read, as text or (--json) as the same JSON that `build` writes to out/stats.json. A claim that does not hold is listed, not an error.

            Example:
              dossier stats reports/china-lac-local --json
            """)

    @OptionGroup var report: ReportOptions

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() throws {
        let options = try report.buildOptions()
        let text = try withBuildErrors { () throws(BuildError) in
            let builder = try ReportBuilder(options: options)
            return try builder.statistics(json: json)
        }
        print(text, terminator: "")
    }
}
