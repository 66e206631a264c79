@testable import DossierBuild
import Foundation
import Testing

/// Temporaries created ahead of their outputs' bytes (``OutputStaging/reserve(_:)``,
/// ``OutputStaging/createAhead()``): made only under the folder's lock, only where the folder
/// holds no file at the output's path, written into by staging, and removed when no output was
/// staged into them, by the hand-over to the commit or by a failed build's discard.
@Suite struct TemporariesAheadTests: OutputFolderFixture {
    /// The temporary of `path` in `out`, with its bytes, or nil when it does not exist.
    private func temporary(_ path: String, in out: URL) -> [UInt8]? {
        FileManager.default.contents(atPath: out.appendingPathComponent(TemporaryName.forPath(path)).path).map { [UInt8]($0) }
    }

    @Test("reserved temporaries are created empty where the folder has no file, then written into by staging")
    func createdAheadThenStagedInto() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        try write(["pages/page-02.svg": [2], ".r.pdf.tmp-99999999": [3]], to: out)
        let staging = OutputStaging(directory: out)
        staging.reserve(["r.pdf", "pages/page-01.svg", "pages/page-02.svg", "pages/page-03.svg"])
        var steps = 0
        while staging.createAhead() { steps += 1 }
        #expect(steps == 4)
        #expect(staging.createdAhead == 3, "page-02 is in the folder: its temporary is left to staging")
        #expect(temporary("r.pdf", in: out) == [])
        #expect(temporary("pages/page-01.svg", in: out) == [])
        #expect(temporary("pages/page-02.svg", in: out) == nil)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(".r.pdf.tmp-99999999").path),
                "the folder was recovered before the first temporary was created")

        #expect(staging.stageNow("pages/page-01.svg", [1, 1]))
        #expect(staging.stageNow("pages/page-02.svg", [2]))
        #expect(!staging.stageNow("pages/page-01.svg", [1, 1]), "an output is staged once")
        #expect(temporary("pages/page-01.svg", in: out) == [1, 1])
        #expect(temporary("pages/page-02.svg", in: out) == nil, "identical to the folder's file: not staged")
        #expect(staging.createdAhead == 2)
        #expect(staging.statistics == .init(created: 3, writtenInto: 1), "page-01 was written into its temporary")
        #expect(staging.handled == ["pages/page-01.svg", "pages/page-02.svg"])

        // The commit takes what was staged; the temporaries nothing was staged into are removed.
        let files: [String: [UInt8]] = ["r.pdf": [4], "pages/page-01.svg": [1, 1], "pages/page-02.svg": [2]]
        var commit = OutputCommit(directory: out, files: files, removals: [])
        commit.prestaged = staging.handOver()
        #expect(staging.createdAhead == 0)
        #expect(try commit.run() == ["pages/page-01.svg", "r.pdf"])
        // As after a build: the commit done, nothing discarded.
        #expect(try contents(of: out) == files)
        #expect(OutputRecovery.leftovers(in: out).isEmpty)
        staging.discard()
    }

    @Test("a failed build's discard removes the temporaries created ahead and the folders made for them")
    func discardRemovesTemporariesCreatedAhead() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        let staging = OutputStaging(directory: out)
        staging.reserve(["pages/page-01.svg", "pages/page-02.svg", "charts/a.svg"])
        while staging.createAhead() {}
        #expect(staging.stageNow("pages/page-01.svg", [1]))
        #expect(OutputRecovery.temporaries(in: out).count == 3)
        staging.discard()
        #expect(OutputRecovery.leftovers(in: out).isEmpty)
        #expect(try contents(of: out).isEmpty)
        let left = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        #expect(left.isEmpty, "the folders made for the temporaries are removed: \(left)")
        #expect(!staging.createAhead(), "nothing is created after a discard")
        #expect(OutputRecovery.temporaries(in: out).isEmpty)
    }

    @Test("nothing is created ahead while another process holds the folder's lock")
    func nothingCreatedAheadWithoutTheLock() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let other = open(out.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { close(other) }
        #expect(other >= 0 && flock(other, LOCK_EX | LOCK_NB) == 0)
        let staging = OutputStaging(directory: out)
        staging.reserve(["pages/page-01.svg"])
        #expect(!staging.createAhead())
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    @Test("staging waits for a temporary another thread is creating, and each reserved path is created once")
    func concurrentCreationAndStaging() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let paths = (0..<200).map { CachedPages.path($0) }
        let staging = OutputStaging(directory: out)
        staging.reserve(paths)
        // Two creating threads and this one staging, all at once.
        let done = DispatchSemaphore(value: 0)
        let creators = (0..<2).map { _ in
            Thread {
                while staging.createAhead() {}
                done.signal()
            }
        }
        for creator in creators { creator.start() }
        for (index, path) in paths.enumerated() { #expect(staging.stageNow(path, Array("page \(index)".utf8))) }
        for _ in creators { done.wait() }
        // Every page staged with its own bytes; no temporary left unwritten once handed over.
        var files: [String: [UInt8]] = [:]
        for (index, path) in paths.enumerated() { files[path] = Array("page \(index)".utf8) }
        var commit = OutputCommit(directory: out, files: files, removals: [])
        commit.prestaged = staging.handOver()
        #expect(commit.prestaged.count == paths.count)
        #expect(commit.prestaged.values.allSatisfy { $0.staged })
        _ = try commit.run()
        staging.discard()
        #expect(try contents(of: out) == files)
        #expect(OutputRecovery.leftovers(in: out).isEmpty)
    }
}
