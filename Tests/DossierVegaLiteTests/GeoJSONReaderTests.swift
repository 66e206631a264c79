import DossierBase
@testable import DossierVegaLite
import Foundation
import Testing

/// GeoJSON is read by DossierBase's JSONParser, not Foundation's JSONSerialization (a tenth of
/// the flagship's figure compile): the features must be those Foundation's reading gave, to the
/// bit, and what the fast reader would read differently must still go to Foundation.
@Suite struct GeoJSONReaderTests {
    /// The features of `data` as Foundation's reader gives them.
    private func throughFoundation(_ data: Data) throws -> [GeoFeature] {
        try GeoJSON.features(in: GeoJSON.foundationValue(JSONSerialization.jsonObject(with: data, options: [])))
    }

    private func expectSame(_ fast: [GeoFeature], _ foundation: [GeoFeature]) {
        #expect(fast.map(\.id) == foundation.map(\.id))
        for (a, b) in zip(fast, foundation) {
            #expect(a.name == b.name)
            #expect(a.properties == b.properties)
            #expect(a.polygons == b.polygons)
            let bits = { (f: GeoFeature) in f.allPoints.flatMap { [$0.longitude.bitPattern, $0.latitude.bitPattern] } }
            #expect(bits(a) == bits(b), "\(a.id): every coordinate to the bit")
        }
    }

    @Test func theFlagshipMapReadsAsFoundationReadIt() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../datasets/lac_countries.geojson").standardizedFileURL
        let data = try Data(contentsOf: url)
        #expect(!GeoJSON.needsFoundation([UInt8](data)), "the flagship's map takes the fast reader")
        expectSame(try GeoJSON.features(from: data), try throughFoundation(data))
    }

    /// Numbers of every form JSON allows (up to 17 characters before the exponent) and
    /// properties of every kind, in seeded random documents.
    @Test(arguments: 0..<4) func generatedDocumentsReadAsFoundationReadThem(seed: Int) throws {
        var generator = SeededLCG(seed: UInt64(seed) &+ 7)
        func digits(_ count: Int) -> String { String((0..<count).map { _ in Character(String(generator.next() % 10)) }) }
        func number(bound: Int) -> String {
            let sign = generator.next() % 3 == 0 ? "-" : ""
            let whole = String(generator.next() % UInt64(bound))
            switch generator.next() % 6 {
            case 0: return sign + whole
            case 1: return sign + whole + "." + digits(min(Int(generator.next() % 10) + 1, 16 - whole.count - sign.count))
            case 2: return sign + whole + "." + digits(Int(generator.next() % 4) + 1) + "e-" + String(generator.next() % 3)
            case 3: return sign + "0." + digits(Int(generator.next() % 12) + 1)
            case 4: return sign + whole + "E+0"
            default: return sign + whole + "." + digits(17 - whole.count - sign.count - 1)
            }
        }
        var features: [String] = []
        for index in 0..<40 {
            let ring = (0..<6).map { _ in "[\(number(bound: 180)), \(number(bound: 90))]" }
            let closed = ring + [ring[0]]
            let properties = #""ISO_A3": "F\#(index)", "NAME": "Qu\u00e9r\u00e9taro \"\#(index)\"\n", "POP": \#(number(bound: 1_000_000_000)), "#
                + #""FLAG": \#(index % 2 == 0 ? "true" : "false"), "NONE": null, "LIST": [1, 2], "RATE": \#(number(bound: 100))"#
            features.append(#"{"type": "Feature", "properties": {\#(properties)}, "geometry": {"type": "Polygon", "coordinates": [[\#(closed.joined(separator: ", "))]]}}"#)
        }
        let data = Data(#"{"type": "FeatureCollection", "features": [\#(features.joined(separator: ",\n"))]}"#.utf8)
        #expect(!GeoJSON.needsFoundation([UInt8](data)))
        expectSame(try GeoJSON.features(from: data), try throughFoundation(data))
    }

    @Test func whatTheFastReaderWouldReadDifferentlyGoesToFoundation() throws {
        let long = #"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"ISO_A3": "AAA", "POP": 123456789012345678901}, "geometry": null}]}"#
        #expect(GeoJSON.needsFoundation(Array(long.utf8)))
        expectSame(try GeoJSON.features(from: Data(long.utf8)), try throughFoundation(Data(long.utf8)))
        #expect(GeoJSON.needsFoundation(Array(#"{"NAME": "\ud83d\ude00"}"#.utf8)))
        #expect(!GeoJSON.needsFoundation(Array(#"{"NAME": "\u00e9", "N": 1.5, "M": -12345678901234.5}"#.utf8)))
        // A top level that is not an array or object stays Foundation's error, as it was.
        #expect(throws: GeoJSONError.self) { try GeoJSON.features(from: Data("5".utf8)) }
        do {
            _ = try GeoJSON.features(from: Data(#""text""#.utf8))
            Issue.record("a string at the top level is not GeoJSON")
        } catch {
            guard case .invalidJSON = error else { Issue.record("expected Foundation's refusal, got \(error)"); return }
        }
    }
}

/// A small seeded generator for the generated documents (Knuth's MMIX LCG, high bits).
private struct SeededLCG {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }
}
