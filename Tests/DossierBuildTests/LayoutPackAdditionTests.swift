@testable import CairoKit
@testable import DossierBuild
import DossierBase
import Foundation
import Testing

/// The layout pack's addition (Cache/LayoutPack.swift): a prose edit writes only the records the
/// pack's base does not hold, beside it, and leaves the base as it is; the next build reads both;
/// an addition made for another base, or damaged, is ignored; an addition that would grow past
/// its limit makes the build write the whole pack again and remove it. Every build is the bytes
/// of a build without a cache.
@Suite struct LayoutPackAdditionTests {
    static func contents(_ path: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The records of the project's layout pack addition.
    static func additionRecords(_ project: AnscombeProject) throws -> [(LayoutRecords.Key, LayoutRecord, ArraySlice<UInt8>)] {
        let path = project.packPath("layouts")
        let base = try #require(BuildCache.header(of: try contents(path)))
        let payload = try #require(BuildCache.payload(of: try contents(path + ".add")))
        let body = try #require(LayoutPack.additionBody(payload, base: base.digest))
        return try #require(LayoutRecordBytes.read(body, fonts: try AnscombeProject.layoutFonts()))
    }

    @Test func aProseEditWritesAnAdditionAndLeavesTheBase() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        _ = try project.documentBuild()
        let path = project.packPath("layouts"), additionPath = path + ".add"
        #expect(!FileManager.default.fileExists(atPath: additionPath), "a cold build writes the whole pack")
        let base = try Self.contents(path)
        let baseCount = try project.savedLayoutRecords().count
        let baseStamp = try #require(FileStamp.of(path))

        try project.edit("report.md", replacing: "Closing paragraph 40.", with: "Closing paragraph forty.")
        let first = try #require(try project.documentBuild().layoutStatistics)
        #expect(first.laidOut >= 1 && first.laidOut <= 2)
        #expect(try Self.contents(path) == base && FileStamp.of(path) == baseStamp, "the base is not written again")
        let firstAdded = try Self.additionRecords(project).count
        #expect(firstAdded >= 1 && firstAdded <= first.laidOut)

        try project.edit("report.md", replacing: "Closing paragraph 39.", with: "Closing paragraph thirty-nine.")
        let second = try #require(try project.documentBuild().layoutStatistics)
        #expect(second.loaded == baseCount + firstAdded, "the base's and the addition's records are read: \(second.loaded)")
        #expect(try Self.additionRecords(project).count > firstAdded, "the addition keeps its records and adds the new")
        #expect(try Self.contents(path) == base)

        // A third edit: the two paragraphs edited before come from the addition, only the third
        // is laid out.
        try project.edit("report.md", replacing: "Closing paragraph 38.", with: "Closing paragraph thirty-eight.")
        let third = try #require(try project.documentBuild().layoutStatistics)
        #expect(third.laidOut >= 1 && third.laidOut <= 2 && third.fallbacks == 0,
                "the addition's records answer the earlier edits: \(third.laidOut) laid out")
        #expect(try Self.contents(path) == base)
        #expect(try project.build(into: "warm", cache: true) == (try project.build(into: "reference", cache: false)))
    }

    /// An addition whose base was replaced (another build wrote a whole pack, or a crash came
    /// between the two) or whose bytes are damaged is not read: only the base's records are
    /// loaded, the outputs are the same bytes.
    @Test func anAdditionOfAnotherBaseOrDamagedIsIgnored() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        _ = try project.documentBuild()
        let path = project.packPath("layouts"), additionPath = path + ".add"
        try project.edit("report.md", replacing: "Closing paragraph 40.", with: "Closing paragraph forty.")
        _ = try project.documentBuild()
        let addition = try Self.contents(additionPath)
        let baseRecords = try project.savedLayoutRecords()

        // Another base: the same records but the first, so its payload (and SHA-256) differ.
        try Data(try project.layoutPack(Array(baseRecords.dropFirst()))).write(to: URL(fileURLWithPath: path))
        try project.edit("report.md", replacing: "Closing paragraph 38.", with: "Closing paragraph thirty-eight.")
        let other = try #require(try project.documentBuild().layoutStatistics)
        #expect(other.loaded == baseRecords.count - 1, "the addition of the other base is ignored: \(other.loaded)")
        #expect(try project.build(into: "warm", cache: true) == (try project.build(into: "reference", cache: false)))

        var damaged = try Self.contents(additionPath)
        #expect(damaged != addition)
        damaged[damaged.count / 2] ^= 0x20
        try Data(damaged).write(to: URL(fileURLWithPath: additionPath))
        let baseCount = try project.savedLayoutRecords().count
        try project.edit("report.md", replacing: "Closing paragraph 37.", with: "Closing paragraph thirty-seven.")
        let afterDamage = try #require(try project.documentBuild().layoutStatistics)
        #expect(afterDamage.loaded == baseCount, "a damaged addition is ignored: \(afterDamage.loaded)")
        #expect(try project.build(into: "warm", cache: true) == (try project.build(into: "reference", cache: false)))
    }

    /// Many new paragraphs at once pass the addition's limit: the whole pack is written (every
    /// record in it) and the addition removed.
    @Test func aLargeAdditionWritesTheWholePack() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        _ = try project.documentBuild()
        let path = project.packPath("layouts"), additionPath = path + ".add"
        let baseCount = try project.savedLayoutRecords().count
        try project.edit("report.md", replacing: "Closing paragraph 40.", with: "Closing paragraph forty.")
        _ = try project.documentBuild()
        let small = try Self.additionRecords(project).count
        #expect(small >= 1)
        for number in 1...39 {
            try project.edit("report.md", replacing: "Closing paragraph \(number). ",
                             with: "Closing paragraph \(number), rewritten at length so that its record is new, and long enough"
                                + " to pass the addition's limit when all of them are added at once. ")
        }
        _ = try project.documentBuild()
        #expect(!FileManager.default.fileExists(atPath: additionPath), "the addition is removed")
        #expect(try project.savedLayoutRecords().count >= baseCount + small + 39, "the whole pack holds every record")
        #expect(try project.build(into: "warm", cache: true) == (try project.build(into: "reference", cache: false)))
    }
}
