import ArgumentParser
import DossierBuild
import Foundation

/// Options shared by the commands that read a report.
struct ReportOptions: ParsableArguments {
    @Argument(help: "The report folder (holding report.md).")
    var reportDirectory: String

    @Option(name: .long, help: "Folder of pinned font files (default: the nearest fonts/ folder above the report, else the fonts installed with dossier, <prefix>/share/dossier/fonts).")
    var fonts: String?

    /// Build options for this report; exits 66 when the report folder or fonts are missing.
    func buildOptions(out: String? = nil, selection: BuildOptions.Selection = .everything) throws -> BuildOptions {
        // Read once: each `environment` call copies the whole environment into a dictionary.
        let environment = ProcessInfo.processInfo.environment
        let directory = URL(fileURLWithPath: reportDirectory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            printError("\(reportDirectory): error: no such report folder")
            throw ExitCode(66)
        }
        let fontDirectory: URL
        if let fonts {
            fontDirectory = URL(fileURLWithPath: fonts)
            guard BuildOptions.holdsFonts(fontDirectory) else {
                printError("\(fonts): error: no .ttf or .otf font files in this folder, expected the folder of pinned fonts (--fonts DIR)")
                throw ExitCode(66)
            }
        } else if let fonts = environment["DOSSIER_FONTS"] {
            fontDirectory = URL(fileURLWithPath: fonts)
        } else if let found = BuildOptions.findFontDirectory(from: directory.standardizedFileURL) ?? InstalledLayout.fontDirectory {
            fontDirectory = found
        } else {
            printError("\(reportDirectory): error: no fonts/ folder found above the report, and no fonts installed at "
                       + "\(InstalledLayout.expectedFontDirectory); pass --fonts DIR")
            throw ExitCode(66)
        }
        var epoch: Int?
        if let text = environment["SOURCE_DATE_EPOCH"], !text.isEmpty {
            guard let value = Int(text) else {
                printError("error: SOURCE_DATE_EPOCH must be a whole number of seconds, found \"\(text)\"")
                throw ExitCode(64)
            }
            epoch = value
        }
        return BuildOptions(reportDirectory: directory, outputDirectory: out.map { URL(fileURLWithPath: $0) },
                            fontDirectory: fontDirectory, selection: selection, sourceDateEpoch: epoch,
                            twoThreads: environment["DOSSIER_THREADS"] != "1",
                            trace: environment["DOSSIER_TRACE"].map { $0 != "" && $0 != "0" } ?? false)
    }
}

/// Prints a diagnostic line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Runs `body`, mapping a build error to its diagnostic and exit code.
func withBuildErrors<T>(_ body: () throws(BuildError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        printError(error.description)
        throw ExitCode(error.exitCode)
    }
}
