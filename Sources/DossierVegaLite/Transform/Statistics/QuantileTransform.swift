import DossierBase

/// Vega-Lite's `quantile` transform: per group (`groupby`), the quantiles of a field at the
/// probabilities `probs` (default `step/2, 3·step/2, …` below 1, `step` 0.01), as rows
/// `{groupby…, prob, value}`; quantiles interpolate between order statistics (R's type 7,
/// as d3 and Vega). Cells that are not numbers are left out.
package struct QuantileTransform: Sendable, Equatable {
    package var field: String
    package var groupby: [String]
    package var probs: [Double]
    package var names: [String]
}

extension QuantileTransform: Decodable {
    private enum CodingKeys: String, CodingKey, CaseIterable { case quantile, groupby, probs, step, names = "as" }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "a quantile transform")
        field = try c.decode(String.self, forKey: .quantile)
        groupby = try c.decodeIfPresent([String].self, forKey: .groupby) ?? []
        if let given = try c.decodeIfPresent([Double].self, forKey: .probs) {
            guard given.allSatisfy({ (0...1).contains($0) }), !given.isEmpty, given.count <= 10_000 else {
                throw c.failure(.probs, "`probs` must be 1 to 10000 probabilities from 0 to 1")
            }
            probs = given
        } else {
            let step = try c.decodeIfPresent(Double.self, forKey: .step) ?? 0.01
            guard step >= 1e-4, step < 1 else {
                throw c.failure(.step, "step is \(ChartLimits.spell(step)), expected a number from 0.0001 to below 1")
            }
            // d3's `range(step / 2, 1 - 1e-14, step)`: start + i · step while below the stop.
            let start = step / 2, stop = 1 - 1e-14
            let count = Int(((stop - start) / step).rounded(.up))
            probs = (0..<max(0, count)).map { start + Double($0) * step }
        }
        names = try c.namePair(.names, default: ["prob", "value"], what: "quantile", expected: "[prob, value]")
    }
}

extension QuantileTransform {
    func apply(to table: TransformTable) throws -> TransformTable {
        try table.require(field, in: "quantile")
        for name in groupby { try table.require(name, in: "quantile's groupby") }
        var keys: [[ExpressionValue]] = []
        var ps: [Double] = []
        var qs: [ExpressionValue] = []
        for group in table.groups(by: groupby) {
            let sorted = group.compactMap { row -> Double? in
                if case .number(let n) = table.value(field, row), !n.isNaN { return n }
                return nil
            }.sorted()
            let key = groupby.map { table.value($0, group[0]) }
            for p in probs {
                keys.append(key)
                ps.append(p)
                qs.append(SampleStatistics.quantile(sorted: sorted, p).map(ExpressionValue.number) ?? .null)
            }
        }
        var result = TransformTable([], rowCount: ps.count)
        for (i, name) in groupby.enumerated() { result.set(name, keys.map { $0[i] }) }
        result.set(names[0], ps.map(ExpressionValue.number))
        result.set(names[1], qs)
        return result
    }
}
