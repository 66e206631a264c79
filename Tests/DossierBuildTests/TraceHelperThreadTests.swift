@testable import DossierBuild
import Foundation
import Testing

/// The build trace names the CPU of the threads that used to be counted as "not in a marked
/// phase": the second thread of the output comparison, of the staging and of the manifest's
/// hashing mark their phases, and the pool threads (the CSV loader's chunk workers) get a
/// line of their own before the remainder.
@Suite struct TraceHelperThreadTests: OutputFolderFixture {
    /// Lines a trace wrote, collected instead of going to standard error.
    private final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func add(_ line: String) { lock.withLock { text += line } }
        var all: [String] { lock.withLock { text.split(separator: "\n").map(String.init) } }
    }

    private func files(_ count: Int) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for page in 1...count { files[String(format: "pages/page-%03d.svg", page)] = Array("page \(page)".utf8) }
        return files
    }

    @Test func theCommitsSecondThreadMarksComparingAndStaging() throws {
        let directory = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = Lines()
        var commit = OutputCommit(directory: directory, files: files(40), removals: [])
        commit.trace = BuildTrace(enabled: true, write: lines.add)
        let written = try commit.run()
        #expect(written.count == 40)
        let marks = lines.all
        #expect(marks.count == 2)
        #expect(marks.contains { $0.hasSuffix("[second] outputs compared with the folder's") })
        #expect(marks.contains { $0.hasSuffix("[second] outputs staged under temporary names") })
    }

    @Test func oneThreadMarksNothingExtra() throws {
        let directory = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = Lines()
        var commit = OutputCommit(directory: directory, files: files(10), removals: [])
        commit.twoThreads = false
        commit.trace = BuildTrace(enabled: true, write: lines.add)
        _ = try commit.run()
        #expect(lines.all.isEmpty)
    }

    @Test func theManifestsSecondThreadMarksItsHashing() throws {
        let lines = Lines()
        let trace = BuildTrace(enabled: true, write: lines.add)
        let manifest = Manifest.make(inputs: [], fontFiles: [], outputs: files(12), reportDirectory: URL(fileURLWithPath: "/tmp"),
                                     helperDone: trace.marker("manifest: files hashed"))
        #expect(manifest.outputs.count == 12)
        #expect(lines.all.count == 1)
        #expect(lines.all.first?.hasSuffix("[second] manifest: files hashed") == true)
    }

    @Test func theLastLinesArePoolThreadsThenTheRest() {
        let lines = Lines()
        let trace = BuildTrace(enabled: true, write: lines.add)
        trace.mark("a phase")
        trace.markUnmarked()
        let all = lines.all
        #expect(all.count == 3)
        #expect(all[1].hasSuffix("[pool] pool threads (the CSV loader's chunk workers)"))
        #expect(all[2].hasSuffix("[process] not in a marked phase (unmarked threads, start-up)"))
    }

    @Test func aDisabledTraceWritesNothing() throws {
        let lines = Lines()
        let trace = BuildTrace(enabled: false, write: lines.add)
        trace.mark("a phase")
        trace.markUnmarked()
        #expect(lines.all.isEmpty)
    }
}
