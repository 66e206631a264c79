@testable import DossierBuild
import Foundation
import Testing

/// The shaping pack (Cache/ShapingPack.swift): a prose edit shapes with HarfBuzz only the
/// edited paragraph's text, every build is the bytes of a build without a cache, and a pack
/// that is damaged or does not parse is ignored and written again.
@Suite struct ShapingPackTests {
    @Test func aProseEditShapesOnlyTheEditedParagraph() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        let cold = try project.documentBuild(layoutRecords: false)
        let recorded = try #require(cold.shapingStatistics).recorded
        #expect(recorded > 40, "every item of the document is recorded")
        #expect(FileManager.default.fileExists(atPath: project.packPath("shaping")))

        try project.edit("report.md", replacing: "Closing paragraph 40.", with: "Closing paragraph forty.")
        let edited = try #require(try project.documentBuild(layoutRecords: false).shapingStatistics)
        #expect(edited.loaded == recorded)
        #expect(edited.hits > 40, "the unchanged text is answered from the pack")
        #expect(edited.misses >= 1 && edited.misses < edited.hits / 4, "the edited paragraph's items are shaped: \(edited.misses)")
        #expect(edited.recorded == edited.misses)
        #expect(try project.build(into: "warm", cache: true, layoutRecords: false) == (try project.build(into: "reference", cache: false)))
    }

    @Test func buildsWithThePackAreTheBytesOfBuildsWithoutACache() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        #expect(try project.build(into: "cold", cache: true, layoutRecords: false) == (try project.build(into: "cold-reference", cache: false)))
        let long = "Closing paragraph seven, now long enough to take a second line of its own."
        #expect(try project.cachedBuildsMatch(after: [
            ("Closing paragraph 7.", long), ("Closing paragraph 12.", "Closing paragraph Querétaro — 1.31×."), (long, "Closing paragraph 7."),
        ], layoutRecords: false) == [true, true, true])
    }

    /// A pack with a byte changed (its SHA-256 no longer matches) or whose payload is not a
    /// saved store (a well-formed entry of other bytes) is ignored: every item is shaped by
    /// HarfBuzz, the outputs are the same bytes, and a whole pack is written again.
    @Test func aDamagedOrForeignPackIsIgnoredAndWrittenAgain() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        _ = try project.documentBuild(layoutRecords: false)
        let path = project.packPath("shaping")
        var damaged = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        damaged[damaged.count / 2] ^= 0x20
        let foreign = BuildCache.entry(Array("DSHAPE2\nnot a saved store".utf8))
        for (index, bytes) in [damaged, foreign].enumerated() {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            try project.edit("report.md", replacing: "Closing paragraph \(20 + index).", with: "Closing paragraph \(30 + index) bis.")
            let statistics = try #require(try project.documentBuild(layoutRecords: false).shapingStatistics)
            #expect(statistics.loaded == 0 && statistics.recorded > 40)
            let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(BuildCache.payload(of: written) != nil, "a whole pack is written again")
            #expect(try project.build(into: "warm", cache: true, layoutRecords: false) == (try project.build(into: "reference", cache: false)))
        }
    }
}
