@testable import DossierBuild
import Foundation
import Testing

/// A page whose drawing changed never comes from its `page` entry (docs/build-cache.md): one
/// changed glyph, a changed chart on the page; changed fonts change every page's key. Every page entry is planted with
/// marked bytes first, so a page taken from the cache is told from one rendered again; the
/// pages whose SVG differs from the cold build's must all be rendered again, and the others
/// must come from the cache.
@Suite struct PageCacheFaultTests {
    @Test func aChangedGlyphRendersItsPageAgain() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        try expectOnlyChangedPagesRendered(project) {
            try project.edit("report.md", replacing: "Closing paragraph 40.", with: "Closing paragraph 41.")
        }
    }

    @Test func aChangedChartRendersItsPageAgain() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        try expectOnlyChangedPagesRendered(project) {
            try project.edit("report.md", replacing: "color: \"#999999\"", with: "color: \"#989898\"")
        }
    }

    /// Every input of a page's entry name changes it: the fonts (a build with other font bytes
    /// finds none of its pages), the scene, the page's number and count, the title and the
    /// description. (Checked on the key itself: a build with a second font folder in the test
    /// process would share fontconfig's current configuration with the other tests.)
    @Test func everyInputOfAPageChangesItsKey() throws {
        let project = try AnscombeProject()
        defer { project.remove() }
        func key(fonts: String = "fonts", title: String = "Title", description: String? = nil, page: Int = 0, of count: Int = 3,
                 drawn: [UInt8] = [1, 2, 3]) -> CacheKey {
            CachedPages.key(in: project.cache, fonts: fonts, title: title, description: description, page: page, of: count, drawn: drawn)
        }
        let base = key()
        #expect(key() == base, "the same inputs, the same key")
        let changed = [key(fonts: "other fonts"), key(title: "Other"), key(description: "A subtitle"), key(page: 1), key(of: 4),
                       key(drawn: [1, 2, 4])]
        for (index, other) in changed.enumerated() {
            #expect(other != base, "input \(index) changes the key")
        }
    }

    @Test func pagePathsHaveAtLeastTwoDigits() {
        for index in [0, 8, 9, 98, 99, 2855] {
            #expect(CachedPages.path(index) == String(format: "pages/page-%02d.svg", index + 1))
        }
    }

    /// Builds `project` with a cache, plants every page entry, applies `edit` and builds again:
    /// each page whose bytes differ from the cold build's (in a build without a cache) must be
    /// rendered again, with those bytes; at least one page changes and every other page comes from the cache.
    private func expectOnlyChangedPagesRendered(_ project: AnscombeProject, edit: () throws -> Void) throws {
        let cold = try project.build(into: "cold", cache: true)
        try project.plantPages()
        try edit()
        let reference = try project.build(into: "reference", cache: false)
        let warm = try project.build(into: "warm", cache: true, selection: .document(charts: ["line"]))
        let pages = reference.keys.filter { $0.hasPrefix("pages/") }.sorted()
        #expect(pages.count >= 3)
        var changed = 0
        for path in pages {
            let planted = warm[path].map { $0.starts(with: Array("planted".utf8)) } == true
            if reference[path] == cold[path] {
                #expect(planted, "\(path), unchanged, comes from the cache")
            } else {
                changed += 1
                #expect(!planted, "\(path), changed, is rendered again")
                #expect(warm[path] == reference[path], "\(path): the bytes of a build without a cache")
            }
        }
        #expect(changed >= 1 && changed < pages.count, "the edit changes some pages, not all")
    }
}
