@testable import DossierBuild
import Foundation
import Testing

/// Outputs staged while the build still renders (``OutputStaging``): only under the output
/// folder's lock, never changing a byte of the set, and removed by a build that fails after
/// staging them, which leaves the previous outputs as they were.
@Suite struct EarlyStagingTests: OutputFolderFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The options of a build of reports/anscombe into `out`.
    private func options(_ out: URL, twoThreads: Bool = true) -> BuildOptions {
        BuildOptions(reportDirectory: Self.repository.appendingPathComponent("reports/anscombe"), outputDirectory: out,
                     fontDirectory: Self.repository.appendingPathComponent("fonts"), twoThreads: twoThreads)
    }

    /// A previous set in which every output differs from what the build makes (so each is
    /// staged), with a file Dossier did not write.
    private func previousSet() throws -> [String: [UInt8]] {
        let committed = try contents(of: Self.repository.appendingPathComponent("reports/anscombe/out"))
        var previous = committed.mapValues { $0 + Array("old".utf8) }
        previous["charts/mine.txt"] = Array("mine".utf8)
        return previous
    }

    /// Counts outputs staged early and lets a waiting thread go on after the first.
    final class FirstStaged: @unchecked Sendable {
        let semaphore = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var total = 0
        func staged() {
            if lock.withLock({ total += 1; return total == 1 }) { semaphore.signal() }
        }
        var count: Int { lock.withLock { total } }
    }

    struct PlantedFailure: Error {}

    @Test("a build failing after early staging leaves the previous outputs and no temporary", arguments: [true, false])
    func aFailedBuildAfterEarlyStagingLeavesThePreviousOutputs(folderExisted: Bool) throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        let previous = folderExisted ? try previousSet() : [:]
        try write(previous, to: out)
        let staging = OutputStaging(directory: out)
        let first = FirstStaged()
        staging.afterOutput = { _ in first.staged() }
        var temporariesBeforeFailing: [String] = []
        #expect(throws: BuildError.self) {
            try ReportBuild.run(options(out), staging: staging) { builder in
                builder.beforePDF = {
                    // The second thread stages what it rendered (no timing: it signals).
                    first.semaphore.wait()
                    staging.stageAll()
                    temporariesBeforeFailing = OutputRecovery.temporaries(in: out)
                    throw PlantedFailure()
                }
            }
        }
        #expect(!temporariesBeforeFailing.isEmpty, "outputs were staged before the PDF failed")
        try expectPreviousOutputsKept(in: out, previous: previous, folderExisted: folderExisted)
        // The next build completes, with no error from what the failed one left (not tried
        // when the failed build kept its temporaries: it would still hold the folder's lock).
        try #require(OutputRecovery.leftovers(in: out).isEmpty)
        let summary = try ReportBuild.run(options(out))
        #expect(!summary.written.isEmpty)
    }

    @Test("early staging, its order and the threads do not change a byte; unchanged files are not rewritten")
    func stagingDoesNotChangeBytes() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        var sets: [[String: [UInt8]]] = []
        for (index, (early, twoThreads)) in [(true, true), (false, true), (true, false), (false, false)].enumerated() {
            let out = root.appendingPathComponent("out\(index)")
            try write(try previousSet(), to: out)
            let staging = OutputStaging(directory: out, enabled: early)
            let first = FirstStaged()
            staging.afterOutput = { _ in first.staged() }
            let summary = try ReportBuild.run(options(out, twoThreads: twoThreads), staging: staging)
            #expect(summary.written.count == summary.produced.count)
            #expect(first.count > 0 || !early, "outputs were staged early")
            sets.append(try contents(of: out))
            #expect(OutputRecovery.leftovers(in: out).isEmpty)
        }
        #expect(sets.allSatisfy { $0 == sets[0] })
        let committed = try contents(of: Self.repository.appendingPathComponent("reports/anscombe/out"))
        #expect(sets[0].filter { $0.key != "charts/mine.txt" } == committed)
        // A second build finds every output identical (early or at the commit) and rewrites none.
        let out = root.appendingPathComponent("out0")
        let times = try modificationTimes(out)
        let again = try ReportBuild.run(options(out))
        #expect(again.written.isEmpty)
        #expect(try modificationTimes(out) == times)
    }

    private func modificationTimes(_ directory: URL) throws -> [String: Date] {
        var times: [String: Date] = [:]
        for path in try contents(of: directory).keys {
            times[path] = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(path).path)[.modificationDate] as? Date
        }
        return times
    }

    @Test("nothing is staged while another process holds the lock; the lock is held from the first staged file")
    func theLockIsHeldBeforeTheFirstStagedFile() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let stale = ".r.pdf.tmp-99999999"
        try write(["r.pdf": [1], "pages/page-01.svg": [2], stale: [3]], to: out)
        let files: [String: [UInt8]] = ["r.pdf": [4], "pages/page-01.svg": [2], "charts/a.svg": [5]]

        // Held as another build's would be: nothing staged, nothing created, nothing recovered.
        let other = open(out.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        #expect(other >= 0 && flock(other, LOCK_EX | LOCK_NB) == 0)
        let blocked = OutputStaging(directory: out)
        blocked.offer(files)
        blocked.stageAll()
        #expect(blocked.handled.isEmpty)
        #expect(try contents(of: out) == ["r.pdf": [1], "pages/page-01.svg": [2], stale: [3]])
        close(other)

        // Free: at every output staged, another holder is refused, and the stale temporary
        // was recovered before the first.
        let staging = OutputStaging(directory: out)
        let checks = LockChecks(folder: out, stale: out.appendingPathComponent(stale).path)
        staging.afterOutput = { _ in checks.check() }
        staging.offer(files)
        staging.stageAll()
        #expect(staging.handled == files.keys.sorted())
        #expect(checks.results == [true, true, true])
        #expect(OutputRecovery.temporaries(in: out).count == 2, "r.pdf and charts/a.svg staged; the page is identical")
        // The commit takes over the staged files and completes the set.
        var commit = OutputCommit(directory: out, files: files, removals: [])
        commit.prestaged = staging.handOver()
        #expect(try commit.run() == ["charts/a.svg", "r.pdf"])
        staging.discard()
        #expect(try contents(of: out) == files)
    }

    /// Whether, when called, another open file description of the folder is refused its lock
    /// and the stale temporary is gone.
    final class LockChecks: @unchecked Sendable {
        let folder: URL
        let stale: String
        private let lock = NSLock()
        private var found: [Bool] = []

        init(folder: URL, stale: String) {
            self.folder = folder
            self.stale = stale
        }

        func check() {
            let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            defer { close(descriptor) }
            let refused = flock(descriptor, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK
            let recovered = !FileManager.default.fileExists(atPath: stale)
            lock.withLock { found.append(refused && recovered) }
        }

        var results: [Bool] { lock.withLock { found } }
    }

    @Test("the commit stages again what was staged with other bytes, and removes what the set no longer has")
    func staleStagingIsReplaced() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        try write(["r.pdf": [1]], to: out)
        let staging = OutputStaging(directory: out)
        staging.offer(["r.pdf": [7, 7], "charts/gone.svg": [8]])
        staging.stageAll()
        #expect(OutputRecovery.temporaries(in: out).count == 2)
        var commit = OutputCommit(directory: out, files: ["r.pdf": [9]], removals: [])
        commit.prestaged = staging.handOver()
        #expect(try commit.run() == ["r.pdf"])
        #expect(try contents(of: out) == ["r.pdf": [9]])
        #expect(OutputRecovery.leftovers(in: out).isEmpty)
    }
}
