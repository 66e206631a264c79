@testable import DossierBuild
@testable import DossierReport
import Foundation
import Testing

/// Write-side safety: id rule, confined paths, the all-or-nothing switch of an output folder
/// (interrupted at every step), recovery and the lock.
@Suite struct OutputSafetyTests: OutputFolderFixture {
    @Test func idRuleAcceptsSlugsOnly() {
        for id in ["quartet", "ties-vs-rai", "fit_III_without_3", "a", "9lives", String(repeating: "x", count: 64)] {
            #expect(OutputName.isValidID(id), "\(id)")
        }
        for id in ["", "../x", "a/b", ".hidden", "-option", "_x", "a b", "a.b", "é", "a$b", "a\nb",
                   String(repeating: "x", count: 65), "../../../../tmp/x/ESCAPED"] {
            #expect(!OutputName.isValidID(id), "\(id)")
        }
    }

    @Test func figureAndTableIDsAreCheckedWhereTheyAreWritten() throws {
        let text = """
            ---
            title: T
            date: "2026-01-01"
            data: d.json
            figures:
              - id: ok
                chart: {mark: bar, data: x}
              - id: ../../x/ESCAPED
                chart: {mark: bar, data: x}
            ---
            """
        #expect {
            try ReportSource(text: text, path: "r.md")
        } throws: { error in
            let description = (error as? ReportError)?.description ?? ""
            return description.hasPrefix("r.md:8:9: error: in figures[1].id: a figure id becomes a file name")
                && description.contains("found \"../../x/ESCAPED\"")
        }
        let table = "---\ntitle: T\ndate: \"2026-01-01\"\ndata: d.json\ntables:\n  - {id: \"a/b\", from: x, columns: [{field: f}]}\n---\n"
        #expect {
            try ReportSource(text: table, path: "r.md")
        } throws: { error in
            ((error as? ReportError)?.description ?? "").hasPrefix("r.md:6:10: error: in tables[0].id: a table id becomes a file name")
        }
    }

    @Test func relativePathsStayInside() {
        for path in ["a.pdf", "charts/x.svg", "pages/page-01.svg"] { #expect(RelativePath.isConfined(path)) }
        for path in ["", "/etc/passwd", "../x", "charts/../../x", "charts//x", "./x", "charts/", "a\u{0}b"] {
            #expect(!RelativePath.isConfined(path), "\(path)")
        }
        #expect(OutputName.isOutputPath("report.pdf") && OutputName.isOutputPath("charts/a.png") && OutputName.isOutputPath("pages/page-01.svg"))
        for path in ["report.md", "charts/a.txt", "charts/sub/a.svg", "data/x.csv", "../out/x.pdf", ".dossier-commit", "charts/.a.svg", "README"] {
            #expect(!OutputName.isOutputPath(path), "\(path)")
        }
    }

    @Test func writerRefusesPathsLeavingItsFolder() throws {
        let directory = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: directory) }
        for path in ["../escaped.txt", "/tmp/absolute.txt", "a/../../b.txt"] {
            #expect(throws: (any Error).self) { try OutputWriter.write([path: [1]], to: directory.appendingPathComponent("inner")) }
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("escaped.txt").path))
    }

    /// The old set, the new set (changes, an addition, removals), and a file Dossier did not write.
    private let oldSet: [String: [UInt8]] = [
        "r.pdf": Array("old pdf".utf8), "stats.json": Array("{}".utf8),
        "charts/a.svg": Array("old a".utf8), "charts/b.svg": Array("b".utf8),
        "pages/page-01.svg": Array("p1".utf8), "pages/page-02.svg": Array("p2".utf8),
        "manifest.json": Array("old manifest".utf8),
    ]
    private let newSet: [String: [UInt8]] = [
        "r.pdf": Array("new pdf".utf8), "stats.json": Array("{}".utf8),
        "charts/a.svg": Array("new a".utf8), "charts/c.svg": Array("c".utf8),
        "pages/page-01.svg": Array("new p1".utf8),
        "manifest.json": Array("new manifest".utf8),
    ]
    private let userFiles: [String: [UInt8]] = ["charts/mine.txt": Array("mine".utf8), "README": Array("notes".utf8)]

    /// Stops the commit as a crash would: nothing after the throwing step runs.
    struct Interrupted: Error {}

    @Test func anInterruptionAtEveryStepLeavesTheOldOrTheNewSet() throws {
        let directory = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let removals = ["charts/b.svg", "pages/page-02.svg"]
        var step = 0
        var interruptions = 0
        while true {
            try? FileManager.default.removeItem(at: directory)
            try write(oldSet.merging(userFiles) { a, _ in a }, to: directory)
            let stopAt = step
            var commit = OutputCommit(directory: directory, files: newSet, removals: removals)
            commit.afterStep = { if $0 == stopAt { throw Interrupted() } }
            do {
                _ = try commit.run()
                break // the commit has fewer steps than `step`
            } catch is Interrupted {
                interruptions += 1
            }
            let journal = FileManager.default.fileExists(atPath: directory.appendingPathComponent(CommitJournal.fileName).path)
            #expect(journal == (2..<10).contains(step), "the journal exists from step 2 until the last step (step \(step))")
            try OutputRecovery.recover(in: directory)
            let expected = (step < 2 ? oldSet : newSet).merging(userFiles) { a, _ in a }
            #expect(try contents(of: directory) == expected, "after recovering from an interruption after step \(step)")
            #expect(OutputRecovery.leftovers(in: directory).isEmpty)
            // The next build completes the new set.
            _ = try OutputCommit(directory: directory, files: newSet, removals: removals).run()
            #expect(try contents(of: directory) == newSet.merging(userFiles) { a, _ in a })
            step += 1
            #expect(step < 100)
        }
        // Staged, journal, 5 renames, 2 removals, journal removed; plus step 0.
        #expect(interruptions == 1 + 2 + 5 + 2 + 1)
        #expect(try contents(of: directory) == newSet.merging(userFiles) { a, _ in a })
    }

    @Test func recoveryWithoutJournalRemovesOnlyTemporaries() throws {
        let directory = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: directory) }
        try write(oldSet.merging(["charts/.a.svg.tmp-123": [1], ".r.pdf.tmp-9": [2], ".hidden-user-file": [3]]) { a, _ in a },
                  to: directory)
        #expect(OutputRecovery.leftovers(in: directory) == [".r.pdf.tmp-9", "charts/.a.svg.tmp-123"])
        try OutputRecovery.recover(in: directory)
        #expect(try contents(of: directory) == oldSet.merging([".hidden-user-file": [3]]) { a, _ in a })
    }

    @Test func aJournalNamingOtherFilesIsRefused() throws {
        let directory = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: directory) }
        try write(["victim.txt": [1]], to: directory.appendingPathComponent("outside"))
        let out = directory.appendingPathComponent("out")
        let hostile = CommitJournal(renames: [], removals: ["../outside/victim.txt"])
        try write([CommitJournal.fileName: try hostile.encoded()], to: out)
        #expect(throws: OutputRefusal.self) { try OutputRecovery.recover(in: out) }
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("outside/victim.txt").path))
    }

    @Test func aLinkedChartsFolderIsNeitherWrittenNorEmptied() throws {
        let directory = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: directory) }
        try write(["a.svg": [1]], to: directory.appendingPathComponent("elsewhere"))
        let out = directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent("charts"),
                                                   withDestinationURL: directory.appendingPathComponent("elsewhere"))
        #expect(throws: OutputRefusal.self) {
            try OutputCommit(directory: out, files: ["charts/b.svg": [2]], removals: []).run()
        }
        #expect(throws: OutputRefusal.self) {
            try OutputCommit(directory: out, files: ["r.pdf": [2]], removals: ["charts/a.svg"]).run()
        }
        #expect(try contents(of: directory.appendingPathComponent("elsewhere")) == ["a.svg": [1]])
    }

    @Test func theLockMakesASecondHolderWait() throws {
        let directory = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try OutputLock.acquire(directory, exclusive: true, waiting: nil)
        // Another open file description of the same folder conflicts, as another process's would.
        let descriptor = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK)
        first.release()
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
    }
}
