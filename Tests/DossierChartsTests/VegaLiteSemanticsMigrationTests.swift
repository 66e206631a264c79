import Foundation
import Testing
@testable import DossierCharts

/// Where Dossier's chart keys once meant something else than Vega-Lite's: `width`/`height` (the
/// whole figure, now the plot area), `value` on a position channel (a data value, now refused
/// in favour of `datum`) and an omitted `type` (quantitative for numbers, now Vega-Lite's
/// inference or an error). Each test fails under the old meaning.
@Suite struct VegaLiteSemanticsMigrationTests {
    typealias C = ChartFixture
    static let rows = #"{"values": [{"g": "a", "v": 1, "w": 2}, {"g": "b", "v": 3, "w": 5}, {"g": "c", "v": 2, "w": 4}]}"#

    // MARK: - width and height are the plot area's

    @Test func widthAndHeightAreThePlotArea() throws {
        let scene = try C.compile(#"{"title": "A title", "width": 300, "height": 150, "data": \#(Self.rows), "mark": "point", "encoding": {"x": {"field": "v", "type": "quantitative", "title": "Value"}, "y": {"field": "w", "type": "quantitative"}, "color": {"field": "g", "type": "nominal"}}}"#, [:])
        let panel = try #require(SceneCheck.panels(scene).first)
        #expect(abs(panel.width - 300) < 0.5)
        #expect(abs(panel.height - 150) < 0.5)
        // The title, axes and legend are added around the plot: the figure is larger.
        #expect(scene.width > 330)
        #expect(scene.height > 180)
    }

    @Test func aChartWithoutASizeHasVegaLitesDefaultPlot() throws {
        let scene = try C.compile(#"{"data": \#(Self.rows), "mark": "point", "encoding": {"x": {"field": "v", "type": "quantitative"}, "y": {"field": "w", "type": "quantitative"}}}"#, [:])
        let panel = try #require(SceneCheck.panels(scene).first)
        #expect(abs(panel.width - 200) < 0.5)
        #expect(abs(panel.height - 200) < 0.5)
    }

    @Test func configViewSizesThePlot() throws {
        let scene = try C.compile(#"{"config": {"view": {"continuousWidth": 260, "continuousHeight": 120}}, "data": \#(Self.rows), "mark": "point", "encoding": {"x": {"field": "v", "type": "quantitative"}, "y": {"field": "w", "type": "quantitative"}}}"#, [:])
        let panel = try #require(SceneCheck.panels(scene).first)
        #expect(abs(panel.width - 260) < 0.5)
        #expect(abs(panel.height - 120) < 0.5)
    }

    @Test func aFacetsWidthIsEachPanels() throws {
        let scene = try C.compile(#"{"data": \#(Self.rows), "facet": {"field": "g", "type": "nominal"}, "columns": 3, "spec": {"width": 90, "height": 70, "mark": "point", "encoding": {"x": {"field": "v", "type": "quantitative"}, "y": {"field": "w", "type": "quantitative"}}}}"#, [:])
        let panels = SceneCheck.panels(scene)
        #expect(panels.count == 3)
        for panel in panels {
            #expect(abs(panel.width - 90) < 0.5)
            #expect(abs(panel.height - 70) < 0.5)
        }
    }

    // MARK: - `value` on x or y is Vega-Lite's pixel value: the data value is `datum`

    @Test(arguments: ["x", "y", "x2", "y2"])
    func valueOnAPositionChannelNamesDatum(_ channel: String) throws {
        let failure = try #require(SpecFixture.decodingFailure(#"{"data": "t", "mark": "rule", "encoding": {"\#(channel)": {"value": 2015}}}"#))
        #expect(failure.message == "\(channel) has `value: 2015`, a position in pixels in Vega-Lite (a data value is Vega-Lite's `datum`, Dossier's old `value`), expected `datum: 2015`; pixel positions are not supported")
        #expect(failure.path.suffix(2) == [channel, "value"])
    }

    @Test func aStringValueIsQuotedInTheDatumToWrite() throws {
        let failure = try #require(SpecFixture.decodingFailure(#"{"data": "t", "mark": "rule", "encoding": {"x": {"value": "2020-01-01"}}}"#))
        #expect(failure.message.contains(#"expected `datum: "2020-01-01"`"#))
    }

    @Test func datumOnAPositionChannelIsADataValue() throws {
        let scene = try C.compile(#"{"data": \#(Self.rows), "layer": [{"mark": "point", "encoding": {"x": {"field": "v", "type": "quantitative"}, "y": {"field": "w", "type": "quantitative"}}}, {"mark": "rule", "encoding": {"y": {"datum": 5}}}]}"#, [:])
        #expect(SceneCheck.panels(scene).count == 1)
    }

    // MARK: - an omitted `type`

    @Test func aNumberFieldWithNoTypeIsNominalAsInVegaLite() throws {
        func scene(_ type: String) throws -> String {
            try C.compile(#"{"data": \#(Self.rows), "mark": "point", "encoding": {"x": {"field": "v", "type": "quantitative"}, "y": {"field": "w"\#(type)}}}"#, [:]).dump()
        }
        let untyped = try scene("")
        #expect(untyped == (try scene(#", "type": "nominal""#)))
        #expect(untyped != (try scene(#", "type": "quantitative""#)))
    }

    @Test func aStringFieldWithNoTypeIsNominal() throws {
        let scene = try C.compile(#"{"data": \#(Self.rows), "mark": "bar", "encoding": {"x": {"field": "g"}, "y": {"field": "v", "type": "quantitative"}}}"#, [:])
        #expect(SceneCheck.panels(scene).count == 1)
    }

    @Test(arguments: [
        #""y": {"field": "w", "aggregate": "mean"}"#,
        #""y": {"field": "w", "bin": true}"#,
        #""y": {"field": "w", "scale": {"type": "log"}}"#,
    ])
    func vegaLiteInfersTheTypeHere(_ y: String) throws {
        let scene = try C.compile(#"{"data": \#(Self.rows), "mark": "point", "encoding": {"x": {"field": "g", "type": "nominal"}, \#(y)}}"#, [:])
        #expect(SceneCheck.panels(scene).count == 1)
    }

    @Test func aLayerTakesTheTypeAnotherLayerGivesTheChannel() throws {
        let scene = try C.compile(#"{"data": \#(Self.rows), "layer": [{"mark": "point", "encoding": {"x": {"field": "v", "type": "quantitative"}, "y": {"field": "w", "type": "quantitative"}}}, {"mark": "line", "encoding": {"x": {"field": "v"}, "y": {"field": "w"}}}]}"#, [:])
        #expect(SceneCheck.panels(scene).count == 1)
    }

    @Test func aLayerTakesTheTypeAnotherLayersScaleImplies() throws {
        let scene = try C.compile(#"{"data": \#(Self.rows), "layer": [{"mark": "line", "encoding": {"x": {"field": "v", "type": "quantitative"}, "y": {"field": "w"}}}, {"mark": "point", "encoding": {"x": {"field": "v", "type": "quantitative"}, "y": {"field": "w", "scale": {"type": "log"}}}}]}"#, [:])
        #expect(SceneCheck.panels(scene).count == 1)
    }

    @Test func textNeedsNoType() throws {
        let scene = try C.compile(#"{"data": \#(Self.rows), "mark": "text", "encoding": {"x": {"field": "v", "type": "quantitative"}, "y": {"field": "w", "type": "quantitative"}, "text": {"field": "v"}}}"#, [:])
        #expect(SceneCheck.panels(scene).count == 1)
    }
}
