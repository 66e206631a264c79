import CairoKit
import DossierBase
@testable import DossierVegaLite
import Foundation
import Testing
@testable import DossierCharts

/// Issue 21: Vega-Lite's guides and theme — `config`, axis, legend and title properties,
/// named schemes and scale paddings — change what is drawn as Vega-Lite says.
@Suite struct VegaLiteGuideTests {
    typealias C = ChartFixture

    static let data = ["t": ChartData(columns: [("x", .numbers([1, 2, 3, 4])), ("y", .numbers([10, 20, 15, 30])),
                                                ("g", .strings(["a", "b", "a", "b"]))])]

    static func scene(_ extra: String, x: String = "", y: String = "", color: String = "") throws -> Scene {
        let json = #"{"data": "t", "mark": "point", "encoding": {"x": {"field": "x", "type": "quantitative"\#(x)}, "#
            + #""y": {"field": "y", "type": "quantitative"\#(y)}\#(color)}\#(extra)}"#
        return try C.compile(json, data)
    }

    // MARK: - config

    @Test func theConfigOfAnAxisChangesEveryAxisAndTheChannelsAxisWins() throws {
        let plain = try Self.scene("")
        #expect(!plain.paths.filter { $0.id.hasSuffix("/grid") }.isEmpty)
        let noGrid = try Self.scene(#", "config": {"axis": {"grid": false, "labelColor": "red"}}"#)
        #expect(noGrid.paths.filter { $0.id.contains("/grid") }.isEmpty)
        #expect(SceneCheck.texts(noGrid, "axis-y/label").allSatisfy { $0.color == Color(hex: 0xFF0000) })
        let xWins = try Self.scene(#", "config": {"axisX": {"labelColor": "red"}, "axis": {"labelColor": "blue"}}"#,
                                   x: #", "axis": {"labelColor": "green"}"#)
        #expect(SceneCheck.texts(xWins, "axis-x/label").allSatisfy { $0.color == Color(hex: 0x008000) })
        #expect(SceneCheck.texts(xWins, "axis-y/label").allSatisfy { $0.color == Color(hex: 0x0000FF) })
    }

    @Test func theConfigSetsTheFontBackgroundAndPalette() throws {
        let scene = try Self.scene(#", "config": {"font": "DejaVu Sans", "background": "gainsboro", "range": {"category": ["red", "lime"]}}"#,
                                   color: #", "color": {"field": "g", "type": "nominal"}"#)
        #expect(scene.background == Color(hex: 0xDCDCDC))
        #expect(scene.texts.allSatisfy { $0.font.family == "DejaVu Sans" })
        let fills = Set(scene.paths.filter { $0.id.contains("legend/swatch") }.compactMap(\.fill))
        #expect(fills == [Color(hex: 0xFF0000), Color(hex: 0x00FF00)])
    }

    @Test func aViewStrokeFramesThePlot() throws {
        let plain = try Self.scene("")
        #expect(plain.paths.filter { $0.id.hasSuffix("/view") }.isEmpty)
        let framed = try Self.scene(#", "view": {"stroke": "silver"}"#)
        let view = try #require(framed.paths.first { $0.id.hasSuffix("/view") })
        #expect(view.stroke == Color(hex: 0xC0C0C0))
        #expect(view.segments == [.rect(try #require(SceneCheck.panels(framed).first))])
        let transparent = try Self.scene(#", "config": {"view": {"stroke": "transparent"}}"#)
        #expect(transparent.paths.filter { $0.id.hasSuffix("/view") }.isEmpty)
    }

    @Test func aConfigKeyDossierDoesNotDrawIsNamed() {
        let failure = SpecFixture.decodingFailure(#"{"data": "t", "mark": "point", "config": {"locale": {}}}"#)
        #expect(failure?.message.hasPrefix("`locale` in a config is not supported in charts yet") == true, "\(failure?.message ?? "")")
        let typo = SpecFixture.decodingFailure(#"{"data": "t", "mark": "point", "config": {"axiss": {}}}"#)
        #expect(typo?.message.contains("did you mean") == true || typo?.message.contains("axis") == true, "\(typo?.message ?? "")")
        let value = SpecFixture.decodingFailure(#"{"data": "t", "mark": "point", "config": {"axis": {"tickSize": "big"}}}"#)
        #expect(value?.path == ["config", "axis", "tickSize"])
    }

    @Test func markDefaultsComeFromTheConfigUnlessTheMarkSetsThem() throws {
        let spec = try SpecFixture.spec(#"{"data": "t", "mark": "point", "config": {"point": {"color": "red", "opacity": 0.5}, "mark": {"opacity": 0.2}}}"#)
        let applied = spec.applyingConfig()
        #expect(applied.layers[0].mark.color == "red")
        #expect(applied.layers[0].mark.opacity == 0.5)
        let own = try SpecFixture.spec(#"{"data": "t", "mark": {"type": "point", "color": "blue"}, "config": {"point": {"color": "red"}}}"#)
        #expect(own.applyingConfig().layers[0].mark.color == "blue")
    }

    // MARK: - axes

    @Test func axisNullAndLabelsFalseDrawNoLabels() throws {
        let hidden = try Self.scene("", x: #", "axis": null"#)
        #expect(SceneCheck.texts(hidden, "axis-x").isEmpty)
        #expect(hidden.texts.first { $0.id == "axis-x/title" } == nil)
        let noLabels = try Self.scene("", y: #", "axis": {"labels": false, "title": null}"#)
        #expect(SceneCheck.texts(noLabels, "axis-y/label").isEmpty)
        #expect(noLabels.texts.first { $0.id == "axis-y/title" } == nil)
        // The plot takes the room the labels left.
        #expect(try #require(SceneCheck.panels(noLabels).first).x < (try #require(SceneCheck.panels(try Self.scene("")).first)).x)
    }

    @Test func explicitValuesAndLabelExprWriteTheLabels() throws {
        let scene = try Self.scene("", y: #", "axis": {"values": [10, 20, 30], "labelExpr": "datum.label + ' kg'"}"#)
        #expect(SceneCheck.texts(scene, "axis-y/label").map(\.text) == ["10 kg", "20 kg", "30 kg"])
        let words = try Self.scene("", x: #", "axis": {"labelExpr": "datum.value == 2 ? 'two' : ''"}"#)
        #expect(SceneCheck.texts(words, "axis-x/label").map(\.text).filter { !$0.isEmpty } == ["two"])
    }

    @Test func domainTicksAndOffsetFollowTheAxis() throws {
        let scene = try Self.scene("", x: #", "axis": {"domain": false, "ticks": false, "offset": 5}"#,
                                   y: #", "axis": {"domain": true, "ticks": true, "tickSize": 6, "domainColor": "red"}"#)
        #expect(scene.paths.first { $0.id.hasSuffix("axis-x/line") } == nil)
        #expect(scene.paths.first { $0.id.hasSuffix("axis-x/ticks") } == nil)
        let domain = try #require(scene.paths.first { $0.id.hasSuffix("axis-y/domain") })
        #expect(domain.stroke == Color(hex: 0xFF0000))
        let ticks = try #require(scene.paths.first { $0.id.hasSuffix("axis-y/ticks") })
        guard case .move(let a) = ticks.segments[0], case .line(let b) = ticks.segments[1] else { Issue.record("ticks"); return }
        #expect(abs(a.x - b.x - 6) < 1e-9)
        let panel = try #require(SceneCheck.panels(scene).first)
        #expect(SceneCheck.texts(scene, "axis-x/label").allSatisfy { $0.position.y >= panel.maxY + 5 + 2 })
    }

    @Test func aGridOnABandAxisSitsAtTheBandEdgesWithTickBandExtent() throws {
        let data = ["t": ChartData(columns: [("a", .strings(["p", "q", "r"])), ("v", .numbers([1, 2, 3]))])]
        let scene = try C.compile(#"{"data": "t", "mark": "rect", "encoding": {"x": {"field": "a", "type": "nominal"}, "y": {"field": "a", "type": "nominal"}, "color": {"field": "v", "type": "quantitative"}}, "config": {"axis": {"grid": true, "tickBand": "extent"}}}"#, data)
        let grid = scene.paths.filter { $0.id.contains("/grid") }
        // Four edges around three bands on each axis.
        #expect(grid.reduce(0) { $0 + $1.segments.count } == 2 * 2 * 4)
    }

    @Test func aLabelAngleTurnsTheLabels() throws {
        let scene = try Self.scene("", x: #", "axis": {"labelAngle": -45}"#)
        #expect(SceneCheck.texts(scene, "axis-x/label").allSatisfy { $0.rotation == -45 && $0.anchor == .end })
    }

    // MARK: - legends, titles

    @Test func aLegendInACornerLeavesThePlotItsWidth() throws {
        let right = try Self.scene("", color: #", "color": {"field": "g", "type": "nominal"}"#)
        let corner = try Self.scene("", color: #", "color": {"field": "g", "type": "nominal", "legend": {"orient": "top-left"}}"#)
        let panel = try #require(SceneCheck.panels(corner).first)
        // The plot is the chart's width either way (Vega-Lite): the legend inside it takes no
        // room beside it, so the figure is narrower.
        #expect(abs(panel.width - (try #require(SceneCheck.panels(right).first)).width) < 0.5)
        #expect(corner.width < right.width)
        let title = try #require(corner.texts.first { $0.id == "legend/title" })
        #expect(panel.contains(title.bounds, tolerance: 0.5))
    }

    @Test func aHorizontalLegendWithItsTitleLeftAndAGradientLength() throws {
        let scene = try Self.scene("", color: #", "color": {"field": "y", "type": "quantitative", "legend": {"direction": "horizontal", "gradientLength": 120, "titleOrient": "top", "values": [15, 25]}}"#)
        let slices = scene.paths.filter { $0.id.contains("legend/gradient") }.compactMap { path -> SceneRect? in
            if case .rect(let r)? = path.segments.first { return r } else { return nil }
        }
        let span = (slices.map(\.maxX).max() ?? 0) - (slices.map(\.x).min() ?? 0)
        #expect(abs(span - 120) < 0.5)
        #expect(SceneCheck.texts(scene, "legend/label").map(\.text) == ["15", "25"])
        let title = try #require(scene.texts.first { $0.id == "legend/title" })
        #expect(title.bounds.maxY <= (slices.map(\.y).min() ?? 0) + 0.01)
    }

    @Test func aTitleObjectIsAnchoredAndStyled() throws {
        let scene = try Self.scene(#", "title": {"text": "Hello", "subtitle": "World", "anchor": "middle", "fontSize": 15, "color": "red"}"#)
        let title = try #require(scene.texts.first { $0.id == "title" })
        #expect(title.font.size == 15)
        #expect(title.color == Color(hex: 0xFF0000))
        #expect(title.anchor == .middle)
        #expect(scene.texts.contains { $0.id == "subtitle" && $0.text == "World" })
    }

    // MARK: - schemes, scales

    @Test func vegaSchemesHaveVegasColours() throws {
        #expect(NamedSchemes.colors("tableau10")?.first == Color(hex: 0x4C78A8))
        #expect(NamedSchemes.colors("category10")?.count == 10)
        #expect(NamedSchemes.colors("set2", count: 3) == [Color(hex: 0x66C2A5), Color(hex: 0xFC8D62), Color(hex: 0x8DA0CB)])
        #expect(NamedSchemes.colors("viridis")?.first == Color(hex: 0x440154))
        // Categories from a continuous scheme: sampled inside the ramp as Vega does.
        #expect(NamedSchemes.ordinalSamples("blueorange", count: 1) == [Palette.interpolate(NamedSchemes.colors("blueorange") ?? [], 0.5)])
        let scene = try Self.scene("", color: #", "color": {"field": "g", "type": "nominal", "scale": {"scheme": "category20b"}}"#)
        let fills = scene.paths.filter { $0.id.contains("legend/swatch") }.compactMap(\.fill)
        #expect(fills == [Color(hex: 0x393B79), Color(hex: 0x5254A3)])
    }

    @Test func bandPaddingAndPointScalesPlaceCategories() throws {
        let data = ["t": ChartData(columns: [("a", .strings(["p", "q"])), ("v", .numbers([1, 2]))])]
        let point = try C.compile(#"{"data": "t", "mark": "point", "encoding": {"x": {"field": "a", "type": "nominal", "scale": {"type": "point", "padding": 0}}, "y": {"field": "v", "type": "quantitative"}}}"#, data)
        let panel = try #require(SceneCheck.panels(point).first)
        let labels = SceneCheck.texts(point, "axis-x/label")
        #expect(labels.count == 2)
        #expect(abs(labels[0].position.x - panel.x) < 1e-6 && abs(labels[1].position.x - panel.maxX) < 1e-6)
        let bars = try C.compile(#"{"data": "t", "mark": "bar", "encoding": {"x": {"field": "a", "type": "nominal", "scale": {"paddingInner": 0, "paddingOuter": 0}}, "y": {"field": "v", "type": "quantitative"}}}"#, data)
        let rects = bars.paths.filter { $0.id.contains("/bar") }.compactMap { path -> SceneRect? in
            if case .rect(let r)? = path.segments.first { return r } else { return nil }
        }
        let barsPanel = try #require(SceneCheck.panels(bars).first)
        #expect(abs(rects.reduce(0) { $0 + $1.width } - barsPanel.width) < 1e-6)
    }
}
