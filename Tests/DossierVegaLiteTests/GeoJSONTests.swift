@testable import DossierVegaLite
import Foundation
import Testing


private func parse(_ json: String) throws(GeoJSONError) -> [GeoFeature] {
    try GeoJSON.features(from: Data(json.utf8))
}

private let square = "[[[-60,-10],[-50,-10],[-50,0],[-60,0],[-60,-10]]]"

private func collection(_ features: String...) -> String {
    #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#
}

private func feature(_ properties: String, geometry: String) -> String {
    #"{"type":"Feature","properties":{\#(properties)},"geometry":\#(geometry)}"#
}

@Suite struct GeoJSONTests {
    /// The repository's simplified Natural Earth 1:110m copy (issue 4).
    @Test func naturalEarthLatinAmerica() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../datasets/lac_countries.geojson").standardizedFileURL
        let features = try GeoJSON.features(from: Data(contentsOf: url))
        #expect(features.count == 28)
        let ids = features.map(\.id)
        #expect(Set(ids).count == 28)
        #expect(ids.contains("BRA") && ids.contains("MEX"))
        #expect(ids.allSatisfy { $0.count == 3 && $0 != "-99" })
        let brazil = try #require(features.first { $0.id == "BRA" })
        #expect(brazil.name == "Brazil")
        #expect(brazil.properties["SUBREGION"] == "South America")
        #expect(!brazil.polygons.isEmpty && brazil.polygons.allSatisfy { !$0.isEmpty && $0[0].count >= 4 })
        // MultiPolygons keep their parts (Argentina has Tierra del Fuego).
        let argentina = try #require(features.first { $0.id == "ARG" })
        #expect(argentina.polygons.count >= 2)
        // Every position is in the Americas.
        for p in features.flatMap(\.allPoints) {
            #expect(p.longitude > -120 && p.longitude < -30 && p.latitude > -60 && p.latitude < 35)
        }
        // Integer properties keep their digits.
        #expect(brazil.properties["POP_EST"].flatMap(Int.init) != nil)
    }

    @Test func polygonAndMultiPolygon() throws {
        let json = collection(
            feature(#""ISO_A3":"AAA","NAME":"Alpha""#, geometry: #"{"type":"Polygon","coordinates":\#(square)}"#),
            feature(
                #""ISO_A3":"BBB","NAME":"Beta""#,
                geometry: #"{"type":"MultiPolygon","coordinates":[\#(square),\#(square)]}"#))
        let features = try parse(json)
        #expect(features.map(\.id) == ["AAA", "BBB"])
        #expect(features[0].polygons.count == 1)
        #expect(features[0].polygons[0][0].first == GeoPoint(longitude: -60, latitude: -10))
        #expect(features[1].polygons.count == 2)
        #expect(features[1].allPoints.count == 10)
    }

    @Test func holesAreKept() throws {
        let hole = "[[-58,-8],[-58,-2],[-52,-2],[-52,-8],[-58,-8]]"
        let rings = "[[[-60,-10],[-50,-10],[-50,0],[-60,0],[-60,-10]],\(hole)]"
        let features = try parse(
            collection(feature(#""ISO_A3":"HOL""#, geometry: #"{"type":"Polygon","coordinates":\#(rings)}"#)))
        #expect(features[0].polygons[0].count == 2)
    }

    @Test func minus99FallsBackToADM0() throws {
        let features = try parse(
            collection(
                feature(
                    #""ISO_A3":"-99","ADM0_A3":"FRA","NAME":"France""#,
                    geometry: #"{"type":"Polygon","coordinates":\#(square)}"#)))
        #expect(features[0].id == "FRA")
        #expect(features[0].properties["ISO_A3"] == "-99")
    }

    @Test func singleFeatureAndNullGeometry() throws {
        let features = try parse(feature(#""ISO_A3":"NUL","NAME_LONG":"Nowhere""#, geometry: "null"))
        #expect(features.count == 1)
        #expect(features[0].polygons.isEmpty)
        #expect(features[0].name == "Nowhere")
    }

    @Test func propertiesAsText() throws {
        let features = try parse(
            collection(
                feature(
                    #""ISO_A3":"PRP","POP":44293293,"AREA":12.5,"UN":true,"NOTE":null,"NEG":-3"#,
                    geometry: #"{"type":"Polygon","coordinates":\#(square)}"#)))
        let p = features[0].properties
        #expect(p["POP"] == "44293293")
        #expect(p["AREA"] == "12.5")
        #expect(p["UN"] == "true")
        #expect(p["NEG"] == "-3")
        #expect(p["NOTE"] == nil)
        #expect(features[0].name == "PRP")
    }

    @Test(arguments: [
        ("not json", "invalid"),
        (#"[1,2]"#, "array"),
        (#"{"type":"Point","coordinates":[0,0]}"#, "Point"),
        (#"{"type":"FeatureCollection"}"#, "features"),
    ])
    func badTopLevel(_ c: (String, String)) {
        #expect {
            _ = try parse(c.0)
        } throws: { error in
            guard let e = error as? GeoJSONError else { return false }
            switch e {
            case .invalidJSON, .notAFeatureCollection: return "\(e)".contains(c.1) || c.1 == "invalid"
            default: return false
            }
        }
    }

    @Test func unsupportedGeometry() {
        let json = collection(
            feature(#""ISO_A3":"AAA""#, geometry: #"{"type":"Polygon","coordinates":\#(square)}"#),
            feature(#""ISO_A3":"PTS""#, geometry: #"{"type":"Point","coordinates":[-60,-10]}"#))
        #expect(throws: GeoJSONError.unsupportedGeometry(feature: 1, type: "Point")) { try parse(json) }
    }

    @Test(arguments: [
        "[[[-60,-10],[-50,-10],[-60,-10]]]",  // too few positions
        "[[[-60,-10],[-50,-10],[-50,0],[-60,\"x\"],[-60,-10]]]",  // not a number
        "[[[-60,-10],[-50,-10],[-50,95],[-60,0],[-60,-10]]]",  // latitude out of range
        "[[[-60,-10],[-50,-10],[-50,0],[true,0],[-60,-10]]]",  // boolean is not a number
        "[[-60,-10]]",  // too shallow
    ])
    func invalidCoordinates(_ coordinates: String) {
        let json = collection(
            feature(#""ISO_A3":"BAD""#, geometry: #"{"type":"Polygon","coordinates":\#(coordinates)}"#))
        #expect {
            _ = try parse(json)
        } throws: { error in
            if case .invalidCoordinates(feature: 0, _) = error as? GeoJSONError { return true }
            return false
        }
    }

    @Test func missingAndDuplicateIdentifiers() {
        let polygon = #"{"type":"Polygon","coordinates":\#(square)}"#
        #expect(throws: GeoJSONError.missingIdentifier(feature: 0)) {
            try parse(collection(feature(#""NAME":"Anon""#, geometry: polygon)))
        }
        #expect(throws: GeoJSONError.duplicateIdentifier("DUP")) {
            try parse(collection(feature(#""ISO_A3":"DUP""#, geometry: polygon), feature(#""ISO_A3":"DUP""#, geometry: polygon)))
        }
    }

    @Test func errorsReadAsSentences() {
        let e = GeoJSONError.unsupportedGeometry(feature: 3, type: "LineString")
        #expect(e.description == "GeoJSON feature 3: geometry type LineString is not supported; expected Polygon or MultiPolygon")
    }
}
