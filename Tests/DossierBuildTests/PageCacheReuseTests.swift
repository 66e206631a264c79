@testable import DossierBuild
import Foundation
import Testing

/// Page SVGs and output blobs in the build cache (docs/build-cache.md): a prose edit renders
/// again only the pages whose drawing changed, and every build is the same bytes as a build
/// without a cache. Reuse is proven by pointing the page pack's records at marked bytes.
@Suite struct PageCacheReuseTests {
    @Test func aProseEditOnTheLastPageReusesTheFirstPage() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        let first = try project.build(into: "first", cache: true)
        let pageCount = first.keys.filter { $0.hasPrefix("pages/") }.count
        #expect(pageCount >= 3)
        #expect(project.pagePack().keys(of: .svg).count == pageCount, "one SVG record per page")
        #expect(project.pagePack().keys(of: .pdf).count == pageCount, "one PDF record per page")
        #expect(project.entries("page") == 0 && project.entries("page pdf") == 0, "no entry file per page")
        try project.plantPages()
        try project.edit("report.md", replacing: "Closing paragraph 40.", with: "Closing paragraph forty.")
        let edited = try project.build(into: "edited", cache: true, selection: .document(charts: ["line"]))
        #expect(edited["pages/page-01.svg"].map { $0.starts(with: Array("planted".utf8)) } == true,
                "the first page, unchanged, comes from the cache")
        let last = String(format: "pages/page-%02d.svg", pageCount)
        #expect(edited[last].map { $0.starts(with: Array("planted".utf8)) } == false, "the edited page is rendered again")
        #expect(project.pagePack().keys(of: .svg).count == pageCount + 1, "only the edited page is stored anew")
        #expect(project.pagePack().keys(of: .pdf).count == pageCount + 1, "only the edited page is drawn anew")
    }

    @Test func buildsAfterProseEditsAreTheBytesOfABuildWithoutACache() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        let cold = try project.build(into: "cold", cache: true)
        #expect(cold == (try project.build(into: "cold-reference", cache: false)))
        for (old, new) in [("Closing paragraph 40.", "Closing paragraph forty."),
                           ("Closing paragraph 2.", "Closing paragraph two, now long enough to take a second line of its own."),
                           ("Closing paragraph two, now long enough to take a second line of its own.", "Closing paragraph 2.")] {
            try project.edit("report.md", replacing: old, with: new)
            let warm = try project.build(into: "warm", cache: true)
            #expect(warm == (try project.build(into: "reference", cache: false)), "after \(new)")
        }
    }

    @Test func aDamagedBlobIsAMiss() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        let first = try project.build(into: "first", cache: true)
        for path in project.entryFiles("blob") { try Data("damaged".utf8).write(to: URL(fileURLWithPath: path)) }
        // Every entry names a damaged blob: the whole build, the document and the pages are
        // made again, the same bytes.
        #expect(try project.build(into: "second", cache: true) == first)
        try project.removeEntries("build")
        #expect(try project.build(into: "third", cache: true) == first)
    }
}

extension AnscombeProject {
    /// The one-figure Anscombe report with forty closing paragraphs: three pages or more.
    static func threePages() throws -> AnscombeProject {
        let project = try lineOnly()
        let url = project.report.appendingPathComponent("report.md")
        var text = try String(contentsOf: url, encoding: .utf8)
        for number in 1...40 {
            text += "\nClosing paragraph \(number). The four sets share their means, variances, correlations and fitted lines"
                + " to two decimals, and yet their scatter plots differ in every way that matters.\n"
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
        return project
    }

    /// The page pack of the report's builds with a cache.
    func pagePack() -> PagePack {
        PagePack(cache: cache, document: report.lastPathComponent)
    }

    /// Points every page SVG record of the page pack at a blob of marked bytes (`planted <key>`).
    func plantPages() throws {
        let blobs = OutputBlobs(cache: cache)
        let pack = pagePack()
        let keys = pack.keys(of: .svg)
        #expect(!keys.isEmpty)
        for key in keys {
            let name = try #require(blobs.store(Array("planted \(key)".utf8)))
            pack.add(svgBlob: name, key: CacheKey(kind: "page", hex: key))
        }
        #expect(pack.save())
    }
}
