@testable import DossierVegaLite
import Foundation
import Testing

/// Issue 21: Vega's distribution functions in expressions (`quantileNormal(datum.p)`…) against
/// SciPy, through `scripts/vega_distribution_reference.py` (Fixtures/vega-distribution-functions.json).
@Suite struct VegaDistributionFunctionTests {
    struct Fixture: Decodable {
        struct Case: Decodable { let f: String; let args: [Double]; let value: Expected? }
        let cases: [Case]
    }

    /// A number, or `"inf"` / `"-inf"`.
    enum Expected: Decodable {
        case number(Double)
        case infinity(Double)
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Double.self) { self = .number(n); return }
            self = .infinity(try c.decode(String.self) == "inf" ? .infinity : -.infinity)
        }
        var value: Double {
            switch self {
            case .number(let n), .infinity(let n): return n
            }
        }
    }

    static func fixture() throws -> Fixture {
        let url = SpecFixture.repo.appendingPathComponent("Tests/DossierVegaLiteTests/Fixtures/vega-distribution-functions.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    @Test func everyFunctionMatchesSciPy() throws {
        let fixture = try Self.fixture()
        #expect(fixture.cases.count > 250)
        var worst = 0.0
        for c in fixture.cases {
            let call = "\(c.f)(\(c.args.map { ExpressionValue.spell($0) }.joined(separator: ", ")))"
            let result = try VegaExpression(parsing: call).evaluate { _ in .null }
            guard case .number(let got) = result else { Issue.record("\(call) gave \(result)"); continue }
            guard let expected = c.value?.value else {
                #expect(got.isNaN, "\(call) = \(got), expected NaN")
                continue
            }
            if expected.isInfinite || expected == 0 {
                #expect(got == expected || Swift.abs(got - expected) < 1e-300, "\(call) = \(got), expected \(expected)")
                continue
            }
            let error = Swift.abs(got - expected) / Swift.abs(expected)
            worst = Swift.max(worst, error)
            #expect(error < 1e-12, "\(call) = \(got), expected \(expected)")
        }
        print("[stats-accuracy] Vega distribution functions: \(fixture.cases.count) comparisons, worst relative error \(worst)")
    }

    @Test func quantileOfACumulativeGivesTheValueBack() throws {
        // Above 3 the cumulative is within 0.0013 of 1, where a double keeps too few digits of
        // it to give x back closely; below 0 it keeps them all.
        for x in stride(from: -7.0, through: 3.0, by: 0.5) {
            let round = try VegaExpression(parsing: "quantileNormal(cumulativeNormal(\(x)))").evaluate { _ in .null }.number
            #expect(Swift.abs(round - x) < 1e-9, "x = \(x): \(round)")
        }
    }

    @Test func theFunctionsReadFields() throws {
        let table = ChartData(columns: [("p", .numbers([0.25, 0.5, 0.975]))])
        let spec = try SpecFixture.spec(#"{"data": "t", "transform": [{"calculate": "quantileUniform(datum.p, 10, 20)", "as": "u"}, {"calculate": "quantileNormal(datum.p, 100, 15)", "as": "iq"}], "mark": "point", "encoding": {}}"#)
        let out = try TransformPipeline.apply(spec.layers[0].transform, to: table, layer: 1)
        #expect(out.column("u") == .numbers([12.5, 15, 19.75]))
        guard case .numbers(let iq)? = out.column("iq") else { Issue.record("no iq"); return }
        #expect(Swift.abs((iq[1] ?? 0) - 100) < 1e-12)
        // The 97.5th percentile of N(100, 15²): 100 + 15 · 1.959963984540054.
        #expect(Swift.abs((iq[2] ?? 0) - 129.39945976810081) < 1e-9)
    }
}
