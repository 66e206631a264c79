import CairoKit
import DossierBase
@testable import DossierVegaLite
import Foundation
import Testing
@testable import DossierCharts

/// Symmetric-log position scales, classed (threshold, quantize) colour scales with their
/// discrete legends, nice ticks on a secondary axis and legends listing a domain's categories.
@Suite struct ScaleFeatureTests {
    typealias C = ChartFixture

    /// Tick label texts of an axis (`axis-y/label`, `axis-y2/label`), in scene order.
    private func labels(_ scene: Scene, _ axis: String) -> [String] {
        SceneCheck.texts(scene, "\(axis)/label/").map(\.text)
    }

    // MARK: symlog

    static let symlogSpec = """
    {"width": 360, "height": 260, "data": "ties", "mark": "point",
     "encoding": {"x": {"field": "rai", "type": "quantitative"},
                  "y": {"field": "ties", "type": "quantitative", "scale": {"type": "symlog", "constant": 1}},
                  "text": {"field": "name"}}}
    """
    static let symlogData: [String: ChartData] = ["ties": ChartData(columns: [
        ("name", C.strings(["Brazil", "Mexico", "Chile", "Peru", "Guyana", "Haiti", "Belize"])),
        ("rai", C.numbers([30, 28, 12, 14, 5, 3, 4])),
        ("ties", C.numbers([130, 40, 25, 6, 1, 0, 0])),
    ])]

    @Test func aSymlogAxisDrawsZeroBesideLogTicks() throws {
        let scene = try C.compile(Self.symlogSpec, Self.symlogData)
        try C.write(scene, "symlog")
        #expect(labels(scene, "axis-y") == ["0", "1", "10", "100"])
        let panel = try #require(SceneCheck.panels(scene).first)
        // Zero sits on the panel's bottom edge; 1 is as far above 0 as log(2) is of the top.
        let y = scene.markers.flatMap { $0.positions.map(\.y) } + scene.paths.flatMap { path in
            path.segments.compactMap { segment -> Double? in
                if case let .circle(center, _) = segment { return center.y }
                return nil
            }
        }
        #expect(y.count == 7)
        let bottom = try #require(y.max())
        #expect(abs(bottom - panel.maxY) < 0.01, "zero drawn on the axis's bottom, not dropped")
        #expect(SceneCheck.texts(scene, "axis-y/label/").count == 4)
    }

    @Test func symlogTicksAreZeroAndPowersOfTenMirroredBelowZero() {
        #expect(SymlogTicks.ticks(0, 1000, constant: 1) == [0, 1, 10, 100, 1000])
        #expect(SymlogTicks.ticks(-100, 100, constant: 1) == [-100, -10, -1, 0, 1, 10, 100])
        #expect(SymlogTicks.ticks(0, 20, constant: 1) == [0, 1, 2, 5, 10, 20])
        #expect(SymlogTicks.ticks(0, 2000, constant: 10) == [0, 10, 100, 1000])
        #expect(SymlogTicks.niceDomain(0, 130, constant: 1) == (0, 200))
        // The transform is d3's and Vega-Lite's: sign(x) · log1p(|x| / c).
        #expect(abs(PositionScale.symlog(-9, 1) + log(10)) < 1e-12)
    }

    @Test func aSymlogConstantOutOfRangeIsASpecError() {
        #expect(throws: (any Error).self) {
            try SpecFixture.spec(Self.symlogSpec.replacingOccurrences(of: "\"constant\": 1", with: "\"constant\": 0"))
        }
    }

    // MARK: classed colours

    static func classedSpec(_ scale: String, legend: String = "{\"title\": \"Ties\"}") -> String {
        """
        {"width": 420, "height": 440, "legend": \(legend),
         "layers": [
           {"data": "ties", "shapes": "lac", "key": "iso3", "mark": "geoshape",
            "encoding": {"color": {"field": "ties", "type": "quantitative", "scale": \(scale)}}}]}
        """
    }

    static func classedData() throws -> [String: ChartData] {
        let iso = ["ARG", "BRA", "MEX", "CHL", "PER", "COL", "ECU", "VEN", "BOL", "URY", "CUB", "PAN"]
        let ties: [Double?] = [48, 62, 55, 30, 7, 3, 2, 1, 0, 0, 0, 12]
        return ["lac": ChartData(features: try SpecFixture.lacFeatures()),
                "ties": ChartData(columns: [("iso3", C.strings(iso)), ("ties", C.numbers(ties))])]
    }

    private func fill(_ scene: Scene, _ iso: String) -> Color? {
        scene.paths.first { $0.id.hasSuffix("/\(iso)") && $0.fill != nil }?.fill
    }

    @Test func aThresholdScaleGivesZeroAndOneTheirOwnClasses() throws {
        let spec = Self.classedSpec("{\"type\": \"threshold\", \"domain\": [1, 2, 5, 10]}",
                                    legend: "{\"title\": \"Ties\", \"noDataLabel\": \"Not a CELAC member\"}")
        let scene = try C.compile(spec, try Self.classedData())
        try C.write(scene, "threshold-map")
        let legend = SceneCheck.texts(scene, "legend/label/").map(\.text)
        #expect(legend == ["0", "1", "2–4", "5–9", "10+", "Not a CELAC member"])
        let zero = try #require(fill(scene, "BOL")), one = try #require(fill(scene, "VEN"))
        let two = try #require(fill(scene, "ECU")), many = try #require(fill(scene, "ARG"))
        #expect(zero != one && one != two && two != many, "zero, one tie and two ties are told apart")
        #expect(fill(scene, "URY") == zero)
        #expect(fill(scene, "PAN") == many, "12 and 48 share the 10+ class")
        // The legend's swatches carry the class colours.
        let swatch = scene.paths.first { $0.id == "legend/swatch/1" }?.fill
        #expect(swatch == one)
    }

    @Test func thresholdRangeColoursAndLabelsOfFractionalData() throws {
        let spec = Self.classedSpec("{\"type\": \"threshold\", \"domain\": [0.5, 2.5], \"range\": [\"#eeeeee\", \"#888888\", \"#111111\"]}")
        var data = try Self.classedData()
        data["ties"] = ChartData(columns: [("iso3", C.strings(["ARG", "BRA", "MEX"])), ("ties", C.numbers([0.2, 1.5, 3]))])
        let scene = try C.compile(spec, data)
        #expect(SceneCheck.texts(scene, "legend/label/").map(\.text).prefix(3) == ["< 0.5", "0.5–2.5", "≥ 2.5"])
        #expect(fill(scene, "ARG") == Palette.color("#eeeeee"))
        #expect(fill(scene, "MEX") == Palette.color("#111111"))
    }

    @Test func aThresholdRangeOfTheWrongLengthIsAnError() throws {
        let spec = Self.classedSpec("{\"type\": \"threshold\", \"domain\": [1, 2], \"range\": [\"red\", \"blue\"]}")
        #expect {
            try C.compile(spec, try Self.classedData())
        } throws: { error in
            "\(error)".contains("scale range has 2 colours, expected 3")
        }
        #expect(throws: (any Error).self) {
            try SpecFixture.spec(Self.classedSpec("{\"type\": \"threshold\", \"domain\": [2, 1]}"))
        }
    }

    @Test func aQuantizeScaleCutsTheRangeIntoEqualClasses() throws {
        let spec = Self.classedSpec("{\"type\": \"quantize\", \"domain\": [0, 60], \"count\": 3}")
        let scene = try C.compile(spec, try Self.classedData())
        #expect(SceneCheck.texts(scene, "legend/label/").map(\.text).prefix(3) == ["0–20", "20–40", "40–60"])
        #expect(fill(scene, "BOL") == fill(scene, "PAN"), "0 and 12 are both in 0–20")
        #expect(fill(scene, "CHL") != fill(scene, "BRA"))
    }

    // MARK: secondary axis, legend domain

    static let dualSpec = """
    {"width": 480, "height": 200, "legend": {"position": "top", "title": ""},
     "layers": [
       {"data": "years", "mark": "bar",
        "encoding": {"x": {"field": "year", "type": "ordinal", "title": ""},
                     "y": {"field": "n", "type": "quantitative", "title": "New cases"},
                     "color": {"field": "channel", "type": "nominal",
                               "scale": {"domain": ["Provinces", "Companies", "Central government", "Universities"]}}}},
       {"data": "cumulative", "mark": {"type": "line", "color": "#333333"},
        "encoding": {"x": {"field": "year", "type": "ordinal"},
                     "y": {"field": "total", "type": "quantitative", "title": "Cumulative", "axis": {"orient": "right"}}}}]}
    """
    /// The flagship timeline's shape: a cumulative total from 1 to 24 over 1986–2025, which
    /// gave a right axis of 0 and 25 alone (at this height, before the fix).
    static var dualData: [String: ChartData] {
        let years = (1986...2025).map(Double.init)
        let counts = years.map { $0 == 1986 ? 1.0 : ($0 >= 2015 && $0 <= 2020 ? 3 : ($0 == 2004 || $0 == 2008 || $0 == 2012 || $0 == 2022 || $0 == 2024 ? 1 : 0)) }
        var running = 0.0
        let totals = counts.map { count -> Double? in running += count; return running }
        return [
            "years": ChartData(columns: [("year", C.numbers(years)), ("n", C.numbers(counts)),
                                         ("channel", C.strings(years.map { $0.truncatingRemainder(dividingBy: 2) == 0 ? "Provinces" : "Companies" }))]),
            "cumulative": ChartData(columns: [("year", C.numbers(years)), ("total", C.numbers(totals))]),
        ]
    }

    @Test func theSecondaryAxisGetsNiceTicksAsTheLeftDoes() throws {
        let scene = try C.compile(Self.dualSpec, Self.dualData)
        try C.write(scene, "dual-axis")
        let right = labels(scene, "axis-y2").compactMap(SceneCheck.parse)
        #expect(right.count >= 3, "right axis: \(right)")
        #expect(SceneCheck.isNice(right), "right axis: \(right)")
        #expect(right.first == 0 && right.last ?? 0 >= 20)
        #expect(labels(scene, "axis-y").count >= 3)
    }

    @Test func aLegendListsEveryCategoryOfAnExplicitDomain() throws {
        let scene = try C.compile(Self.dualSpec, Self.dualData)
        #expect(SceneCheck.texts(scene, "legend/label/").map(\.text) == ["Provinces", "Companies", "Central government", "Universities"])
    }
}
