import DossierBase
@testable import DossierVegaLite
import Foundation
import Testing
@testable import DossierCharts

/// Vega-Lite's `scale: {domain: {unionWith: [...]}}`: a continuous x or y domain widened to
/// include given values (a goal line past the longest bar), and refused where not implemented.
@Suite struct DomainUnionTests {
    typealias C = ChartFixture

    static let data: [String: ChartData] = ["ratios": ChartData(columns: [
        ("label", C.strings(["1×", "10×", "100×"])),
        ("ratio", C.numbers([8.4, 5.6, 3.6])),
    ])]

    static func barSpec(scale: String) -> String {
        """
        {"width": 300, "height": 120, "data": "ratios", "mark": "bar",
         "encoding": {"y": {"field": "label", "type": "nominal"},
                      "x": {"field": "ratio", "type": "quantitative", "scale": \(scale)}}}
        """
    }

    private func xLabels(_ scene: Scene) -> [String] {
        SceneCheck.texts(scene, "axis-x/label/").map(\.text)
    }

    @Test func unionWithWidensTheDomainToIncludeTheValue() throws {
        let plain = try C.compile(Self.barSpec(scale: "{}"), Self.data)
        let widened = try C.compile(Self.barSpec(scale: #"{"domain": {"unionWith": [20]}}"#), Self.data)
        #expect(xLabels(plain).last == "9" || xLabels(plain).last == "8", "the data alone end under 10: \(xLabels(plain))")
        #expect(xLabels(widened).last == "20", "the axis reaches the goal: \(xLabels(widened))")
        #expect(xLabels(widened).first == "0", "zero is still included")
    }

    @Test func aGoalLabelAtTheRightEdgeEndsLeftOfItsLine() throws {
        let spec = Self.barSpec(scale: #"{"domain": {"unionWith": [20]}}"#)
            .replacingOccurrences(of: #""mark": "bar","#, with: #""mark": "bar", "annotations": [{"x": 20, "label": "goal 20×"}, {"x": 5, "label": "five"}],"#)
        let scene = try C.compile(spec, Self.data)
        let labels = SceneCheck.texts(scene, "/annotation/")
        let goal = try #require(labels.first { $0.text == "goal 20×" })
        let five = try #require(labels.first { $0.text == "five" })
        let panel = try #require(SceneCheck.panels(scene).first)
        #expect(goal.anchor == .end && goal.position.x < panel.maxX, "set left of the line at the panel's right end")
        #expect(goal.position.x <= scene.width, "inside the chart")
        #expect(five.anchor == .start, "a label with room on the right keeps its place")
    }

    @Test func unionWithInsideTheDataChangesNothing() throws {
        let plain = try C.compile(Self.barSpec(scale: "{}"), Self.data)
        let inside = try C.compile(Self.barSpec(scale: #"{"domain": {"unionWith": [0, 5]}}"#), Self.data)
        #expect(xLabels(inside) == xLabels(plain))
    }

    @Test func anEmptyOrUnknownUnionIsASpecError() {
        #expect(throws: (any Error).self) { try SpecFixture.spec(Self.barSpec(scale: #"{"domain": {"unionWith": []}}"#)) }
        #expect(throws: (any Error).self) { try SpecFixture.spec(Self.barSpec(scale: #"{"domain": {"unionWidth": [20]}}"#)) }
        #expect(throws: (any Error).self) { try SpecFixture.spec(Self.barSpec(scale: #"{"domain": {"unionWith": ["twenty"]}}"#)) }
    }

    @Test func aBadDomainListIsReportedAsAList() {
        do {
            _ = try SpecFixture.spec(Self.barSpec(scale: #"{"domain": [true, 20]}"#))
            Issue.record("a domain list of a boolean and a number decoded")
        } catch {
            #expect(!"\(error)".contains("Dictionary") && "\(error)".contains("domain[0]"), "the list's own element is named, not an object asked for: \(error)")
        }
    }

    /// Compiling `spec` fails with a message naming `unionWith`.
    private func expectRefusal(_ spec: String, _ what: String) {
        do {
            _ = try C.compile(spec, Self.data)
            Issue.record("a union on \(what) compiled")
        } catch {
            #expect("\(error)".contains("unionWith"), "the message names the key: \(error)")
        }
    }

    @Test func unionWithOnACategoryAxisIsRefusedByName() {
        expectRefusal("""
        {"width": 300, "height": 120, "data": "ratios", "mark": "bar",
         "encoding": {"y": {"field": "label", "type": "nominal", "scale": {"domain": {"unionWith": [1]}}},
                      "x": {"field": "ratio", "type": "quantitative"}}}
        """, "a band axis")
    }

    @Test func unionWithOnAColourScaleIsRefusedByName() {
        expectRefusal("""
        {"width": 300, "height": 120, "data": "ratios", "mark": "bar",
         "encoding": {"y": {"field": "label", "type": "nominal"},
                      "x": {"field": "ratio", "type": "quantitative"},
                      "color": {"field": "ratio", "type": "quantitative", "scale": {"domain": {"unionWith": [20]}}}}}
        """, "a colour scale")
    }

    @Test func aNonPositiveUnionOnALogScaleIsRefused() {
        #expect(throws: (any Error).self) {
            try C.compile(Self.barSpec(scale: #"{"type": "log", "domain": {"unionWith": [0]}}"#), Self.data)
        }
    }
}
