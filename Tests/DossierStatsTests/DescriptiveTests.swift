import Testing
@testable import DossierStats

struct DescriptiveFixture: Decodable {
    struct Case: Decodable {
        let name: String
        let values: [Double]
        let mean: Double
        let median: Double
        let sd: Double?
        let min: Double
        let max: Double
        let ps: [Double]
        let quantiles: [Double]
    }
    let cases: [Case]
}

@Suite("Descriptive statistics vs NumPy")
struct DescriptiveTests {
    @Test func summariesMatchNumPy() throws {
        let fx = try loadFixture("descriptive", as: DescriptiveFixture.self)
        #expect(fx.cases.count >= 15)
        var e = ErrorTracker("descriptive")
        for c in fx.cases {
            let s = try summarize(c.values)
            #expect(s.n == c.values.count)
            // NumPy sums pairwise, we sum with compensation: both within a few ulp of the
            // exact mean, so 1e-12 relative (1e-10 for the huge-offset / mixed-magnitude
            // samples, where the sd is 1e-9 of the values and inherits their rounding).
            let rel = c.name.hasPrefix("huge") || c.name.hasPrefix("mixed") ? 1e-10 : 1e-12
            e.check(s.mean, c.mean, rel: 1e-12, abs: 1e-300, "\(c.name) mean")
            e.check(s.median, c.median, rel: 1e-12, "\(c.name) median")
            e.check(s.minimum, c.min, rel: 0, "\(c.name) min")
            e.check(s.maximum, c.max, rel: 0, "\(c.name) max")
            if let sd = c.sd {
                e.check(try #require(s.standardDeviation), sd, rel: rel, "\(c.name) sd")
                e.check(try standardDeviation(c.values), sd, rel: rel, "\(c.name) sd")
            } else {
                #expect(s.standardDeviation == nil)
            }
            let qs = try quantiles(c.values, c.ps)
            for (p, (q, expected)) in zip(c.ps, zip(qs, c.quantiles)) {
                e.check(q, expected, rel: 1e-12, abs: 1e-300, "\(c.name) q\(p)")
            }
            e.check(try median(c.values), c.median, rel: 1e-12, "\(c.name) median()")
            e.check(try mean(c.values), c.mean, rel: 1e-12, abs: 1e-300, "\(c.name) mean()")
        }
        e.report()
    }

    @Test func quantileDefinitionByHand() throws {
        // NumPy 'linear': h = (n−1)p between sorted neighbours.
        let v = [4.0, 1, 3, 2]
        #expect(try quantile(v, 0.25) == 1.75)
        #expect(try quantile(v, 0.5) == 2.5)
        #expect(try quantile(v, 1) == 4)
        #expect(try quantile(v, 0) == 1)
        #expect(try quantile([7], 0.3) == 7)
    }

    @Test func missingValuesAndGroups() throws {
        let (s, missing) = try summarize([1, nil, 3, nil])
        #expect(s.n == 2 && missing == 2 && s.mean == 2)
        let groups = try groupSummaries([1, 2, nil, 10, 20, 30], by: ["a", "a", "a", "b", "b", nil])
        #expect(groups.map(\.key) == ["a", "b"])
        #expect(groups[0].summary.n == 2 && groups[0].missing == 1 && groups[0].summary.mean == 1.5)
        #expect(groups[1].summary.n == 2 && groups[1].summary.mean == 15)
        let ordered = try groupSummaries([1, 2], by: ["x", "y"], order: ["y", "x"])
        #expect(ordered.map(\.key) == ["y", "x"])
        #expect(countKeys(["b", "a", nil, "b"]) == [KeyCount(key: "b", count: 2), KeyCount(key: "a", count: 1)])
        #expect(countKeys(["b"], order: ["a", "b"]) == [KeyCount(key: "a", count: 0), KeyCount(key: "b", count: 1)])
        let pairs = try completePairs([1, nil, 3, 4], [nil, 2, 3, 5])
        #expect(pairs.x == [3, 4] && pairs.y == [3, 5] && pairs.dropped == 2)
    }

    @Test func crossTabulation() throws {
        let t = try ContingencyTable.crossTabulate(rows: ["a", "b", "a", nil, "b", "a"],
                                                   columns: ["x", "y", "y", "x", "y", nil],
                                                   columnOrder: ["y", "x", "z"])
        #expect(t.rowLabels == ["a", "b"])
        #expect(t.columnLabels == ["y", "x", "z"])
        #expect(t.counts == [[1, 1, 0], [2, 0, 0]])
        #expect(t.rowTotals == [2, 2] && t.columnTotals == [3, 1, 0] && t.total == 4)
    }

    @Test func degenerateInputThrows() {
        #expect(throws: StatsError.emptyInput(what: "mean")) { try mean([]) }
        #expect(throws: StatsError.emptyInput(what: "summary")) { try summarize([Double]()) }
        #expect(throws: StatsError.emptyInput(what: "summary")) { try summarize([nil, nil] as [Double?]) }
        #expect(throws: StatsError.tooFewObservations(what: "variance", needed: 2, got: 1)) { try standardDeviation([3]) }
        #expect(throws: StatsError.nonFiniteValue(what: "quantile", index: 1)) { try quantile([1, .nan], 0.5) }
        #expect(throws: StatsError.self) { try quantile([1, 2], 1.5) }
        #expect(throws: StatsError.allMissingGroup(key: "b")) {
            try groupSummaries([1, nil, nil], by: ["a", "b", "b"])
        }
        #expect(throws: StatsError.lengthMismatch(what: "group-by", first: 2, second: 1)) {
            try groupSummaries([1, 2], by: ["a"])
        }
        #expect(throws: StatsError.emptyTable) { try ContingencyTable(counts: []) }
        #expect(throws: StatsError.emptyTable) { try ContingencyTable(counts: [[]]) }
        #expect(throws: StatsError.emptyTable) { try ContingencyTable.crossTabulate(rows: [nil], columns: ["x"]) }
        #expect(throws: StatsError.self) { try ContingencyTable(counts: [[1, 2], [3]]) }
        #expect(throws: StatsError.self) { try ContingencyTable(counts: [[1, -2]]) }
    }

    @Test func errorMessagesAreReadable() {
        let message = StatsError.tooFewObservations(what: "Pearson correlation", needed: 3, got: 2).description
        #expect(message == "Pearson correlation: needs at least 3 observations, got 2")
        #expect(StatsError.allMissingGroup(key: "Chile").description.contains("Chile"))
        #expect(StatsError.zeroMargin(what: "row 'f'").description.contains("row 'f'"))
    }
}
