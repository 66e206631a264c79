import Foundation
import Testing
@testable import DossierCharts

/// Vega-Lite's default `scale.zero` (``Compilation/vegaLiteZero(_:_:)``): a continuous x or y
/// reaches zero, except the continuous dimension of a bar, area or line, and binned fields.
@Suite struct VegaLiteZeroTests {
    static func firstLabels(mark: String, xScale: String = "") throws -> (x: String?, y: String?) {
        let json = """
        {"data": {"values": [{"a": 140, "b": 32}, {"a": 180, "b": 38}, {"a": 230, "b": 46}]},
         "mark": "\(mark)",
         "encoding": {"x": {"field": "a", "type": "quantitative"\(xScale)}, "y": {"field": "b", "type": "quantitative"}}}
        """
        let scene = try ChartFixture.compile(json, [:])
        let label: (String) -> String? = { axis in scene.texts.first { $0.id.hasSuffix("/axis-\(axis)/label/0") }?.text }
        return (label("x"), label("y"))
    }

    @Test func scatterAxesStartAtZero() throws {
        let labels = try Self.firstLabels(mark: "point")
        #expect(labels.x == "0")
        #expect(labels.y == "0")
    }

    @Test func lineDimensionSpansTheDataAndItsMeasureStartsAtZero() throws {
        let labels = try Self.firstLabels(mark: "line")
        #expect(labels.x != "0")
        #expect(labels.y == "0")
    }

    @Test func zeroFalseSpansTheData() throws {
        #expect(try Self.firstLabels(mark: "point", xScale: #", "scale": {"zero": false}"#).x != "0")
    }
}
