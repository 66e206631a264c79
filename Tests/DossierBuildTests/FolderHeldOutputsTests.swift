@testable import DossierBuild
import Foundation
import Synchronization
import Testing

/// A cache hit's outputs that the output folder already holds (Cache/FolderHeldOutputs.swift):
/// known by the folder file's stamp in the digest memo, they are not read from the cache; a
/// folder file that changed (or is gone) is read from its blob and written, so the folder ends
/// with the build's bytes either way.
@Suite struct FolderHeldOutputsTests {
    static let second = FileDigestMemoTests.second

    /// Builds the project into `root/name` with its cache and returns the folder's files and
    /// the outputs the build left unread because the folder held them.
    static func build(_ project: AnscombeProject, into name: String) throws -> (files: [String: [UInt8]], held: Set<String>) {
        let out = project.root.appendingPathComponent(name)
        let options = BuildOptions(reportDirectory: project.report, outputDirectory: out,
                                   fontDirectory: AnscombeProject.repository.appendingPathComponent("fonts"), cache: project.cache)
        let held = Mutex<Set<String>>([])
        _ = try ReportBuild.run(options, hooks: ReportBuild.Hooks(keep: { remains in
            held.withLock { $0 = Set(remains.products.held.keys) }
        }))
        // The memo dated a minute on, as if the next build came later: its bound is then that
        // build's clock, so what this one recorded (and every file written before) is trusted.
        let memo = project.cache.directory.appendingPathComponent(FileDigestMemo.fileName).path
        let now = try #require(FileStamp.of(memo)).modified
        FileDigestMemoTests.setModified(memo, to: now + 60 * second)
        return (try AnscombeProject.files(in: out), held.withLock { $0 })
    }

    @Test func heldOutputsAreNotReadAndAChangedOneIsWrittenAgain() throws {
        let project = try AnscombeProject.lineOnly()
        defer { project.remove() }
        let reference = try project.build(into: "reference", cache: false)
        // The first build writes the folder; the second compares it (and records its files in
        // the memo); from the third on the whole-build entry's files are held, not read.
        #expect(try Self.build(project, into: "out").files == reference)
        #expect(try Self.build(project, into: "out").files == reference)
        let third = try Self.build(project, into: "out")
        #expect(third.files == reference)
        #expect(third.held.contains("anscombe.pdf"), "held: \(third.held.sorted())")
        #expect(third.held.count == reference.count - 1, "every output but the manifest is held")

        // A folder file edited in place (same size) or removed is not held: it is read from its
        // blob and written again.
        let out = project.root.appendingPathComponent("out")
        let pdf = out.appendingPathComponent("anscombe.pdf")
        let size = try #require(reference["anscombe.pdf"]).count
        try Data(repeating: 0x25, count: size).write(to: pdf)
        let page = try #require(reference.keys.first { $0.hasPrefix("pages/") })
        try FileManager.default.removeItem(at: out.appendingPathComponent(page))
        let repaired = try Self.build(project, into: "out")
        #expect(repaired.files == reference)
        #expect(!repaired.held.contains("anscombe.pdf"))
        #expect(!repaired.held.contains(page))

        // A document entry (no whole-build entry): its files are held the same way.
        try project.removeEntries("build")
        let fromDocument = try Self.build(project, into: "out")
        #expect(fromDocument.files == reference)
        // (The PDF and the page the last build wrote are compared now, not held: a writer does
        // not record its own files.)
        #expect(fromDocument.held.contains("anscombe.html"), "held: \(fromDocument.held.sorted())")
        #expect(!fromDocument.held.contains("anscombe.pdf"))
        // The chart files come from their `charts` entry, held too.
        let charts = Set(reference.keys.filter { $0.hasPrefix("charts/") })
        #expect(!charts.isEmpty && charts.isSubset(of: fromDocument.held), "held: \(fromDocument.held.sorted())")
        // The entries it stored name the held files too: the next whole-build hit has them all.
        let next = try Self.build(project, into: "out")
        #expect(next.files == reference)
        #expect(next.held.count == reference.count - 1)

        // A prose edit: the document is laid out again and its HTML takes each chart's SVG
        // from the blob the folder's copy was held by; the same bytes as a build without a cache.
        try project.edit("report.md", replacing: "looks like what its summary suggests.", with: "looks like what its summary says.")
        let edited = try project.build(into: "edited-reference", cache: false)
        let afterEdit = try Self.build(project, into: "out")
        #expect(afterEdit.files == edited)
        #expect(charts.isSubset(of: afterEdit.held))
    }

    /// A prose edit lays the document out again; the page SVGs whose scene did not change come
    /// from the page cache, and those the folder holds with those bytes are neither read nor
    /// written (CachedPages.held): only the edited page is written.
    @Test func aProseEditLeavesThePagesItDidNotChangeInTheFolder() throws {
        let project = try AnscombeProject.lineOnly()
        defer { project.remove() }
        // Paragraphs appended so that the body runs over more than one page; the edit changes
        // the last one, on the last page.
        let last = "one point at *x* = 19 alone determines the slope: without it, no line can be fitted at all."
        let filler = (1...60).map { "Paragraph \($0) of the filler, long enough to wrap over more than one line of the page's text column." }
        try project.edit("report.md", replacing: last, with: last + "\n\n" + filler.joined(separator: "\n\n") + "\n\nThe last words.")
        let reference = try project.build(into: "reference", cache: false)
        let pages = reference.keys.filter { $0.hasPrefix("pages/") }.sorted()
        #expect(pages.count >= 2, "pages: \(pages)")
        for _ in 0..<3 { #expect(try Self.build(project, into: "out").files == reference) }

        try project.edit("report.md", replacing: "The last words.", with: "The very last words.")
        let edited = try project.build(into: "edited-reference", cache: false)
        let afterEdit = try Self.build(project, into: "out")
        #expect(afterEdit.files == edited)
        let unchanged = Set(pages.filter { reference[$0] == edited[$0] })
        let changed = Set(pages).subtracting(unchanged)
        #expect(!unchanged.isEmpty && !changed.isEmpty, "unchanged \(unchanged.sorted()), changed \(changed.sorted())")
        #expect(unchanged.isSubset(of: afterEdit.held), "held: \(afterEdit.held.sorted())")
        #expect(changed.isDisjoint(with: afterEdit.held))
        // The document entry stored names the held pages too: a build of the same text from it
        // (no whole-build entry) has every file.
        try project.removeEntries("build")
        #expect(try Self.build(project, into: "out").files == edited)
        #expect(try project.build(into: "fresh", cache: true) == edited)
    }

    @Test func onlyAFileTheMemoKnowsWithThatDigestIsHeld() throws {
        let folder = try FileDigestMemoTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = "{\"a\": 1}\n"
        let (path, stamp) = try FileDigestMemoTests.oldFile(folder, "stats.json", text)
        let later = stamp.latest + 10 * Self.second
        let memo = FileDigestMemoTests.memo(in: folder, memoTime: later, clock: later)
        let held = FolderHeldOutputs(directory: URL(fileURLWithPath: folder), memo: memo)
        let hex = SHA256.hex(Array(text.utf8))
        #expect(!held.holds("stats.json", hex), "the memo does not know the file yet: not held (it is never read here)")
        memo.record(stamp, sha256: hex)
        #expect(held.holds("stats.json", hex))
        #expect(!held.holds("stats.json", SHA256.hex(Array("other".utf8))), "another digest")
        #expect(!held.holds("../stats.json", hex), "not an output path")
        // Written again, same size: another stamp.
        try FileDigestMemoTests.write("{\"a\": 2}\n", to: path)
        #expect(!held.holds("stats.json", hex))
    }

    @Test func confirmingReadsWhatChangedSinceAndFailsWithoutItsBlob() throws {
        let folder = try FileDigestMemoTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let cache = BuildCache(directory: URL(fileURLWithPath: folder + "/cache"), toolIdentity: "test")
        let blobs = OutputBlobs(cache: cache)
        let kept = Array("kept\n".utf8), edited = Array("edited\n".utf8)
        let keptHex = try #require(blobs.store(kept)), editedHex = try #require(blobs.store(edited))
        let (keptPath, keptStamp) = try FileDigestMemoTests.oldFile(out, "stats.json", "kept\n")
        let (editedPath, editedStamp) = try FileDigestMemoTests.oldFile(out, "anscombe.html", "edited\n")
        _ = keptPath
        let later = max(keptStamp.latest, editedStamp.latest) + 10 * Self.second
        let memo = FileDigestMemoTests.memo(in: folder, memoTime: later, clock: later)
        memo.record(keptStamp, sha256: keptHex)
        memo.record(editedStamp, sha256: editedHex)
        let held = FolderHeldOutputs(directory: URL(fileURLWithPath: out), memo: memo)
        let names = ["stats.json": keptHex, "anscombe.html": editedHex]
        #expect(names.allSatisfy { held.holds($0.key, $0.value) })
        // The HTML changes in the folder after the build looked: it is read from its blob.
        try FileDigestMemoTests.write("EDITED\n", to: editedPath)
        let confirmed = try held.confirm(names, blobs: blobs)
        #expect(confirmed.held == ["stats.json": keptHex])
        #expect(confirmed.read == ["anscombe.html": edited])
        // Without its blob, the build fails rather than write a set it does not have.
        unlink(blobs.path(editedHex))
        #expect(throws: BuildError.self) { try held.confirm(names, blobs: blobs) }
    }
}
