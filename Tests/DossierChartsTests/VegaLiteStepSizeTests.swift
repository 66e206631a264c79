import Foundation
import Testing
@testable import DossierCharts

/// Issue 21: Vega-Lite's view sizes — `width`/`height` as `{step: N}`, `config.view.step`,
/// `discreteWidth`/`discreteHeight`, `continuousWidth`/`continuousHeight`, `"container"` — and
/// data binned already (`bin: "binned"`, `{binned: true, step}`).
@Suite struct VegaLiteStepSizeTests {
    typealias C = ChartFixture

    static func rows(_ keys: [String]) -> String {
        "{\"values\": [" + keys.enumerated().map { #"{"k": "\#($0.element)", "v": \#($0.offset + 1), "g": "\#($0.offset % 2 == 0 ? "p" : "q")"}"# }
            .joined(separator: ", ") + "]}"
    }

    static let five = rows(["a", "b", "c", "d", "e"])

    /// The first panel's plot area.
    static func plot(_ json: String) throws -> SceneRect {
        try #require(SceneCheck.panels(try C.compile(json, [:])).first)
    }

    static func near(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 0.5 }

    // MARK: - Steps

    @Test func aStepSizesAPointAxisToOneStepPerCategory() throws {
        // Point scale (padding 0.5): step × (n − 1 + 2 · 0.5) = step × n.
        let plot = try Self.plot(#"{"data": \#(Self.five), "mark": "point", "height": {"step": 30}, "encoding": {"y": {"field": "k", "type": "nominal"}, "x": {"field": "v", "type": "quantitative"}}}"#)
        #expect(Self.near(plot.height, 150), "\(plot)")
        // The continuous x: Vega-Lite's continuous size (Dossier: 200, its composed views' default).
        #expect(Self.near(plot.width, 200), "\(plot)")
    }

    @Test func aStepSizesABandAxisByItsPaddings() throws {
        // Band scale: step × (n − paddingInner + 2 · paddingOuter) = 17 × (5 − 0.2 + 0.6) = 91.8.
        let plot = try Self.plot(#"{"data": \#(Self.five), "mark": "bar", "width": {"step": 17}, "encoding": {"x": {"field": "k", "type": "nominal", "scale": {"paddingInner": 0.2, "paddingOuter": 0.3}}, "y": {"field": "v", "type": "quantitative"}}}"#)
        #expect(Self.near(plot.width, 91.8), "\(plot)")
        #expect(Self.near(plot.height, 200), "\(plot)")
    }

    @Test func aNumberBesideAStepIsThePlotSize() throws {
        let plot = try Self.plot(#"{"data": \#(Self.five), "mark": "point", "width": 260, "height": {"step": 16}, "encoding": {"y": {"field": "k", "type": "nominal"}, "x": {"field": "v", "type": "quantitative"}}}"#)
        #expect(Self.near(plot.width, 260) && Self.near(plot.height, 80), "\(plot)")
    }

    @Test func aStepOnAContinuousAxisIsIgnoredAsVegaLiteIgnoresIt() throws {
        let plot = try Self.plot(#"{"data": \#(Self.five), "mark": "point", "width": {"step": 40}, "encoding": {"y": {"field": "k", "type": "nominal"}, "x": {"field": "v", "type": "quantitative"}}}"#)
        #expect(Self.near(plot.width, 200), "\(plot)")
        // The discrete y takes the default step, 20 per category.
        #expect(Self.near(plot.height, 100), "\(plot)")
    }

    @Test func configViewStepAndSizesSizeTheView() throws {
        let heatmap = #"{"data": \#(Self.five), "mark": "rect", "config": {"view": {"step": 13}, "scale": {"rectBandPaddingInner": 0}}, "encoding": {"x": {"field": "k", "type": "ordinal"}, "y": {"field": "g", "type": "ordinal"}, "color": {"field": "v", "type": "quantitative"}}}"#
        let plot = try Self.plot(heatmap)
        #expect(Self.near(plot.width, 65) && Self.near(plot.height, 26), "\(plot)")
        let perSide = try Self.plot(#"{"data": \#(Self.five), "mark": "point", "config": {"view": {"step": 13, "discreteHeight": {"step": 25}, "continuousWidth": 320}}, "encoding": {"y": {"field": "k", "type": "nominal"}, "x": {"field": "v", "type": "quantitative"}}}"#)
        #expect(Self.near(perSide.width, 320) && Self.near(perSide.height, 125), "\(perSide)")
        let fixed = try Self.plot(#"{"data": \#(Self.five), "mark": "point", "config": {"view": {"step": 13, "discreteHeight": 90}}, "encoding": {"y": {"field": "k", "type": "nominal"}, "x": {"field": "v", "type": "quantitative"}}}"#)
        #expect(Self.near(fixed.height, 90), "\(fixed)")
    }

    @Test func aMissingAxisIsOneStepLong() throws {
        // A strip of ticks along x with no y: Vega-Lite's discrete height, one step.
        let plot = try Self.plot(#"{"data": \#(Self.five), "mark": "point", "width": {"step": 10}, "config": {"view": {"step": 24}}, "encoding": {"x": {"field": "k", "type": "nominal"}}}"#)
        #expect(Self.near(plot.width, 50) && Self.near(plot.height, 24), "\(plot)")
    }

    @Test func eachFacetPanelTakesTheStepSize() throws {
        let scene = try C.compile(#"{"data": \#(Self.five), "mark": "point", "height": {"step": 12}, "encoding": {"facet": {"field": "g", "type": "nominal", "columns": 2}, "y": {"field": "k", "type": "nominal"}, "x": {"field": "v", "type": "quantitative"}}}"#, [:])
        let panels = SceneCheck.panels(scene)
        #expect(panels.count == 2)
        // Shared y: all five categories in each panel.
        #expect(panels.allSatisfy { Self.near($0.height, 60) && Self.near($0.width, 200) }, "\(panels)")
    }

    @Test func aComposedViewTakesItsStep() throws {
        let view = #"{"mark": "point", "height": {"step": 10}, "encoding": {"y": {"field": "k", "type": "nominal"}, "x": {"field": "v", "type": "quantitative"}}}"#
        let scene = try C.compile(#"{"data": \#(Self.five), "hconcat": [\#(view), \#(view)]}"#, [:])
        let panels = SceneCheck.panels(scene)
        #expect(panels.count == 2 && panels.allSatisfy { Self.near($0.height, 50) }, "\(panels)")
    }

    @Test func theDefaultSizeIsUnchangedWithoutAStep() throws {
        let scene = try C.compile(#"{"data": \#(Self.five), "mark": "point", "encoding": {"y": {"field": "k", "type": "nominal"}, "x": {"field": "v", "type": "quantitative"}}}"#, [:])
        // Without a step the plot is the default view, 200 × 200 (width/height are the plot's).
        let panel = try #require(SceneCheck.panels(scene).first)
        #expect(Self.near(panel.width, 200) && Self.near(panel.height, 200), "\(panel)")
    }

    // MARK: - Container

    @Test func containerIsTheWholeChartAtVegasFallbackWidth() throws {
        let spec = try SpecFixture.spec(#"{"data": \#(Self.five), "mark": "bar", "width": "container", "height": 250, "encoding": {"x": {"field": "k", "type": "nominal"}, "y": {"field": "v", "type": "quantitative"}}}"#)
        #expect(spec.widthRule == .container && spec.width == nil)
        let scene = try C.withTypesetter { try ChartCompiler.compile(spec, data: [:], typesetter: $0) }
        #expect(scene.width == 300)
    }

    // MARK: - Errors

    @Test func badSizesSayWhatWasFoundAndExpected() throws {
        let base = #""data": {"values": [{"k": "a"}]}, "mark": "point", "encoding": {"x": {"field": "k", "type": "nominal"}}"#
        let cases: [(String, String)] = [
            (#""width": "auto""#, #"width is "auto", expected a number of points, {step: N} or "container""#),
            (#""width": {"step": 0}"#, "step is 0, expected a number from 1 to 500 points"),
            (#""height": {}"#, "needs `step`"),
            (#""width": {"stpe": 10}"#, "stpe"),
            (#""width": {"step": 10, "for": "offset"}"#, #"`for` is "offset", expected "position""#),
            (#""config": {"view": {"discreteWidth": "container"}}"#, #"discreteWidth is "container", expected a number of points or {step: N}"#),
            (#""config": {"view": {"step": -1}}"#, "step is -1"),
        ]
        for (size, expected) in cases {
            let message: String
            do {
                _ = try SpecFixture.spec("{\(base), \(size)}")
                message = "decoded"
            } catch DecodingError.dataCorrupted(let context) {
                message = context.debugDescription
            } catch DecodingError.keyNotFound(_, let context) {
                message = context.debugDescription
            }
            #expect(message.contains(expected), "\(size): \(message)")
        }
    }

    // MARK: - Data binned already

    static let bins = #"{"values": [{"start": 0, "end": 2, "n": 3}, {"start": 2, "end": 4, "n": 5}, {"start": 4, "end": 6, "n": 1}]}"#

    @Test func binnedDataIsDrawnAsGivenWithTicksOnTheBinStep() throws {
        for bin in [#""binned""#, #"{"binned": true, "step": 2}"#] {
            let json = #"{"data": \#(Self.bins), "mark": "bar", "width": 300, "encoding": {"x": {"field": "start", "bin": \#(bin), "type": "quantitative"}, "x2": {"field": "end"}, "y": {"field": "n", "type": "quantitative"}}}"#
            let spec = try SpecFixture.spec(json)
            #expect(spec.layers[0].encoding.x?.bin?.binned == true)
            let scene = try C.compile(json, [:])
            let plot = try #require(SceneCheck.panels(scene).first)
            // Not binned again, not niced: three bars, each a third of the plot, the first at its left edge.
            let bars = scene.paths.filter { $0.id.contains("bar") }.flatMap(\.segments).compactMap { segment -> SceneRect? in
                if case .rect(let r) = segment { return r } else { return nil }
            }.sorted { $0.x < $1.x }
            #expect(bars.count == 3, "\(bin): \(bars)")
            #expect(bars.allSatisfy { abs($0.width - plot.width / 3) < 2 }, "\(bin): \(bars) in \(plot)")
            let labels = SceneCheck.texts(scene, "axis-x/label").map(\.text)
            if bin.contains("step") {
                #expect(labels == ["0", "2", "4", "6"], "\(labels)")
            }
        }
    }

    @Test func binStepTicksAreHalvedUntilTheyFit() {
        #expect(BinnedAxis.ticks(0, 10, step: 1, count: 20) == Array(stride(from: 0.0, through: 10, by: 1)))
        #expect(BinnedAxis.ticks(0, 10, step: 1, count: 6) == [0, 2, 4, 6, 8, 10])
        #expect(BinnedAxis.ticks(0, 10, step: 1, count: 4) == [0, 4, 8])
        #expect(BinnedAxis.ticks(0, 10, step: 1, count: 2) == [0, 10])
        #expect(BinnedAxis.ticks(60, 250, step: 60, count: 8) == [60, 120, 180, 240])
        #expect(BinnedAxis.ticks(0, 1, step: 1e-9, count: 5).isEmpty)
    }

    @Test func binnedInABinTransformOrAsOtherTextIsAnError() throws {
        let transform = SpecFixture.decodingFailure(#"{"data": {"values": [{"v": 1}]}, "transform": [{"bin": {"binned": true}, "field": "v", "as": "b"}], "mark": "bar", "encoding": {"x": {"field": "b", "type": "quantitative"}}}"#)
        #expect(transform?.message.contains("`binned` belongs on the channel") == true, "\(transform?.message ?? "")")
        let text = SpecFixture.decodingFailure(#"{"data": {"values": [{"v": 1}]}, "mark": "bar", "encoding": {"x": {"field": "v", "bin": "yes", "type": "quantitative"}}}"#)
        #expect(text?.message.contains(#"bin is "yes", expected true, "binned""#) == true, "\(text?.message ?? "")")
    }
}
