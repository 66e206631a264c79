@testable import DossierVegaLite
import Foundation
import Testing

/// Issue 21: Vega-Lite's `window` transform against values computed with pandas by
/// `scripts/window_transform_reference.py` (Fixtures/window-transform.json): ranks with ties,
/// running summaries over the default frame widened to peers, sliding and unbounded frames,
/// lag, lead, first and last values, per partition.
@Suite struct WindowTransformTests {
    struct Fixture: Decodable {
        struct Case: Decodable {
            let name: String
            let spec: AnyJSON
            let expected: [String: [Double?]]
        }
        let rows: [String: AnyJSON]
        let cases: [Case]
    }

    /// Any JSON value, kept to be written back as text.
    struct AnyJSON: Decodable {
        let value: Any
        init(from decoder: any Decoder) throws {
            if let c = try? decoder.container(keyedBy: AnyKey.self) {
                var object: [String: Any] = [:]
                for key in c.allKeys { object[key.stringValue] = try c.decode(AnyJSON.self, forKey: key).value }
                value = object
            } else if var list = try? decoder.unkeyedContainer() {
                var items: [Any] = []
                while !list.isAtEnd { items.append(try list.decode(AnyJSON.self).value) }
                value = items
            } else {
                let single = try decoder.singleValueContainer()
                if single.decodeNil() { value = NSNull() }
                else if let n = try? single.decode(Double.self) { value = n }
                else { value = try single.decode(String.self) }
            }
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static func fixture() throws -> Fixture {
        let url = SpecFixture.repo.appendingPathComponent("Tests/DossierVegaLiteTests/Fixtures/window-transform.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    static func input(_ fixture: Fixture) -> ChartData {
        let names = ["g", "k", "u", "v"]
        return ChartData(columns: names.map { name in
            let values = fixture.rows[name]?.value as? [Any] ?? []
            if let numbers = values as? [Double] { return (name, .numbers(numbers)) }
            return (name, .strings(values.map { $0 as? String }))
        })
    }

    @Test func everyCaseMatchesPandas() throws {
        let fixture = try Self.fixture()
        #expect(fixture.cases.count == 3)
        var worst = 0.0
        for c in fixture.cases {
            let specJSON = String(decoding: try JSONSerialization.data(withJSONObject: c.spec.value, options: [.sortedKeys]), as: UTF8.self)
            let spec = try SpecFixture.spec(#"{"data": "t", "transform": [\#(specJSON)], "mark": "point", "encoding": {}}"#)
            let out = try TransformPipeline.apply(spec.layers[0].transform, to: Self.input(fixture), layer: 1)
            for (name, expected) in c.expected {
                guard case .numbers(let got)? = out.column(name) else {
                    Issue.record("\(c.name): no numeric column \(name)")
                    continue
                }
                #expect(got.count == expected.count)
                for (row, (g, e)) in zip(got, expected).enumerated() {
                    switch (g, e) {
                    case (nil, nil): break
                    case let (g?, e?):
                        worst = max(worst, abs(g - e) / max(1, abs(e)))
                        #expect(abs(g - e) <= 1e-12 * max(1, abs(e)), "\(c.name): \(name) row \(row): \(g) vs \(e)")
                    default: Issue.record("\(c.name): \(name) row \(row): \(String(describing: g)) vs \(String(describing: e))")
                    }
                }
            }
        }
        print("window transform: worst relative error against pandas \(worst)")
    }

    @Test func withoutSortEveryRowIsItsOwnRankAndTheFrameIsPositional() throws {
        let data = ChartData(columns: [("v", .numbers([5, 5, 1]))])
        let spec = try SpecFixture.spec(#"""
            {"data": "t", "transform": [{"window": [{"op": "rank", "as": "r"}, {"op": "sum", "field": "v", "as": "s"},
                                                    {"op": "lead", "field": "v", "param": 2, "as": "l"}]}],
             "mark": "point", "encoding": {}}
            """#)
        let out = try TransformPipeline.apply(spec.layers[0].transform, to: data, layer: 1)
        #expect(out.column("r") == .numbers([1, 2, 3]))
        #expect(out.column("s") == .numbers([5, 10, 11]))
        #expect(out.column("l") == .numbers([1, nil, nil]))
    }

    @Test func descendingSortRanksTheLargestFirst() throws {
        let data = ChartData(columns: [("name", .strings(["a", "b", "c", "d"])), ("v", .numbers([3, 9, nil, 9]))])
        let spec = try SpecFixture.spec(#"""
            {"data": "t", "transform": [{"window": [{"op": "dense_rank", "as": "r"}], "sort": [{"field": "v", "order": "descending"}]}],
             "mark": "point", "encoding": {}}
            """#)
        let out = try TransformPipeline.apply(spec.layers[0].transform, to: data, layer: 1)
        // Descending: 9, 9 (peers), 3, then null (null sorts first ascending, so last descending).
        #expect(out.column("r") == .numbers([2, 1, 3, 1]))
    }
}
