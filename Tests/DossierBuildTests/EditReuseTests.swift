@testable import DossierBuild
import DossierLayout
import Foundation
import Testing

/// What an edit's build reuses instead of making again (docs/build-cache.md, "Where an edit's
/// time goes") gives the bytes a build from scratch gives.
@Suite struct EditReuseTests {
    /// A builder of the three-page Anscombe report, on one thread.
    private func builder(_ project: AnscombeProject) throws -> ReportBuilder {
        try ReportBuilder(options: BuildOptions(reportDirectory: project.report,
                                                fontDirectory: AnscombeProject.repository.appendingPathComponent("fonts"),
                                                twoThreads: false))
    }

    /// The build makes each page's scene once and draws the PDF, the page entries' keys and
    /// the page SVGs from it: the same bytes as a scene made afresh for each drawing.
    @Test func pageScenesMadeOnceDrawTheSameBytes() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        let shared = try builder(project).documentLayout()
        let scenes = try shared.pages.indices.map { try shared.pageScene($0) }
        #expect(scenes.count >= 3)
        let pdf = try shared.pdf(scenes: scenes)
        let svgs = try shared.pages.indices.map { try shared.pageSVG($0, scene: scenes[$0]) }
        // The scenes drawn twice were not changed by the first drawing.
        let keys = scenes.map(SceneBytes.of)

        let fresh = try builder(project).documentLayout()
        #expect(pdf == (try fresh.pdf()))
        for index in fresh.pages.indices {
            #expect(svgs[index] == (try fresh.pageSVG(index)), "page \(index + 1)")
            #expect(keys[index] == SceneBytes.of(try fresh.pageScene(index)), "page \(index + 1)'s key")
        }
    }

    /// A prose edit with a warm cache (pages from their entries, the rest drawn from scenes
    /// made once) gives the bytes of a build without a cache, on one thread and on two.
    @Test func aWarmProseEditIsTheBytesOfABuildWithoutACache() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        _ = try project.build(into: "cold", cache: true)
        try project.edit("report.md", replacing: "Closing paragraph 3.", with: "Closing paragraph three, edited.")
        let warm = try project.build(into: "warm", cache: true)
        #expect(warm == (try project.build(into: "reference", cache: false)))
        try project.edit("report.md", replacing: "Closing paragraph 39.", with: "Closing paragraph thirty-nine.")
        let warmDocument = try project.build(into: "warm", cache: true, selection: .document(charts: []))
        let reference = try project.build(into: "reference", cache: false, selection: .document(charts: []))
        #expect(warmDocument.filter { !$0.key.hasPrefix("charts/") } == reference.filter { !$0.key.hasPrefix("charts/") })
    }
}

/// When a build compiles its figures (``FigureScenesOnDemand``): at once, unless a document
/// build finds every chart's files in the cache; then only when asked for the scenes.
@Suite struct FigureScenesOnDemandTests {
    private final class Counter: @unchecked Sendable { var calls = 0 }

    private func scenes(ids: [String], cachedIDs: [String], document: Bool, counter: Counter) throws -> FigureScenesOnDemand {
        var cached = CachedCharts()
        for id in cachedIDs { cached.files[id] = ["charts/\(id).svg": [1]] }
        return try FigureScenesOnDemand(ids: ids, cached: cached, document: document) {
            counter.calls += 1
            return [:]
        }
    }

    @Test func aDocumentBuildWithEveryChartCachedCompilesOnlyWhenAsked() throws {
        let counter = Counter()
        var onDemand = try scenes(ids: ["a", "b"], cachedIDs: ["a", "b"], document: true, counter: counter)
        #expect(counter.calls == 0 && onDemand.compiled == nil)
        _ = try onDemand.all()
        _ = try onDemand.all()
        #expect(counter.calls == 1, "compiled once, when first asked for")
    }

    @Test func aMissingChartAFigureBuildOrNoDocumentCompilesAtOnce() throws {
        for (cachedIDs, document) in [(["a"], true), (["a", "b"], false), ([], true)] {
            let counter = Counter()
            let onDemand = try scenes(ids: ["a", "b"], cachedIDs: cachedIDs, document: document, counter: counter)
            #expect(counter.calls == 1 && onDemand.compiled != nil, "cached \(cachedIDs), document \(document)")
        }
    }
}
