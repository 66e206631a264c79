@testable import DossierBuild
import DossierBase
import Foundation
import Testing

/// The document's page pack (Cache/PagePack.swift): a prose edit draws only the page it changed
/// and finds every other page in one file; it writes that page as an addition beside the pack's
/// base; a damaged, truncated or foreign pack, or a record that does not decode, is a miss and
/// the pages are drawn again; concurrent builds sharing the cache stay the bytes of a build
/// without one.
@Suite struct PagePackTests {
    static func contents(_ path: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func aProseEditDrawsOnlyItsPageAndAddsItBesideTheBase() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        let cold = try project.documentBuild()
        let pageCount = try #require(cold.rendered?.layout.pages.count)
        #expect(pageCount >= 3)
        let first = try #require(cold.pageStatistics)
        #expect(first.read == 0 && first.used == 0 && first.made == 2 * pageCount, "a cold build draws every page: \(first)")
        let path = project.pagePack().path
        #expect(!FileManager.default.fileExists(atPath: path + ".add"), "a cold build writes the whole pack")
        let base = try Self.contents(path)
        let baseStamp = try #require(FileStamp.of(path))

        try project.edit("report.md", replacing: "Closing paragraph 40.", with: "Closing paragraph forty.")
        let edited = try #require(try project.documentBuild().pageStatistics)
        #expect(edited.read == 2 * pageCount)
        #expect(edited.used == 2 * (pageCount - 1), "every other page's SVG and PDF content come from the pack: \(edited)")
        #expect(edited.made == 2, "the edited page alone is drawn (its SVG and its PDF content): \(edited)")
        #expect(try Self.contents(path) == base && FileStamp.of(path) == baseStamp, "the base is not written again")
        #expect(FileManager.default.fileExists(atPath: path + ".add"))

        // A second edit of another page: the first edit's page comes from the addition.
        try project.edit("report.md", replacing: "Closing paragraph 2.", with: "Closing paragraph two.")
        let second = try #require(try project.documentBuild().pageStatistics)
        #expect(second.read == 2 * pageCount + 2 && second.made == 2, "\(second)")
        try project.edit("report.md", replacing: "Closing paragraph two.", with: "Closing paragraph 2.")
        try project.removeEntries("document")
        try project.removeEntries("build")
        let undone = try #require(try project.documentBuild().pageStatistics)
        #expect(undone.made == 0 && undone.used == 2 * pageCount, "an undo finds every page: \(undone)")
        #expect(try project.build(into: "warm", cache: true) == (try project.build(into: "reference", cache: false)))
    }

    /// A pack truncated, with a byte flipped, whose payload does not parse, or of another format
    /// holds nothing: every page is drawn again (the bytes of a build without a cache) and a
    /// whole pack written.
    @Test func aDamagedPackIsAMissAndWrittenAgain() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        _ = try project.documentBuild()
        let path = project.pagePack().path
        let damages: [(String, ([UInt8]) -> [UInt8])] = [
            ("truncated", { Array($0.prefix($0.count / 2)) }),
            ("a byte flipped", { bytes in var copy = bytes; copy[bytes.count - 100] ^= 0x20; return copy }),
            ("a payload that does not parse", { _ in BuildCache.entry(Array("DPP1".utf8) + [1, 2, 3]) }),
            ("a payload with a byte too many", { bytes in BuildCache.entry((BuildCache.payload(of: bytes) ?? []) + [0]) }),
            ("another format", { _ in Array("not a cache entry".utf8) }),
            ("empty", { _ in [] }),
        ]
        var last = "Closing paragraph 40."
        for (number, (name, damage)) in damages.enumerated() {
            // An edit each time, so that the document is laid out again (not found whole).
            try project.edit("report.md", replacing: last, with: "Closing paragraph forty-\(number).")
            last = "Closing paragraph forty-\(number)."
            let reference = try project.build(into: "reference-\(number)", cache: false)
            try Data(damage(try Self.contents(path))).write(to: URL(fileURLWithPath: path))
            let builder = try project.documentBuild()
            let statistics = try #require(builder.pageStatistics)
            let pageCount = try #require(builder.rendered?.layout.pages.count)
            #expect(statistics.used == 0 && statistics.made == 2 * pageCount, "\(name): every page drawn again: \(statistics)")
            #expect(project.pagePack().keys(of: .svg).count == pageCount, "\(name): a whole pack written again")
            #expect(try project.build(into: "after-\(name)", cache: true) == reference, "\(name)")
        }
    }

    /// A record whose PDF content does not decode is a miss for its page alone; an addition of
    /// another base, or damaged, is ignored.
    @Test func aBadRecordOrAForeignAdditionIsIgnored() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        _ = try project.documentBuild()
        let pack = project.pagePack()
        let pageCount = pack.keys(of: .pdf).count
        for key in pack.keys(of: .pdf) { pack.add(.pdf, key: key, value: Array("dossier-pdf-page 1\n".utf8) + [1, 2, 3]) }
        #expect(pack.save())
        try project.edit("report.md", replacing: "Closing paragraph 40.", with: "Closing paragraph forty.")
        let edited = try #require(try project.documentBuild().pageStatistics)
        #expect(edited.made == pageCount + 1,
                "the pages whose PDF content does not decode are drawn again, and the edited page: \(edited)")
        #expect(try project.build(into: "bad-records", cache: false) == (try project.build(into: "bad-records-cached", cache: true)))

        // An addition naming another base: its planted SVG records are not read.
        let path = project.pagePack().path
        let blobs = OutputBlobs(cache: project.cache)
        let planted = try #require(blobs.store(Array("planted".utf8)))
        let foreign = PagePack(cache: project.cache, document: "another")
        for key in project.pagePack().keys(of: .svg) { foreign.add(svgBlob: planted, key: CacheKey(kind: "page", hex: key)) }
        #expect(foreign.save())
        try FileManager.default.removeItem(atPath: path + ".add")
        let payload = try #require(BuildCache.payload(of: try Self.contents(foreign.path)))
        let body = Array(payload.dropFirst(4))
        try Data(BuildCache.entry(Array("DPA1".utf8) + Array(String(repeating: "0", count: 64).utf8) + body))
            .write(to: URL(fileURLWithPath: path + ".add"))
        try project.edit("report.md", replacing: "Closing paragraph forty.", with: "Closing paragraph forty-one.")
        let built = try project.build(into: "foreign-addition", cache: true)
        #expect(built == (try project.build(into: "foreign-reference", cache: false)), "the foreign addition's planted pages are not used")
        // And a damaged addition.
        try Data("damaged".utf8).write(to: URL(fileURLWithPath: path + ".add"))
        try project.edit("report.md", replacing: "Closing paragraph forty-one.", with: "Closing paragraph forty-two.")
        #expect(try project.build(into: "damaged-addition", cache: true) == (try project.build(into: "damaged-reference", cache: false)))
    }

    /// Past its limit the addition is not written: the whole pack is, the records this build
    /// used first, and the addition removed.
    @Test func aLargeAdditionRewritesTheWholePack() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        _ = try project.documentBuild()
        let pack = project.pagePack()
        let path = pack.path
        let baseKeys = pack.keys(of: .svg)
        let big = [UInt8](repeating: 7, count: PagePack.additionLimit(base: 0) + 1)
        pack.add(.pdf, key: String(repeating: "a", count: 64), value: big)
        #expect(pack.save())
        #expect(!FileManager.default.fileExists(atPath: path + ".add"), "no addition past the limit")
        let reread = project.pagePack()
        #expect(reread.keys(of: .pdf).contains(String(repeating: "a", count: 64)), "the new record is in the whole pack")
        #expect(Set(reread.keys(of: .svg)) == Set(baseKeys), "the earlier records are carried")
        #expect(try project.build(into: "warm", cache: true) == (try project.build(into: "reference", cache: false)))
    }

    /// Builds sharing one cache at once, cold and after an edit, each the bytes of a build
    /// without a cache; eight writers of one pack at once leave a pack that reads whole.
    @Test func concurrentBuildsShareOnePack() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        for round in 0..<2 {
            if round == 1 { try project.edit("report.md", replacing: "Closing paragraph 40.", with: "Closing paragraph forty.") }
            let reference = try project.build(into: "reference-\(round)", cache: false)
            let outcomes = Outcomes()
            DispatchQueue.concurrentPerform(iterations: 3) { index in
                outcomes.append(Result { try project.build(into: "concurrent-\(round)-\(index)", cache: true) })
            }
            for outcome in outcomes.all { #expect(try outcome.get() == reference) }
            #expect(try project.build(into: "after-\(round)", cache: true) == reference)
        }
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            let pack = project.pagePack()
            pack.add(.svg, key: String(repeating: "\(index)", count: 64), value: Array("blob \(index)".utf8))
            pack.save()
        }
        let pack = project.pagePack()
        for key in pack.keys(of: .svg) where key.first?.isNumber == true && Set(key).count == 1 {
            #expect(pack.svgBlob(CacheKey(kind: "page", hex: key)) == "blob \(key.first.map(String.init) ?? "")")
        }
        #expect(!pack.keys(of: .pdf).isEmpty, "the pack holds the document's pages")
    }

    private final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [Result<[String: [UInt8]], any Error>] = []
        func append(_ result: Result<[String: [UInt8]], any Error>) { lock.withLock { results.append(result) } }
        var all: [Result<[String: [UInt8]], any Error>] { lock.withLock { results } }
    }
}
