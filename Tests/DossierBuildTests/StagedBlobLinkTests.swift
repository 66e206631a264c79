@testable import DossierBuild
import Foundation
import Testing

/// The blobs of outputs a build staged are second names of the staged files (hard links:
/// OutputBlobs.store(_:linking:), OutputStaging.stagedFile(_:holding:)): a prose edit does not
/// write its HTML, PDF and page twice. An output changed in place afterwards changes its blob
/// too, which is then found damaged by its hash: the next build still restores the folder, as
/// it does a deleted output, and every build is the bytes of a build without a cache.
@Suite struct StagedBlobLinkTests {
    @Test func aProseEditsBlobsAreItsStagedOutputs() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        _ = try project.build(into: "out", cache: true)
        try project.edit("report.md", replacing: "Closing paragraph 40.", with: "Closing paragraph forty.")
        let files = try project.build(into: "out", cache: true)
        let reference = try project.build(into: "reference", cache: false)
        #expect(files == reference)
        let out = project.root.appendingPathComponent("out").path + "/"
        let blobs = OutputBlobs(cache: project.cache)
        let document = ["anscombe.html", "anscombe.pdf"] + files.keys.filter { $0.hasPrefix("pages/") }.sorted()
        var linked: [String] = []
        for path in document {
            let bytes = try #require(files[path])
            let output = try #require(FileStamp.of(out + path)), blob = try #require(FileStamp.of(blobs.path(SHA256.hex(bytes))))
            if output.inode == blob.inode && output.device == blob.device { linked.append(path) }
        }
        // The HTML and the PDF change with every prose edit; so does the page of the edited paragraph.
        #expect(linked.contains("anscombe.html") && linked.contains("anscombe.pdf"), "linked: \(linked)")
        #expect(linked.count >= 3, "linked: \(linked)")

        // Changed in place (the blob with it) and deleted outputs are restored.
        let html = out + "anscombe.html"
        let descriptor = open(html, O_WRONLY)
        #expect(descriptor >= 0)
        #expect(pwrite(descriptor, "<!-- changed -->", 16, 0) == 16)
        close(descriptor)
        let page = try #require(linked.first { $0.hasPrefix("pages/") })
        unlink(out + page)
        #expect(try project.build(into: "out", cache: true) == reference)
        #expect(try project.build(into: "fresh", cache: true) == reference, "a build from the cache into a new folder")
    }
}
