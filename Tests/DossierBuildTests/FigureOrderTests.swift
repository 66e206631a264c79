@testable import DossierBuild
import DossierReport
import Foundation
import Testing

/// The two threads compiling the figures take the maps first (ReportBuilder.longestFirst):
/// the flagship's map was compiled last by whichever thread reached it, and the other waited.
@Suite struct FigureOrderTests {
    @Test func theFlagshipsMapIsTakenFirst() throws {
        let url = AnscombeProject.repository.appendingPathComponent("reports/china-lac-local/report.md")
        let source = try ReportSource(text: String(contentsOf: url, encoding: .utf8), path: "report.md")
        let figures = source.spec.figures
        let map = try #require(figures.firstIndex { $0.id == "ties-map" })
        let order = ReportBuilder.longestFirst(figures)
        #expect(order.first == map)
        #expect(order.sorted() == Array(figures.indices))
        #expect(Array(order.dropFirst()) == figures.indices.filter { $0 != map }, "the others keep their order")
    }
}
