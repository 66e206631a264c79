import DossierCharts
import Foundation
import Testing
@testable import DossierBuild

/// The pages of the flagship briefing and of Anscombe's quartet, as the scenes their PDF pages
/// and page SVGs are drawn from, compared with reviewed dumps in `PageSceneGoldens/`. On a
/// difference the new dump is written to /tmp/dossier-pages/<report>.dump.txt and the test
/// fails: look at the pages (`pdftoppm -png -r 60 reports/<report>/out/<report>.pdf`), then
/// copy the dump over the golden (nothing is accepted silently).
@Suite("Page scene goldens")
struct PageSceneGoldenTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("PageSceneGoldens")
    static let outputDirectory = URL(fileURLWithPath: "/tmp/dossier-pages")

    /// Every page's dump, one after the other. A placed chart is dumped as its group (where it
    /// is placed, its clip and background) without its items: the charts' scenes have their own
    /// goldens, and a chart's change should not rewrite the page goldens unless it moves the page.
    static func dump(_ report: String) throws -> String {
        let options = BuildOptions(reportDirectory: repository.appendingPathComponent("reports/\(report)"),
                                   fontDirectory: repository.appendingPathComponent("fonts"))
        let pages = try ReportBuilder(options: options).pageScenes()
        return pages.map { page in
            var page = page
            page.items = page.items.map(withoutChartItems)
            return page.dump()
        }.joined()
    }

    /// `item` with the items of every placed chart (a group with a transform) left out.
    static func withoutChartItems(_ item: SceneItem) -> SceneItem {
        guard case .group(var group) = item else { return item }
        group.items = group.transform == nil ? group.items.map(withoutChartItems) : []
        return .group(group)
    }

    static func check(_ report: String) throws {
        let dump = try dump(report)
        let golden = try? String(contentsOf: goldens.appendingPathComponent("\(report).dump.txt"), encoding: .utf8)
        if golden != dump {
            try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
            try dump.write(to: outputDirectory.appendingPathComponent("\(report).dump.txt"), atomically: true, encoding: .utf8)
            Issue.record(golden == nil ? "no golden page dump for \(report): recorded a new baseline in /tmp/dossier-pages"
                                       : "pages of \(report) changed; new dump in /tmp/dossier-pages/\(report).dump.txt")
        }
    }

    @Test func flagship() throws { try Self.check("china-lac-local") }
    @Test func anscombe() throws { try Self.check("anscombe") }

    /// Every page holds its paper, footer and at least one placed block, and the text blocks'
    /// line ranges lie inside their paragraphs: what the goldens are made of is well formed.
    @Test func pagesAreWellFormed() throws {
        let options = BuildOptions(reportDirectory: Self.repository.appendingPathComponent("reports/china-lac-local"),
                                   fontDirectory: Self.repository.appendingPathComponent("fonts"))
        let pages = try ReportBuilder(options: options).pageScenes()
        #expect(pages.count > 1)
        for (index, page) in pages.enumerated() {
            #expect(page.paths.first?.id == "paper")
            #expect(page.textBlocks.contains { $0.id == "footer/page" && $0.text == "Page \(index + 1) of \(pages.count)" })
            #expect(page.groups.contains { $0.id.hasPrefix("block0/") })
            for chart in page.groups where chart.transform != nil {
                #expect(!chart.items.isEmpty, "a placed chart keeps its items: \(chart.id)")
            }
            for block in page.textBlocks {
                if let lines = block.lines { #expect(lines.upperBound <= block.lineStarts.count, "\(block.id)") }
            }
        }
        // Page 1 has no running header; the others have.
        #expect(!pages[0].textBlocks.contains { $0.id == "header" })
        #expect(pages.dropFirst().allSatisfy { page in page.textBlocks.contains { $0.id == "header" } })
    }
}
