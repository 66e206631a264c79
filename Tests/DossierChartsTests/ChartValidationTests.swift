import CairoKit
@testable import DossierVegaLite
import Foundation
import Testing
@testable import DossierCharts

/// Issue 15: every numeric chart option has a documented range, checked while decoding (with
/// the coding path of the option, which a report turns into line:column) and again before
/// compiling a spec built in code; the work a chart asks for is bounded.
@Suite struct ChartValidationTests {
    typealias C = ChartFixture

    static let table = ["t": ChartData(columns: [("g", .strings(["a", "b", "c"])), ("x", .numbers([1, 2, 3])), ("y", .numbers([0, 4, 9]))])]

    static func pointLayer(_ mark: MarkDef = MarkDef(.point), x: ChannelDef = ChannelDef(field: "x", type: .quantitative),
                           y: ChannelDef = ChannelDef(field: "y", type: .quantitative)) -> Layer {
        Layer(data: "t", mark: mark, encoding: Encoding(x: x, y: y))
    }

    static func compile(_ spec: ChartSpec, data: [String: ChartData] = table) throws -> Scene {
        try C.withTypesetter { try ChartCompiler.compile(spec, data: data, typesetter: $0) }
    }

    /// The message of the `ChartError.invalidSpec` that compiling `spec` throws.
    static func invalidSpecMessage(_ spec: ChartSpec, data: [String: ChartData] = table) -> String? {
        do {
            _ = try compile(spec, data: data)
            return nil
        } catch let ChartError.invalidSpec(message) {
            return message
        } catch {
            return "other error: \(error)"
        }
    }

    // MARK: - Sizes that trapped, hung or gave exit 70

    @Test(arguments: [Double.nan, .infinity, -.infinity, 1e308, 1e9, 0, -5, 100_000])
    func widthOutsideItsRangeIsAChartError(_ width: Double) {
        let message = Self.invalidSpecMessage(ChartSpec(width: width, layers: [Self.pointLayer()]))
        #expect(message?.hasPrefix("width is ") == true, "\(message ?? "no error")")
        #expect(message?.hasSuffix("expected a number from 20 to 2000 points") == true)
    }

    @Test func heightIsCheckedLikeWidth() {
        #expect(Self.invalidSpecMessage(ChartSpec(height: .nan, layers: [Self.pointLayer()])) == "height is nan, expected a number from 20 to 2000 points")
    }

    // MARK: - Marks, axes, scales, annotations

    @Test func allZeroDashIsRefused() {
        let failure = SpecFixture.decodingFailure(#"{"data": "t", "mark": {"type": "line", "strokeDash": [0, 0]}, "encoding": {}}"#)
        #expect(failure?.message == "strokeDash is all zeros, expected at least one entry > 0 (write [] for a solid line)")
        #expect(failure?.path == ["mark", "strokeDash"])
        var mark = MarkDef(.line)
        mark.strokeDash = [0, 0]
        #expect(Self.invalidSpecMessage(ChartSpec(layers: [Self.pointLayer(mark)]))?.hasPrefix("layer 1: mark: strokeDash is all zeros") == true)
    }

    @Test func hugeDomainIsRefusedAtItsElement() {
        let failure = SpecFixture.decodingFailure(#"{"data": "t", "mark": "point", "encoding": {"x": {"field": "x", "scale": {"domain": [-1e308, 1e308]}}}}"#)
        #expect(failure?.message == "a domain value is -1e308, expected a number from -1e15 to 1e15")
        #expect(failure?.path == ["encoding", "x", "scale", "domain", "[0]"])
        let spec = ChartSpec(layers: [Self.pointLayer(x: ChannelDef(field: "x", type: .quantitative, scale: ScaleSpec(domain: [.number(-1e308), .number(1e308)])))])
        #expect(Self.invalidSpecMessage(spec)?.hasPrefix("layer 1: x: scale: a domain value is -1e308") == true)
    }

    @Test func decreasingDomainIsRefused() {
        let failure = SpecFixture.decodingFailure(#"{"data": "t", "mark": "point", "encoding": {"x": {"field": "x", "scale": {"type": "linear", "domain": [10, 0]}}}}"#)
        #expect(failure?.message.hasPrefix("domain [10, 0] is not increasing") == true)
        // Without a type the scale kind is known only when compiling.
        let spec = ChartSpec(layers: [Self.pointLayer(x: ChannelDef(field: "x", type: .quantitative, scale: ScaleSpec(domain: [.number(10), .number(0)])))])
        #expect(Self.invalidSpecMessage(spec)?.contains("domain [10, 0] is not increasing") == true)
    }

    @Test func annotationOutsideTheAxisIsRefused() {
        let spec = ChartSpec(layers: [Self.pointLayer()], annotations: [Annotation(x: .number(1e12), label: "far")])
        #expect(Self.invalidSpecMessage(spec)?.hasPrefix("annotation 1: x is 1000000000000, outside the x axis") == true)
        let band = ChartSpec(layers: [Self.pointLayer(x: ChannelDef(field: "g"))], annotations: [Annotation(x: .string("z"))])
        #expect(Self.invalidSpecMessage(band)?.hasPrefix("annotation 1: x is \"z\", expected a category of the x axis (a, b, c)") == true)
    }

    @Test func tickCountIsCappedAndTheSearchBounded() {
        let failure = SpecFixture.decodingFailure(#"{"data": "t", "mark": "point", "encoding": {"x": {"field": "x", "axis": {"tickCount": 100000}}}}"#)
        #expect(failure?.message == "tickCount is 100000, expected a number from 1 to 100")
        #expect(failure?.path == ["encoding", "x", "axis", "tickCount"])
        // The search itself caps the count: this returned after minutes before.
        #expect(NiceTicks.extended(min: 0, max: 1, targetCount: 100_000).count <= 101)
        #expect(NiceTicks.extended(min: 0, max: 1, targetCount: .max).count <= 101)
    }

    /// Around 1e18 a double cannot count in ones; the search stays bounded there (it skips
    /// grids whose start index passes 2^52, where `start += 1` would no longer move).
    @Test func tickSearchEndsWhereDoublesCannotCount() {
        let ticks = NiceTicks.extended(min: 1e18, max: 1e18 + 1024)
        #expect(ticks.count <= 20)
    }

    /// Half the span of two adjacent subnormals rounds to 0: log10(0) went into Int() and trapped.
    @Test func tickSearchSurvivesTheSmallestSpan() {
        #expect(NiceTicks.extended(min: 0, max: 5e-324) == [0, 5e-324])
    }

    // MARK: - Log scales

    @Test func logColourScaleOverZeroIsTheLogError() {
        var layer = Self.pointLayer()
        layer.encoding.color = ChannelDef(field: "y", type: .quantitative, scale: ScaleSpec(type: .log))
        #expect(throws: ChartError.nonPositiveOnLogScale(layer: 1, channel: "color", field: "y", value: 0)) {
            try Self.compile(ChartSpec(layers: [layer]))
        }
    }

    // MARK: - Colours

    /// `color: {value: …}` was ignored (the mark drew in the default blue); now it is the
    /// layer's colour, and must be a colour.
    @Test func constantColourValueIsUsedAndChecked() throws {
        let failure = SpecFixture.decodingFailure(#"{"data": "t", "mark": "point", "encoding": {"color": {"value": "notacolour"}}}"#)
        #expect(failure?.path == ["encoding", "color", "value"])
        #expect(failure?.message.hasPrefix("\"notacolour\" is not a colour") == true)
        #expect(SpecFixture.decodingFailure(#"{"data": "t", "mark": "point", "encoding": {"color": {"value": 123}}}"#)?.message
                == "a color value is the number 123, expected a colour such as \"steelblue\" or \"#0072B2\"")
        var layer = Self.pointLayer()
        layer.encoding.color = ChannelDef(value: .string("rebeccapurple"))
        let scene = try Self.compile(ChartSpec(layers: [layer]))
        #expect(scene.dump().contains("#663399"))
    }

    // MARK: - Bounded work

    @Test func tenThousandFacetPanelsAreRefused() {
        let n = 10_000
        let data = ["t": ChartData(columns: [("g", .strings((0..<n).map { "g\($0)" })), ("x", .numbers((0..<n).map { Double($0 % 7) })),
                                             ("y", .numbers((0..<n).map { Double($0 % 5) }))])]
        let spec = ChartSpec(layers: [Self.pointLayer()], facet: FacetSpec(field: "g"))
        #expect(Self.invalidSpecMessage(spec, data: data) == "facet: field \"g\" has 10000 values, expected at most 100 panels; facet on a field with fewer values or filter the data")
    }

    @Test func tooManyCategoriesAreRefused() {
        let n = 5_000
        let data = ["t": ChartData(columns: [("g", .strings((0..<n).map { "g\($0)" })), ("x", .numbers((0..<n).map(Double.init))),
                                             ("y", .numbers((0..<n).map { Double($0 % 5) }))])]
        let bars = ChartSpec(layers: [Layer(data: "t", mark: MarkDef(.bar), encoding: Encoding(x: ChannelDef(field: "g"), y: ChannelDef(field: "y", type: .quantitative)))])
        #expect(Self.invalidSpecMessage(bars, data: data)?.hasPrefix("layer 1: x: field \"g\" has 5000 categories, expected at most 1000 on a band axis") == true)
        var coloured = Self.pointLayer()
        coloured.encoding.color = ChannelDef(field: "g")
        #expect(Self.invalidSpecMessage(ChartSpec(layers: [coloured]), data: data)?.hasPrefix("layer 1: color: field \"g\" has 5000 categories, expected at most 100 colours") == true)
        var labelled = Self.pointLayer()
        labelled.encoding.text = ChannelDef(field: "g")
        #expect(Self.invalidSpecMessage(ChartSpec(layers: [labelled]), data: data)?.hasPrefix("layer 1: text: 5000 labelled points, expected at most 500") == true)
    }

    /// Crowded labels beyond the work budget take their first candidate instead of searching on.
    @Test func labelPlacementStopsAtItsBudget() {
        let labels = (0..<400).map { RepelLabel(anchorX: Double($0 % 20), anchorY: Double($0 / 20), width: 30, height: 8) }
        let placed = LabelRepel.place(labels, obstacles: [], bounds: SceneRect(x: 0, y: 0, width: 100, height: 100), workBudget: 10_000)
        #expect(placed.count == 400)
        #expect(placed.allSatisfy { $0.x.isFinite && $0.y.isFinite })
    }

    @Test func dataBeyondTheScaleRangeIsAnError() {
        let data = ["t": ChartData(columns: [("x", .numbers([-1e308, 1e308])), ("y", .numbers([1, 2]))])]
        #expect(Self.invalidSpecMessage(ChartSpec(layers: [Self.pointLayer()]), data: data)
                == "layer 1: x: the values span -1e308 to 1e308, expected numbers within ±1e300 on a chart scale")
    }

    @Test func noTrappingConversion() {
        #expect(ChartLimits.clampedInt(.nan) == 0)
        #expect(ChartLimits.clampedInt(.infinity) == 9_007_199_254_740_992)
        #expect(ChartLimits.clampedInt(-1e308) == -9_007_199_254_740_992)
        #expect(ChartExporter.pixelSize(.infinity, 2) == 9_007_199_254_740_992)
    }
}
