import ArgumentParser
import DossierBuild
import Foundation

/// `dossier check`: rebuilds into a temporary folder and compares with the committed outputs.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check that a report's committed outputs are exactly what its inputs produce.",
        discussion: """
            Rebuilds into a temporary folder and compares byte for byte with <report>/out. Exit status 0 when identical; 1 when a file differs, naming each stale file and the inputs that changed since its manifest.json, or when an interrupted build left its commit journal or temporary files (the next build cleans them up). Files in the output folder that Dossier did not write (not listed in manifest.json) are not compared.

            Example:
              dossier check reports/china-lac-local
            """)

    @OptionGroup var report: ReportOptions

    func run() throws {
        let options = try report.buildOptions()
        let differences = try withBuildErrors { () throws(BuildError) in
            try ReportCheck.run(options, waiting: waitingMessage(report.defaultOutputFolder))
        }
        if differences.isEmpty {
            print("\(report.reportDirectory): outputs are current")
            return
        }
        let out = report.defaultOutputFolder
        for difference in differences {
            printError("\(out)/\(difference.path): \(difference.kind.rawValue): \(difference.reason)")
        }
        printError("\(differences.count) file(s) differ; run `make` and commit \(report.reportDirectory)/out")
        throw ExitCode(1)
    }
}
