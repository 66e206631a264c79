@testable import CairoKit
@testable import DossierBuild
import DossierCharts
import Foundation
import Testing

/// The pages' running header, page numbers and footer date (DocumentLayout's furniture) are
/// answered from the layout pack like the body's text (no Pango layout for them in a build
/// with a cache), the header and date laid out once for all the pages; the bytes are those of
/// a build without a cache, also when an edit adds a page (every "Page N of M" changes).
@Suite struct PageFurnitureRecordTests {
    /// The furniture's text blocks of every page the builder's last build drew.
    private func furniture(_ builder: ReportBuilder) throws -> [SceneTextBlock] {
        let scenes = try #require(builder.rendered?.pageScenes)
        return scenes.flatMap { scene in
            scene.items.compactMap { item -> SceneTextBlock? in
                guard case let .textBlock(block) = item, ["header", "footer/page", "footer/date"].contains(block.id) else { return nil }
                return block
            }
        }
    }

    @Test func aProseEditAnswersThePagesFurnitureFromTheLayoutPack() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        let cold = try furniture(try project.documentBuild())
        #expect(cold.count >= 8, "three blocks a page but the first page's header: \(cold.count)")
        #expect(cold.allSatisfy { $0.prepared?.layout.record == nil }, "a cold build lays them out with Pango")

        try project.edit("report.md", replacing: "Closing paragraph 40.", with: "Closing paragraph forty.")
        let builder = try project.documentBuild()
        let warm = try furniture(builder)
        #expect(warm.count == cold.count)
        #expect(warm.allSatisfy { $0.prepared?.layout.record != nil }, "answered from records")
        let statistics = try #require(builder.layoutStatistics)
        #expect(statistics.laidOut >= 1 && statistics.laidOut <= 2, "only the edited paragraph: \(statistics.laidOut)")
        // One header and one date layout for all the pages.
        let headers = warm.filter { $0.id == "header" }.compactMap { $0.prepared?.layout }
        #expect(headers.count >= 2 && headers.allSatisfy { $0 === headers[0] })
        let dates = warm.filter { $0.id == "footer/date" }.compactMap { $0.prepared?.layout }
        #expect(dates.count >= 3 && dates.allSatisfy { $0 === dates[0] })
    }

    /// An edit that adds a page changes every page's number ("Page N of M"): the records of
    /// the old numbers are not taken for the new ones.
    @Test func anEditThatAddsAPageIsTheBytesOfABuildWithoutACache() throws {
        let project = try AnscombeProject.threePages()
        defer { project.remove() }
        let before = try project.build(into: "cold", cache: true)
        let pagesBefore = before.keys.filter { $0.hasPrefix("pages/") }.count
        let added = (1...30).map { "Added paragraph \($0), long enough to fill a line or two of the page it lands on, and more." }
        try project.edit("report.md", replacing: "Closing paragraph 40.", with: "Closing paragraph 40.\n\n" + added.joined(separator: "\n\n"))
        let warm = try project.build(into: "warm", cache: true)
        #expect(warm.keys.filter { $0.hasPrefix("pages/") }.count > pagesBefore, "the edit adds a page")
        #expect(warm == (try project.build(into: "reference", cache: false)))
        // And back: the earlier numbers' records answer again.
        try project.edit("report.md", replacing: "Closing paragraph 40.\n\n" + added.joined(separator: "\n\n"), with: "Closing paragraph 40.")
        #expect(try project.build(into: "warm", cache: true) == (try project.build(into: "reference", cache: false)))
    }
}
