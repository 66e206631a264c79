@testable import DossierVegaLite
import Foundation
import Testing

/// Issue 21: the statistics transforms (density, quantile, regression, loess) against Vega itself, run by
/// vl-convert in `scripts/vega_statistics_reference.py` (Fixtures/vega-statistics-transforms.json):
/// the same rows, in the same order, with the same numbers.
@Suite struct VegaStatisticsTransformTests {
    struct Fixture: Decodable {
        struct Row: Decodable { let keys: [String]; let x: Double; let y: Double? }
        struct Case: Decodable { let name: String; let transform: JSONText; let rows: [Row] }
        struct Record: Decodable { let g: String; let x: Double; let y: Double; let r: Double }
        let data: [Record]
        let cases: [Case]
    }

    /// A JSON value kept as its text, to build the spec from.
    struct JSONText: Decodable {
        let text: String
        init(from decoder: any Decoder) throws {
            text = String(decoding: try JSONSerialization.data(withJSONObject: try Self.any(decoder), options: [.sortedKeys]), as: UTF8.self)
        }
        static func any(_ decoder: any Decoder) throws -> Any {
            if let c = try? decoder.container(keyedBy: WindowTransformTests.AnyKey.self) {
                var object: [String: Any] = [:]
                for key in c.allKeys { object[key.stringValue] = try any(try c.superDecoder(forKey: key)) }
                return object
            }
            if var list = try? decoder.unkeyedContainer() {
                var items: [Any] = []
                while !list.isAtEnd { items.append(try any(try list.superDecoder())) }
                return items
            }
            let single = try decoder.singleValueContainer()
            if let flag = try? single.decode(Bool.self) { return flag }
            if let number = try? single.decode(Double.self) { return number }
            return try single.decode(String.self)
        }
    }

    static let fixture: Fixture? = {
        let url = SpecFixture.repo.appendingPathComponent("Tests/DossierVegaLiteTests/Fixtures/vega-statistics-transforms.json")
        return try? JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }()

    static var caseNames: [String] { fixture?.cases.map(\.name) ?? [] }

    @Test(arguments: caseNames)
    func matchesVega(_ name: String) throws {
        let fixture = try #require(Self.fixture)
        let example = try #require(fixture.cases.first { $0.name == name })
        let data = ChartData(columns: [
            ("g", .strings(fixture.data.map(\.g))),
            ("x", .numbers(fixture.data.map(\.x))),
            ("y", .numbers(fixture.data.map(\.y))),
            ("r", .numbers(fixture.data.map(\.r))),
        ])
        let spec = try SpecFixture.spec(#"{"data": "t", "transform": [\#(example.transform.text)], "mark": "point", "encoding": {}}"#)
        let out = TransformTable(try TransformPipeline.apply(spec.layers[0].transform, to: data, layer: 1))
        #expect(out.rowCount == example.rows.count, "\(name): rows")
        guard out.rowCount == example.rows.count else { return }
        let names = out.names
        let (xName, yName) = (names[names.count - 2], names[names.count - 1])
        var worst = 0.0
        for (row, expected) in example.rows.enumerated() {
            for (k, key) in expected.keys.enumerated() {
                #expect(out.value(names[k], row).text == key, "\(name) row \(row)")
            }
            let x = out.value(xName, row).number
            let y = out.value(yName, row)
            let pairs = [(x, expected.x)] + (expected.y.map { [(y.number, $0)] } ?? [])
            for (actual, reference) in pairs {
                let error = abs(actual - reference) / max(abs(reference), 1e-300)
                worst = max(worst, abs(actual - reference) <= 1e-300 ? 0 : error)
            }
            if expected.y == nil { #expect(y == .null, "\(name) row \(row)") }
        }
        print("[stats-accuracy] vega \(name): \(example.rows.count) rows, worst relative error \(worst)")
        #expect(worst < 1e-9, "\(name): worst relative error \(worst)")
    }
}
