import DossierBase
@testable import DossierVegaLite
import Foundation
import Testing

/// Issue 21, first step: a layer's `data` as Vega-Lite writes it (`{name}`, `{values}`,
/// `{url}`), and layers inheriting their chart's `data` and `encoding`.
@Suite struct VegaLiteDataTests {

    @Test func aBareNameAndANameObjectAreTheSame() throws {
        let bare = try SpecFixture.spec(#"{"data": "t", "mark": "point", "encoding": {}}"#)
        let object = try SpecFixture.spec(#"{"data": {"name": "t"}, "mark": "point", "encoding": {}}"#)
        #expect(bare.layers[0].source == .named("t"))
        #expect(object.layers[0].source == .named("t"))
        #expect(object.dataNames == ["t"])
    }

    @Test func inlineValuesBecomeTypedColumns() throws {
        let spec = try SpecFixture.spec(#"{"data": {"values": [{"a": "x", "b": 1}, {"a": "y", "b": null}, {"a": "z", "c": true}]}, "mark": "point", "encoding": {}}"#)
        guard case .values(let table) = spec.layers[0].source else { Issue.record("not values"); return }
        let byName = Dictionary(uniqueKeysWithValues: table.columns.map { ($0.name, $0.values) })
        #expect(byName["a"] == .strings(["x", "y", "z"]))
        #expect(byName["b"] == .numbers([1, nil, nil]))
        #expect(byName["c"] == .strings([nil, nil, "true"]))
        #expect(spec.layers[0].data == "values:1")
        #expect(spec.dataNames.isEmpty)
        #expect(spec.inlineData["values:1"]?.rowCount == 3)
    }

    @Test func plainValuesAreReadAsTheFieldData() throws {
        let spec = try SpecFixture.spec(#"{"data": {"values": [3, 1, 2]}, "mark": "point", "encoding": {}}"#)
        #expect(spec.inlineData["values:1"]?.column("data") == .numbers([3, 1, 2]))
    }

    @Test func aURLTakesItsFormatFromItsExtensionOrFromFormat() throws {
        #expect(try SpecFixture.spec(#"{"data": {"url": "d/cars.csv"}, "mark": "point", "encoding": {}}"#).layers[0].source == .url("d/cars.csv", format: .csv))
        #expect(try SpecFixture.spec(#"{"data": {"url": "d/cars.TSV"}, "mark": "point", "encoding": {}}"#).layers[0].source == .url("d/cars.TSV", format: .tsv))
        #expect(try SpecFixture.spec(#"{"data": {"url": "d/cars.txt", "format": {"type": "json"}}, "mark": "point", "encoding": {}}"#).layers[0].source == .url("d/cars.txt", format: .json))
        let spec = try SpecFixture.spec(#"{"data": {"url": "d/cars.json"}, "mark": "point", "encoding": {}}"#)
        #expect(spec.dataFiles.map(\.key) == ["url:d/cars.json"])
    }

    @Test(arguments: [
        (#"{"data": {"url": "d/cars"}, "mark": "point", "encoding": {}}"#, "cannot tell the format of \"d/cars\""),
        (#"{"data": {"url": "d/a.csv", "format": {"type": "topojson"}}, "mark": "point", "encoding": {}}"#, "a topojson format needs `feature: <object>`"),
        (#"{"data": {"url": "d/a.csv", "format": {"type": "shapefile"}}, "mark": "point", "encoding": {}}"#, "data format \"shapefile\" is not supported"),
        (#"{"data": {"url": "d/a.csv", "values": []}, "mark": "point", "encoding": {}}"#, "takes one of `name`, `values` or `url`, found `values` and `url`"),
        (#"{"data": {}, "mark": "point", "encoding": {}}"#, "needs one of `name`, `values` or `url`"),
        (#"{"data": {"sequence": {"start": 0}}, "mark": "point", "encoding": {}}"#, "`sequence` in a data source is not supported in charts yet"),
        (#"{"data": {"url": "a.csv", "format": {"type": "csv", "parse": {}}}, "mark": "point", "encoding": {}}"#, "`parse` in a data format is not supported in charts yet"),
        (#"{"data": {"values": [{"a": [[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]}]}, "mark": "point", "encoding": {}}"#, "nests lists and records more than 16 deep"),
        (#"{"$schema": "https://vega.github.io/schema/vega-lite/v4.json", "data": "t", "mark": "point", "encoding": {}}"#, "expected a Vega-Lite v5 or v6 schema"),
        (#"{"mark": "point", "encoding": {}}"#, "a chart needs `data`"),
    ])
    func badDataIsRefused(_ json: String, _ message: String) {
        let failure = SpecFixture.decodingFailure(json)
        #expect(failure?.message.contains(message) == true, "\(failure?.message ?? "no error")")
    }

    @Test func layersInheritTheChartsDataAndEncoding() throws {
        let spec = try SpecFixture.spec(#"""
            {"data": "t", "encoding": {"x": {"field": "x"}, "y": {"field": "y"}},
             "layer": [{"mark": "line"}, {"mark": "point", "encoding": {"y": {"field": "z"}}}, {"data": "u", "mark": "rule"}]}
            """#)
        #expect(spec.layers.map(\.data) == ["t", "t", "u"])
        #expect(spec.layers[0].encoding.y?.field == "y")
        #expect(spec.layers[1].encoding.y?.field == "z")
        #expect(spec.layers[1].encoding.x?.field == "x")
        #expect(spec.layers[2].encoding.x?.field == "x")
    }

    @Test func aLayerWithNoDataAndNoChartDataIsAnErrorAtTheLayer() {
        do {
            _ = try SpecFixture.spec(#"{"layer": [{"data": "t", "mark": "line"}, {"mark": "point"}]}"#)
            Issue.record("decoded")
        } catch DecodingError.keyNotFound(_, let context) {
            #expect(context.debugDescription.hasPrefix("layer 2 has no `data`"))
            #expect(context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue } == ["layer", "[1]"])
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func aChartWithNoTextIsDescribedByItsMarksAndFields() throws {
        let spec = try SpecFixture.spec(#"{"data": "t", "encoding": {"y": {"field": "town"}}, "layer": [{"mark": "bar", "encoding": {"x": {"field": "rain"}}}, {"mark": "point", "encoding": {"x": {"field": "v"}}}]}"#)
        #expect(spec.generatedSummary == "Bar marks (x: rain, y: town); point marks (x: v, y: town).")
    }
}
