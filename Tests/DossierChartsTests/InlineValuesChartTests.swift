@testable import DossierVegaLite
import Testing
@testable import DossierCharts

/// Issue 21: a chart drawn from its inline `data.values` (the decoding of `data` is tested in
/// DossierVegaLiteTests' VegaLiteDataTests).
@Suite struct InlineValuesChartTests {
    @Test func aChartDrawsFromItsInlineValues() throws {
        let scene = try ChartFixture.compile(#"{"data": {"values": [{"k": "a", "v": 2}, {"k": "b", "v": 5}]}, "mark": "bar", "encoding": {"x": {"field": "k", "type": "nominal"}, "y": {"field": "v", "type": "quantitative"}}}"#, [:])
        #expect(scene.items.count > 0)
    }
}
