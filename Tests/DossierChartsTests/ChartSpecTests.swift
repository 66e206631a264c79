import CairoKit
import DossierBase
@testable import DossierVegaLite
import Foundation
import Testing
@testable import DossierCharts

@Suite("Chart spec and errors")
struct ChartSpecTests {
    typealias C = ChartFixture

    @Test func decodesShorthandAndObjects() throws {
        let s = try C.spec(#"{"data": "t", "mark": "bar", "encoding": {"x": {"field": "a"}, "label": {"field": "b"}}}"#)
        #expect(s.layers.count == 1)
        #expect(s.layers[0].mark.type == .bar)
        #expect(s.layers[0].encoding.text?.field == "b")
        let t = try C.spec(#"{"layers": [{"data": "t", "mark": {"type": "bar", "stack": "normalize", "totals": true}, "encoding": {"y": {"field": "c", "sort": "-x"}}}]}"#)
        #expect(t.layers[0].mark.stack == .normalize)
        #expect(t.layers[0].encoding.y?.sort == .byChannel(.x, descending: true))
        let u = try C.spec(#"{"data": "t", "mark": "point", "encoding": {"x": {"field": "a", "sort": ["b", 2008]}}}"#)
        #expect(u.layers[0].encoding.x?.sort == .explicit(["b", "2008"]))
    }

    @Test func unknownMarkIsNamed() {
        #expect(throws: DecodingError.self) { try C.spec(#"{"data": "t", "mark": "pie", "encoding": {}}"#) }
    }

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

@Suite("Number format and palettes")
struct FormatAndPaletteTests {
    @Test func numbersForPeople() {
        #expect(NumberFormat(nil).string(1234567) == "1,234,567")
        #expect(NumberFormat(nil).string(0.1 + 0.2) == "0.3")
        #expect(NumberFormat(nil).string(-0.0) == "0")
        #expect(NumberFormat(".1f").string(-0.04) == "0.0")
        #expect(NumberFormat(nil).string(-5) == "−5")
        #expect(NumberFormat(".0%").string(0.35) == "35%")
        #expect(NumberFormat("$,.1f").string(1234.56) == "$1,234.6")
        #expect(NumberFormat(".2s").string(2_500_000) == "2.5M", "as in d3, s precision is significant digits")
        // One rounding rule with the report's text (ties to even, as printf and R): d3 gives "3M".
        #expect(NumberFormat(".1s").string(2_500_000) == "2M")
        #expect(NumberFormat(".1s").string(3_500_000) == "4M")
        #expect(NumberFormat(".2f").string(0.125) == "0.12", "as the text's fixed(2)")
        #expect(NumberFormat("$.2f").string(-2.675) == "−$2.67")
        #expect(NumberFormat(".1f").string(.nan) == "NaN")
        #expect(NumberFormat(".3s").string(12_345) == "12.3k")
        #expect(NumberFormat.forStep(0.25).string(0.5) == "0.50")
        #expect(NumberFormat.forStep(0.2, percent: true).string(0.4) == "40%")
    }

    @Test func okabeItoSurvivesDeuteranopia() {
        // Every pair of the first seven colours stays apart under simulated deuteranopia.
        let colors = Array(Palette.okabeIto.prefix(7))
        for i in colors.indices {
            for j in colors.indices where j > i {
                let d = Palette.deltaE(Palette.deuteranopia(colors[i]), Palette.deuteranopia(colors[j]))
                #expect(d > 10, "colours \(i) and \(j): ΔE \(d)")
            }
        }
    }

    @Test func contrastPicksReadableText() {
        for t in stride(from: 0.0, through: 1.0, by: 0.05) {
            let fill = Palette.interpolate(Palette.viridis, t)
            let text = Palette.textColor(on: fill)
            let other = text == .white ? Color(hex: 0x1A1A1A) : Color.white
            #expect(Palette.contrastRatio(text, fill) >= Palette.contrastRatio(other, fill))
            #expect(Palette.contrastRatio(text, fill) >= 4.3)
        }
    }
}
