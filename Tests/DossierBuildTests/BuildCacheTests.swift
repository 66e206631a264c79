@testable import DossierBuild
@testable import DossierReport
import Foundation
import Testing

/// The build cache (Sources/DossierBuild/Cache): outputs are the same bytes with and without
/// it, warm or cold; a damaged entry is ignored and rebuilt; an edit of one CSV recomputes only
/// the analyses and charts that read it; concurrent builds share one cache.
@Suite struct BuildCacheTests {
    @Test func resultValuesRoundTripBitForBit() throws {
        let table = ResultTable(columns: [
            ResultTable.Column(name: "group", values: [.text("a"), .text("é ∑"), .missing]),
            ResultTable.Column(name: "n", values: [.integer(3), .integer(-7), .integer(Int.max)]),
        ])
        let values: [ResultValue] = [
            .number(0.1 + 0.2), .number(-0.0), .number(.nan), .number(.infinity), .number(.leastNonzeroMagnitude),
            .integer(Int.min), .text(""), .boolean(true), .boolean(false),
            .interval(low: -1.5, high: 2.25, level: 0.95), .missing, .list([]), .table(table),
            .record([ResultValue.Field("p", .number(1e-300)), ResultValue.Field("rows", .list([.table(table), .boolean(false)]))]),
        ]
        for value in values {
            let decoded = try ResultValueCoding.value(ResultValueCoding.payload(value))
            // Bit for bit: NaN and -0 included (== would call NaN unequal and -0 equal to 0).
            #expect(ResultValueCoding.payload(decoded) == ResultValueCoding.payload(value))
        }
        let payload = ResultValueCoding.payload(.table(table))
        for length in [0, 1, payload.count / 2, payload.count - 1] {
            #expect(throws: CacheEntryDamaged.self) { try ResultValueCoding.value(Array(payload.prefix(length))) }
        }
        #expect(throws: CacheEntryDamaged.self) { try ResultValueCoding.value(payload + [0]) }
        #expect(throws: CacheEntryDamaged.self) { try ResultValueCoding.value([9]) }
    }

    @Test func damagedEntriesReadAsMissing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = BuildCache(directory: folder, toolIdentity: "test")
        var builder = cache.key("analysis")
        builder.add("x", "1")
        let key = builder.key
        let payload = Array("the value".utf8)
        #expect(cache.read(key) == nil)
        cache.write(payload, for: key)
        #expect(cache.read(key) == payload)
        let entry = try [UInt8](Data(contentsOf: URL(fileURLWithPath: cache.path(of: key))))
        var flipped = entry
        flipped[flipped.count - 1] ^= 1
        var wrongLength = entry
        wrongLength[BuildCache.magic.count] &+= 1
        for damaged in [[], Array(entry.prefix(10)), Array(entry.dropLast()), entry + [0], flipped, wrongLength,
                        Array("DOSSIER-CACHE-2\n".utf8) + entry.dropFirst(BuildCache.magic.count)] {
            try Data(damaged).write(to: URL(fileURLWithPath: cache.path(of: key)))
            #expect(cache.read(key) == nil)
        }
        // Another tool identity is another key.
        var other = BuildCache(directory: folder, toolIdentity: "other").key("analysis")
        other.add("x", "1")
        #expect(other.key != key)
    }

    @Test func outputsAreTheSameBytesWithAndWithoutTheCache() throws {
        let project = try AnscombeProject()
        defer { project.remove() }
        let reference = try project.build(into: "reference", cache: false)
        let cold = try project.build(into: "cold", cache: true)
        #expect(cold == reference)
        #expect(project.entries("build") == 1 && project.entries("charts") == 1 && project.entries("analysis") == 18)
        // Whole build found.
        #expect(try project.build(into: "warm", cache: true) == reference)
        // Whole build stale (its entries removed): analyses and chart files found.
        try project.removeEntries("build")
        #expect(try project.build(into: "warm-parts", cache: true) == reference)
        // A document-only build with no chart to redraw takes the HTML's chart SVGs from the cache.
        #expect(try project.build(into: "warm-parts", cache: true, selection: .document(charts: [])) == reference)
        // A figure-only build too.
        let figure = try project.build(into: "figure", cache: true, selection: .figure("quartet"))
        #expect(figure.filter { $0.key != "manifest.json" } == reference.filter { $0.key.hasPrefix("charts/") })
    }

    @Test func damagedEntriesAreRebuilt() throws {
        let project = try AnscombeProject()
        defer { project.remove() }
        let reference = try project.build(into: "reference", cache: false)
        _ = try project.build(into: "cold", cache: true)
        // Entries only: blobs (named by their own SHA-256) are damaged in PageCacheReuseTests.
        // 18 analyses are stored under two keys each (their files, their prepared rows), all in
        // one pack file (AnalysisPack); with the build, charts, scene and document entries, the
        // page pack (PagePack), the shaping pack (ShapingPack), the layout pack (LayoutPack), the
        // composed front matter (FrontMatterComposer), the HTML's chart element
        // (SideOutputCache), the page SVGs' glyph outlines (GlyphOutlinePack), the HTML's body
        // blocks (HTMLBlockPack), the printed expressions (PrintedExpressionCache) and the data
        // package with the names of its files (DataPackageSnapshots), fifteen files; and one
        // `pdf font` entry per face the PDF embeds (seven).
        let entries = project.entryFiles().filter { !$0.contains("/blob/") }
        #expect(project.entryFiles("pdf font").count == 7)
        #expect(project.entries("html chart") == 1)
        #expect(project.entryFiles("pack").filter { $0.contains("/html-blocks-") || $0.contains("/printed-") }.count == 2)
        #expect(entries.count == 22)
        #expect(project.entries("data package") == 1 && project.entries("data package files") == 1)
        #expect(project.entryFiles("glyph outlines").count == 1)
        #expect(project.entryFiles("front matter").count == 1)
        #expect(project.entries("analysis") == 18 && project.entries("analysis-rows") == 18)
        // Truncate half the entries and flip a byte in the others.
        for (index, path) in entries.enumerated() {
            var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            if index % 2 == 0 { bytes = Array(bytes.prefix(bytes.count / 2)) } else { bytes[bytes.count - 1] ^= 0xFF }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        #expect(try project.build(into: "after-damage", cache: true) == reference)
        // Each entry was written again, whole.
        let cache = project.cache
        for path in project.entryFiles() where !path.contains("/blob/") {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(BuildCache.payload(of: bytes) != nil, "\(path)")
        }
        #expect(project.entryFiles().filter { !$0.contains("/blob/") }.count == entries.count)
        #expect(project.entries("analysis") == 18 && project.entries("analysis-rows") == 18)
        _ = cache
    }

    @Test func anEditOfOneCSVRecomputesOnlyWhatReadsIt() throws {
        let project = try AnscombeProject()
        defer { project.remove() }
        _ = try project.build(into: "first", cache: true)
        #expect(project.entries("analysis") == 18 && project.entries("charts") == 1)
        // sources.csv feeds the document's source list only: no analysis or chart reads it.
        try project.edit("data/sources.csv", replacing: "American Statistical Association", with: "ASA")
        let sourcesEdited = try project.build(into: "sources-edited", cache: true)
        #expect(project.entries("analysis") == 18 && project.entries("charts") == 1)
        // The package loaded again (its CSV changed) and stored under a new name; the
        // descriptor's list of files found.
        #expect(project.entries("data package") == 2 && project.entries("data package files") == 1)
        #expect(sourcesEdited == (try project.build(into: "sources-edited-reference", cache: false)))
        // anscombe.csv: every analysis and the chart read it.
        try project.edit("data/anscombe.csv", replacing: "I,1,10,8.04", with: "I,1,10,8.05")
        let dataEdited = try project.build(into: "data-edited", cache: true)
        #expect(project.entries("analysis") == 36)
        #expect(project.entries("charts") == 2)
        #expect(dataEdited == (try project.build(into: "data-edited-reference", cache: false)))
        // A prose edit: no analysis or chart is computed again.
        try project.edit("report.md", replacing: "Only set I\nlooks like", with: "Only the first set\nlooks like")
        let proseEdited = try project.build(into: "prose-edited", cache: true)
        #expect(project.entries("analysis") == 36 && project.entries("charts") == 2)
        #expect(proseEdited == (try project.build(into: "prose-edited-reference", cache: false)))
        // One whole-build entry per report and selection: each edit replaced it.
        #expect(project.entries("build") == 1)
    }

    @Test func concurrentBuildsShareOneCache() throws {
        let project = try AnscombeProject()
        defer { project.remove() }
        let reference = try project.build(into: "reference", cache: false)
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 3) { index in
            let files = Result { try project.build(into: "concurrent-\(index)", cache: true) }
            outcomes.append(files)
        }
        for outcome in outcomes.all { #expect(try outcome.get() == reference) }
        #expect(try project.build(into: "after", cache: true) == reference)
    }

    private final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [Result<[String: [UInt8]], any Error>] = []
        func append(_ result: Result<[String: [UInt8]], any Error>) { lock.withLock { results.append(result) } }
        var all: [Result<[String: [UInt8]], any Error>] { lock.withLock { results } }
    }

    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("build-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
