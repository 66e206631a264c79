import ArgumentParser
import DossierBuild
import Foundation

/// `dossier plan`: writes the make rules for a report (used by the Makefile).
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Write make rules for a report: one target per figure and one for the document.",
        discussion: """
            Used by the Makefile: it writes <state>/figure-<id>.key files (rewritten only when the figure's declaration or the analyses it reads change) and prints rules that rebuild each chart only when its key, data or the binary changed.

            Example:
              dossier plan reports/china-lac-local --state .build/make/china-lac-local > rules.mk
            """)

    @Argument(help: "The report folder.")
    var reportDirectory: String

    @Option(name: .long, help: "Folder for keys, depfiles and stamps.")
    var state: String

    @Option(name: .long, help: "How the rules name the dossier binary.")
    var binary = "$(DOSSIER)"

    @Option(name: .long, help: "Write the rules to this file (only when they changed) instead of standard output.")
    var output: String?

    func run() throws {
        let rules = try withBuildErrors { () throws(BuildError) in
            try BuildPlan.write(reportDirectory: reportDirectory, state: state, binary: binary)
        }
        if let output {
            let url = URL(fileURLWithPath: output)
            try OutputWriter.write([url.lastPathComponent: Array(rules.utf8)], to: url.deletingLastPathComponent())
        } else {
            print(rules, terminator: "")
        }
    }
}
