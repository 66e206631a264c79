@testable import DossierBuild
import Foundation
import Testing

/// Page SVGs and output blobs in the build cache (docs/build-cache.md): a prose edit renders
/// again only the pages whose drawing changed, and every build is the same bytes as a build
/// without a cache. Reuse is proven by planting marked bytes in page entries.
@Suite struct PageCacheReuseTests {
    @Test func aProseEditOnTheLastPageReusesTheFirstPage() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        let first = try project.build(into: "first", cache: true)
        let pageCount = first.keys.filter { $0.hasPrefix("pages/") }.count
        #expect(pageCount >= 3)
        #expect(project.entries("page") == pageCount, "one entry per page")
        try project.plantPages()
        try project.edit("report.md", replacing: "Closing paragraph 40.", with: "Closing paragraph forty.")
        let edited = try project.build(into: "edited", cache: true, selection: .document(charts: ["line"]))
        #expect(edited["pages/page-01.svg"].map { $0.starts(with: Array("planted".utf8)) } == true,
                "the first page, unchanged, comes from the cache")
        let last = String(format: "pages/page-%02d.svg", pageCount)
        #expect(edited[last].map { $0.starts(with: Array("planted".utf8)) } == false, "the edited page is rendered again")
        #expect(project.entries("page") == pageCount + 1, "only the edited page is stored anew")
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

    /// Points every page entry at a blob of marked bytes (`planted <entry>`).
    func plantPages() throws {
        let blobs = OutputBlobs(cache: cache)
        for file in entryFiles("page") {
            let name = try #require(blobs.store(Array("planted \(URL(fileURLWithPath: file).lastPathComponent)".utf8)))
            try Data(BuildCache.entry(Array(name.utf8))).write(to: URL(fileURLWithPath: file))
        }
    }
}
