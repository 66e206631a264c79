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

    /// A prose edit's build that fails after staging its outputs (and storing its `document`
    /// entry, whose new blobs are links to the staged files): the staging is discarded, the
    /// folder keeps the previous set, every file the manifest lists has the SHA-256 it lists, no
    /// temporary is left, the linked blobs still hold their bytes, and the next build is right.
    @Test func aBuildThatFailsAfterStagingLeavesTheFolderAndItsManifest() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        let before = try project.build(into: "out", cache: true)
        let out = project.root.appendingPathComponent("out")
        try project.edit("report.md", replacing: "Closing paragraph 40.", with: "Closing paragraph forty.")
        let options = BuildOptions(reportDirectory: project.report, outputDirectory: out,
                                   fontDirectory: AnscombeProject.repository.appendingPathComponent("fonts"), cache: project.cache)
        let builder = try ReportBuilder(options: options)
        let staging = OutputStaging(directory: out)
        builder.staging = staging
        let products = try builder.build()
        #expect(!OutputRecovery.leftovers(in: out).isEmpty, "the build staged its changed outputs")
        staging.discard()
        #expect(OutputRecovery.leftovers(in: out).isEmpty)
        #expect(try AnscombeProject.files(in: out) == before, "the folder keeps the previous set")
        let manifestBytes = try #require(before["manifest.json"])
        let manifest = try #require(Manifest.parse(bytes: manifestBytes))
        #expect(Set(manifest.outputs.map(\.path)) == Set(before.keys).subtracting(["manifest.json"]))
        for entry in manifest.outputs {
            #expect(before[entry.path].map(SHA256.hex) == entry.sha256, "\(entry.path) as the manifest lists it")
        }
        let blobs = OutputBlobs(cache: project.cache)
        for path in ["anscombe.html", "anscombe.pdf"] {
            let bytes = try #require(products.files[path])
            #expect(blobs.read(SHA256.hex(bytes)) == bytes, "the blob of \(path) outlives its staged file")
        }
        #expect(try project.build(into: "out", cache: true) == (try project.build(into: "reference", cache: false)))
    }
}
