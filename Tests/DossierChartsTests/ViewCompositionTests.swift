@testable import DossierVegaLite
import Foundation
import Testing
@testable import DossierCharts

/// Vega-Lite view composition: `hconcat`, `vconcat`, `concat`, `repeat`, the facet operator and
/// facet channels, nested layers, `datasets`, `resolve` and `spacing`.
@Suite struct ViewCompositionTests {
    typealias C = ChartFixture

    static let rows = #"{"values": [{"a": 1, "b": 2, "c": 5, "g": "p"}, {"a": 2, "b": 4, "c": 3, "g": "q"}, {"a": 3, "b": 5, "c": 1, "g": "p"}]}"#

    /// The plot areas of a compiled chart, by the view prefix of their ids.
    static func plots(_ scene: Scene) -> [String: SceneRect] {
        var rects: [String: SceneRect] = [:]
        for group in scene.groups where group.id.hasSuffix("panel/0/marks") {
            rects[String(group.id.dropLast("panel/0/marks".count))] = group.clip
        }
        return rects
    }

    @Test func hconcatPlacesViewsSideBySideWithTheirOwnScales() throws {
        let spec = try SpecFixture.spec(#"{"data": \#(Self.rows), "hconcat": [{"mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}, "y": {"field": "b", "type": "quantitative"}}}, {"mark": "point", "encoding": {"x": {"field": "c", "type": "quantitative"}, "y": {"field": "b", "type": "quantitative"}}}]}"#)
        #expect(spec.composition?.arrangement == .horizontal)
        #expect(spec.composition?.views.count == 2)
        #expect(spec.layers.count == 2)
        let scene = try C.withTypesetter { try ChartCompiler.compile(spec, data: [:], typesetter: $0) }
        let plots = Self.plots(scene)
        let first = try #require(plots["view/1/"]), second = try #require(plots["view/2/"])
        // Vega-Lite's default plot, 200 × 200, in each view; the second right of the first.
        #expect(abs(first.width - 200) < 0.5 && abs(first.height - 200) < 0.5)
        #expect(abs(second.width - 200) < 0.5)
        #expect(second.x > first.maxX + 20)
        #expect(abs(second.y - first.y) < 0.5)
        // Independent x scales: the x axis titles are each view's field.
        let titles = scene.texts.map(\.text)
        #expect(titles.contains("a") && titles.contains("c"))
        #expect(scene.width >= second.maxX)
    }

    @Test func vconcatStacksViewsAndSpacingSetsTheGap() throws {
        let view = #"{"mark": "point", "width": 120, "height": 80, "encoding": {"x": {"field": "a", "type": "quantitative"}, "y": {"field": "b", "type": "quantitative"}}}"#
        func gap(_ spacing: String) throws -> Double {
            let scene = try C.compile(#"{"data": \#(Self.rows), \#(spacing) "vconcat": [\#(view), \#(view)]}"#, [:])
            let plots = Self.plots(scene)
            let first = try #require(plots["view/1/"]), second = try #require(plots["view/2/"])
            #expect(abs(first.width - 120) < 0.5 && abs(first.height - 80) < 0.5)
            #expect(abs(second.x - first.x) < 0.5)
            return second.y - first.maxY
        }
        let standard = try gap("")
        let wide = try gap(#""spacing": 60,"#)
        #expect(abs(wide - standard - 40) < 0.5)
    }

    @Test func concatWrapsAtColumns() throws {
        let view = #"{"mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}, "y": {"field": "a", "type": "quantitative"}}}"#
        let spec = try SpecFixture.spec(#"{"data": \#(Self.rows), "columns": 2, "concat": [\#(view), \#(view), \#(view)]}"#)
        #expect(spec.composition?.arrangement == .wrapped(columns: 2))
        #expect(spec.composition?.rowCount == 2)
        let plots = Self.plots(try C.withTypesetter { try ChartCompiler.compile(spec, data: [:], typesetter: $0) })
        let one = try #require(plots["view/1/"]), three = try #require(plots["view/3/"])
        #expect(abs(three.x - one.x) < 0.5 && three.y > one.maxY)
    }

    @Test func repeatFillsTheFieldOfEachView() throws {
        let spec = try SpecFixture.spec(#"{"data": \#(Self.rows), "repeat": {"row": ["a", "b"], "column": ["b", "c"]}, "spec": {"mark": "point", "encoding": {"x": {"field": {"repeat": "column"}, "type": "quantitative"}, "y": {"field": {"repeat": "row"}, "type": "quantitative"}}}}"#)
        let views = try #require(spec.composition?.views)
        #expect(spec.composition?.arrangement == .wrapped(columns: 2))
        #expect(views.map { "\($0.layers[0].encoding.y?.field ?? "")/\($0.layers[0].encoding.x?.field ?? "")" } == ["a/b", "a/c", "b/b", "b/c"])
        let list = try SpecFixture.spec(#"{"data": \#(Self.rows), "repeat": ["a", "c"], "spec": {"mark": "bar", "encoding": {"x": {"field": {"repeat": "repeat"}, "type": "quantitative"}}}}"#)
        #expect(list.composition?.views.map { $0.layers[0].encoding.x?.field } == ["a", "c"])
        #expect(list.composition?.arrangement == .horizontal)
    }

    @Test func aLayerRepeatMakesOneViewOfLayers() throws {
        let spec = try SpecFixture.spec(#"{"data": \#(Self.rows), "repeat": {"layer": ["b", "c"]}, "spec": {"mark": "line", "encoding": {"x": {"field": "a", "type": "quantitative"}, "y": {"field": {"repeat": "layer"}, "type": "quantitative"}}}}"#)
        let views = try #require(spec.composition?.views)
        #expect(views.count == 1)
        #expect(views[0].layers.map { $0.encoding.y?.field } == ["b", "c"])
        _ = try C.withTypesetter { try ChartCompiler.compile(spec, data: [:], typesetter: $0) }
    }

    @Test func aRepeatReferenceOutsideItsRepeatIsAnError() {
        let outside = SpecFixture.decodingFailure(#"{"data": "t", "mark": "point", "encoding": {"x": {"field": {"repeat": "row"}}}}"#)
        #expect(outside?.message.hasPrefix("a field is {\"repeat\": \"row\"} outside a `repeat`") == true, "\(outside?.message ?? "")")
        let wrongKind = SpecFixture.decodingFailure(#"{"data": "t", "repeat": {"column": ["a"]}, "spec": {"mark": "point", "encoding": {"x": {"field": {"repeat": "row"}}}}}"#)
        #expect(wrongKind?.message == "a field is {\"repeat\": \"row\"}, but the enclosing `repeat` has `column`: refer to one of them")
        #expect(wrongKind?.path == ["spec"])
        let typo = SpecFixture.decodingFailure(#"{"data": "t", "mark": "point", "encoding": {"x": {"field": {"repeat": "colum"}}}}"#)
        #expect(typo?.message.hasPrefix("a field's `repeat` is \"colum\", expected row, column, layer or repeat") == true)
    }

    @Test func aFieldGivenAsAListOrANumberSaysWhatAFieldIs() {
        let list = SpecFixture.decodingFailure(#"{"data": "t", "mark": "point", "encoding": {"x": {"field": ["a", "b"]}}}"#)
        #expect(list?.message == "found a list, expected a field's name (a text) or {repeat: row, column, layer or repeat}", "\(list?.message ?? "")")
        #expect(list?.path == ["encoding", "x", "field"])
        let number = SpecFixture.decodingFailure(#"{"data": "t", "mark": "point", "encoding": {"x": {"field": 3}}}"#)
        #expect(number?.message.hasPrefix("found a number or true/false, expected a field's name") == true, "\(number?.message ?? "")")
    }

    @Test func facetChannelsAndTheFacetOperatorMakePanels() throws {
        let unit = #""data": "t", "mark": "point", "encoding": {"x": {"field": "a"}, "#
        let row = try SpecFixture.spec("{\(unit) \"row\": {\"field\": \"g\", \"header\": {\"labelAngle\": 0}}}}")
        #expect(row.facet?.field == "g" && row.facet?.columns == 1)
        let column = try SpecFixture.spec("{\(unit) \"column\": {\"field\": \"g\", \"type\": \"nominal\"}}}")
        #expect(column.facet?.columns == FacetSpec.oneRow)
        let wrapped = try SpecFixture.spec("{\(unit) \"facet\": {\"field\": \"g\", \"columns\": 2}}}")
        #expect(wrapped.facet?.columns == 2)
        let both = SpecFixture.decodingFailure("{\(unit) \"row\": {\"field\": \"g\"}, \"column\": {\"field\": \"h\"}}}")
        #expect(both?.message.hasPrefix("faceting by both `row` (\"g\") and `column` is not supported in charts yet") == true)
        let facetOperator = try SpecFixture.spec(#"{"data": "t", "facet": {"field": "g", "type": "nominal", "header": {"labels": false}}, "columns": 3, "spec": {"mark": "point", "encoding": {"x": {"field": "a"}}}}"#)
        #expect(facetOperator.facet?.field == "g" && facetOperator.facet?.columns == 3)
        #expect(facetOperator.layers.first?.data == "t")
        let rowOperator = try SpecFixture.spec(#"{"data": "t", "facet": {"row": {"field": "g"}}, "spec": {"mark": "point", "encoding": {"x": {"field": "a"}}}}"#)
        #expect(rowOperator.facet?.columns == 1)
    }

    @Test func facetHeaderLabelsFalseLeavesPanelsUnlabelled() throws {
        let base = #"{"data": \#(Self.rows), "mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}, "y": {"field": "a", "type": "quantitative"}, "facet": {"field": "g"HEADER}}}"#
        let labelled = try C.compile(base.replacingOccurrences(of: "HEADER", with: ""), [:])
        let bare = try C.compile(base.replacingOccurrences(of: "HEADER", with: #", "header": {"labels": false}"#), [:])
        #expect(labelled.texts.filter { $0.id.hasSuffix("/strip") }.map(\.text) == ["p", "q"])
        #expect(bare.texts.filter { $0.id.hasSuffix("/strip") }.isEmpty)
    }

    @Test func datasetsAreReadByName() throws {
        let spec = try SpecFixture.spec(#"{"datasets": {"d": [{"a": 1, "b": 2}, {"a": 2, "b": 3}]}, "data": {"name": "d"}, "mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}, "y": {"field": "b", "type": "quantitative"}}}"#)
        #expect(spec.layers[0].data == "values:1")
        #expect(spec.inlineData["values:1"]?.column("a") != nil)
        #expect(spec.dataNames.isEmpty)
        // In a view of a composition, and in a layer.
        let composed = try SpecFixture.spec(#"{"datasets": {"d": [{"a": 1}]}, "hconcat": [{"data": {"name": "d"}, "mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}, "y": {"field": "a", "type": "quantitative"}}}, {"layer": [{"data": {"name": "d"}, "mark": "rule", "encoding": {"x": {"field": "a", "type": "quantitative"}}}]}]}"#)
        #expect(composed.layers.map(\.data) == ["values:1", "values:2"])
        _ = try C.withTypesetter { try ChartCompiler.compile(composed, data: [:], typesetter: $0) }
    }

    @Test func inlineRowsOfDifferentViewsKeepTheirOwnKeys() throws {
        let spec = try SpecFixture.spec(#"{"hconcat": [{"data": {"values": [{"a": 1}]}, "mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}, "y": {"field": "a", "type": "quantitative"}}}, {"data": {"values": [{"a": 7}, {"a": 9}]}, "mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}, "y": {"field": "a", "type": "quantitative"}}}]}"#)
        #expect(spec.layers.map(\.data) == ["values:1", "values:2"])
        #expect(spec.composition?.views.map { $0.layers[0].data } == ["values:1", "values:2"])
        #expect(spec.inlineData["values:2"]?.rowCount == 2)
    }

    @Test func aNestedLayerInheritsDataAndEncoding() throws {
        let spec = try SpecFixture.spec(#"{"data": \#(Self.rows), "encoding": {"x": {"field": "a", "type": "quantitative"}}, "layer": [{"mark": "line", "encoding": {"y": {"field": "b", "type": "quantitative"}}}, {"encoding": {"y": {"field": "c", "type": "quantitative"}}, "layer": [{"mark": "point"}, {"mark": "rule"}]}]}"#)
        #expect(spec.layers.map(\.mark.type) == [.line, .point, .rule])
        #expect(spec.layers.map { $0.encoding.y?.field } == ["b", "c", "c"])
        #expect(spec.layers.map { $0.encoding.x?.field } == ["a", "a", "a"])
        #expect(Set(spec.layers.map(\.data)).count == 3)
    }

    @Test func aLayerProjectionIsTheChartsWhenTheChartGivesNone() throws {
        let spec = try SpecFixture.spec(#"{"layer": [{"data": "t", "projection": {"type": "equalArea"}, "mark": "point", "encoding": {"longitude": {"field": "lon"}, "latitude": {"field": "lat"}}}]}"#)
        #expect(spec.projection?.type == "equalArea")
        let given = try SpecFixture.spec(#"{"projection": {"type": "mercator"}, "layer": [{"data": "t", "projection": {"type": "equalArea"}, "mark": "point"}]}"#)
        #expect(given.projection?.type == "mercator")
    }

    @Test func theChartTransformRunsBeforeEachView() throws {
        let spec = try SpecFixture.spec(#"{"data": \#(Self.rows), "transform": [{"filter": "datum.a > 1"}], "vconcat": [{"mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}, "y": {"field": "a", "type": "quantitative"}}}, {"data": {"values": [{"a": 5}]}, "mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}, "y": {"field": "a", "type": "quantitative"}}}]}"#)
        let views = try #require(spec.composition?.views)
        #expect(views[0].layers[0].transform.count == 1)
        #expect(views[1].layers[0].transform.isEmpty)
    }

    @Test func concatenatedViewsShareOneColourScaleAndLegend() throws {
        let view = #"{"mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}, "y": {"field": "a", "type": "quantitative"}, "color": {"field": "g", "type": "nominal"}}, "transform": [{"filter": "FILTER"}]}"#
        let json = #"{"data": {"values": [{"a": 1, "g": "p"}, {"a": 2, "g": "q"}, {"a": 3, "g": "r"}]}, RESOLVE "hconcat": [\#(view.replacingOccurrences(of: "FILTER", with: "datum.g != 'p'")), \#(view.replacingOccurrences(of: "FILTER", with: "datum.a < 3"))]}"#
        let shared = try C.compile(json.replacingOccurrences(of: "RESOLVE", with: ""), [:])
        let legends = shared.groups.filter { $0.id.hasSuffix("/legend") }
        #expect(legends.map(\.id) == ["view/2/legend"])
        // The one legend lists the union of the views' categories.
        let labels = shared.texts.filter { $0.id.hasPrefix("view/2/legend") }.map(\.text)
        #expect(["p", "q", "r"].allSatisfy(labels.contains))
        let independent = try C.compile(json.replacingOccurrences(of: "RESOLVE", with: #""resolve": {"scale": {"color": "independent"}},"#), [:])
        #expect(independent.groups.filter { $0.id.hasSuffix("/legend") }.count == 2)
    }

    @Test func sharedColourGivesACategoryOneColourInEveryView() throws {
        let view = #"{"mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}, "y": {"field": "a", "type": "quantitative"}, "color": {"field": "g", "type": "nominal"}}, "transform": [{"filter": "FILTER"}]}"#
        let json = #"{"data": {"values": [{"a": 1, "g": "p"}, {"a": 2, "g": "q"}]}, "hconcat": [\#(view.replacingOccurrences(of: "FILTER", with: "datum.g == 'q'")), \#(view.replacingOccurrences(of: "FILTER", with: "datum.a > 0"))]}"#
        let scene = try C.compile(json, [:])
        func fills(_ prefix: String) -> Set<String> {
            let marks = scene.flattened.filter { $0.id.hasPrefix(prefix + "panel/0/layer") }
            return Set(marks.flatMap { item -> [String] in
                switch item {
                case .path(let path): return path.fill.map { ["\($0)"] } ?? []
                case .markers(let markers): return markers.symbols.compactMap { $0.fill.map { "\($0)" } }
                default: return []
                }
            })
        }
        // View 1 holds only q; its colour is q's colour in view 2 (the second category), not the first colour.
        let first = fills("view/1/"), second = fills("view/2/")
        #expect(first.count == 1)
        #expect(second.count == 2)
        #expect(first.isSubset(of: second))
        #expect(first == ["\(Theme.briefing.categorical[1])"])
    }

    @Test func aComposedChartIsSummarisedViewByView() throws {
        let spec = try SpecFixture.spec(#"{"data": "t", "title": "Both", "hconcat": [{"mark": "point", "encoding": {"x": {"field": "a"}}}, {"mark": "bar", "encoding": {"y": {"field": "b"}}}]}"#)
        #expect(spec.generatedSummary == "2 views side by side. View 1: Point marks (x: a). View 2: Bar marks (y: b).")
        #expect(spec.title == "Both")
        let scene = try C.compile(#"{"data": \#(Self.rows), "description": "Two views", "vconcat": [{"mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}, "y": {"field": "a", "type": "quantitative"}}}]}"#, [:])
        #expect(scene.summary == "Two views")
    }

    @Test func composedKeysAreChecked() {
        let two = SpecFixture.decodingFailure(#"{"data": "t", "hconcat": [], "vconcat": []}"#)
        #expect(two?.message.hasPrefix("a view takes one of `hconcat`, `vconcat`, `concat` or `repeat`") == true, "\(two?.message ?? "")")
        let empty = SpecFixture.decodingFailure(#"{"data": "t", "hconcat": []}"#)
        #expect(empty?.message == "`hconcat` is empty, expected a list of views")
        let mark = SpecFixture.decodingFailure(#"{"data": "t", "mark": "point", "hconcat": [{"mark": "point"}]}"#)
        #expect(mark?.message.hasPrefix("unknown key \"mark\" in a composed chart") == true, "\(mark?.message ?? "")")
        let resolve = SpecFixture.decodingFailure(#"{"data": "t", "resolve": {"scale": {"color": "own"}}, "hconcat": [{"mark": "point"}]}"#)
        #expect(resolve?.message == "a resolve is \"own\", expected shared or independent")
        let sharedX = SpecFixture.decodingFailure(#"{"data": "t", "resolve": {"scale": {"x": "shared"}}, "hconcat": [{"mark": "point"}]}"#)
        #expect(sharedX?.message.hasPrefix("`resolve` with a shared x scale across views is not supported in charts yet") == true)
        let spacing = SpecFixture.decodingFailure(#"{"data": "t", "spacing": -1, "hconcat": [{"mark": "point"}]}"#)
        #expect(spacing?.message == "spacing is -1, expected a number from 0 to 500 points")
        let noData = SpecFixture.decodingFailure(#"{"hconcat": [{"mark": "point"}]}"#)
        #expect(noData == nil || noData?.message.contains("data") == true)
    }

    @Test func anErrorNamesItsView() throws {
        #expect {
            _ = try C.compile(#"{"data": \#(Self.rows), "hconcat": [{"mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}, "y": {"field": "a", "type": "quantitative"}}}, {"mark": "point", "encoding": {"x": {"field": "zz", "type": "quantitative"}, "y": {"field": "a", "type": "quantitative"}}}]}"#, [:])
        } throws: { error in
            (error as? ChartError)?.description.hasPrefix("view 2: layer 1: x: field \"zz\" not found") == true
        }
    }
}

extension ViewCompositionTests {
    @Test func rowsWithoutAPositionMakeNoPanel() throws {
        // Vega-Lite filters rows a quantitative x or y cannot place before it finds the panels.
        let scene = try C.compile(#"{"data": {"values": [{"a": 1, "b": 2, "g": "p"}, {"a": null, "b": 3, "g": "q"}, {"a": 2, "b": 1, "g": "r"}]}, "mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}, "y": {"field": "b", "type": "quantitative"}, "facet": {"field": "g"}}}"#, [:])
        #expect(scene.texts.filter { $0.id.hasSuffix("/strip") }.map(\.text) == ["p", "r"])
    }
}
