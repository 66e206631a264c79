import CairoKit
import DossierBase
@testable import DossierVegaLite
import Foundation
import Testing
@testable import DossierCharts

/// Issue 21: Vega-Lite's `config.style` and mark `style`, per-mark config keys, `invalid`,
/// accessibility keys and conditional axis properties change what is drawn as Vega-Lite says
/// (the gallery's bar_negative, area_horizon, point_invalid_color and bar_layered_weather).
@Suite struct VegaLiteConfigTests {
    typealias C = ChartFixture

    static let bars = ["t": ChartData(columns: [("a", .strings(["A", "B", "C"])), ("b", .numbers([-20, 40, 60]))])]

    static func bar(_ mark: String = #""bar""#, y: String = "", extra: String = "") throws -> Scene {
        try C.compile(#"{"data": "t", "mark": \#(mark), "encoding": {"x": {"field": "a", "type": "nominal"}, "#
                      + #""y": {"field": "b", "type": "quantitative"\#(y)}}\#(extra)}"#, bars)
    }

    static func barFills(_ scene: Scene) -> Set<Color> {
        Set(scene.paths.filter { $0.id.contains("/bar/") }.compactMap(\.fill))
    }

    // MARK: - Conditional axis properties

    @Test func aConditionalGridColourDrawsTheZeroLineInItsOwnColour() throws {
        let scene = try Self.bar(y: ##", "axis": {"gridColor": {"condition": {"test": "datum.value === 0", "value": "black"}, "value": "#ddd"}}"##)
        let grid = scene.paths.filter { $0.id.contains("/grid") }
        let black = try #require(grid.first { $0.stroke == Color(hex: 0x000000) })
        let grey = try #require(grid.first { $0.stroke == Color(hex: 0xDDDDDD) })
        // One line at zero (two segments: move and line), the other ticks grey.
        #expect(black.segments.count == 2)
        #expect(grey.segments.count >= 4)
        let panel = try #require(SceneCheck.panels(scene).first)
        guard case .move(let start) = black.segments[0] else { Issue.record("no move"); return }
        // The domain is -20…60: zero sits a quarter of the way up.
        #expect(abs(start.y - (panel.maxY - panel.height * 0.25)) < 0.01)
    }

    @Test func aConditionCanListSeveralTestsAndReadTheIndex() throws {
        let scene = try Self.bar(y: #", "axis": {"gridWidth": {"condition": [{"test": "datum.index === 0", "value": 3}, "#
                                 + #"{"test": "datum.value > 40", "value": 2}]}}"#)
        let widths = Set(scene.paths.filter { $0.id.contains("/grid") }.map(\.lineWidth))
        #expect(widths == [3, 2, 0.5])
    }

    @Test func aConditionOnAnotherAxisKeyIsNamedAsNotSupported() {
        let failure = SpecFixture.decodingFailure(
            #"{"data": "t", "mark": "bar", "encoding": {"y": {"field": "b", "axis": {"labelColor": {"condition": {"test": "true", "value": "red"}, "value": "blue"}}}}}"#)
        #expect(failure?.message.hasPrefix("a condition on `labelColor` is not supported in charts yet: only gridColor") == true,
                "\(failure?.message ?? "no error")")
    }

    // MARK: - Styles and mark config

    @Test func aNamedStyleSetsTheMarkAndTheMarksOwnKeysWin() throws {
        let styled = try Self.bar(#"{"type": "bar", "style": "hilo"}"#, extra: #", "config": {"style": {"hilo": {"color": "red"}}}"#)
        #expect(Self.barFills(styled) == [Color(hex: 0xFF0000)])
        let own = try Self.bar(#"{"type": "bar", "style": "hilo", "color": "blue"}"#, extra: #", "config": {"style": {"hilo": {"color": "red"}}}"#)
        #expect(Self.barFills(own) == [Color(hex: 0x0000FF)])
        // The last of several styles wins; a style beats config.bar.
        let last = try Self.bar(#"{"type": "bar", "style": ["a", "b"]}"#,
                                extra: #", "config": {"bar": {"color": "blue"}, "style": {"a": {"color": "red"}, "b": {"color": "lime"}}}"#)
        #expect(Self.barFills(last) == [Color(hex: 0x00FF00)])
    }

    @Test func aMarkWithoutStyleTakesTheStyleNamedByItsType() throws {
        let scene = try Self.bar(extra: #", "config": {"bar": {"color": "blue"}, "style": {"bar": {"color": "red"}}}"#)
        #expect(Self.barFills(scene) == [Color(hex: 0xFF0000)])
    }

    @Test func anAxisStyleSetsItsKeys() throws {
        let scene = try Self.bar(y: #", "axis": {"style": "quiet"}"#, extra: #", "config": {"style": {"quiet": {"labelColor": "red", "color": "blue"}}}"#)
        #expect(SceneCheck.texts(scene, "axis-y/label").allSatisfy { $0.color == Color(hex: 0xFF0000) })
        #expect(SceneCheck.texts(scene, "axis-x/label").allSatisfy { $0.color != Color(hex: 0xFF0000) })
    }

    @Test func vegasGuideStylesAreNamedAsNotSupported() {
        let failure = SpecFixture.decodingFailure(
            #"{"data": "t", "mark": "bar", "config": {"style": {"guide-label": {"fontSize": 12}}}}"#)
        #expect(failure?.message.hasPrefix("config.style.guide-label (Vega's style of guides and views) is not supported") == true,
                "\(failure?.message ?? "no error")")
    }

    @Test func theMarkConfigSetsTheInterpolationOfAreas() throws {
        let data = ["t": ChartData(columns: [("x", .numbers([1, 2, 3, 4])), ("y", .numbers([1, 3, 2, 4]))])]
        func area(_ config: String) throws -> ScenePath {
            let scene = try C.compile(#"{"data": "t", "mark": "area", "encoding": {"x": {"field": "x", "type": "quantitative"}, "#
                                      + #""y": {"field": "y", "type": "quantitative"}}\#(config)}"#, data)
            let marks = try #require(scene.groups.first { $0.id.hasSuffix("/marks") })
            let paths = marks.items.compactMap { if case .path(let p) = $0 { return p } else { return nil } }
            return try #require(paths.first { $0.fill != nil })
        }
        let curved = try area(#", "config": {"area": {"interpolate": "monotone"}}"#)
        #expect(curved.segments.contains { if case .curve = $0 { return true } else { return false } })
        let straight = try area("")
        #expect(!straight.segments.contains { if case .curve = $0 { return true } else { return false } })
        let viaMark = try area(#", "config": {"mark": {"interpolate": "monotone"}, "area": {"interpolate": "linear"}}"#)
        #expect(!viaMark.segments.contains { if case .curve = $0 { return true } else { return false } })
    }

    // MARK: - Accessibility keys

    @Test func accessibilityKeysAreAcceptedEverywhere() throws {
        _ = try Self.bar(#"{"type": "bar", "aria": false, "description": "bars", "ariaRoleDescription": "bar"}"#,
                         y: #", "axis": {"aria": false, "description": "values"}"#,
                         extra: #", "title": {"text": "T", "aria": false}, "config": {"aria": false, "mark": {"aria": false}, "legend": {"aria": true}}"#)
        let failure = SpecFixture.decodingFailure(#"{"data": "t", "mark": {"type": "bar", "aria": "no"}}"#)
        #expect(failure != nil)
    }

    // MARK: - invalid

    static let gaps = ["t": ChartData(columns: [("x", .numbers([1, 2, nil, 4])), ("y", .numbers([2, nil, 3, 4]))])]

    static func points(_ mark: String, _ config: String = "") throws -> Scene {
        try C.compile(#"{"data": "t", "mark": \#(mark), "encoding": {"x": {"field": "x", "type": "quantitative"}, "#
                      + #""y": {"field": "y", "type": "quantitative"}}\#(config)}"#, gaps)
    }

    static func centres(_ scene: Scene) -> [ScenePoint] {
        scene.paths.filter { $0.id.contains("/point/") }.compactMap {
            if case .circle(let c, _)? = $0.segments.first { return c } else { return nil }
        }
    }

    @Test func invalidNullDrawsMissingValuesAtZero() throws {
        #expect(Self.centres(try Self.points(#""point""#)).count == 2)
        for scene in [try Self.points(#""point""#, #", "config": {"mark": {"invalid": null}}"#),
                      try Self.points(#"{"type": "point", "invalid": "show"}"#)] {
            let centres = Self.centres(scene)
            #expect(centres.count == 4)
            let panel = try #require(SceneCheck.panels(scene).first)
            // (2, null) sits on the x axis (y = 0), (null, 3) on the y axis (x = 0).
            #expect(centres.contains { abs($0.y - panel.maxY) < 0.01 })
            #expect(centres.contains { abs($0.x - panel.x) < 0.01 })
        }
        #expect(Self.centres(try Self.points(#"{"type": "point", "invalid": "filter"}"#, #", "config": {"mark": {"invalid": null}}"#)).count == 2)
    }

    @Test func thePathModesOfInvalidAreNamedAsNotSupported() {
        let failure = SpecFixture.decodingFailure(#"{"data": "t", "mark": {"type": "line", "invalid": "break-paths-show-domains"}}"#)
        #expect(failure?.message.hasPrefix("`invalid: break-paths-show-domains` is not supported in charts yet") == true,
                "\(failure?.message ?? "no error")")
    }
}
