@testable import DossierVegaLite
import Foundation

/// Chart-spec helpers for the tests that need only the Vega-Lite language: the repository root,
/// a spec decoded from JSON, the message and coding path of a spec that fails to decode, the map
/// shapes and a small TopoJSON topology. DossierChartsTests reads this same file through a
/// symbolic link.
enum SpecFixture {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func spec(_ json: String) throws -> ChartSpec {
        try JSONDecoder().decode(ChartSpec.self, from: Data(json.utf8))
    }

    /// The message and coding path of the decoding error for `json`.
    static func decodingFailure(_ json: String) -> (message: String, path: [String])? {
        do {
            _ = try spec(json)
            return nil
        } catch DecodingError.dataCorrupted(let context) {
            return (context.debugDescription, context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue })
        } catch {
            return ("other error: \(error)", [])
        }
    }

    /// The map shapes: the repository copy, or the shared reference file it was copied from.
    static func lacFeatures() throws -> [GeoFeature] {
        let local = repo.appendingPathComponent("datasets/lac_countries.geojson")
        let shared = URL(fileURLWithPath: "/work/shared/reference/data/ne_110m_lac_countries.geojson")
        let url = FileManager.default.fileExists(atPath: local.path) ? local : shared
        return try GeoJSON.features(from: try Data(contentsOf: url))
    }

    /// Two unit squares sharing the edge x = 1 (arc 0), quantized with scale 0.5 and translate
    /// (10, 20): quantized x 0…4 is 10…12, y 0…2 is 20…21.
    static let squaresTopology = #"""
    {"type": "Topology", "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
     "objects": {"squares": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "arcs": [[0, 1]], "id": 7, "properties": {"name": "left", "pop": 12}},
        {"type": "Polygon", "arcs": [[2, -1]], "id": 8, "properties": {"name": "right"}},
        {"type": "LineString", "arcs": [0], "id": 9},
        {"type": null, "id": 10}
     ]}},
     "arcs": [
        [[2, 0], [0, 2]],
        [[2, 2], [-2, 0], [0, -2], [2, 0]],
        [[2, 0], [2, 0], [0, 2], [-2, 0]]
     ]}
    """#

    /// The features or mesh `selection` picks from `text`.
    static func topoJSON(_ selection: TopoJSONSelection, _ text: String = squaresTopology) throws -> [GeoFeature] {
        try TopoJSON.features(from: Data(text.utf8), selection: selection)
    }
}
