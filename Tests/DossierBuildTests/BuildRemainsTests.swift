@testable import DossierBuild
import Foundation
import Testing

/// What a build holds in memory when its outputs are committed (``ReportBuild/Remains``):
/// handed to ``ReportBuild/Hooks/keep`` after the commit (the command line keeps it until the
/// process exits), and freed by the build itself, on its thread, when no one keeps it.
@Suite struct BuildRemainsTests: OutputFolderFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func options(_ out: URL) -> BuildOptions {
        BuildOptions(reportDirectory: Self.repository.appendingPathComponent("reports/anscombe"), outputDirectory: out,
                     fontDirectory: Self.repository.appendingPathComponent("fonts"))
    }

    /// What the `keep` hook saw: the remains, and the manifest on disk when it was called.
    final class Kept: @unchecked Sendable {
        private let lock = NSLock()
        private var calls: [(ReportBuild.Remains, [UInt8]?)] = []
        func keep(_ remains: ReportBuild.Remains, manifest: [UInt8]?) { lock.withLock { calls.append((remains, manifest)) } }
        var all: [(ReportBuild.Remains, [UInt8]?)] { lock.withLock { calls } }
    }

    /// Holds a builder weakly.
    final class WeakBuilder: @unchecked Sendable {
        weak var builder: ReportBuilder?
    }

    /// Builds reports/anscombe into a fresh folder's `out` with `hooks` (made for that `out`),
    /// and returns the summary, with the builder held weakly; the folder is removed after.
    private func build(_ hooks: (URL) -> ReportBuild.Hooks) throws -> (ReportBuild.Summary, WeakBuilder) {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        let weak = WeakBuilder()
        let summary = try ReportBuild.run(options(out), hooks: hooks(out), staging: OutputStaging(directory: out)) { weak.builder = $0 }
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("manifest.json").path))
        return (summary, weak)
    }

    @Test("the keep hook receives the build's memory after the outputs are committed")
    func keptAfterTheCommit() throws {
        let kept = Kept()
        let (summary, weak) = try build { out in
            ReportBuild.Hooks(keep: { remains in
                kept.keep(remains, manifest: try? [UInt8](Data(contentsOf: out.appendingPathComponent("manifest.json"))))
            })
        }
        let calls = kept.all
        try #require(calls.count == 1)
        let (remains, manifest) = calls[0]
        #expect(manifest != nil && manifest == remains.outputs.files["manifest.json"], "the set is committed before")
        #expect(summary.produced == remains.outputs.files.keys.sorted())
        #expect(remains.builder === weak.builder && weak.builder != nil, "the builder lives as long as the remains")
        let document = try #require(remains.builder?.rendered)
        #expect(document.pageScenes.count == document.layout.pages.count && !document.pageScenes.isEmpty)
    }

    @Test("without the hook, the build frees what it held before it returns")
    func freedWithoutTheHook() throws {
        let (_, weak) = try build { _ in ReportBuild.Hooks() }
        #expect(weak.builder == nil)
    }
}
