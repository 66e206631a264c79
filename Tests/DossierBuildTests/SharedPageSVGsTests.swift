@testable import DossierBuild
import CairoKit
import Foundation
import Testing

/// The page SVGs a build's threads share (``SharedPageSVGs``): the pages whose entries the
/// cache holds are read from their blobs, and only the others are recorded and written.
@Suite struct SharedPageSVGsTests {
    @Test func onlyThePagesTheCacheLacksAreRecorded() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        _ = try project.build(into: "cold", cache: true)
        try project.plantPages()
        try project.edit("report.md", replacing: "Closing paragraph 40.", with: "Closing paragraph 41.")
        let fonts = AnscombeProject.repository.appendingPathComponent("fonts")
        let builder = try ReportBuilder(options: BuildOptions(reportDirectory: project.report, fontDirectory: fonts,
                                                              cache: project.cache))
        let layout = try builder.documentLayout()
        let scenes = try layout.pages.indices.map { try layout.pageScene($0) }
        #expect(scenes.count >= 3)
        let cached = builder.cachedPages(of: layout, scenes: scenes)
        let shared = try SharedPageSVGs(layout: layout, scenes: scenes, cached: cached, blobs: builder.pageBlobs)
        #expect(shared.count == scenes.count)
        #expect(shared.writtenCount == 1, "only the edited last page is recorded")
        // Written by a thread with its own typesetter, as the build's second thread would.
        let typesetter = try Typesetter(fontDirectory: fonts.path)
        for index in scenes.indices {
            let svg = try #require(try shared.svg(index, typesetter: typesetter))
            if index == scenes.count - 1 {
                #expect(svg == (try layout.pageSVG(index, scene: scenes[index])), "the edited page is written from its runs")
            } else {
                #expect(svg.starts(with: Array("planted".utf8)), "page \(index + 1) is read from its entry's blob")
            }
        }
        // Without a cache, every page is recorded.
        let uncached = try SharedPageSVGs(layout: layout, scenes: scenes, cached: CachedPages(), blobs: nil)
        #expect(uncached.writtenCount == scenes.count)
    }
}
