@testable import DossierVegaLite
import Foundation
import Testing
@testable import DossierCharts

/// A layer's `lookup` adds fields of another table by key: here the seven small island states,
/// which have no polygon at 1:110m, take their count and name from the countries' table and
/// are drawn as points on the choropleth's colour scale.
@Suite("Lookup")
struct LookupTests {
    typealias C = ChartFixture

    static let lookup = #"{"field": "iso3", "from": "ties", "fields": ["name", "ties"]}"#

    /// The choropleth example, its island layer reading positions only and looking up the
    /// count and name from the countries' table.
    static func spec(lookup: String = Self.lookup) -> String {
        ChartExamples.mapSpec.replacingOccurrences(
            of: #"{"data": "islands", "mark""#, with: #"{"data": "islands", "lookup": \#(lookup), "mark""#)
    }

    /// Countries with invented counts (the seven island states among them) and the island
    /// states' capitals as in `datasets/small_island_states.csv`.
    static func data(islandKeys: [String?]? = nil) throws -> [String: ChartData] {
        let countries: [(String, String, Double)] = [
            ("ARG", "Argentina", 30), ("BRA", "Brazil", 43), ("MEX", "Mexico", 26), ("CHL", "Chile", 25),
            ("PER", "Peru", 6), ("COL", "Colombia", 2), ("ECU", "Ecuador", 8), ("CUB", "Cuba", 3),
            ("NIC", "Nicaragua", 0), ("JAM", "Jamaica", 1),
            ("ATG", "Antigua and Barbuda", 0), ("BRB", "Barbados", 0), ("DMA", "Dominica", 0),
            ("GRD", "Grenada", 1), ("KNA", "Saint Kitts and Nevis", 0), ("LCA", "Saint Lucia", 0),
            ("VCT", "Saint Vincent and the Grenadines", 0),
        ]
        let islands: [(String, Double, Double)] = [
            ("ATG", -61.850034, 17.118037), ("BRB", -59.616527, 13.102003), ("DMA", -61.387013, 15.301016),
            ("GRD", -61.741643, 12.052633), ("KNA", -62.717009, 17.30203), ("LCA", -61.000008, 14.001973),
            ("VCT", -61.212062, 13.148279),
        ]
        return [
            "lac": ChartData(features: try SpecFixture.lacFeatures()),
            "ties": ChartData(columns: [
                ("iso3", C.strings(countries.map(\.0))), ("name", C.strings(countries.map(\.1))),
                ("ties", C.numbers(countries.map(\.2))),
            ]),
            "islands": ChartData(columns: [
                ("iso3", C.strings(islandKeys ?? islands.map(\.0))),
                ("lon", C.numbers(islands.map(\.1))), ("lat", C.numbers(islands.map(\.2))),
            ]),
        ]
    }

    static func points(_ scene: Scene) -> [ScenePath] {
        scene.paths.filter { $0.id.contains("/layer2/point/") }
    }

    @Test func islandPointsTakeTheShapesColourScale() throws {
        let scene = try C.compile(Self.spec(), try Self.data())
        try C.write(scene, "8-map-lookup")
        let points = Self.points(scene)
        #expect(points.count == 7)
        let shapes = scene.paths.filter { $0.id.contains("/shape/") }
        let nicaragua = try #require(shapes.first { $0.id.hasSuffix("/NIC") }?.fill)   // 0 ties
        let jamaica = try #require(shapes.first { $0.id.hasSuffix("/JAM") }?.fill)      // 1 tie
        #expect(nicaragua != jamaica)
        #expect(points.first { $0.id.hasSuffix("/Grenada") }?.fill == jamaica)
        #expect(points.filter { $0.fill == nicaragua }.count == 6)
        #expect(points.allSatisfy { $0.stroke == Theme.briefing.textColor && $0.lineWidth > 0 })
        let labels = SceneCheck.texts(scene, "point-label")
        #expect(labels.count == 7)
        #expect(labels.contains { $0.text == "Saint Vincent and the Grenadines" })
        #expect(SceneCheck.noOverlap(labels))
        #expect(SceneCheck.allTextInside(scene))
        let panel = try #require(SceneCheck.panels(scene).first)
        for p in points { #expect(panel.contains(p.bounds, tolerance: 0.5)) }
        for t in labels { #expect(panel.contains(t.bounds, tolerance: 0.5)) }
    }

    @Test func unmatchedRowsGetMissingValues() throws {
        let spec = try SpecFixture.spec(Self.spec())
        let data = try Self.data(islandKeys: ["ATG", "BRB", "DMA", "GRD", "XXX", nil, "VCT"])
        let islands = try #require(data["islands"])
        let table = try islands.adding(try #require(spec.layers[1].lookup), from: data, layer: 2, dataName: "islands")
        #expect(table.fieldNames == ["iso3", "lon", "lat", "name", "ties"])
        #expect(table.column("ties") == .numbers([0, 0, 0, 1, nil, nil, 0]))
        #expect(table.column("name") == .strings(["Antigua and Barbuda", "Barbados", "Dominica", "Grenada", nil, nil,
                                                  "Saint Vincent and the Grenadines"]))
    }

    @Test func mapPointsWithoutAValueAreNoDataGrey() throws {
        let scene = try C.compile(Self.spec(), try Self.data(islandKeys: ["ATG", "BRB", "DMA", "GRD", "KNA", "LCA", "XXX"]))
        let points = Self.points(scene)
        #expect(points.count == 7)
        #expect(points.filter { $0.fill == Theme.briefing.noDataColor }.count == 1)
        #expect(scene.texts.contains { $0.id == "legend/label/no-data" })
    }

    @Test func theFirstMatchingRowWins() throws {
        let left = ChartData(columns: [("k", C.numbers([1, 2]))])
        let right = ChartData(columns: [("code", C.numbers([2, 1, 1])), ("v", C.strings(["two", "one", "uno"]))])
        let lookup = LookupSpec(field: "k", from: "right", key: "code", fields: ["v"])
        let table = try left.adding(lookup, from: ["right": right], layer: 1, dataName: "left")
        #expect(table.column("v") == .strings(["one", "two"]))
    }

    @Test func errorsNameTheLayerAndTheField() throws {
        let data = try Self.data()
        func message(_ lookup: String) -> String {
            do {
                _ = try C.compile(Self.spec(lookup: lookup), data)
                return ""
            } catch {
                return "\(error)"
            }
        }
        #expect(message(#"{"field": "iso3", "from": "nations", "fields": ["ties"]}"#)
                == "layer 2: data \"nations\" not found; data are: islands, lac, ties")
        #expect(message(#"{"field": "iso", "from": "ties", "fields": ["ties"]}"#)
                .hasPrefix("layer 2: lookup: field \"iso\" not found in data \"islands\""))
        #expect(message(#"{"field": "iso3", "from": "ties", "fields": ["count"]}"#)
                .hasPrefix("layer 2: lookup: field \"count\" not found in data \"ties\""))
        #expect(message(#"{"field": "iso3", "from": "ties", "fields": ["ties", "iso3"]}"#)
                .contains("field \"iso3\" is already a field of data \"islands\""))
    }

    @Test func dataNamesIncludeLookups() throws {
        #expect(try SpecFixture.spec(Self.spec()).dataNames == ["islands", "ties"])
    }
}
