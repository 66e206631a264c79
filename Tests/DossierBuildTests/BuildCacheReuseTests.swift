@testable import DossierBuild
import Foundation
import Testing

/// What the build cache reuses after an edit (docs/build-cache.md): a data edit that changes
/// no result finds the charts and the document again; a prose edit lays the document out again
/// and finds the charts; an edit that changes a result draws the charts that read it. Each
/// build is compared with a build without a cache, byte for byte; reuse itself is proven by
/// planting marked bytes in an entry and finding them in the output.
@Suite struct BuildCacheReuseTests {
    @Test func aDataEditThatChangesNoResultReusesChartsAndDocument() throws {
        let project = try AnscombeProject.lineOnly()
        defer { project.remove() }
        _ = try project.build(into: "first", cache: true)
        #expect(project.entries("analysis") == 18 && project.entries("charts") == 1 && project.entries("document") == 1)
        // The same number written with another digit: anscombe.csv changes, no result does.
        try project.edit("data/anscombe.csv", replacing: "I,1,10,8.04\n", with: "I,1,10,8.040\n")
        let edited = try project.build(into: "edited", cache: true)
        #expect(edited == (try project.build(into: "edited-reference", cache: false)))
        #expect(project.entries("analysis") == 36, "every analysis reading the file is computed again")
        #expect(project.entries("charts") == 1 && project.entries("document") == 1)
        // Reuse, not recomputation to the same name: marked bytes planted in the chart and
        // document entries come out in the next build (whole-build entries removed first).
        try project.plant(kind: "charts", path: "charts/line.png", bytes: Array("planted chart".utf8))
        try project.plant(kind: "document", path: "anscombe.pdf", bytes: Array("planted document".utf8))
        try project.removeEntries("build")
        let planted = try project.build(into: "planted", cache: true, selection: .document(charts: ["line"]))
        #expect(planted["charts/line.png"] == Array("planted chart".utf8))
        #expect(planted["anscombe.pdf"] == Array("planted document".utf8))
        // stats.json is written from the results, never taken from the document's entry.
        #expect(planted["stats.json"] == edited["stats.json"])
    }

    @Test func aProseEditLaysOutTheDocumentAndReusesTheCharts() throws {
        let project = try AnscombeProject.lineOnly()
        defer { project.remove() }
        _ = try project.build(into: "first", cache: true)
        try project.plant(kind: "charts", path: "charts/line.png", bytes: Array("planted chart".utf8))
        try project.edit("report.md", replacing: "Only set I\nlooks like", with: "Only the first set\nlooks like")
        let edited = try project.build(into: "edited", cache: true, selection: .document(charts: ["line"]))
        #expect(edited["charts/line.png"] == Array("planted chart".utf8))
        #expect(project.entries("document") == 2 && project.entries("charts") == 1 && project.entries("analysis") == 18)
        // With a fresh cache, the same bytes as a build without one.
        try project.removeEntries()
        let fresh = try project.build(into: "fresh", cache: true)
        #expect(fresh == (try project.build(into: "fresh-reference", cache: false)))
        #expect(try project.build(into: "warm", cache: true, selection: .document(charts: ["line"])) == fresh)
    }

    @Test func anEditThatChangesAResultDrawsTheChartsAgain() throws {
        let project = try AnscombeProject.lineOnly()
        defer { project.remove() }
        _ = try project.build(into: "first", cache: true)
        try project.edit("data/anscombe.csv", replacing: "I,1,10,8.04\n", with: "I,1,10,8.05\n")
        let edited = try project.build(into: "edited", cache: true, selection: .document(charts: ["line"]))
        #expect(project.entries("charts") == 2 && project.entries("document") == 2)
        #expect(edited == (try project.build(into: "edited-reference", cache: false, selection: .document(charts: ["line"]))))
        // Undoing the edit finds the first build's entries: nothing new is stored.
        try project.edit("data/anscombe.csv", replacing: "I,1,10,8.05\n", with: "I,1,10,8.04\n")
        try project.removeEntries("build")
        _ = try project.build(into: "undone", cache: true)
        #expect(project.entries("charts") == 2 && project.entries("document") == 2 && project.entries("analysis") == 36)
    }

    @Test func aStaleBuildEntryIsAMissAndADamagedOneIsRebuilt() throws {
        let project = try AnscombeProject.lineOnly()
        defer { project.remove() }
        let first = try project.build(into: "first", cache: true)
        #expect(project.entries("build") == 1)
        // A damaged entry: the build is made again (from the other entries), the same bytes.
        for path in project.entryFiles("build") { try Data("damaged".utf8).write(to: URL(fileURLWithPath: path)) }
        #expect(try project.build(into: "second", cache: true) == first)
        #expect(project.entryFiles("build").allSatisfy { path in
            (try? Data(contentsOf: URL(fileURLWithPath: path))).flatMap { BuildCache.payload(of: [UInt8]($0)) } != nil
        }, "written anew")
        // A source edit: the entry's inputs are stale, the build is made again and the entry
        // replaced (one file: the inputs are listed in it, no second entry).
        try project.edit("data/sources.csv", replacing: "American Statistical Association", with: "ASA")
        let edited = try project.build(into: "edited", cache: true)
        #expect(edited == (try project.build(into: "edited-reference", cache: false)))
        #expect(project.entries("build") == 1 && project.entries("build-inputs") == 0)
    }
}

extension AnscombeProject {
    /// The Anscombe report with one figure, the fitted line alone: a chart that reads only the
    /// `fit_all.curve` result, not the data it comes from.
    static func lineOnly() throws -> AnscombeProject {
        let project = try AnscombeProject()
        try project.edit("report.md", replacing: "      facet: {field: set, type: nominal}\n      columns: 4\n      spec:\n        width: 96\n        height: 79\n        layer:\n",
                         with: "      width: 96\n      height: 79\n      layer:\n")
        try project.edit("report.md", replacing: """
                      - data: {name: anscombe}
                        mark: {type: point, size: 31.36, color: "#0072B2"}
                        encoding:
                          x: {field: x, type: quantitative}
                          y: {field: y, type: quantitative}

            """, with: "")
        try project.edit("report.md", replacing: "  - id: quartet\n", with: "  - id: line\n")
        try project.edit("report.md", replacing: "```{figure} quartet\n", with: "```{figure} line\n")
        return project
    }

    /// Replaces the bytes of `path` in every entry of `kind` that holds it (the entries are
    /// written anew, valid). `document` and `charts` entries name their files' blobs: the
    /// planted bytes are stored as a blob and named there.
    func plant(kind: String, path: String, bytes: [UInt8]) throws {
        let blobs = OutputBlobs(cache: cache)
        var planted = 0
        for file in entryFiles(kind) {
            let url = URL(fileURLWithPath: file)
            guard let payload = BuildCache.payload(of: try [UInt8](Data(contentsOf: url))) else { continue }
            var reader = CacheByteReader(payload)
            var files: [(String, [UInt8])] = []
            for _ in 0..<(try reader.count()) { files.append((try reader.string(), try reader.data())) }
            guard files.contains(where: { $0.0 == path }) else { continue }
            var writer = CacheByteWriter()
            writer.integer(files.count)
            for (name, data) in files {
                writer.string(name)
                if name != path {
                    writer.data(data)
                } else {
                    writer.string(try #require(blobs.store(bytes)))
                }
            }
            try Data(BuildCache.entry(writer.bytes)).write(to: url)
            planted += 1
        }
        #expect(planted == 1, "one \(kind) entry holds \(path)")
    }
}
