@testable import DossierVegaLite
import Testing
@testable import DossierCharts

/// Issue 21: Vega-Lite's `aggregate` in an encoding groups the rows by the other encoded fields.
@Suite struct EncodingAggregationTests {
    static let table = ChartData(columns: [
        ("g", .strings(["a", "b", "a", "b", "a", nil])),
        ("v", .numbers([1, 10, 2, nil, 6, 5])),
    ])

    static func aggregate(_ op: AggregateOp, field: String? = "v") throws -> [String: Double?] {
        let encoding = Encoding(x: ChannelDef(field: "g"), y: ChannelDef(field: field, aggregate: op))
        let (out, rewritten) = try EncodingAggregation.apply(table, encoding: encoding, facetField: nil, layer: 1, dataName: "t")
        guard case .strings(let keys)? = out.column("g"), let name = rewritten.y?.field,
              case .numbers(let values)? = out.column(name) else { return [:] }
        return Dictionary(uniqueKeysWithValues: zip(keys.map { $0 ?? "<missing>" }, values))
    }

    @Test func groupsKeepTheirFirstAppearanceOrderAndMissingKeysFormAGroup() throws {
        let encoding = Encoding(x: ChannelDef(field: "g"), y: ChannelDef(aggregate: .count))
        let (out, rewritten) = try EncodingAggregation.apply(Self.table, encoding: encoding, facetField: nil, layer: 1, dataName: "t")
        #expect(out.column("g") == .strings(["a", "b", nil]))
        #expect(out.column("__count") == .numbers([3, 2, 1]))
        #expect(rewritten.y?.field == "__count")
        #expect(rewritten.y?.title == "Count of Records")
        #expect(rewritten.y?.aggregate == nil)
    }

    @Test func operationsMatchTheirDefinitions() throws {
        // Group a: 1, 2, 6. Group b: 10 and a missing value.
        #expect(try Self.aggregate(.sum)["a"] == 9)
        #expect(try Self.aggregate(.mean)["a"] == 3)
        #expect(try Self.aggregate(.median)["a"] == 2)
        // Type 7 quantiles of 1, 2, 6: q1 at position 0.5 → 1.5, q3 at 1.5 → 4 (numpy.quantile's default).
        #expect(try Self.aggregate(.q1)["a"] == 1.5)
        #expect(try Self.aggregate(.q3)["a"] == 4)
        #expect(try Self.aggregate(.min)["a"] == 1)
        #expect(try Self.aggregate(.max)["a"] == 6)
        // Sample variance of 1, 2, 6: mean 3, squares 4 + 1 + 9 = 14, / 2 = 7.
        #expect(try Self.aggregate(.variance)["a"] == 7)
        #expect(try Self.aggregate(.variancep)["a"] == 14.0 / 3)
        #expect(try Self.aggregate(.valid)["b"] == 1)
        #expect(try Self.aggregate(.missing)["b"] == 1)
        #expect(try Self.aggregate(.count)["b"] == 2)
        #expect(try Self.aggregate(.distinct)["a"] == 3)
        #expect(try Self.aggregate(.stdev)["b"] == .some(nil))
    }

    @Test func aTitleSaysWhatWasComputed() throws {
        let encoding = Encoding(x: ChannelDef(field: "g"), y: ChannelDef(field: "v", aggregate: .mean))
        let (_, rewritten) = try EncodingAggregation.apply(Self.table, encoding: encoding, facetField: nil, layer: 1, dataName: "t")
        #expect(rewritten.y?.title == "Mean of v")
        #expect(rewritten.y?.field == "mean_v")
    }

    @Test(arguments: [
        (#"{"aggregate": "avg", "field": "v"}"#, "unknown aggregate \"avg\""),
        (#"{"aggregate": "argmax", "field": "v"}"#, "`aggregate: argmax` is not supported in charts yet"),
        (#"{"aggregate": {"argmin": "v"}, "field": "v"}"#, "`aggregate` with an object (argmin, argmax) is not supported"),
    ])
    func badAggregatesAreRefused(_ channel: String, _ message: String) {
        let failure = SpecFixture.decodingFailure(#"{"data": "t", "mark": "bar", "encoding": {"y": "# + channel + "}}")
        #expect(failure?.message.contains(message) == true, "\(failure?.message ?? "no error")")
    }

    @Test func aTextFieldCannotBeSummed() {
        let encoding = Encoding(y: ChannelDef(field: "g", aggregate: .sum))
        #expect(throws: ChartError.self) {
            _ = try EncodingAggregation.apply(Self.table, encoding: encoding, facetField: nil, layer: 1, dataName: "t")
        }
    }
}
