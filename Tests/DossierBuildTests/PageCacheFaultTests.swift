@testable import DossierBuild
import Foundation
import Testing

/// A page whose drawing changed never comes from its `page` entry (docs/build-cache.md): one
/// changed glyph, a changed chart on the page, changed fonts. Every page entry is planted with
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

    @Test func changedFontsRenderEveryPageAgain() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        let fonts = project.root.appendingPathComponent("fonts")
        try FileManager.default.copyItem(at: AnscombeProject.repository.appendingPathComponent("fonts"), to: fonts)
        let cold = try project.build(into: "cold", cache: true, fonts: fonts)
        try project.plantPages()
        // One byte more after the font's tables: the same glyphs, other font bytes (and key).
        let font = fonts.appendingPathComponent("NotoSerif-Regular.ttf")
        let handle = try FileHandle(forWritingTo: font)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data([0]))
        try handle.close()
        let warm = try project.build(into: "warm", cache: true, fonts: fonts)
        let pages = cold.keys.filter { $0.hasPrefix("pages/") }.sorted()
        #expect(pages.count >= 3)
        for path in pages {
            #expect(warm[path].map { $0.starts(with: Array("planted".utf8)) } == false, "\(path) is rendered again")
            #expect(warm[path] == cold[path], "\(path): the same drawing")
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
