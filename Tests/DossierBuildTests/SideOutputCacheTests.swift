@testable import DossierBuild
import Foundation
import Testing

/// The HTML's inline chart elements kept in the cache and stats.json named by the whole-build
/// entry (Cache/SideOutputCache.swift): a prose edit takes them from there (proven by planted
/// entries showing in its outputs), every build is the same bytes as a build without a cache,
/// damaged entries and missing blobs are misses, and every input of their keys changes them.
@Suite struct SideOutputCacheTests {
    @Test func aProseEditTakesTheChartElementsAndStatsFromTheCache() throws {
        let project = try AnscombeProject.lineOnly()
        defer { project.remove() }
        let document = BuildOptions.Selection.document(charts: [])
        _ = try project.build(into: "out", cache: true)
        #expect(project.entries("html chart") == 1, "the figure's element is stored")
        #expect(try Self.statsNames(project).count == 1, "the whole build's entry names stats.json")

        // A prose edit: the same bytes as a build without a cache, and no new entry.
        try project.edit("report.md", replacing: "Only set I\nlooks like", with: "Only the first set\nlooks like")
        let edited = try project.build(into: "out", cache: true, selection: document)
        #expect(edited == (try Self.reference(project, into: "reference")))
        #expect(project.entries("html chart") == 1)
        #expect(try Self.statsNames(project).count == 2, "the document build's entry names stats.json too")

        // Reuse, not the same bytes made again: planted entries come out of the next prose edit
        // (into the same folder, which holds the chart's SVG: its blob is not needed).
        let elementEntry = try #require(project.entryFiles("html chart").first)
        let element = try #require(BuildCache.payload(of: try [UInt8](Data(contentsOf: URL(fileURLWithPath: elementEntry)))))
        try Data(BuildCache.entry(element + Array("<!-- planted element -->".utf8))).write(to: URL(fileURLWithPath: elementEntry))
        let plantedStats = Array("{\"planted\": true}\n".utf8)
        let blob = try #require(OutputBlobs(cache: project.cache).store(plantedStats))
        try Self.plantStats(project, name: blob)
        try project.edit("report.md", replacing: "Only the first set\nlooks like", with: "Only set one\nlooks like")
        let planted = try project.build(into: "out", cache: true, selection: document)
        let html = String(decoding: try #require(planted["anscombe.html"]), as: UTF8.self)
        #expect(html.contains("<!-- planted element -->"))
        #expect(planted["stats.json"] == plantedStats)

        // Damaged entries are misses: made again, the same bytes as without a cache, written anew.
        try Data("damaged".utf8).write(to: URL(fileURLWithPath: elementEntry))
        try Self.plantStats(project, name: String(repeating: "0", count: 64))
        try project.edit("report.md", replacing: "Only set one\nlooks like", with: "Only the set I\nlooks like")
        let repaired = try project.build(into: "out", cache: true, selection: document)
        #expect(repaired == (try Self.reference(project, into: "repaired-reference")))
        let rewritten = try #require(BuildCache.payload(of: try [UInt8](Data(contentsOf: URL(fileURLWithPath: elementEntry)))))
        #expect(rewritten == element)
        #expect(try Self.statsNames(project).contains(SHA256.outputHex(try #require(repaired["stats.json"]))))

        // Another stats key (the front matter edited): the name recorded under the old key is not used.
        try Self.plantStats(project, name: blob)
        try project.edit("report.md", replacing: "keywords: [Anscombe, regression,", with: "keywords: [Anscombe, least squares, regression,")
        let rekeyed = try project.build(into: "out", cache: true, selection: document)
        #expect(rekeyed["stats.json"] != plantedStats)
        #expect(rekeyed == (try Self.reference(project, into: "rekeyed-reference")))
    }

    /// What a document build without a cache writes into a folder that holds a whole build
    /// (its chart files, which the manifest lists).
    static func reference(_ project: AnscombeProject, into name: String) throws -> [String: [UInt8]] {
        _ = try project.build(into: name, cache: false)
        return try project.build(into: name, cache: false, selection: .document(charts: []))
    }

    /// The stats.json blob names the whole-build entries record (``WholeBuildCache/StatsName``).
    static func statsNames(_ project: AnscombeProject) throws -> [String] {
        try project.entryFiles("build").compactMap { path in
            let payload = try #require(BuildCache.payload(of: try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))))
            var reader = CacheByteReader(payload)
            _ = try reader.string()
            let name = try reader.string()
            return name.isEmpty ? nil : name
        }
    }

    /// Points every whole-build entry's stats.json at the blob `name` (its key kept).
    static func plantStats(_ project: AnscombeProject, name: String) throws {
        for path in project.entryFiles("build") {
            let payload = try #require(BuildCache.payload(of: try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))))
            var reader = CacheByteReader(payload)
            let key = try reader.string(), old = try reader.string()
            var prefix = CacheByteWriter()
            prefix.string(key)
            prefix.string(old)
            var planted = CacheByteWriter()
            planted.string(key)
            planted.string(name)
            try Data(BuildCache.entry(planted.bytes + payload.dropFirst(prefix.bytes.count))).write(to: URL(fileURLWithPath: path))
        }
    }

    /// Every input of the keys changes them; stats.json has no key when an analysis has none.
    @Test func everyInputOfTheKeysChangesThem() throws {
        let project = try AnscombeProject()
        defer { project.remove() }
        let session = BuildCacheSession(cache: project.cache, digests: InputDigests(memo: project.cache.digestMemo), frontMatter: "a: 1")
        let side = SideOutputCache(session: session)
        let charts = CacheKey(kind: "charts", hex: String(repeating: "0", count: 64))
        func element(charts: CacheKey = charts, prefix: String = "fig-a", title: String = "Figure 1", description: String = "D") -> CacheKey {
            side.chartElementKey(charts: charts, prefix: prefix, title: title, description: description)
        }
        let base = element()
        #expect(element() == base)
        let changed = [element(charts: CacheKey(kind: "charts", hex: String(repeating: "1", count: 64))), element(prefix: "fig-a-2"),
                       element(title: "Figure 2"), element(description: "E")]
        for (index, other) in changed.enumerated() { #expect(other != base, "input \(index) changes the element's key") }

        let one = CacheKey(kind: "analysis", hex: String(repeating: "2", count: 64))
        let two = CacheKey(kind: "analysis", hex: String(repeating: "3", count: 64))
        let stats = try #require(side.statsKey(analysisKeys: [one, two]))
        #expect(side.statsKey(analysisKeys: [one, two]) == stats)
        #expect(side.statsKey(analysisKeys: [two, one]) != stats)
        #expect(side.statsKey(analysisKeys: [one]) != stats)
        #expect(side.statsKey(analysisKeys: [one, nil]) == nil)
        let other = SideOutputCache(session: BuildCacheSession(cache: project.cache, digests: InputDigests(memo: project.cache.digestMemo),
                                                               frontMatter: "a: 2"))
        #expect(other.statsKey(analysisKeys: [one, two]) != stats, "the front matter is in the key")
    }
}
