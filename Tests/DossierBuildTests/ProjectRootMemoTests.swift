@testable import DossierBuild
import DossierBase
import DossierReport
import Foundation
import Testing

/// A build finds its project root once (``ProjectRootMemo``), and every path it confines is
/// still resolved when named: a symlink swapped in after the root was found is refused.
@Suite struct ProjectRootMemoTests {
    /// `top/project` (a `.dossier-project` marker) with `reports/r/report.md`, `data/x.csv`,
    /// and `top/outside/x.csv` and `top/outside/report.md` beside it.
    private func layout() throws -> (top: URL, project: URL, report: URL) {
        let manager = FileManager.default
        let top = manager.temporaryDirectory.appendingPathComponent("dossier-root-memo-\(UUID().uuidString)")
        let project = top.appendingPathComponent("project")
        let report = project.appendingPathComponent("reports/r")
        for folder in [report, project.appendingPathComponent("data"), top.appendingPathComponent("outside")] {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try Data().write(to: project.appendingPathComponent(ProjectRoot.markerFileName))
        for file in [report.appendingPathComponent("report.md"), top.appendingPathComponent("outside/report.md")] {
            try Data("---\ntitle: T\n---\n".utf8).write(to: file)
        }
        for file in [project.appendingPathComponent("data/x.csv"), top.appendingPathComponent("outside/x.csv")] {
            try Data("a\n1\n".utf8).write(to: file)
        }
        return (top, project, report)
    }

    private let at = DossierReport.SourceLocation(file: "report.md", line: 1, column: 1)

    /// Whether `body` is refused as a report error (a path leading outside the project), not
    /// accepted and not missing.
    private func refused(_ body: () throws(BuildError) -> ConfinedPath) -> Bool {
        do {
            _ = try body()
            return false
        } catch {
            if case .report = error { return true }
            return false
        }
    }

    @Test func theRootIsFoundOnceForTheReportFolder() throws {
        let (top, project, report) = try layout()
        defer { try? FileManager.default.removeItem(at: top) }
        let options = BuildOptions(reportDirectory: report, fontDirectory: top)
        let canonicalProject = project.resolvingSymlinksInPath().path
        #expect(options.projectRoot?.path == canonicalProject)
        // A nearer marker made afterwards: these options (and their copies) keep the root they
        // found; new options find the nearer one.
        try Data().write(to: report.appendingPathComponent(ProjectRoot.markerFileName))
        let copy = options
        #expect(options.projectRoot?.path == canonicalProject)
        #expect(copy.projectRoot?.path == canonicalProject)
        #expect(BuildOptions(reportDirectory: report, fontDirectory: top).projectRoot?.path == report.resolvingSymlinksInPath().path)
        // Other options of a report folder that does not exist have no root.
        #expect(BuildOptions(reportDirectory: top.appendingPathComponent("missing"), fontDirectory: top).projectRoot == nil)
    }

    @Test func aSymlinkSwappedInAfterAConfinedPathIsRefused() throws {
        let (top, project, report) = try layout()
        defer { try? FileManager.default.removeItem(at: top) }
        let manager = FileManager.default
        let options = BuildOptions(reportDirectory: report, fontDirectory: top)
        let inside = try options.confine("../../data/x.csv", what: "data package", at: at)
        #expect(inside.path == project.resolvingSymlinksInPath().appendingPathComponent("data/x.csv").path)
        #expect(try options.confinedReport().path.hasSuffix("/project/reports/r/report.md"))
        // The data folder becomes a link to a folder outside the project.
        try manager.moveItem(at: project.appendingPathComponent("data"), to: project.appendingPathComponent("data-was"))
        try manager.createSymbolicLink(at: project.appendingPathComponent("data"), withDestinationURL: top.appendingPathComponent("outside"))
        #expect(refused { () throws(BuildError) in try options.confine("../../data/x.csv", what: "data package", at: at) })
        // So does the report folder itself: its report.md now resolves outside.
        try manager.moveItem(at: report, to: project.appendingPathComponent("reports/r-was"))
        try manager.createSymbolicLink(at: report, withDestinationURL: top.appendingPathComponent("outside"))
        #expect(refused { () throws(BuildError) in try options.confinedReport() })
        #expect(refused { () throws(BuildError) in try options.confine("x.csv", what: "data package", at: at) })
    }
}
