import CairoKit
import Foundation
import Testing

@testable import DossierCharts

/// Arcs placed as Vega-Lite places them: a square 300 × 300 default size, `theta.scale.range`
/// angles, and a legend placed by `legendX`/`legendY` (orient none) off the plot.
@Suite struct VegaLiteArcTests {
    static let pyramid = #"""
    {"data": {"values": [{"c": "Sky", "v": 75, "o": 3}, {"c": "Shady", "v": 10, "o": 1}, {"c": "Sunny", "v": 15, "o": 2}]},
     "mark": {"type": "arc", "outerRadius": 80},
     "encoding": {
       "theta": {"field": "v", "type": "quantitative", "scale": {"range": [2.35619449, 8.639379797]}, "stack": true},
       "color": {"field": "c", "type": "nominal", "legend": {"orient": "none", "title": null, "legendX": 200, "legendY": 80}},
       "order": {"field": "o"}}}
    """#

    static func arcs(_ scene: Scene) -> [ScenePath] {
        scene.flattened.compactMap { item -> ScenePath? in
            if case .path(let p) = item, p.id.contains("/arc/") { return p }
            return nil
        }
    }

    @Test func thetaRangeStartsTheFirstSliceWhereItSays() throws {
        let scene = try ChartFixture.compile(Self.pyramid, [:])
        let plot = try #require(PlotMarks(scene).cells.first?.plot)
        let shady = try #require(Self.arcs(scene).first { $0.id.lowercased().contains("/arc/shady/") })
        // Shady (order 1) runs from 135° (down right of twelve o'clock) for 10 % of the turn:
        // its first point is on the circle at 135°, below and right of the centre.
        guard case .move(let start)? = shady.segments.first else { Issue.record("no start"); return }
        let centre = ScenePoint(plot.x + plot.width / 2, plot.y + plot.height / 2)
        #expect(abs(start.x - (centre.x + 80 * sin(2.35619449))) < 1e-6)
        #expect(abs(start.y - (centre.y - 80 * cos(2.35619449))) < 1e-6)
    }

    @Test func aLegendPlacedByCoordinatesLeavesThePlotWhole() throws {
        let scene = try ChartFixture.compile(Self.pyramid, [:])
        let plot = try #require(PlotMarks(scene).cells.first?.plot)
        // A 300 × 300 plot (a pie's default view), no room taken by the legend.
        #expect(abs(plot.width - 300) < 0.5 && abs(plot.height - 300) < 0.5, "\(plot)")
        let labels = scene.flattened.compactMap { item -> SceneText? in
            if case .text(let t) = item, ["Sky", "Shady", "Sunny"].contains(t.text) { return t }
            return nil
        }
        #expect(labels.count == 3)
        #expect(labels.allSatisfy { $0.position.x > plot.x + 200 && $0.position.y > plot.y + 80 })
    }

    @Test func orientNoneWithoutCoordinatesStillHidesTheLegend() throws {
        let spec = Self.pyramid.replacingOccurrences(of: #", "legendX": 200, "legendY": 80"#, with: "")
        let scene = try ChartFixture.compile(spec, [:])
        let labels = scene.flattened.filter { if case .text(let t) = $0 { return t.text == "Sky" }; return false }
        #expect(labels.isEmpty)
    }
}

/// The image mark is refused by name (issue 21: never a decoder's message).
@Suite struct ImageMarkRefusalTests {
    @Test(arguments: [#"{"data": "t", "mark": "image", "encoding": {}}"#, #"{"data": "t", "mark": {"type": "image"}, "encoding": {}}"#])
    func theImageMarkIsRefusedByName(_ json: String) {
        let failure = SpecFixture.decodingFailure(json)
        #expect(failure?.message.contains("the `image` mark (pictures by `url`) is not supported in charts yet") == true, "\(failure?.message ?? "")")
    }
}
