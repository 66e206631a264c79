@testable import DossierVegaLite
import Foundation
import Testing
@testable import DossierCharts

/// Issue 21: Vega-Lite's encoding channels beyond position and colour (opacity, strokeWidth,
/// shape, strokeDash, size, fill, stroke, xOffset, tooltip, href), `stack` on a channel, a
/// static `condition`, `datum` and list values, drawn as Vega-Lite draws them.
@Suite struct VegaLiteEncodingChannelTests {
    typealias C = ChartFixture

    static func paths(_ scene: Scene, _ prefix: String) -> [ScenePath] { scene.paths.filter { $0.id.hasPrefix(prefix) } }

    static let groups = #"{"values": [{"c": "A", "g": "x", "v": 1}, {"c": "A", "g": "y", "v": 3}, {"c": "B", "g": "x", "v": 2}, {"c": "B", "g": "y", "v": 4}]}"#

    @Test func strokeDashSplitsLinesAndTakesVegaLitesDashesInOrder() throws {
        let scene = try C.compile(#"{"data": \#(Self.groups), "mark": "line", "encoding": {"x": {"field": "c", "type": "ordinal"}, "y": {"field": "v", "type": "quantitative"}, "strokeDash": {"field": "g", "type": "nominal"}}}"#, [:])
        let lines = Self.paths(scene, "panel/0/layer1/line")
        #expect(lines.count == 2)
        #expect(lines.map(\.dash) == [[1, 0], [4, 2]])
        // Its own legend (no colour): one dashed sample per category.
        #expect(Self.paths(scene, "legend/strokeDash/").map(\.dash) == [[1, 0], [4, 2]])
        #expect(scene.texts.contains { $0.id == "legend/strokeDash/label/y" })
    }

    @Test func xOffsetPutsGroupedBarsSideBySideInTheBand() throws {
        let scene = try C.compile(#"{"data": \#(Self.groups), "mark": "bar", "encoding": {"x": {"field": "c"}, "y": {"field": "v", "type": "quantitative"}, "xOffset": {"field": "g"}, "color": {"field": "g"}}}"#, [:])
        let bars = Self.paths(scene, "panel/0/layer1/bar/A").map(\.bounds)
        #expect(bars.count == 2)
        // Not stacked: both start on the baseline; side by side, equal widths, touching.
        #expect(abs(bars[0].maxY - bars[1].maxY) < 0.01)
        #expect(abs(bars[0].width - bars[1].width) < 0.01)
        #expect(abs(bars[0].maxX - bars[1].x) < 0.01)
    }

    @Test func stackOnAChannelNormalizesOrTurnsStackingOff() throws {
        let base = #"{"data": \#(Self.groups), "mark": "bar", "encoding": {"x": {"field": "c"}, "y": {"field": "v", "type": "quantitative", "stack": STACK}, "color": {"field": "g"}}}"#
        let normalized = try C.compile(base.replacingOccurrences(of: "STACK", with: "\"normalize\""), [:])
        let a = Self.paths(normalized, "panel/0/layer1/bar/A").map(\.bounds)
        // Each stack fills the axis: the two segments of A span the same height as those of B.
        let b = Self.paths(normalized, "panel/0/layer1/bar/B").map(\.bounds)
        let heightA: Double = a.map(\.height).reduce(0, +), heightB: Double = b.map(\.height).reduce(0, +)
        #expect(abs(heightA - heightB) < 0.01)
        let overlapping = try C.compile(base.replacingOccurrences(of: "STACK", with: "null"), [:])
        let bars = Self.paths(overlapping, "panel/0/layer1/bar/A").map(\.bounds)
        #expect(abs(bars[0].maxY - bars[1].maxY) < 0.01)
        let failure = SpecFixture.decodingFailure(base.replacingOccurrences(of: "STACK", with: "\"zeros\""))
        #expect(failure?.message.hasPrefix("unknown stack \"zeros\", expected zero, normalize, center") == true, "\(failure?.message ?? "")")
    }

    @Test func aVerticalStackPutsTheFirstColourOnTop() throws {
        let scene = try C.compile(#"{"data": \#(Self.groups), "mark": "bar", "encoding": {"x": {"field": "c"}, "y": {"field": "v", "type": "quantitative"}, "color": {"field": "g"}}}"#, [:])
        let x = try #require(Self.paths(scene, "panel/0/layer1/bar/A/x").first?.bounds)
        let y = try #require(Self.paths(scene, "panel/0/layer1/bar/A/y").first?.bounds)
        #expect(x.maxY <= y.y + 0.01)  // x (first in the legend) above y
    }

    @Test func centerStacksAroundTheMiddleOfTheTallestStack() throws {
        let scene = try C.compile(#"{"data": \#(Self.groups), "mark": "bar", "encoding": {"x": {"field": "c"}, "y": {"field": "v", "type": "quantitative", "stack": "center"}, "color": {"field": "g"}}}"#, [:])
        func span(_ key: String) -> (Double, Double) {
            let r = Self.paths(scene, "panel/0/layer1/bar/\(key)").map(\.bounds)
            return (r.map(\.y).min() ?? 0, r.map(\.maxY).max() ?? 0)
        }
        let (a0, a1) = span("A"), (b0, b1) = span("B")
        #expect(abs((a0 + a1) / 2 - (b0 + b1) / 2) < 0.01)
    }

    @Test func aConditionColoursTheRowsWhereItsTestHolds() throws {
        let scene = try C.compile(#"{"data": \#(Self.groups), "mark": "point", "encoding": {"x": {"field": "c"}, "y": {"field": "v", "type": "quantitative"}, "color": {"condition": {"test": "datum.v > 2", "value": "black"}, "value": "white"}}}"#, [:])
        let fills = Self.paths(scene, "panel/0/layer1/point").compactMap(\.fill).map(hex)
        #expect(fills.sorted() == ["#000000", "#000000", "#FFFFFF", "#FFFFFF"])
        let param = SpecFixture.decodingFailure(#"{"data": "t", "mark": "point", "encoding": {"color": {"condition": {"param": "brush", "value": "red"}, "value": "grey"}}}"#)
        #expect(param?.message.hasPrefix("`param` in a condition is not supported in charts yet") == true, "\(param?.message ?? "")")
    }

    @Test func opacityShapeAndSizeChannels() throws {
        let scene = try C.compile(#"{"data": \#(Self.groups), "mark": "point", "encoding": {"x": {"field": "c"}, "y": {"field": "v", "type": "quantitative"}, "shape": {"field": "g"}, "size": {"field": "v", "type": "quantitative"}, "opacity": {"value": 0.5}}}"#, [:])
        let points = Self.paths(scene, "panel/0/layer1/point")
        #expect(points.count == 4)
        #expect(points.allSatisfy { abs(($0.fill?.alpha ?? 0) - 0.5) < 0.01 })
        // Shape: circle for x, square for y (Vega's symbol order).
        #expect(points.filter { if case .circle = $0.segments.first { return true } else { return false } }.count == 2)
        #expect(points.filter { if case .rect = $0.segments.first { return true } else { return false } }.count == 2)
        // Size is an area on a zero-based scale up to 361: v = 4 → √361 / 2 = 9.5 half side.
        #expect(points.contains { abs($0.bounds.width - 19) < 0.01 })
        #expect(!Self.paths(scene, "legend/shape/").isEmpty)
        #expect(!Self.paths(scene, "legend/size/").isEmpty)
    }

    @Test func aDatumGoesThroughTheScale() throws {
        let scene = try C.compile(#"{"data": \#(Self.groups), "layers": [{"mark": "point", "encoding": {"x": {"field": "c"}, "y": {"field": "v", "type": "quantitative"}}}, {"mark": "rule", "encoding": {"y": {"datum": 10}}}]}"#, [:])
        // The datum widens the y domain to include 10.
        #expect(scene.texts.contains { $0.id.hasPrefix("panel/0/axis-y/label") && $0.text == "10" })
    }

    @Test func constantValuesAreCheckedAndTooltipsIgnored() throws {
        let dash = try SpecFixture.spec(#"{"data": "t", "mark": "line", "encoding": {"strokeDash": {"value": [4, 2]}, "tooltip": [{"field": "a"}], "href": {"field": "u"}}}"#)
        #expect(dash.layers[0].encoding[.strokeDash]?.valueList == [4, 2])
        let opacity = SpecFixture.decodingFailure(#"{"data": "t", "mark": "point", "encoding": {"opacity": {"value": 2}}}"#)
        #expect(opacity?.message.hasPrefix("opacity value is 2, expected a number from 0 to 1") == true, "\(opacity?.message ?? "")")
        let shape = SpecFixture.decodingFailure(#"{"data": "t", "mark": "point", "encoding": {"shape": {"value": "sqare"}}}"#)
        #expect(shape?.message.hasPrefix("unknown shape \"sqare\", expected one of circle, square") == true, "\(shape?.message ?? "")")
    }
}

/// Issue 21: the arc mark — pies and donuts from a stacked `theta`.
@Suite struct VegaLiteArcMarkTests {
    typealias C = ChartFixture

    static let slices = #"{"values": [{"k": "a", "v": 1}, {"k": "b", "v": 1}, {"k": "c", "v": 2}]}"#

    @Test func thetaStacksIntoSlicesClockwiseFromTwelveOClock() throws {
        let scene = try C.compile(#"{"data": \#(Self.slices), "width": 300, "height": 300, "mark": "arc", "encoding": {"theta": {"field": "v", "type": "quantitative"}, "color": {"field": "k"}}}"#, [:])
        let arcs = scene.paths.filter { $0.id.contains("/arc/") }
        #expect(arcs.count == 3)
        // Slice a: a quarter of the circle, from twelve o'clock to three o'clock.
        let a = try #require(arcs.first { $0.id.contains("/arc/a/") })
        guard case .move(let start)? = a.segments.first, case .curve(_, _, let end)? = a.segments.dropFirst().first,
              case .line(let centre)? = a.segments.dropLast().last else {
            Issue.record("unexpected outline \(a.segments)"); return
        }
        #expect(abs(start.x - centre.x) < 0.01 && start.y < centre.y)
        #expect(abs(end.y - centre.y) < 0.01 && end.x > centre.x)
        // Slice c: half the circle.
        let c = try #require(arcs.first { $0.id.contains("/arc/c/") })
        #expect(abs(c.bounds.height - (a.bounds.height * 2)) < 0.5)
        #expect(c.bounds.maxX <= centre.x + 0.01)
    }

    @Test func innerRadiusMakesADonut() throws {
        let scene = try C.compile(#"{"data": \#(Self.slices), "mark": {"type": "arc", "innerRadius": 40, "outerRadius": 80, "padAngle": 0.02}, "encoding": {"theta": {"field": "v", "type": "quantitative"}, "color": {"field": "k"}}}"#, [:])
        let a = try #require(scene.paths.first { $0.id.contains("/arc/a/") })
        // The outline returns along the inner circle (a second curve), not through the centre.
        #expect(a.segments.filter { if case .curve = $0 { return true } else { return false } }.count == 2)
        let bad = SpecFixture.decodingFailure(#"{"data": "t", "mark": {"type": "arc", "innerRadius": -1}, "encoding": {}}"#)
        #expect(bad?.message.hasPrefix("innerRadius is -1, expected a number from 0") == true, "\(bad?.message ?? "")")
    }
}

/// Issue 21: Vega-Lite's sort forms on a channel.
@Suite struct VegaLiteSortTests {
    typealias C = ChartFixture

    @Test func sortNullKeepsTheDataOrderAndSortByEncodingReadsAsMinusY() throws {
        let none = try SpecFixture.spec(#"{"data": "t", "mark": "bar", "encoding": {"x": {"field": "k", "sort": null}}}"#)
        #expect(none.layers[0].encoding.x?.sort == SortSpec.none)
        let byEncoding = try SpecFixture.spec(#"{"data": "t", "mark": "bar", "encoding": {"x": {"field": "k", "sort": {"encoding": "y", "order": "descending"}}}}"#)
        #expect(byEncoding.layers[0].encoding.x?.sort == .byChannel(.y, descending: true))
    }

    @Test func aFieldSortAggregatesWithItsOpAndDefaultsToMin() throws {
        let data = #"{"values": [{"k": "a", "v": 1}, {"k": "a", "v": 9}, {"k": "b", "v": 4}, {"k": "b", "v": 5}]}"#
        func order(_ sort: String) throws -> [String] {
            let scene = try C.compile(#"{"data": \#(data), "mark": "point", "encoding": {"x": {"field": "k", "type": "nominal", "sort": \#(sort)}, "y": {"field": "v", "type": "quantitative"}}}"#, [:])
            return scene.texts.filter { $0.id.hasPrefix("panel/0/axis-x/label") }.sorted { $0.position.x < $1.position.x }.map(\.text)
        }
        #expect(try order(#"{"field": "v", "op": "median"}"#) == ["b", "a"])  // 4.5 < 5
        #expect(try order(#"{"field": "v", "op": "max", "order": "descending"}"#) == ["a", "b"])
        #expect(try order(#"{"field": "v"}"#) == ["a", "b"])  // min: 1 < 4
    }
}
