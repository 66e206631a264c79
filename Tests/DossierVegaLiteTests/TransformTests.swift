@testable import DossierVegaLite
import Foundation
import Testing

/// Issue 21: Vega-Lite's `transform` (filter, calculate, aggregate, joinaggregate, fold) on
/// small tables whose results are worked out by hand in the comments.
@Suite struct TransformTests {
    static let table = ChartData(columns: [
        ("city", .strings(["Ayr", "Bath", "Cork", "Derry", "Ely", nil])),
        ("region", .strings(["north", "south", "north", "north", "south", "south"])),
        ("pop", .numbers([47, 94, 210, 85, nil, 12])),
        ("coastal", .strings(["true", "false", "true", "true", "false", "false"])),
    ])

    static func run(_ transforms: String, _ data: ChartData = TransformTests.table) throws -> ChartData {
        let spec = try SpecFixture.spec(#"{"data": "t", "transform": \#(transforms), "mark": "point", "encoding": {}}"#)
        return try TransformPipeline.apply(spec.layers[0].transform, to: data, layer: 1)
    }

    @Test func filterByExpressionKeepsMatchingRowsInOrder() throws {
        let out = try Self.run(#"[{"filter": "datum.pop > 80 && datum.region == 'north'"}]"#)
        #expect(out.column("city") == .strings(["Cork", "Derry"]))
        #expect(out.column("pop") == .numbers([210, 85]))
    }

    @Test func booleanTextColumnsReadAsBooleans() throws {
        let out = try Self.run(#"[{"filter": "!datum.coastal"}]"#)
        #expect(out.column("city") == .strings(["Bath", "Ely", nil]))
        #expect(out.column("coastal") == .strings(["false", "false", "false"]))
    }

    @Test(arguments: [
        (#"{"field": "region", "equal": "south"}"#, ["Bath", "Ely", nil]),
        // Vega-Lite compiles `lt` to `datum.pop < 85`: JavaScript reads null as 0, so Ely passes.
        (#"{"field": "pop", "lt": 85}"#, ["Ayr", "Ely", nil]),
        (#"{"field": "pop", "lte": 85}"#, ["Ayr", "Derry", "Ely", nil]),
        (#"{"field": "pop", "gt": 85}"#, ["Bath", "Cork"]),
        (#"{"field": "pop", "gte": 94}"#, ["Bath", "Cork"]),
        (#"{"field": "pop", "range": [47, 94]}"#, ["Ayr", "Bath", "Derry"]),
        (#"{"field": "pop", "range": [null, 50]}"#, ["Ayr", "Ely", nil]),
        (#"{"field": "city", "oneOf": ["Ely", "Ayr", "York"]}"#, ["Ayr", "Ely"]),
        (#"{"field": "pop", "valid": true}"#, ["Ayr", "Bath", "Cork", "Derry", nil]),
        (#"{"field": "pop", "valid": false}"#, ["Ely"]),
        (#"{"and": [{"field": "region", "equal": "north"}, "datum.pop < 100"]}"#, ["Ayr", "Derry"]),
        (#"{"or": [{"field": "city", "equal": "Ely"}, {"field": "pop", "gt": 200}]}"#, ["Cork", "Ely"]),
        (#"{"not": {"field": "region", "equal": "north"}}"#, ["Bath", "Ely", nil]),
    ])
    func fieldPredicatesFollowVegaLite(_ predicate: String, _ cities: [String?]) throws {
        let out = try Self.run(#"[{"filter": \#(predicate)}]"#)
        #expect(out.column("city") == .strings(cities), "\(predicate)")
    }

    @Test func calculateAddsAFieldAndLaterStepsReadIt() throws {
        let out = try Self.run(#"[{"calculate": "datum.pop * 1000", "as": "people"}, {"calculate": "datum.people > 90000 ? 'big' : 'small'", "as": "size"}]"#)
        #expect(out.fieldNames == ["city", "region", "pop", "coastal", "people", "size"])
        // Ely's missing pop is null, and null * 1000 = 0 in JavaScript (and Vega), so Ely is "small".
        #expect(out.column("people") == .numbers([47000, 94000, 210000, 85000, 0, 12000]))
        #expect(out.column("size") == .strings(["small", "big", "big", "small", "small", "small"]))
    }

    @Test func calculateReplacesAFieldOfTheSameName() throws {
        let out = try Self.run(#"[{"calculate": "upper(datum.region)", "as": "region"}]"#)
        #expect(out.fieldNames == ["city", "region", "pop", "coastal"])
        #expect(out.column("region") == .strings(["NORTH", "SOUTH", "NORTH", "NORTH", "SOUTH", "SOUTH"]))
    }

    @Test func aggregateMakesOneRowPerGroup() throws {
        let out = try Self.run(#"""
            [{"aggregate": [{"op": "sum", "field": "pop", "as": "total"}, {"op": "count", "as": "n"},
                            {"op": "mean", "field": "pop", "as": "mean"}, {"op": "valid", "field": "pop", "as": "known"},
                            {"op": "max", "field": "pop"}],
              "groupby": ["region"]}]
            """#)
        #expect(out.fieldNames == ["region", "total", "n", "mean", "known", "max_pop"])
        #expect(out.column("region") == .strings(["north", "south"]))
        // north: 47 + 210 + 85 = 342 over 3 rows; south: 94 + 12 = 106 over 3 rows, one missing.
        #expect(out.column("total") == .numbers([342, 106]))
        #expect(out.column("n") == .numbers([3, 3]))
        #expect(out.column("mean") == .numbers([114, 53]))
        #expect(out.column("known") == .numbers([3, 2]))
        #expect(out.column("max_pop") == .numbers([210, 94]))
    }

    @Test func aggregateWithoutGroupbyMakesOneRow() throws {
        let out = try Self.run(#"[{"aggregate": [{"op": "count", "field": "*", "as": "rows"}, {"op": "distinct", "field": "region", "as": "regions"}]}]"#)
        #expect(out.column("rows") == .numbers([6]))
        #expect(out.column("regions") == .numbers([2]))
    }

    @Test func joinaggregateAddsTheGroupSummaryToEveryRow() throws {
        let out = try Self.run(#"""
            [{"joinaggregate": [{"op": "sum", "field": "pop", "as": "regionTotal"}], "groupby": ["region"]},
             {"calculate": "datum.pop / datum.regionTotal", "as": "share"}]
            """#)
        #expect(out.rowCount == 6)
        #expect(out.column("regionTotal") == .numbers([342, 106, 342, 342, 106, 106]))
        guard case .numbers(let share)? = out.column("share") else { Issue.record("no share"); return }
        #expect(share[0] == 47.0 / 342 && share[1] == 94.0 / 106)
        // null / 106 = 0 in JavaScript.
        #expect(share[4] == 0)
    }

    @Test func foldTurnsFieldsIntoKeyValueRows() throws {
        let wide = ChartData(columns: [("country", .strings(["A", "B"])), ("gold", .numbers([3, 1])), ("silver", .numbers([2, nil]))])
        let out = try Self.run(#"[{"fold": ["gold", "silver"], "as": ["medal", "count"]}]"#, wide)
        #expect(out.column("country") == .strings(["A", "A", "B", "B"]))
        #expect(out.column("medal") == .strings(["gold", "silver", "gold", "silver"]))
        #expect(out.column("count") == .numbers([3, 2, 1, nil]))
        let defaults = try Self.run(#"[{"fold": ["gold"]}]"#, wide)
        #expect(defaults.fieldNames == ["country", "gold", "silver", "key", "value"])
    }

    @Test func aTimeUnitStepTruncatesDatesForTheStepsAfterIt() throws {
        let dates = ChartData(columns: [("d", .strings(["2020-03-04", "2020-11-30", "2021-01-02"]))])
        let out = try Self.run(#"[{"timeUnit": "year", "field": "d", "as": "y"}, {"aggregate": [{"op": "count", "as": "n"}], "groupby": ["y"]}]"#, dates)
        // 2020-01-01 and 2021-01-01 at 00:00 UTC, in milliseconds since 1970.
        #expect(out.column("y") == .numbers([1_577_836_800_000, 1_609_459_200_000]))
        #expect(out.column("n") == .numbers([2, 1]))
    }

    @Test func anUnknownFieldIsAnErrorWithASuggestion() {
        #expect(throws: ChartError.invalidSpec("layer 1: transform 2: filter: field \"popp\" not found; did you mean \"pop\"? (known: city, region, pop, coastal, big)")) {
            _ = try Self.run(#"[{"calculate": "1", "as": "big"}, {"filter": "datum.popp > 1"}]"#)
        }
    }

    @Test(arguments: [
        (#"[{"sample": 10}]"#, "the `sample` transform is not supported in charts yet"),
        (#"[{"impute": "pop", "key": "city"}]"#, "the `impute` transform is not supported in charts yet"),
        (#"[{"regression": "pop", "on": "city", "params": true}]"#, "`params: true` in a regression transform is not supported in charts yet"),
        (#"[{"density": "pop", "resolve": "own"}]"#, "resolve is \"own\", expected shared or independent"),
        (#"[{"quantile": "pop", "as": ["p"]}]"#, "a quantile's `as` has 1 names, expected 2"),
        (#"[{"loess": "pop", "on": "city", "bandwidth": 2}]"#, "bandwidth is 2, expected the share of points"),
        (#"[{"calculate": "1"}]"#, "\"as\""),
        (#"[{"filter": {"field": "pop", "lt": 1, "gt": 0}}]"#, "a field predicate takes one test, found `lt` and `gt`"),
        (#"[{"filter": {"field": "pop", "timeUnit": "year", "equal": 2000}}]"#, "`timeUnit` in a field predicate is not supported in charts yet"),
        (#"[{"aggregate": [{"op": "avg", "field": "pop"}]}]"#, "unknown aggregate \"avg\""),
        (#"[{"aggregate": [{"op": "argmax", "field": "pop"}]}]"#, "`argmax` is not supported in charts yet"),
        (#"[{"window": [{"op": "sum", "field": "pop"}], "ignorePeers": true}]"#, "`ignorePeers` in a window transform is not supported in charts yet"),
        (#"[{"window": [{"op": "ntile", "param": 4}]}]"#, "window op `ntile` is not supported in charts yet"),
        (#"[{"fold": ["a"], "as": ["k"]}]"#, "expected 2: [key, value]"),
        (#"[{"filtre": "datum.x"}]"#, "a transform needs one of `filter`"),
    ])
    func unsupportedOrMalformedTransformsAreRefused(_ transforms: String, _ message: String) {
        let failure = try? Self.run(transforms)
        #expect(failure == nil)
        do {
            _ = try SpecFixture.spec(#"{"data": "t", "transform": \#(transforms), "mark": "point", "encoding": {}}"#)
            Issue.record("decoded: \(transforms)")
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }

    @Test func aChartTransformRunsBeforeTheLayersThatInheritItsData() throws {
        let spec = try SpecFixture.spec(#"""
            {"data": "t", "transform": [{"filter": "datum.pop > 50"}],
             "layer": [{"mark": "point", "transform": [{"calculate": "datum.pop * 2", "as": "double"}]},
                       {"data": "u", "mark": "point"}]}
            """#)
        #expect(spec.layers[0].transform.count == 2)
        if case .filter = spec.layers[0].transform[0] {} else { Issue.record("the chart's filter runs first") }
        #expect(spec.layers[1].transform.isEmpty)
        let noData = SpecFixture.decodingFailure(#"{"transform": [{"filter": "datum.a"}], "layer": [{"data": "t", "mark": "point"}]}"#)
        #expect(noData?.message.contains("a chart's `transform` runs on the chart's `data`, and this chart has none") == true)
    }
}

/// Issue 21: the `bin` transform's boundaries, worked out by hand with Vega's rule (a step of
/// 1, 2 or 5 × 10^k giving at most `maxbins` bins; the extent widened to multiples of it).
@Suite struct BinTransformTests {
    static let data = ChartData(columns: [("v", .numbers([1.2, 3.4, 7.9, 10, nil]))])

    @Test func defaultBinsHaveANiceStep() throws {
        // Span 8.8, ten bins at most: 10^(round(log10 8.8) − 1) = 1; 0.5 would make 18 bins.
        let out = try TransformTests.run(#"[{"bin": true, "field": "v", "as": "b"}]"#, Self.data)
        #expect(out.column("b") == .numbers([1, 3, 7, 9, nil]))
        #expect(out.column("b_end") == .numbers([2, 4, 8, 10, nil]))
    }

    @Test func maxbinsStepAndExtentAreHonoured() throws {
        // Two bins at most over 1.2…10: step 1 → 10 bins, × 10 = 10 → 1 bin; /5 = 2 → 5 bins (too
        // many), /2 = 5 → 2 bins: step 5, from 0 to 10.
        let two = try TransformTests.run(#"[{"bin": {"maxbins": 2}, "field": "v", "as": ["lo", "hi"]}]"#, Self.data)
        #expect(two.column("lo") == .numbers([0, 0, 5, 5, nil]))
        #expect(two.column("hi") == .numbers([5, 5, 10, 10, nil]))
        let step = try TransformTests.run(#"[{"bin": {"step": 4}, "field": "v", "as": "b"}]"#, Self.data)
        // Step 4 from floor(1.2 / 4) · 4 = 0 to ceil(10 / 4) · 4 = 12.
        #expect(step.column("b") == .numbers([0, 0, 4, 8, nil]))
        let extent = try TransformTests.run(#"[{"bin": {"extent": [0, 100]}, "field": "v", "as": "b"}]"#, Self.data)
        // Span 100: step 10^(2 − 1) = 10, ten bins.
        #expect(extent.column("b") == .numbers([0, 0, 0, 10, nil]))
    }

    @Test func vegaBoundariesForACommonCase() {
        // Horsepower 46…230 in 20 bins at most: step 10 from 40 to 230 (the gallery's histogram).
        let b = BinTransform.bins(min: 46, max: 230, maxbins: 20, step: nil, nice: true)
        #expect(b.start == 40 && b.stop == 230 && b.step == 10)
        let small = BinTransform.bins(min: 0.01, max: 0.94, maxbins: 10, step: nil, nice: true)
        #expect(small.step == 0.1 && small.start == 0 && abs(small.stop - 1) < 1e-12)
    }
}
