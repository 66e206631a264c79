@testable import DossierVegaLite
import Foundation
import Testing
@testable import DossierCharts

/// A layer's field definition takes the keys it leaves out from the chart's definition of the
/// same channel, as Vega-Lite's `mergeEncoding` does (gallery: layer_line_rolling_mean_point_raw).
@Suite struct LayerChannelInheritanceTests {
    typealias C = ChartFixture
    static let rows = VegaLiteSemanticsMigrationTests.rows

    @Test func aLayerFieldTakesTheParentsTypeAndAxis() throws {
        let inherited = try C.compile(#"{"data": \#(Self.rows), "encoding": {"x": {"field": "v", "type": "quantitative"}, "y": {"type": "quantitative", "axis": {"title": "Both"}}}, "layer": [{"mark": "point", "encoding": {"y": {"field": "w"}}}]}"#, [:]).dump()
        let spelled = try C.compile(#"{"data": \#(Self.rows), "encoding": {"x": {"field": "v", "type": "quantitative"}}, "layer": [{"mark": "point", "encoding": {"y": {"field": "w", "type": "quantitative", "axis": {"title": "Both"}}}}]}"#, [:]).dump()
        #expect(inherited == spelled)
        #expect(inherited.contains("Both"))
    }

    @Test func theLayersOwnKeysWin() throws {
        let own = try C.compile(#"{"data": \#(Self.rows), "encoding": {"x": {"field": "v", "type": "quantitative"}, "y": {"field": "v", "type": "quantitative", "title": "Parent"}}, "layer": [{"mark": "point", "encoding": {"y": {"field": "w", "title": "Layer"}}}]}"#, [:]).dump()
        #expect(own.contains("\"Layer\""))
        #expect(!own.contains("\"Parent\""))
    }
}
