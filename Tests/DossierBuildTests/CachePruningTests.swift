@testable import DossierBuild
import Foundation
import Testing

/// The build cache's size cap (docs/build-cache.md, "Size cap"): least recently used files go
/// first, down to 80% of the cap; what the build used, files under the cap and young temporary
/// files stay; a pruned cache still gives the same outputs.
@Suite struct CachePruningTests {
    /// A folder of `count` 1,000-byte blob files, the first the oldest (one second apart,
    /// a day ago), and their paths in that order.
    static func agedFolder(_ count: Int) throws -> (folder: String, paths: [String]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cache-prune-\(UUID().uuidString)").path
        var paths: [String] = []
        let old = Date().timeIntervalSince1970 - 86_400
        for index in 0..<count {
            let path = folder + "/blob/\(index % 3)\(index % 3)/entry-\(index)"
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(repeating: UInt8(index), count: 1000).write(to: URL(fileURLWithPath: path))
            setModified(path, to: old + Double(index))
            paths.append(path)
        }
        return (folder, paths)
    }

    static func setModified(_ path: String, to seconds: Double) {
        let time = timespec(tv_sec: Int(seconds), tv_nsec: 0)
        _ = withUnsafePointer(to: (time, time)) {
            $0.withMemoryRebound(to: timespec.self, capacity: 2) { utimensat(AT_FDCWD, path, $0, 0) }
        }
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    @Test func overTheCapTheOldestGoFirstDownToTheLowWaterMark() throws {
        let (folder, paths) = try Self.agedFolder(10)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let now = Date().timeIntervalSince1970
        // 10,000 bytes over a cap of 8,000: down to 6,400, so the 4 oldest go.
        let outcome = CachePruning.prune(folder, limit: CacheLimit(bytes: 8000), keeping: [], since: now, now: now)
        #expect(outcome.before == 10_000 && outcome.after == 6000)
        #expect(outcome.removed == Array(paths.prefix(4)))
        #expect(paths.prefix(4).allSatisfy { !Self.exists($0) })
        #expect(paths.suffix(6).allSatisfy(Self.exists))
    }

    @Test func underTheCapNothingIsRemoved() throws {
        let (folder, paths) = try Self.agedFolder(10)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let now = Date().timeIntervalSince1970
        let outcome = CachePruning.prune(folder, limit: CacheLimit(bytes: 10_000), keeping: [], since: now, now: now)
        #expect(outcome.removed.isEmpty && outcome.after == 10_000)
        #expect(paths.allSatisfy(Self.exists))
    }

    @Test func filesKeptOrModifiedSinceTheBuildStartedSurviveEvenIfOldest() throws {
        let (folder, paths) = try Self.agedFolder(10)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let now = Date().timeIntervalSince1970
        // The oldest was used by this build; the second oldest written by a concurrent one.
        Self.setModified(paths[1], to: now)
        let outcome = CachePruning.prune(folder, limit: CacheLimit(bytes: 8000), keeping: [paths[0]], since: now - 60, now: now)
        #expect(Self.exists(paths[0]) && Self.exists(paths[1]))
        #expect(outcome.removed == Array(paths[2..<6]))
    }

    @Test func youngTemporaryFilesSurviveAndOldOnesGo() throws {
        let (folder, paths) = try Self.agedFolder(2)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let now = Date().timeIntervalSince1970
        let young = folder + "/blob/00/.abc.tmp-12-34", old = folder + "/blob/00/.abd.link-12-35"
        for path in [young, old] { try Data(repeating: 1, count: 1000).write(to: URL(fileURLWithPath: path)) }
        Self.setModified(young, to: now - 600)
        Self.setModified(old, to: now - 7200)
        // Under the cap, only the old temporary file goes; over it, a young one still stays.
        let under = CachePruning.prune(folder, limit: CacheLimit(bytes: 1 << 20), keeping: [], since: now, now: now)
        #expect(under.removed == [old])
        let over = CachePruning.prune(folder, limit: CacheLimit(bytes: 1), keeping: [], since: now, now: now)
        #expect(Self.exists(young))
        #expect(Set(over.removed) == Set(paths))
    }

    @Test func theLedgerSparesTheWalkUnderTheCapAndAWalkPrunesPastIt() throws {
        let (folder, paths) = try Self.agedFolder(10)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var cache = BuildCache(directory: URL(fileURLWithPath: folder), toolIdentity: "test")
        cache.limit = CacheLimit(bytes: 8000)
        // The ledger says 1,000 bytes: this build's 100 bytes keep it under the cap, no walk.
        CacheSizeLedger.write(1000, in: folder)
        cache.write(Array(repeating: 7, count: 100), for: cache.key("charts").key)
        #expect(CachePruning.afterBuild(cache) == nil)
        #expect(paths.allSatisfy(Self.exists))
        let estimate = try #require(CacheSizeLedger.read(in: folder))
        #expect(estimate > 1100 && estimate < 1300)
        // Without a ledger the build walks: 10 files and its entry are over 8,000 bytes.
        unlink(CacheSizeLedger.path(in: folder))
        let outcome = try #require(CachePruning.afterBuild(cache))
        #expect(outcome.removed == Array(paths.prefix(4)))
        #expect(CacheSizeLedger.read(in: folder) == outcome.after)
    }

    @Test func aVanishedEntryIsAMiss() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cache-prune-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = BuildCache(directory: folder, toolIdentity: "test")
        let key = cache.key("charts").key
        cache.write(Array("value".utf8), for: key)
        let blobs = OutputBlobs(cache: cache)
        let name = try #require(blobs.store(Array("blob".utf8)))
        #expect(cache.read(key) == Array("value".utf8) && blobs.read(name) == Array("blob".utf8))
        unlink(cache.path(of: key))
        unlink(blobs.path(name))
        #expect(cache.read(key) == nil && blobs.read(name) == nil)
    }

    /// Builds with `cache` into `root/name` and returns the outputs.
    static func build(_ project: AnscombeProject, into name: String, cache: BuildCache) throws -> [String: [UInt8]] {
        let out = project.root.appendingPathComponent(name)
        let options = BuildOptions(reportDirectory: project.report, outputDirectory: out,
                                   fontDirectory: AnscombeProject.repository.appendingPathComponent("fonts"),
                                   selection: .everything, cache: cache)
        _ = try ReportBuild.run(options)
        var files: [String: [UInt8]] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: out.path) {
            if let data = FileManager.default.contents(atPath: out.appendingPathComponent(path).path) { files[path] = [UInt8](data) }
        }
        return files
    }

    @Test func blobsThatVanishUnderTheirEntriesAreMisses() throws {
        let project = try AnscombeProject.lineOnly()
        defer { project.remove() }
        _ = try Self.build(project, into: "first", cache: project.cache)
        // What a concurrent prune leaves: the whole-build, document and page entries, but
        // none of the blobs they name; the next build takes each as a miss and recomputes.
        let blobs = CacheWalk.files(under: project.cache.directory.path).filter { $0.path.contains("/blob/") }
        #expect(!blobs.isEmpty)
        for blob in blobs { unlink(blob.path) }
        let again = try Self.build(project, into: "again", cache: project.cache)
        #expect(again == (try project.build(into: "reference", cache: false)))
        #expect(blobs.allSatisfy { Self.exists($0.path) }, "stored again")
    }

    @Test func aBuildKeepsWhatItUsedAndAPrunedCacheGivesTheSameOutputs() throws {
        let project = try AnscombeProject.lineOnly()
        defer { project.remove() }
        _ = try Self.build(project, into: "first", cache: project.cache)
        // Every file of the cache a day old, then a prose edit built with a 1-byte cap: it
        // removes everything it did not read or write.
        let day = Date().timeIntervalSince1970 - 86_400
        let before = CacheWalk.files(under: project.cache.directory.path)
        for file in before { Self.setModified(file.path, to: day) }
        try project.edit("report.md", replacing: "Only set I\nlooks like", with: "Only the first set\nlooks like")
        var tiny = project.cache
        tiny.limit = CacheLimit(bytes: 1)
        let edited = try Self.build(project, into: "edited", cache: tiny)
        let used = tiny.activity.usedPaths
        let after = Set(CacheWalk.files(under: project.cache.directory.path).map(\.path))
        #expect(!used.isEmpty && used.allSatisfy(Self.exists), "what the build read or wrote survives")
        #expect(before.contains { !after.contains($0.path) }, "the first build's document entries go")
        #expect(after.isSubset(of: used))
        #expect(edited == (try project.build(into: "edited-reference", cache: false)))
        // The pruned cache, warm or partly cold, gives the same bytes as no cache.
        try project.edit("report.md", replacing: "Only the first set\nlooks like", with: "Only set I\nlooks like")
        let again = try Self.build(project, into: "again", cache: project.cache)
        #expect(again == (try project.build(into: "again-reference", cache: false)))
    }
}
