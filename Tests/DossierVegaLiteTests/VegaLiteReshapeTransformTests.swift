@testable import DossierVegaLite
import Foundation
import Testing

/// Issue 21: Vega-Lite's `flatten`, `pivot` and `stack` transforms on small tables whose
/// results are worked out by hand in the comments (Vega's rules: vega-transforms' Flatten,
/// Pivot and Stack).
@Suite struct VegaLiteReshapeTransformTests {
    static func run(_ transforms: String, _ data: ChartData) throws -> ChartData {
        let spec = try SpecFixture.spec(#"{"data": "t", "transform": \#(transforms), "mark": "point", "encoding": {}}"#)
        return try TransformPipeline.apply(spec.layers[0].transform, to: data, layer: 1)
    }

    static func values(_ json: String) throws -> ChartData {
        try JSONDecoder().decode(InlineTable.self, from: Data(json.utf8)).chartData
    }

    @Test func flattenMakesARowPerArrayItemAndDropsEmptyArrays() throws {
        let data = try Self.values(#"[{"s": "A", "o": []}, {"s": "C", "o": [2700, 4800]}, {"s": "G", "o": [1]}]"#)
        let out = try Self.run(#"[{"flatten": ["o"]}]"#, data)
        // A's empty list gives no row; C gives two; G one.
        #expect(out.column("s") == .strings(["C", "C", "G"]))
        #expect(out.column("o") == .numbers([2700, 4800, 1]))
    }

    @Test func flattenPadsShorterArraysWithNullAndTakesOutputNames() throws {
        let data = try Self.values(#"[{"k": 1, "a": [1, 2, 3], "b": ["x"]}]"#)
        let out = try Self.run(#"[{"flatten": ["a", "b"], "as": ["ai", "bi"]}]"#, data)
        #expect(out.column("ai") == .numbers([1, 2, 3]))
        #expect(out.column("bi") == .strings(["x", nil, nil]))
        #expect(out.column("k") == .numbers([1, 1, 1]))
    }

    @Test func flattenOfAFieldThatIsNoArrayIsAnErrorOnlyWhenTheFieldIsMissing() throws {
        let data = try Self.values(#"[{"a": 5}, {"a": [7]}]"#)
        // Vega: a row whose field is not an array gives no row.
        #expect(try Self.run(#"[{"flatten": ["a"]}]"#, data).column("a") == .numbers([7]))
        #expect(throws: ChartError.self) { try Self.run(#"[{"flatten": ["nope"]}]"#, data) }
    }

    static let prices = ChartData(columns: [
        ("date", .strings(["d1", "d1", "d2", "d2", "d2", "d1"])),
        ("symbol", .strings(["MSFT", "AAPL", "AAPL", "MSFT", "AAPL", "GOOG"])),
        ("price", .numbers([10, 20, 21, 11, 1, 500])),
    ])

    @Test func pivotMakesAFieldPerKeySortedAndSumsByDefault() throws {
        let out = try Self.run(#"[{"pivot": "symbol", "value": "price", "groupby": ["date"]}]"#, Self.prices)
        // Keys sorted: AAPL, GOOG, MSFT. d2 has AAPL twice (21 + 1) and no GOOG: missing, as
        // vl-convert leaves it (undefined).
        #expect(out.fieldNames == ["date", "AAPL", "GOOG", "MSFT"])
        #expect(out.column("date") == .strings(["d1", "d2"]))
        #expect(out.column("AAPL") == .numbers([20, 22]))
        #expect(out.column("GOOG") == .numbers([500, nil]))
        #expect(out.column("MSFT") == .numbers([10, 11]))
    }

    @Test func pivotTakesAnOperationAndALimit() throws {
        let out = try Self.run(#"[{"pivot": "symbol", "value": "price", "groupby": ["date"], "op": "max", "limit": 2}]"#, Self.prices)
        #expect(out.fieldNames == ["date", "AAPL", "GOOG"])
        #expect(out.column("AAPL") == .numbers([20, 21]))
        #expect(out.column("GOOG") == .numbers([500, nil]))
    }

    static let counts = ChartData(columns: [
        ("o", .strings(["US", "EU", "US", "JP", "EU"])),
        ("c", .numbers([8, 4, 4, 4, 6])),
        ("n", .numbers([100, 10, 50, 40, 30])),
    ])

    @Test func stackNormalizedOverAllRowsInSortOrderKeepsTheRowOrder() throws {
        let out = try Self.run(#"[{"stack": "n", "groupby": [], "as": ["s0", "s1"], "offset": "normalize", "sort": [{"field": "o"}]}]"#, Self.counts)
        // Sorted by o (ties in order): EU 10, EU 30, JP 40, US 100, US 50; total 230.
        #expect(out.column("o") == .strings(["US", "EU", "US", "JP", "EU"]))
        let s0: [Double] = [80, 0, 180, 40, 10].map { $0 / 230 }
        let s1: [Double] = [180, 10, 230, 80, 40].map { $0 / 230 }
        #expect(Self.close(out.column("s0"), s0))
        #expect(Self.close(out.column("s1"), s1))
    }

    @Test func stackZeroPerGroupAndCenter() throws {
        let zero = try Self.run(#"[{"stack": "n", "groupby": ["o"], "as": ["a", "b"], "sort": [{"field": "c", "order": "descending"}]}]"#, Self.counts)
        // US: c 8 (100) then c 4 (50): 0–100, 100–150. EU: c 6 (30) then c 4 (10): 0–30, 30–40.
        #expect(zero.column("a") == .numbers([0, 30, 100, 0, 0]))
        #expect(zero.column("b") == .numbers([100, 40, 150, 40, 30]))
        let center = try Self.run(#"[{"stack": "n", "groupby": ["o"], "as": ["a", "b"], "offset": "center"}]"#, Self.counts)
        // Largest group sum 150 (US); EU's 40 starts at (150 − 40) / 2 = 55, JP's 40 at 55.
        #expect(center.column("a") == .numbers([0, 55, 100, 55, 65]))
        #expect(center.column("b") == .numbers([100, 65, 150, 95, 95]))
    }

    @Test func stackNegativeValuesGoDownFromZero() throws {
        let data = ChartData(columns: [("v", .numbers([3, -2, 4, -1]))])
        let out = try Self.run(#"[{"stack": "v", "as": ["a", "b"]}]"#, data)
        #expect(out.column("a") == .numbers([0, 0, 3, -2]))
        #expect(out.column("b") == .numbers([3, -2, 7, -3]))
    }

    @Test func badParametersAreErrors() {
        #expect(throws: (any Error).self) { try Self.run(#"[{"stack": "n", "offset": "wiggle", "as": ["a", "b"]}]"#, Self.counts) }
        #expect(throws: (any Error).self) { try Self.run(#"[{"stack": "n", "as": ["a"]}]"#, Self.counts) }
        #expect(throws: (any Error).self) { try Self.run(#"[{"pivot": "o"}]"#, Self.counts) }
        #expect(throws: ChartError.self) { try Self.run(#"[{"pivot": "nope", "value": "n"}]"#, Self.counts) }
    }

    static func close(_ column: ChartColumn?, _ expected: [Double]) -> Bool {
        guard case .numbers(let v)? = column, v.count == expected.count else { return false }
        return zip(v, expected).allSatisfy { Swift.abs(($0 ?? .nan) - $1) < 1e-12 }
    }
}
