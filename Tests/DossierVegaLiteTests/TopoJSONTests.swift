@testable import DossierVegaLite
import Foundation
import Testing

/// TopoJSON decoding: quantized, delta-encoded arcs; reversed arcs (`~i`); rings joined end to
/// start; ids and properties; meshes; errors naming what was found.
@Suite struct TopoJSONTests {
    static func pairs(_ points: [GeoPoint]) -> [[Double]] { points.map { [$0.longitude, $0.latitude] } }

    @Test func featuresDecodeArcsToDegrees() throws {
        let features = try SpecFixture.topoJSON(.feature("squares"))
        #expect(features.map(\.id) == ["7", "8", "9", "10"])
        #expect(features[0].properties == ["name": "left", "pop": "12"])
        // Arc 0 (11,20)→(11,21), then arc 1 from (11,21) round the left square; the shared
        // position is kept once.
        #expect(Self.pairs(features[0].polygons[0][0]) == [[11, 20], [11, 21], [10, 21], [10, 20], [11, 20]])
        // Arc 2 (11,20)→(12,20)→(12,21)→(11,21), then arc 0 reversed back down to (11,20).
        #expect(Self.pairs(features[1].polygons[0][0]) == [[11, 20], [12, 20], [12, 21], [11, 21], [11, 20]])
        #expect(Self.pairs(features[2].lines[0]) == [[11, 20], [11, 21]])
        #expect(features[3].polygons.isEmpty && features[3].lines.isEmpty)
    }

    @Test func aMeshHasEveryArcOnce() throws {
        let mesh = try SpecFixture.topoJSON(.mesh("squares"))
        #expect(mesh.count == 1)
        #expect(mesh[0].lines.count == 3)
        #expect(Self.pairs(mesh[0].lines[0]) == [[11, 20], [11, 21]])
    }

    @Test func featureRowsCarryIdsPropertiesAndShapes() throws {
        let features = try SpecFixture.topoJSON(.feature("squares"))
        let data = ChartData(featureRows: features, key: "url:squares.json#feature:squares")
        #expect(data.column("id") == .numbers([7, 8, 9, 10]))
        #expect(data.column("properties.name") == .strings(["left", "right", nil, nil]))
        #expect(data.column("properties.pop") == .numbers([12, nil, nil, nil]))
        guard case .strings(let references)? = data.column(ChartData.geometryField), let second = references[1] else {
            Issue.record("no geometry column"); return
        }
        let feature = ChartData.feature(second, in: ["url:squares.json#feature:squares": data])
        #expect(feature?.id == "8")
    }

    @Test(arguments: [
        (#"{"type": "FeatureCollection", "features": []}"#, "\"type\": \"Topology\""),
        (#"{"type": "Topology", "objects": {"land": {"type": "Polygon", "arcs": [[0]]}}, "arcs": [[[0, 0], [1, 0], [0, 1], [0, 0]]]}"#, "no object \"squares\", expected one of \"land\""),
        (#"{"type": "Topology", "objects": {"squares": {"type": "Polygon", "arcs": [[3]]}}, "arcs": [[[0, 0], [1, 1]]]}"#, "arc index 3 is out of range"),
        (#"{"type": "Topology", "objects": {"squares": {"type": "Circle", "arcs": []}}, "arcs": []}"#, "geometry type \"Circle\" is not a TopoJSON type"),
        (#"{"type": "Topology", "transform": {"scale": [1]}, "objects": {"squares": {"type": "Polygon", "arcs": []}}, "arcs": []}"#, "`transform` must be"),
        ("{not json", "not valid JSON"),
    ])
    func badTopologiesSayWhatTheyFound(_ text: String, _ fragment: String) {
        do {
            _ = try SpecFixture.topoJSON(.feature("squares"), text)
            Issue.record("decoded: \(text)")
        } catch {
            #expect("\(error)".contains(fragment), "\(error)")
        }
    }

    @Test func aTopojsonFormatNeedsFeatureOrMesh() throws {
        let spec = try SpecFixture.spec(#"{"data": {"url": "us.json", "format": {"type": "topojson", "feature": "states"}}, "mark": "geoshape"}"#)
        #expect(spec.dataFiles.map(\.format) == [.topojson])
        #expect(spec.topologySelections.values.first == .feature("states"))
        #expect(throws: (any Error).self) {
            _ = try SpecFixture.spec(#"{"data": {"url": "us.json", "format": {"type": "topojson"}}, "mark": "geoshape"}"#)
        }
        #expect(throws: (any Error).self) {
            _ = try SpecFixture.spec(#"{"data": {"url": "us.csv", "format": {"type": "csv", "feature": "states"}}, "mark": "geoshape"}"#)
        }
    }
}
