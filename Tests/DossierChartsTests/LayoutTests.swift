@testable import DossierVegaLite
import Foundation
import Testing
@testable import DossierCharts

/// Where the layout puts the axis titles relative to the panels.
@Suite("Layout")
struct LayoutTests {
    typealias C = ChartFixture
    typealias E = ChartExamples

    /// The facet example with an x-axis title: the title spans every column of panels.
    static let titledFacetSpec = E.facetSpec.replacingOccurrences(of: #""type": "ordinal", "title": """#, with: #""type": "ordinal", "title": "Year""#)

    /// The x-axis title is centred under the panels (it was at half the panels' right edge).
    @Test(arguments: [("bar", E.barSpec, E.barData), ("scatter", E.scatterSpec, E.scatterData),
                      ("stacked", E.stackedSpec, E.stackedData), ("interval", E.intervalSpec, E.intervalData), ("facets", Self.titledFacetSpec, E.facetData)])
    func xAxisTitleIsCentredUnderThePanels(_ name: String, _ spec: String, _ data: [String: ChartData]) throws {
        let scene = try C.compile(spec, data)
        let panels = scene.groups.filter { $0.id.hasSuffix("/marks") }.compactMap(\.clip)
        let title = try #require(scene.texts.first { $0.id == "axis-x/title" }, "\(name) has an x-axis title")
        let left = try #require(panels.map(\.x).min()), right = try #require(panels.map(\.maxX).max())
        #expect(abs(title.position.x - (left + right) / 2) < 1e-9, "\(name): title at \(title.position.x), panels \(left)…\(right)")
        #expect(title.anchor == .middle)
    }
}
