import ArgumentParser

/// `dossier build` as make's rules call it (`build DIR --document-only --make-state S --cache C
/// --depfile D --dep-target T`), read without ArgumentParser's parse: `parseAsRoot` makes every
/// argument definition of the root command and of `build` by reflection, ~13 M instructions
/// (about 2 ms) in every make after an edit, the largest part of the command line's start
/// after the dynamic loader (bench/analysis.md, eleventh round, tailcell).
///
/// Only plain forms are read here: one report folder, `--name value` for `build`'s options
/// (each at most once; the value neither empty nor starting with `-`) and its two flags. The
/// command then checks itself (`validate()`) as ArgumentParser would have. Anything else
/// (help, `--name=value`, a short or unknown name, a repeated one, the hidden test option, a
/// check that fails) gives nil, and ArgumentParser parses the arguments, with its messages;
/// `DOSSIER_ARGUMENTS=parser` in the environment does that always (the tests compare both).
enum BuildFastPath {
    /// The options that take a value, and the flags.
    static let valueOptions: Set<String> = ["--fonts", "--out", "--figure", "--depfile", "--dep-target", "--make-state",
                                            "--cache", "--cache-limit"]
    static let flags: Set<String> = ["--document-only", "--no-cache"]

    /// The `build` command `arguments` (without the executable's path) ask for, or nil when they
    /// are not in the plain forms above or the environment (`variable`, a lookup such as
    /// `getenv`'s) asks for ArgumentParser.
    static func command(_ arguments: [String], variable: (String) -> String?) -> BuildCommand? {
        guard arguments.first == "build", variable("DOSSIER_ARGUMENTS") != "parser" else { return nil }
        var values: [String: String] = [:]
        var flagsGiven: Set<String> = []
        var folder: String?
        var index = 1
        while index < arguments.count {
            let token = arguments[index]
            if valueOptions.contains(token) {
                guard index + 1 < arguments.count, values[token] == nil else { return nil }
                let value = arguments[index + 1]
                guard !value.isEmpty, !value.hasPrefix("-") else { return nil }
                values[token] = value
                index += 2
            } else if flags.contains(token) {
                guard flagsGiven.insert(token).inserted else { return nil }
                index += 1
            } else {
                guard !token.isEmpty, !token.hasPrefix("-"), folder == nil else { return nil }
                folder = token
                index += 1
            }
        }
        guard let folder else { return nil }
        var report = ReportOptions()
        report.reportDirectory = folder
        report.fonts = values["--fonts"]
        // Every property is set: one ArgumentParser did not parse cannot be read.
        var command = BuildCommand()
        command.report = report
        command.out = values["--out"]
        command.figure = values["--figure"]
        command.documentOnly = flagsGiven.contains("--document-only")
        command.depfile = values["--depfile"]
        command.depTarget = values["--dep-target"]
        command.makeState = values["--make-state"]
        command.cache = values["--cache"]
        command.noCache = flagsGiven.contains("--no-cache")
        command.cacheLimit = values["--cache-limit"]
        command.faultAfterStep = nil
        do {
            try command.validate()
        } catch {
            return nil
        }
        return command
    }
}
