@testable import DossierBuild
import Foundation
import Testing

/// The flagship's outputs staged while it renders (``RenderSchedule``): each page SVG by the
/// thread that wrote it, the PDF and the side outputs by whichever thread is idle, into
/// temporaries the second thread created ahead once the document was laid out. Every output is
/// staged once; a page that fails after others were staged leaves the previous outputs as they
/// were and no temporary behind.
@Suite struct PageStagingTests: OutputFolderFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let committed = repository.appendingPathComponent("reports/china-lac-local/out")

    /// The options of a two-thread build of the flagship into `out`.
    private func options(_ out: URL) -> BuildOptions {
        BuildOptions(reportDirectory: Self.repository.appendingPathComponent("reports/china-lac-local"), outputDirectory: out,
                     fontDirectory: Self.repository.appendingPathComponent("fonts"), twoThreads: true)
    }

    /// What staging did, as its hooks saw it; lets a waiting thread go on after the first
    /// temporary created ahead, or after the first page staged.
    final class Record: @unchecked Sendable {
        let firstCreated = DispatchSemaphore(value: 0)
        let firstPage = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var staged: [String: Int] = [:]
        private var created = 0

        func stagedOutput(_ path: String) {
            let firstPage = lock.withLock {
                staged[path, default: 0] += 1
                return path.hasPrefix("pages/") && staged.keys.filter { $0.hasPrefix("pages/") }.count == 1 && staged[path] == 1
            }
            if firstPage { self.firstPage.signal() }
        }

        func createdAhead() {
            if lock.withLock({ created += 1; return created == 1 }) { firstCreated.signal() }
        }

        var counts: [String: Int] { lock.withLock { staged } }
        var createdCount: Int { lock.withLock { created } }
        var pagesStaged: Int { lock.withLock { staged.keys.filter { $0.hasPrefix("pages/") }.count } }
    }

    struct PlantedFailure: Error {}

    /// Waits for `semaphore`; false if it was not signalled in a minute (a hang guard for a
    /// broken schedule, not a timing: the build signals it long before).
    private static func waited(_ semaphore: DispatchSemaphore) -> Bool {
        semaphore.wait(timeout: .now() + 60) == .success
    }

    @Test("every output is staged once, before the commit, and every temporary created ahead is written into")
    func everyOutputIsStagedOnce() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        let staging = OutputStaging(directory: out)
        let record = Record()
        staging.afterOutput = { record.stagedOutput($0) }
        staging.afterCreatedAhead = { _ in record.createdAhead() }
        let gate = GateResult()
        let summary = try ReportBuild.run(options(out), staging: staging) { builder in
            // The PDF waits for the second thread's first temporary created ahead (it creates
            // them beside the pages it writes), so that some are, whatever the timing.
            builder.beforePDF = { gate.set(Self.waited(record.firstCreated)) }
        }
        #expect(gate.value, "a temporary was created ahead while the PDF waited")
        let counts = record.counts
        #expect(Set(counts.keys) == Set(summary.produced).subtracting(["manifest.json"]),
                "everything but the manifest is staged before the commit")
        #expect(counts.filter { $0.value != 1 }.isEmpty, "each output is staged once: \(counts.filter { $0.value != 1 })")
        #expect(counts.keys.filter { $0.hasPrefix("pages/") }.count == 19)
        #expect(record.createdCount > 0)
        #expect(staging.statistics.created == record.createdCount)
        #expect(staging.statistics.created == staging.statistics.writtenInto, "every temporary created ahead was written into")
        #expect(OutputRecovery.leftovers(in: out).isEmpty)
        #expect(try contents(of: out) == contents(of: Self.committed))
    }

    /// Whether the gate's wait succeeded, set on the build's thread.
    final class GateResult: @unchecked Sendable {
        private let lock = NSLock()
        private var result = false
        func set(_ value: Bool) { lock.withLock { result = value } }
        var value: Bool { lock.withLock { result } }
    }

    @Test("a page that fails after others were staged leaves the previous outputs and no temporary", arguments: [true, false])
    func aFailingPageLeavesThePreviousOutputs(folderExisted: Bool) throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        var previous: [String: [UInt8]] = [:]
        if folderExisted {
            // Every output differs from what the build makes (so each is staged), beside a file
            // Dossier did not write.
            previous = try contents(of: Self.committed).mapValues { $0 + Array("old".utf8) }
            previous["pages/mine.txt"] = Array("mine".utf8)
            try write(previous, to: out)
        }
        let staging = OutputStaging(directory: out)
        let record = Record()
        staging.afterOutput = { record.stagedOutput($0) }
        staging.afterCreatedAhead = { _ in record.createdAhead() }
        let gate = GateResult(), createdGate = GateResult()
        let failing = 9
        #expect(throws: BuildError.self) {
            try ReportBuild.run(options(out), staging: staging) { builder in
                // Into a new folder, the PDF waits for a temporary created ahead (the PDF's own,
                // the first reserved, then never written): the discard must remove it too.
                // (Into the old set, every output's file exists, so none is created ahead.)
                if !folderExisted { builder.beforePDF = { createdGate.set(Self.waited(record.firstCreated)) } }
                builder.beforePageSVG = { index in
                    guard index == failing else { return }
                    // Pages taken before this one are staged by the threads that wrote them.
                    gate.set(Self.waited(record.firstPage))
                    throw PlantedFailure()
                }
            }
        }
        #expect(gate.value && record.pagesStaged > 0, "pages were staged before the page failed")
        #expect(createdGate.value == !folderExisted && (record.createdCount > 0) == !folderExisted,
                "temporaries were created ahead (into a new folder only)")
        try expectPreviousOutputsKept(in: out, previous: previous, folderExisted: folderExisted)
        // The next build completes from what the failed one left.
        try #require(OutputRecovery.leftovers(in: out).isEmpty)
        let summary = try ReportBuild.run(options(out))
        #expect(!summary.written.isEmpty)
        var expected = try contents(of: Self.committed)
        if folderExisted { expected["pages/mine.txt"] = Array("mine".utf8) }
        #expect(try contents(of: out) == expected)
    }
}
