@testable import CairoKit
@testable import DossierBuild
import DossierBase
import Foundation
import Testing

/// The layout pack (Cache/LayoutPack.swift, CairoKit's LayoutRecords): a prose edit lays out
/// with Pango only the edited paragraph, with no fallback to Pango for the others; every build
/// is the bytes of a build without a cache; a record is used only for the same text, font,
/// width and font files; a damaged pack, or one holding a record that does not fit together,
/// is ignored whole; a record with a wrong line is found by the verifying mode.
@Suite struct LayoutPackTests {
    @Test func aProseEditLaysOutOnlyTheEditedParagraph() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        let cold = try #require(try project.documentBuild().layoutStatistics)
        #expect(cold.recorded == 0 && cold.laidOut > 40, "every layout is laid out and recorded: \(cold.laidOut)")
        #expect(FileManager.default.fileExists(atPath: project.packPath("layouts")))

        try project.edit("report.md", replacing: "Closing paragraph 40.", with: "Closing paragraph forty.")
        let edited = try #require(try project.documentBuild().layoutStatistics)
        #expect(edited.loaded >= cold.laidOut - 5, "the records are read back: \(edited.loaded)")
        #expect(edited.recorded > 40, "the unchanged text is answered from the pack")
        #expect(edited.laidOut >= 1 && edited.laidOut <= 2, "the edited paragraph is laid out: \(edited.laidOut)")
        #expect(edited.fallbacks == 0, "nothing asks a recorded layout for Pango")
        #expect(try project.build(into: "warm", cache: true) == (try project.build(into: "reference", cache: false)))
    }

    @Test func buildsWithThePackAreTheBytesOfBuildsWithoutACache() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        #expect(try project.build(into: "cold", cache: true) == (try project.build(into: "cold-reference", cache: false)))
        let long = "Closing paragraph seven, now long enough to take a second line of its own."
        #expect(try project.cachedBuildsMatch(after: [
            ("Closing paragraph 7.", long), ("Closing paragraph 12.", "Closing paragraph Querétaro — 1.31×, *in italics* and **bold**."),
            (long, "Closing paragraph 7."),
        ]) == [true, true, true])
    }

    /// Every record a warm build uses, laid out again by Pango, is the same to the bit.
    @Test func verifyingFindsNoDifference() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        _ = try project.documentBuild()
        try project.edit("report.md", replacing: "Closing paragraph 3.", with: "Closing paragraph three.")
        let statistics = try #require(try project.documentBuild(verifying: true).layoutStatistics)
        #expect(statistics.recorded > 40)
        #expect(statistics.differences == 0)
    }

    /// A pack with a byte changed (its SHA-256 no longer matches), a payload that is not a saved
    /// pack, or a well-formed pack one of whose records has lines that do not fit together (a
    /// line start missing) is ignored whole: every text is laid out by Pango, the outputs are
    /// the same bytes, and a whole pack is written again.
    @Test func aDamagedForeignOrInconsistentPackIsIgnoredWhole() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        _ = try project.documentBuild()
        let path = project.packPath("layouts")
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        var damaged = written
        damaged[damaged.count / 2] ^= 0x20
        let foreign = BuildCache.entry(Array("DLR2\nnot a saved pack".utf8))
        var entries = try project.savedLayoutRecords()
        #expect(entries.count > 40)
        let index = try #require(entries.firstIndex { $0.1.lines.count > 1 })
        entries[index].1.lineStarts.removeLast()
        let inconsistent = try project.layoutPack(entries)
        for (index, bytes) in [damaged, foreign, inconsistent].enumerated() {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            try project.edit("report.md", replacing: "Closing paragraph \(20 + index).", with: "Closing paragraph \(30 + index) bis.")
            let statistics = try #require(try project.documentBuild().layoutStatistics)
            #expect(statistics.loaded == 0 && statistics.recorded == 0 && statistics.laidOut > 40, "pack \(index)")
            let again = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(BuildCache.payload(of: again) != nil, "a whole pack is written again")
            #expect(try project.build(into: "warm", cache: true) == (try project.build(into: "reference", cache: false)))
        }
    }

    /// A well-formed record with a wrong line (its top moved by a point) is found when the
    /// records are verified.
    @Test func aRecordWithAWrongLineIsFoundByVerifying() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        _ = try project.documentBuild()
        var entries = try project.savedLayoutRecords()
        let index = try #require(entries.firstIndex { $0.1.lines.count > 1 })
        entries[index].1.lines[1].top += 1
        try Data(try project.layoutPack(entries)).write(to: URL(fileURLWithPath: project.packPath("layouts")))
        try project.edit("report.md", replacing: "Closing paragraph 5.", with: "Closing paragraph five.")
        let statistics = try #require(try project.documentBuild(verifying: true).layoutStatistics)
        #expect(statistics.recorded > 40)
        #expect(statistics.differences == 1)
    }

    /// Records are keyed by the wrap width and read only for the same font files: a text
    /// recorded at one width is laid out by Pango at another (with Pango's lines), and records
    /// saved for other fonts are not read.
    @Test func aRecordIsUsedOnlyForItsWidthAndFonts() throws {
        let records = LayoutRecords(fonts: "fonts A")
        let typesetter = try AnscombeProject.typesetter(recording: records)
        let text = "A paragraph long enough to be broken into several lines at either of the two widths tried here."
        let font = Font(family: "Noto Sans", size: 10)
        _ = try TextLayout(text, font: font, typesetter: typesetter, width: 200)
        let saved = try #require(records.saved(carriedLimit: 1 << 20))

        let again = LayoutRecords(fonts: "fonts A")
        #expect(again.load(saved))
        typesetter.layoutRecords = again
        let sameWidth = try TextLayout(text, font: font, typesetter: typesetter, width: 200)
        #expect(again.statistics.recorded == 1)
        let otherWidth = try TextLayout(text, font: font, typesetter: typesetter, width: 120)
        #expect(again.statistics.recorded == 1, "another width is not answered by the record")
        typesetter.layoutRecords = nil
        let pango = try TextLayout(text, font: font, typesetter: typesetter, width: 120)
        #expect(otherWidth.lines == pango.lines)
        #expect(sameWidth.lines == (try TextLayout(text, font: font, typesetter: typesetter, width: 200)).lines)

        let otherFonts = LayoutRecords(fonts: "fonts B")
        #expect(!otherFonts.load(saved))
        typesetter.layoutRecords = otherFonts
        _ = try TextLayout(text, font: font, typesetter: typesetter, width: 200)
        #expect(otherFonts.statistics.recorded == 0, "records of other font files are not read")
        typesetter.layoutRecords = nil
    }

    /// The font files' identity changes with any font file's content.
    @Test func theFontIdentityFollowsTheFontFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("layout-fonts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("A.ttf").path
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: file))
        let first = LayoutPack.fontIdentity([file], digests: InputDigests())
        try Data([1, 2, 4]).write(to: URL(fileURLWithPath: file))
        let second = LayoutPack.fontIdentity([file], digests: InputDigests())
        #expect(first != nil && second != nil && first != second)
    }
}
