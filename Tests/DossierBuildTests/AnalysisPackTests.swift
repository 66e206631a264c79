@testable import DossierBuild
@testable import DossierReport
import Foundation
import Testing

/// The analysis pack (``AnalysisPack``): the small analysis results of a cache in one file,
/// written once per build that stores something new; a damaged pack reads as empty; another
/// tool identity has its own pack; records a build did not use are carried over up to a limit.
@Suite struct AnalysisPackTests: OutputFolderFixture {

    @Test func namesAndPayloadsReadBackFromOneFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = BuildCache(directory: folder, toolIdentity: "test")
        let rows = cache.testKey("analysis-rows", "rows"), file = cache.testKey("analysis", "file")
        let other = cache.testKey("analysis", "other")
        let pack = AnalysisPack(cache: cache)
        #expect(pack.read(rows) == nil)
        pack.store(Array("a result".utf8), for: rows)
        #expect(pack.alias(rows, as: file))
        #expect(!pack.alias(other, as: file), "no record under a key the pack does not hold")
        pack.store(Array("another".utf8), for: other)
        #expect(!FileManager.default.fileExists(atPath: pack.path), "nothing written before flush")
        pack.flush()
        let next = AnalysisPack(cache: cache)
        #expect(next.read(rows) == Array("a result".utf8) && next.read(file) == Array("a result".utf8))
        #expect(next.read(other) == Array("another".utf8))
        // One file, two records (the second name costs no copy), no temporary name left.
        let payload = try #require(BuildCache.payload(of: try bytes(pack.path)))
        let decoded = try #require(AnalysisPack.decode(payload))
        #expect(decoded.count == 2 && decoded[0].names.count == 2)
        #expect(try contents(of: folder).keys.sorted() == ["pack/" + (pack.path as NSString).lastPathComponent])
        // A build that only reads writes nothing.
        let modified = try FileManager.default.attributesOfItem(atPath: pack.path)[.modificationDate] as? Date
        next.flush()
        #expect(try FileManager.default.attributesOfItem(atPath: pack.path)[.modificationDate] as? Date == modified)
    }

    @Test func aDamagedPackReadsAsEmptyAndIsWrittenAnew() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = BuildCache(directory: folder, toolIdentity: "test")
        let name = cache.testKey("analysis", "a")
        let pack = AnalysisPack(cache: cache)
        pack.store(Array("value".utf8), for: name)
        pack.flush()
        let good = try bytes(pack.path)
        var flipped = good
        flipped[flipped.count - 1] ^= 1
        // A valid entry whose payload is not a pack (a count past the end).
        let notAPack = BuildCache.entry([0xFF, 0, 0, 0, 0, 0, 0, 0])
        for damaged in [[], Array(good.prefix(good.count / 2)), flipped, good + [0], notAPack] {
            try Data(damaged).write(to: URL(fileURLWithPath: pack.path))
            let reader = AnalysisPack(cache: cache)
            #expect(reader.read(name) == nil)
            reader.store(Array("value".utf8), for: name)
            reader.flush()
            #expect(AnalysisPack(cache: cache).read(name) == Array("value".utf8))
        }
    }

    @Test func anotherToolIdentityHasItsOwnPack() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = BuildCache(directory: folder, toolIdentity: "test")
        let pack = AnalysisPack(cache: cache)
        pack.store(Array("value".utf8), for: cache.testKey("analysis", "a"))
        pack.flush()
        let rebuilt = AnalysisPack(cache: BuildCache(directory: folder, toolIdentity: "rebuilt"))
        #expect(rebuilt.path != pack.path)
        #expect(rebuilt.keys().isEmpty)
    }

    @Test func recordsOfEarlierBuildsAreCarriedUpToTheLimit() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = BuildCache(directory: folder, toolIdentity: "test")
        let big = [UInt8](repeating: 7, count: AnalysisPack.smallEntryLimit)
        let builds = AnalysisPack.carriedBytesLimit / big.count + 3
        // Each build stores one record and reads the first one stored.
        for build in 0..<builds {
            let pack = AnalysisPack(cache: cache)
            _ = pack.read(cache.testKey("analysis", "0"))
            pack.store(big + [UInt8(build)], for: cache.testKey("analysis", "\(build)"))
            pack.flush()
        }
        let last = AnalysisPack(cache: cache)
        #expect(last.read(cache.testKey("analysis", "0")) == big + [0], "used by every build: kept")
        #expect(last.read(cache.testKey("analysis", "\(builds - 1)")) == big + [UInt8(builds - 1)])
        #expect(last.read(cache.testKey("analysis", "1")) == nil, "the oldest unused record is dropped")
        #expect(try bytes(last.path).count < AnalysisPack.carriedBytesLimit + 3 * (big.count + 200))
    }

    /// A result filed under a new file key by each of many edits keeps its latest names only
    /// (and a name read again counts as the latest).
    @Test func aRecordKeepsItsLatestNames() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = BuildCache(directory: folder, toolIdentity: "test")
        let rows = cache.testKey("analysis-rows", "rows")
        let edits = AnalysisPack.namesPerRecord + 4
        for edit in 0..<edits {
            let pack = AnalysisPack(cache: cache)
            if edit == 0 { pack.store(Array("result".utf8), for: rows) }
            // The first file key is read again by every build (an undo, say).
            _ = pack.read(cache.testKey("analysis", "0"))
            #expect(pack.read(rows) == Array("result".utf8))
            #expect(pack.alias(rows, as: cache.testKey("analysis", "\(edit)")))
            pack.flush()
        }
        let last = AnalysisPack(cache: cache)
        #expect(last.keys().count == AnalysisPack.namesPerRecord)
        #expect(last.read(cache.testKey("analysis", "0")) != nil, "read by every build: kept")
        #expect(last.read(cache.testKey("analysis", "\(edits - 1)")) != nil)
        #expect(last.read(cache.testKey("analysis", "1")) == nil, "an old name is dropped")
    }

    @Test func aPayloadTooBigForThePackIsAnEntryFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = BuildCache(directory: folder, toolIdentity: "test")
        let session = BuildCacheSession(cache: cache, digests: InputDigests(), frontMatter: "")
        let small = ResultValue.text("small"), large = ResultValue.text(String(repeating: "x", count: AnalysisPack.smallEntryLimit))
        let smallKey = cache.testKey("analysis-rows", "small"), largeKey = cache.testKey("analysis-rows", "large")
        session.store(small, key: smallKey)
        session.store(large, key: largeKey)
        session.store(large, foundUnder: largeKey, as: cache.testKey("analysis", "large"))
        session.finishAnalyses()
        #expect(FileManager.default.fileExists(atPath: cache.path(of: largeKey)))
        #expect(FileManager.default.fileExists(atPath: cache.path(of: cache.testKey("analysis", "large"))))
        #expect(!FileManager.default.fileExists(atPath: cache.path(of: smallKey)))
        let next = BuildCacheSession(cache: cache, digests: InputDigests(), frontMatter: "")
        #expect(next.result(smallKey) == small && next.result(largeKey) == large)
        #expect(next.result(cache.testKey("analysis", "large")) == large)
    }

    /// The columns an analysis names are read by reflection once per front matter, then from
    /// the pack (planted names come back); another front matter reads them again.
    @Test func namedColumnsAreKeptUnderTheFrontMatter() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = BuildCache(directory: folder, toolIdentity: "test")
        let source = try ReportSource(text: """
            ---
            title: T
            date: "2026-01-01"
            analyses:
              - {id: a, kind: regression, table: t, x: xs, y: ys}
            ---
            Body.
            """, path: "report.md")
        let analysis = try #require(source.spec.analyses.first)
        let reflected = PreparedRowsKey.namedStrings(in: analysis)
        #expect(reflected.isSuperset(of: ["xs", "ys"]))
        let first = BuildCacheSession(cache: cache, digests: InputDigests(), frontMatter: "declarations")
        #expect(first.namedColumns(of: analysis, in: "a", position: 0) == reflected)
        first.finishAnalyses()
        let path = AnalysisPack(cache: cache).path
        let payload = try #require(BuildCache.payload(of: try bytes(path)))
        var planted = CacheByteWriter()
        planted.strings(["planted"])
        let records = try #require(AnalysisPack.decode(payload)).map { record in
            record.names.contains { $0.kind == "analysis-columns" } ? AnalysisPack.Record(names: record.names, payload: planted.bytes) : record
        }
        try Data(BuildCache.entry(AnalysisPack.encode(records))).write(to: URL(fileURLWithPath: path))
        let next = BuildCacheSession(cache: cache, digests: InputDigests(), frontMatter: "declarations")
        #expect(next.namedColumns(of: analysis, in: "a", position: 0) == ["planted"])
        let edited = BuildCacheSession(cache: cache, digests: InputDigests(), frontMatter: "other declarations")
        #expect(edited.namedColumns(of: analysis, in: "a", position: 0) == reflected)
    }

    /// A note edit of a report files its results under their new file keys in the pack: the
    /// cache gains no file but the pack, rewritten, and the data package loaded again from the
    /// edited CSV (one `data package` entry: DataPackageSnapshots).
    @Test func aNoteEditAddsNamesNotFiles() throws {
        let project = try PreparedRowsKeyTests.withNotes()
        defer { project.remove() }
        _ = try project.build(into: "first", cache: true)
        let before = project.entryFiles()
        try project.edit("data/anscombe.csv", replacing: "I,1,10,8.04,row 1\n", with: "I,1,10,8.04,row 1 edited\n")
        let edited = try project.build(into: "edited", cache: true)
        #expect(edited == (try project.build(into: "reference", cache: false)))
        let added = Set(project.entryFiles()).subtracting(before).filter { !$0.contains("/cache/blob/") && !$0.contains("/cache/build/") }
        #expect(added.filter { !$0.contains("/cache/data package/") }.isEmpty, "\(added)")
        #expect(added.filter { $0.contains("/cache/data package/") }.count == 1)
        #expect(project.entries("analysis") == 38)
        #expect(project.entryFiles("analysis").isEmpty && project.entryFiles("analysis-rows").isEmpty)
    }

    private func bytes(_ path: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

extension BuildCache {
    /// A key of `kind` made of one part, `value` (for tests of entries and packs).
    func testKey(_ kind: String, _ value: String) -> CacheKey {
        var builder = key(kind)
        builder.add("x", value)
        return builder.key
    }
}
