import CairoKit
import DossierBase
@testable import DossierVegaLite
import Foundation
import Testing
@testable import DossierCharts

/// Issue 21, marks: Vega-Lite's mark properties with Vega-Lite's meaning, the tick and trail
/// marks, the point and line overlays and the composite marks (errorbar, errorband, boxplot),
/// expanded into layers as Vega-Lite's normaliser does.
@Suite struct VegaLiteMarkTests {
    typealias C = ChartFixture

    static let rows = ["t": ChartData(columns: [("g", .strings(["a", "a", "a", "a", "b", "b", "b", "b"])),
                                                ("v", .numbers([1, 2, 3, 4, 10, 12, 14, 40])),
                                                ("x", .numbers([1, 2, 3, 4, 1, 2, 3, 4]))])]

    static func spec(_ json: String) throws -> ChartSpec { try SpecFixture.spec(json) }

    static func scene(_ json: String, _ data: [String: ChartData] = rows) throws -> Scene { try C.compile(json, data) }

    /// The rows a layer's transforms make from `data`.
    static func rows(of layer: Layer, _ data: ChartData) throws -> ChartData {
        try TransformPipeline.apply(layer.transform, to: data, layer: 1)
    }

    static func numbers(_ data: ChartData, _ name: String) -> [Double?] {
        if case .numbers(let v)? = data.column(name) { return v }
        return []
    }

    // MARK: - Overlays

    @Test func aLineWithPointsIsALineLayerAndAFilledOpaquePointLayer() throws {
        let s = try Self.spec(#"{"data": "t", "mark": {"type": "line", "point": true, "interpolate": "monotone"}, "encoding": {"x": {"field": "x", "type": "quantitative"}, "y": {"field": "v", "type": "quantitative"}}}"#)
        #expect(s.layers.map(\.mark.type) == [.line, .point])
        #expect(s.layers[0].mark.options.point == .off)
        #expect(s.layers[1].mark.opacity == 1)
        #expect(s.layers[1].mark.filled == true)
        #expect(s.layers[1].mark.options.interpolate == nil)
    }

    @Test func anAreaWithLineAndPointsGetsVegaLitesReducedOpacity() throws {
        let s = try Self.spec(#"{"data": "t", "mark": {"type": "area", "line": {"color": "darkgreen"}, "point": "transparent"}, "encoding": {"x": {"field": "x", "type": "quantitative"}, "y": {"field": "v", "type": "quantitative"}, "y2": {"field": "x"}}}"#)
        #expect(s.layers.map(\.mark.type) == [.area, .line, .point])
        #expect(s.layers[0].mark.opacity == 0.7)
        #expect(s.layers[1].mark.color == "darkgreen")
        #expect(s.layers[2].mark.opacity == 0)
        #expect(s.layers[1].encoding.y2 == nil, "an overlay drops y2")
    }

    @Test func aPointOverlayObjectKeepsItsOwnOptions() throws {
        let s = try Self.spec(#"{"data": "t", "mark": {"type": "line", "point": {"filled": false, "fill": "white"}}, "encoding": {"x": {"field": "x", "type": "quantitative"}, "y": {"field": "v", "type": "quantitative"}}}"#)
        #expect(s.layers[1].mark.filled == false)
        #expect(s.layers[1].mark.options.fill == "white")
    }

    @Test func overlaysBelongToPathMarks() {
        let failure = SpecFixture.decodingFailure(#"{"data": "t", "mark": {"type": "bar", "point": true}, "encoding": {}}"#)
        #expect(failure?.message == "`point` is an overlay of line, area, rule and trail marks, found it on a bar mark")
        #expect(failure?.path == ["mark", "point"])
    }

    // MARK: - Mark properties

    @Test func aPointsSizeIsItsArea() throws {
        let scene = try Self.scene(#"{"data": "t", "mark": {"type": "point", "size": 100}, "encoding": {"x": {"field": "x", "type": "quantitative"}, "y": {"field": "v", "type": "quantitative"}}}"#)
        let radii = scene.paths.filter { $0.id.contains("/point/") }.compactMap { path -> Double? in
            if case .circle(_, let r)? = path.segments.first { return r } else { return nil }
        }
        #expect(radii.count == 8)
        #expect(radii.allSatisfy { abs($0 - 5) < 1e-9 }, "a circle of area 100 has radius √100 / 2 = 5")
    }

    @Test func aSquareIsAFilledSquarePoint() throws {
        let scene = try Self.scene(#"{"data": "t", "mark": {"type": "square", "size": 64}, "encoding": {"x": {"field": "x", "type": "quantitative"}, "y": {"field": "v", "type": "quantitative"}}}"#)
        let squares = scene.paths.filter { $0.id.contains("/point/") }
        #expect(squares.count == 8)
        guard case .rect(let r)? = squares.first?.segments.first else { Issue.record("not a rectangle"); return }
        #expect(abs(r.width - 8) < 1e-9)
        #expect(squares.first?.fill != nil)
    }

    @Test func fillAndStrokeWinOverColor() throws {
        let scene = try Self.scene(##"{"data": "t", "mark": {"type": "bar", "color": "red", "fill": "#0000ff", "stroke": "#00ff00", "fillOpacity": 0.5}, "encoding": {"x": {"field": "g", "type": "nominal"}, "y": {"field": "v", "aggregate": "sum"}}}"##)
        let bars = scene.paths.filter { $0.id.contains("/bar/") }
        #expect(bars.count == 2)
        #expect(bars.allSatisfy { $0.fill == Color(red: 0, green: 0, blue: 1, alpha: 0.5) })
        #expect(bars.allSatisfy { $0.stroke == Color(red: 0, green: 1, blue: 0) })
    }

    @Test func aBarsSizeAndCornerRadiusShapeIt() throws {
        let scene = try Self.scene(#"{"data": "t", "mark": {"type": "bar", "size": 10, "cornerRadiusEnd": 3}, "encoding": {"x": {"field": "g", "type": "nominal"}, "y": {"field": "v", "aggregate": "sum"}}}"#)
        let bar = try #require(scene.paths.first { $0.id.contains("/bar/") })
        #expect(abs(bar.bounds.width - 10) < 1e-9)
        let curves = bar.segments.filter { if case .curve = $0 { return true } else { return false } }
        #expect(curves.count == 2, "the two corners at the value end are rounded")
    }

    @Test func stepAfterRunsFlatThenRises() {
        let segments = PathCurves.segments([ScenePoint(0, 10), ScenePoint(5, 20), ScenePoint(10, 0)], .stepAfter)
        #expect(segments == [.move(ScenePoint(0, 10)), .line(ScenePoint(5, 10)), .line(ScenePoint(5, 20)),
                             .line(ScenePoint(10, 20)), .line(ScenePoint(10, 0))])
    }

    @Test func aLineWithInterpolateAndFillIsCurvedAndFilled() throws {
        let scene = try Self.scene(##"{"data": "t", "mark": {"type": "line", "interpolate": "linear-closed", "fill": "#ff0000", "fillOpacity": 0.5}, "encoding": {"x": {"field": "x", "type": "quantitative"}, "y": {"field": "v", "type": "quantitative"}, "color": {"field": "g", "type": "nominal"}}}"##)
        let lines = scene.paths.filter { $0.id.contains("/line") && $0.id.contains("layer1") }
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.segments.last == .close && $0.fill == Color(red: 1, green: 0, blue: 0, alpha: 0.5) && $0.stroke != nil })
        let stepped = try Self.scene(#"{"data": "t", "mark": {"type": "line", "interpolate": "step"}, "encoding": {"x": {"field": "x", "type": "quantitative"}, "y": {"field": "v", "type": "quantitative"}, "color": {"field": "g", "type": "nominal"}}}"#)
        let steps = stepped.paths.filter { $0.id.contains("/line") && $0.id.contains("layer1") }
        #expect(steps.allSatisfy { $0.segments.count == 1 + 3 * 3 }, "each of the 3 steps of a 4-point series is three segments")
    }

    @Test func monotoneCurvesPassThroughThePointsWithoutOvershoot() {
        let points = [ScenePoint(0, 0), ScenePoint(1, 1), ScenePoint(2, 1), ScenePoint(3, 5)]
        let segments = PathCurves.segments(points, .monotone)
        var ends: [ScenePoint] = []
        for s in segments {
            guard case .curve(let c1, let c2, let to) = s else { continue }
            ends.append(to)
            // Control points of a monotone piece stay within the piece's y range.
            #expect(c1.y >= -1e-9 && c1.y <= 5 + 1e-9 && c2.y >= -1e-9 && c2.y <= 5 + 1e-9)
        }
        #expect(ends == Array(points.dropFirst()))
        // The flat middle piece stays flat: both controls at y = 1.
        if case .curve(let c1, let c2, _) = segments[2] { #expect(c1.y == 1 && c2.y == 1) }
    }

    @Test func aReversedOutlineEndsWhereItBegan() {
        let forward = PathCurves.segments([ScenePoint(0, 0), ScenePoint(1, 2), ScenePoint(2, 1)], .basis)
        let back = PathCurves.reversed(forward)
        #expect(back.first == .line(ScenePoint(2, 1)))
        let last: ScenePoint? = {
            switch back.last {
            case .line(let p)?: return p
            case .curve(_, _, let p)?: return p
            default: return nil
            }
        }()
        #expect(last == ScenePoint(0, 0))
    }

    @Test func textTakesBaselineAngleWeightAndLimit() throws {
        let scene = try Self.scene(#"{"data": "t", "mark": {"type": "text", "baseline": "bottom", "angle": -45, "fontWeight": "bold", "limit": 20}, "encoding": {"x": {"field": "x", "type": "quantitative"}, "y": {"field": "v", "type": "quantitative"}, "text": {"value": "a very long label indeed"}}}"#)
        let texts = scene.texts.filter { $0.id.contains("/text/") }
        #expect(texts.count == 8)
        #expect(texts.allSatisfy { $0.baseline == .bottom && $0.rotation == -45 && $0.font.weight == .bold })
        #expect(texts.allSatisfy { $0.text.hasSuffix("…") && $0.width <= 20 })
    }

    @Test func aMarkPositionOfItsOwnPlacesARule() throws {
        let scene = try Self.scene(#"{"layers": [{"data": "t", "mark": "point", "encoding": {"x": {"field": "x", "type": "quantitative"}, "y": {"field": "v", "type": "quantitative"}}}, {"data": "t", "mark": {"type": "rule", "y": 10, "strokeWidth": 2}, "encoding": {}}]}"#)
        let panel = try #require(SceneCheck.panels(scene).first)
        let rules = scene.paths.filter { $0.id.contains("/rule/") }
        #expect(rules.count == 8)
        #expect(rules.allSatisfy { abs($0.bounds.y - (panel.y + 10)) < 1e-9 && $0.bounds.height == 0 })
    }

    @Test func clipTrueClipsPoints() throws {
        let scene = try Self.scene(#"{"data": "t", "mark": {"type": "point", "clip": true}, "encoding": {"x": {"field": "x", "type": "quantitative"}, "y": {"field": "v", "type": "quantitative"}}}"#)
        let marks = try #require(scene.groups.first { $0.id.hasSuffix("/marks") })
        #expect(marks.items.count == 8)
    }

    @Test func unknownValuesAreNamed() {
        #expect(SpecFixture.decodingFailure(#"{"data": "t", "mark": {"type": "line", "interpolate": "bundle"}, "encoding": {}}"#)?.message
                .hasPrefix("interpolate \"bundle\" is not supported, expected one of linear, linear-closed") == true)
        #expect(SpecFixture.decodingFailure(#"{"data": "t", "mark": {"type": "point", "shape": "squre"}, "encoding": {}}"#)?.message
                .hasSuffix("did you mean \"square\"?") == true)
    }

    // MARK: - Tick and trail

    @Test func ticksAreOnePointThickAcrossTheValues() throws {
        let scene = try Self.scene(#"{"data": "t", "mark": "tick", "encoding": {"x": {"field": "v", "type": "quantitative"}, "y": {"field": "g", "type": "nominal"}}}"#)
        let ticks = scene.paths.filter { $0.id.contains("/tick/") }
        #expect(ticks.count == 8)
        #expect(ticks.allSatisfy { $0.bounds.width == 1 && $0.bounds.height > 5 }, "vertical ticks, Vega-Lite's thickness 1")
    }

    @Test func aTrailIsOneFilledOutlinePerSeries() throws {
        let scene = try Self.scene(#"{"data": "t", "mark": "trail", "encoding": {"x": {"field": "x", "type": "quantitative"}, "y": {"field": "v", "type": "quantitative"}, "size": {"field": "v", "type": "quantitative"}, "color": {"field": "g", "type": "nominal"}}}"#)
        let trails = scene.paths.filter { $0.id.contains("/trail") }
        #expect(trails.count == 2)
        #expect(trails.allSatisfy { $0.fill != nil && $0.stroke == nil })
    }

    // MARK: - Composite marks

    @Test func anErrorbarIsARuleFromMeanMinusToMeanPlusTheStandardError() throws {
        let s = try Self.spec(#"{"data": "t", "mark": "errorbar", "encoding": {"x": {"field": "g", "type": "nominal"}, "y": {"field": "v", "type": "quantitative"}}}"#)
        #expect(s.layers.map(\.mark.type) == [.rule])
        let out = try Self.rows(of: s.layers[0], try #require(Self.rows["t"]))
        // Group a: 1, 2, 3, 4 — mean 2.5, sample sd √(5/3), stderr sd / 2.
        let stderr = (5.0 / 3).squareRoot() / 2
        let lower = Self.numbers(out, "lower_v"), upper = Self.numbers(out, "upper_v")
        #expect(abs((lower[0] ?? 0) - (2.5 - stderr)) < 1e-12)
        #expect(abs((upper[0] ?? 0) - (2.5 + stderr)) < 1e-12)
        #expect(s.layers[0].encoding.y?.field == "lower_v" && s.layers[0].encoding.y2?.field == "upper_v")
    }

    @Test func anErrorbarWithTicksAndStdev() throws {
        let s = try Self.spec(#"{"data": "t", "mark": {"type": "errorbar", "extent": "stdev", "ticks": true}, "encoding": {"y": {"field": "g", "type": "nominal"}, "x": {"field": "v", "type": "quantitative"}}}"#)
        #expect(s.layers.map(\.mark.type) == [.tick, .tick, .rule])
        #expect(s.layers[0].mark.options.orient == "vertical")
        let out = try Self.rows(of: s.layers[2], try #require(Self.rows["t"]))
        #expect(abs((Self.numbers(out, "upper_v")[0] ?? 0) - (2.5 + (5.0 / 3).squareRoot())) < 1e-12)
        _ = try Self.scene(#"{"data": "t", "mark": {"type": "errorbar", "extent": "stdev", "ticks": true}, "encoding": {"y": {"field": "g", "type": "nominal"}, "x": {"field": "v", "type": "quantitative"}}}"#)
    }

    @Test func anErrorbandIsATranslucentArea() throws {
        let s = try Self.spec(#"{"data": "t", "mark": {"type": "errorband", "extent": "iqr", "borders": true}, "encoding": {"x": {"field": "x", "type": "quantitative"}, "y": {"field": "v", "type": "quantitative"}}}"#)
        #expect(s.layers.map(\.mark.type) == [.area, .line, .line])
        #expect(s.layers[0].mark.opacity == 0.3)
        _ = try Self.scene(#"{"data": "t", "mark": {"type": "errorband", "extent": "iqr", "borders": true}, "encoding": {"x": {"field": "x", "type": "quantitative"}, "y": {"field": "v", "type": "quantitative"}}}"#)
    }

    @Test func aCompositesOpacityWinsOverTheBandsDefaultButNotOverAMediansWhite() throws {
        let band = try Self.spec(#"{"data": "t", "mark": {"type": "errorband", "opacity": 0.2}, "encoding": {"x": {"field": "x", "type": "quantitative"}, "y": {"field": "v", "type": "quantitative"}}}"#)
        #expect(band.layers[0].mark.opacity == 0.2)
        let box = try Self.spec(#"{"data": "t", "mark": {"type": "boxplot", "color": "red"}, "encoding": {"x": {"field": "g", "type": "nominal"}, "y": {"field": "v", "type": "quantitative"}}}"#)
        #expect(box.layers.map(\.mark.color) == ["red", "red", "red", "red", "white"])
    }

    @Test func aBoxplotHasOutliersWhiskersBoxAndMedian() throws {
        let s = try Self.spec(#"{"data": "t", "mark": "boxplot", "encoding": {"x": {"field": "g", "type": "nominal"}, "y": {"field": "v", "type": "quantitative"}}}"#)
        #expect(s.layers.map(\.mark.type) == [.point, .rule, .rule, .bar, .tick])
        let data = try #require(Self.rows["t"])
        // Group b: 10, 12, 14, 40 — Q1 11.5, Q3 20.5 (R-7), IQR 9, upper fence 34: 40 is an outlier.
        let outliers = try Self.rows(of: s.layers[0], data)
        #expect(Self.numbers(outliers, "v") == [40])
        let whiskers = try Self.rows(of: s.layers[1], data)
        #expect(Self.numbers(whiskers, "upper_whisker_v") == [4, 14])
        #expect(Self.numbers(whiskers, "lower_whisker_v") == [1, 10])
        let box = try Self.rows(of: s.layers[3], data)
        #expect(Self.numbers(box, "lower_box_v") == [1.75, 11.5])
        #expect(Self.numbers(box, "upper_box_v") == [3.25, 20.5])
        #expect(s.layers[3].mark.size == 14)
        #expect(s.layers[4].mark.color == "white")
        let scene = try Self.scene(#"{"data": "t", "mark": "boxplot", "encoding": {"x": {"field": "g", "type": "nominal"}, "y": {"field": "v", "type": "quantitative"}}}"#)
        #expect(scene.paths.filter { $0.id.contains("/bar/") }.allSatisfy { abs($0.bounds.width - 14) < 1e-9 })
    }

    @Test func aMinMaxBoxplotHasNoOutliers() throws {
        let s = try Self.spec(#"{"data": "t", "mark": {"type": "boxplot", "extent": "min-max", "median": {"color": "black"}}, "encoding": {"x": {"field": "g", "type": "nominal"}, "y": {"field": "v", "type": "quantitative"}}}"#)
        #expect(s.layers.map(\.mark.type) == [.rule, .rule, .bar, .tick])
        #expect(s.layers[3].mark.color == "black")
        let whiskers = try Self.rows(of: s.layers[1], try #require(Self.rows["t"]))
        #expect(Self.numbers(whiskers, "upper_whisker_v") == [4, 40])
    }

    @Test func compositeMistakesAreNamed() {
        #expect(SpecFixture.decodingFailure(#"{"data": "t", "mark": {"type": "errorbar", "extent": "ci"}, "encoding": {}}"#)?.message
                .hasPrefix("extent \"ci\" is not supported in charts yet") == true)
        #expect(SpecFixture.decodingFailure(#"{"data": "t", "mark": {"type": "line", "median": true}, "encoding": {}}"#)?.message
                == "`median` is a part of the errorbar, errorband and boxplot marks, found it on a line mark")
        #expect(SpecFixture.decodingFailure(#"{"data": "t", "mark": "boxplot", "encoding": {"x": {"field": "g", "type": "nominal"}, "y": {"datum": 3}}}"#)?.message
                == "layer 1: a vertical boxplot needs a field on y, the values it summarises")
    }
}
