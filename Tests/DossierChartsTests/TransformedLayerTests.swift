@testable import DossierVegaLite
import Foundation
import Testing
@testable import DossierCharts

/// Issue 21: a layer drawn from its transformed rows (the transforms themselves are tested in
/// DossierVegaLiteTests' TransformTests).
@Suite struct TransformedLayerTests {
    static let table = ChartData(columns: [
        ("region", .strings(["north", "south", "north", "north", "south", "south"])),
        ("pop", .numbers([47, 94, 210, 85, nil, 12])),
    ])

    @Test func aTransformedLayerIsDrawn() throws {
        let scene = try ChartFixture.compile(#"""
            {"data": "t", "transform": [{"filter": {"field": "pop", "valid": true}},
                                        {"aggregate": [{"op": "sum", "field": "pop", "as": "total"}], "groupby": ["region"]}],
             "mark": "bar", "encoding": {"x": {"field": "region", "type": "nominal"}, "y": {"field": "total", "type": "quantitative"}}}
            """#, ["t": Self.table])
        func paths(_ items: [SceneItem]) -> [ScenePath] {
            items.flatMap { item -> [ScenePath] in
                switch item {
                case .path(let p): return [p]
                case .group(let g): return paths(g.items)
                default: return []
                }
            }
        }
        let marks = scene.groups.filter { $0.id.hasSuffix("/marks") }.flatMap { paths($0.items) }
        // Two regions, two bars.
        #expect(marks.count == 2, "\(marks.map(\.id))")
    }
}
