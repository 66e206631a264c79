import CairoKit
import DossierBase
@testable import DossierVegaLite
import Foundation
import Testing
@testable import DossierCharts

@Suite("Chart spec and errors")
struct ChartSpecTests {
    typealias C = ChartFixture

    @Test func missingFieldNamesLayerChannelAndFields() throws {
        let data = ["countries": ChartData(columns: [("iso3", .strings(["ARG"])), ("name", .strings(["Argentina"]))])]
        let json = #"{"layers": [{"data": "countries", "mark": "point", "encoding": {"x": {"field": "name"}, "y": {"field": "name"}}}, {"data": "countries", "mark": "point", "encoding": {"x": {"field": "rai"}, "y": {"field": "name"}}}]}"#
        do {
            _ = try C.compile(json, data)
            Issue.record("expected an error")
        } catch let error as ChartError {
            #expect(error.description == #"layer 2: x: field "rai" not found in data "countries"; fields are: iso3, name"#)
        }
    }

    @Test func missingDataAndLogErrors() throws {
        let data = ["t": ChartData(columns: [("a", .numbers([0, 1])), ("b", .numbers([1, 2]))])]
        #expect(throws: ChartError.dataNotFound(layer: 1, data: "u", available: ["t"])) {
            try C.compile(#"{"data": "u", "mark": "point", "encoding": {"x": {"field": "a"}, "y": {"field": "b"}}}"#, data)
        }
        #expect(throws: ChartError.nonPositiveOnLogScale(layer: 1, channel: "x", field: "a", value: 0)) {
            try C.compile(#"{"data": "t", "mark": "point", "encoding": {"x": {"field": "a", "scale": {"type": "log"}}, "y": {"field": "b", "type": "quantitative"}}}"#, data)
        }
        #expect(throws: ChartError.missingChannel(layer: 1, mark: "bar", channel: "y")) {
            try C.compile(#"{"data": "t", "mark": "bar", "encoding": {"x": {"field": "a", "type": "quantitative"}}}"#, data)
        }
    }

    @Test func unknownSchemeIsNamed() throws {
        let data = ["t": ChartData(columns: [("a", .strings(["x"])), ("b", .numbers([1]))])]
        do {
            _ = try C.compile(#"{"data": "t", "mark": "bar", "encoding": {"x": {"field": "a"}, "y": {"field": "b"}, "color": {"field": "a", "scale": {"scheme": "rainbowz"}}}}"#, data)
            Issue.record("expected an error")
        } catch let error as DecodingError {
            // Rejected while decoding, so a report points at the `scheme:` line.
            guard case .dataCorrupted(let context) = error else { Issue.record("\(error)"); return }
            #expect(context.debugDescription.hasPrefix("unknown scheme \"rainbowz\""))
            #expect(context.codingPath.map(\.stringValue) == ["encoding", "color", "scale", "scheme"])
        }
    }

    @Test func legendAtTheBottomAndPlainLabels() throws {
        var json = ChartExamples.scatterSpec.replacingOccurrences(of: #""repel": true"#, with: #""repel": false"#)
        json = json.replacingOccurrences(of: #""width": 378,"#, with: #""width": 378, "legend": {"position": "bottom"},"#)
        let scene = try C.compile(json, ChartExamples.scatterData)
        let legend = SceneCheck.texts(scene, "legend/")
        let panel = try #require(SceneCheck.panels(scene).first)
        #expect(!legend.isEmpty && legend.allSatisfy { $0.bounds.y > panel.maxY })
        #expect(SceneCheck.texts(scene, "point-label").count == 20)
        #expect(SceneCheck.allTextInside(scene))
    }

    @Test func missingGlyphIsAnError() throws {
        let data = ["t": ChartData(columns: [("a", .strings(["中国"])), ("b", .numbers([1]))])]
        #expect(throws: ChartError.self) {
            try C.compile(#"{"data": "t", "mark": "bar", "encoding": {"x": {"field": "a"}, "y": {"field": "b"}}}"#, data)
        }
    }

    @Test func dumpIsDeterministicAndRecorderWalksScene() throws {
        let a = try C.compile(ChartExamples.barSpec, ChartExamples.barData)
        let b = try C.compile(ChartExamples.barSpec, ChartExamples.barData)
        #expect(a == b)
        #expect(a.dump() == b.dump())
        #expect(a.dump().contains("text title \"Documented cases by city\""))
        var recorder = RecordingRenderer()
        recorder.render(a)
        #expect(recorder.calls.first == "path background")
        #expect(recorder.calls.contains("begin panel/0/marks"))
        #expect(recorder.calls.filter { $0.hasPrefix("text") }.count == a.texts.count)
    }
}
