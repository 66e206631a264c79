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

    /// `count` pages of `size` bytes each, different from any other test's.
    private func largeFiles(_ count: Int, size: Int) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for page in 1...count {
            files[String(format: "pages/page-%03d.svg", page)] = Array("page \(page) \(UUID())".utf8) + [UInt8](repeating: 32, count: size)
        }
        return files
    }

    @Test func theManifestsSecondThreadMarksItsHashing() throws {
        let lines = Lines()
        let trace = BuildTrace(enabled: true, write: lines.add)
        // 768 KB to hash: worth the second thread (``Manifest/secondThreadBytes``).
        let manifest = Manifest.make(inputs: [], fontFiles: [], outputs: largeFiles(12, size: 64 << 10),
                                     reportDirectory: URL(fileURLWithPath: "/tmp"), helperDone: trace.marker("manifest: files hashed"))
        #expect(manifest.outputs.count == 12)
        #expect(lines.all.count == 1)
        #expect(lines.all.first?.hasSuffix("[second] manifest: files hashed") == true)
    }

    @Test func theManifestHashesLittleOnTheCallingThread() throws {
        let lines = Lines()
        let trace = BuildTrace(enabled: true, write: lines.add)
        // A few small outputs: no second thread is started for them.
        let small = Manifest.make(inputs: [], fontFiles: [], outputs: files(12), reportDirectory: URL(fileURLWithPath: "/tmp"),
                                  helperDone: trace.marker("manifest: files hashed"))
        #expect(small.outputs.count == 12)
        // Large outputs whose digests are known already (hashed while staged, say): none either.
        // (Registered as a build: another test's build that ends meanwhile keeps them known.)
        OutputDigests.shared.beginBuild()
        defer { OutputDigests.shared.endBuild() }
        let large = largeFiles(12, size: 64 << 10)
        for bytes in large.values { _ = OutputDigests.shared.hex(bytes) }
        let known = Manifest.make(inputs: [], fontFiles: [], outputs: large, reportDirectory: URL(fileURLWithPath: "/tmp"),
                                  helperDone: trace.marker("manifest: files hashed"))
        #expect(lines.all.isEmpty)
        // The same digests as hashed on two threads.
        #expect(known == Manifest.make(inputs: [], fontFiles: [], outputs: large, hashedOutputs: [:],
                                       reportDirectory: URL(fileURLWithPath: "/tmp"), twoThreads: false))
        #expect(Manifest.worthASecondThread(inputs: [], outputs: largeFiles(12, size: 64 << 10), hashedOutputs: [:], inputDigests: nil))
        #expect(Manifest.worthASecondThread(inputs: (1...8).map { "/missing/\($0)" }, outputs: [:], hashedOutputs: [:], inputDigests: nil))
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
