import ArgumentParser
import DossierDocument
import Foundation

/// `dossier check`: rebuilds into a temporary folder and compares with the committed outputs.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check that a report's committed outputs are exactly what its inputs produce.",
        discussion: """
            Rebuilds into a temporary folder and compares byte for byte with <report>/out. Exit status 0 when identical; 1 when a file differs, naming each stale file and the inputs that changed since its manifest.json.

            Example:
              dossier check reports/china-lac-local
            """)

    @OptionGroup var report: ReportOptions

    func run() throws {
        let options = try report.buildOptions()
        let differences = try withBuildErrors { () throws(BuildError) in try ReportCheck.run(options) }
        if differences.isEmpty {
            print("\(report.reportDirectory): outputs are current")
            return
        }
        let out = (report.reportDirectory.hasSuffix("/") ? String(report.reportDirectory.dropLast()) : report.reportDirectory) + "/out"
        for difference in differences {
            printError("\(out)/\(difference.path): stale: \(difference.reason)")
        }
        printError("\(differences.count) file(s) differ; run `make` and commit \(report.reportDirectory)/out")
        throw ExitCode(1)
    }
}
