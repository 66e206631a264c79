@testable import DossierBuild
import Foundation
import Testing

/// Cached chart elements read straight into the HTML's bytes (Cache/OpenedCacheEntry.swift,
/// `CachedChartElement`): once the digest memo knows an element's entry, a prose edit opens it
/// and reads it when the HTML is joined, giving the bytes of a build without a cache; an entry
/// changed in place after it was opened fails its read.
@Suite struct DeferredChartElementTests {
    @Test func aProseEditReadsTheKnownElementIntoTheHTML() throws {
        let project = try AnscombeProject()
        defer { project.remove() }
        _ = try project.build(into: "out", cache: true)
        var deferred: [Int] = []
        let edits = [("Only set I\nlooks like", "Only the first set\nlooks like"), ("Only the first set\nlooks like", "Only set one\nlooks like"),
                     ("Only set one\nlooks like", "Only set 1\nlooks like")]
        // Each edit a text no build saw (the first build's would find its `document` entry).
        for (index, (old, new)) in edits.enumerated() {
            // The memo trusts only files older than its bound: a second apart, each build's
            // entries are trusted by the next.
            Thread.sleep(forTimeInterval: 1.1)
            try project.edit("report.md", replacing: old, with: new)
            let built = try PrintedExpressionCacheTests.documentBuild(project)
            deferred.append(built.builder?.htmlBlocks.deferredElements ?? -1)
            let reference = try SideOutputCacheTests.reference(project, into: "reference-\(index)")
            #expect(built.files["anscombe.html"] == reference["anscombe.html"])
        }
        #expect(deferred.last == 1, "the figure's element was read into the HTML (\(deferred))")
    }

    @Test func anEntryChangedAfterItWasOpenedFailsItsRead() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("opened-\(UUID().uuidString)").path
        defer { unlink(path) }
        for changed in [false, true] {
            try Data(Array("headerPAYLOAD-BYTES".utf8)).write(to: URL(fileURLWithPath: path))
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            var status = stat()
            #expect(fstat(descriptor, &status) == 0)
            let entry = OpenedCacheEntry(descriptor: descriptor, offset: 6, count: 13, stamp: FileStamp(status))
            if changed {
                Thread.sleep(forTimeInterval: 0.02)
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                try handle.seek(toOffset: 6)
                try handle.write(contentsOf: Data("X".utf8))
                try handle.close()
            }
            var buffer = [UInt8](repeating: 0, count: 13)
            let read = buffer.withUnsafeMutableBytes { entry.read(into: $0) }
            #expect(read == !changed)
            if !changed { #expect(buffer == Array("PAYLOAD-BYTES".utf8)) }
            var short = [UInt8](repeating: 0, count: 12)
            #expect(!short.withUnsafeMutableBytes { entry.read(into: $0) }, "a buffer of another size is refused")
        }
    }
}
