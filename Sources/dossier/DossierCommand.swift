import ArgumentParser

/// The `dossier` command line: a thin layer that parses arguments, calls the libraries and
/// maps errors to exit codes.
@main
struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Build reproducible data briefings from CSV datasets.",
        subcommands: [])
}
