import Foundation
import Testing

/// A repository could ship `out` as a symbolic link to a folder of the user's: the default
/// output folder must be a real folder inside the project, or the build writes nothing.
@Suite struct OutputFolderLinkTests {
    @Test func aLinkedOutFolderIsRefusedAndNothingIsWrittenThere() throws {
        let report = try MiniReport("out-link")
        defer { report.remove() }
        let elsewhere = report.root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: report.out.path, withDestinationPath: elsewhere.path)
        let result = try report.dossier("build")
        #expect(result.status == 65)
        #expect(result.stderr.contains("is not a folder (a symbolic link or a file)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }

    @Test func anOutFolderNamedOnTheCommandLineIsTheUsersChoice() throws {
        let report = try MiniReport("out-explicit")
        defer { report.remove() }
        let elsewhere = report.root.appendingPathComponent("elsewhere")
        let result = try report.dossier("build", ["--out", elsewhere.path])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("manifest.json").path))
    }
}
