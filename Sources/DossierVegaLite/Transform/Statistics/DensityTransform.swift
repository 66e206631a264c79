import DossierBase

/// Vega-Lite's `density` transform: a Gaussian kernel density estimate of a field per group
/// (`groupby`), sampled along the field's extent into rows `{groupby…, value, density}`.
///
/// As Vega's KDE: the bandwidth is Scott's rule as vega-statistics estimates it
/// (``SampleStatistics/scottBandwidth(_:)``) unless `bandwidth` is given; `counts` multiplies
/// the density by the group's size; `cumulative` gives the distribution function. With
/// `resolve: shared` (Vega-Lite's default) every group is sampled on one uniform grid of
/// `steps` (default `maxsteps`, 200) intervals over `extent` (default the field's extent over
/// all rows); with `independent`, each group over `extent` or its own extent, adaptively
/// between `minsteps` (25) and `maxsteps` (200) (``CurveSampling``). Cells that are not
/// numbers (null, text) are left out (Vega would read null as 0).
package struct DensityTransform: Sendable, Equatable {
    package var field: String
    package var groupby: [String]
    package var cumulative: Bool
    package var counts: Bool
    /// The kernel's standard deviation; nil: Scott's rule.
    package var bandwidth: Double?
    package var extent: (Double, Double)?
    package var shared: Bool
    package var steps: Int?
    package var minsteps: Int?
    package var maxsteps: Int?
    package var names: (value: String, density: String)

    package static func == (a: DensityTransform, b: DensityTransform) -> Bool {
        a.field == b.field && a.groupby == b.groupby && a.cumulative == b.cumulative && a.counts == b.counts
            && a.bandwidth == b.bandwidth && a.extent?.0 == b.extent?.0 && a.extent?.1 == b.extent?.1 && a.shared == b.shared
            && a.steps == b.steps && a.minsteps == b.minsteps && a.maxsteps == b.maxsteps
            && a.names.value == b.names.value && a.names.density == b.names.density
    }
}

extension DensityTransform: Decodable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case density, groupby, cumulative, counts, bandwidth, extent, resolve, steps, minsteps, maxsteps
        case names = "as"
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "a density transform")
        field = try c.decode(String.self, forKey: .density)
        groupby = try c.decodeIfPresent([String].self, forKey: .groupby) ?? []
        cumulative = try c.decodeIfPresent(Bool.self, forKey: .cumulative) ?? false
        counts = try c.decodeIfPresent(Bool.self, forKey: .counts) ?? false
        let given = try c.decodeIfPresent(Double.self, forKey: .bandwidth)
        if let given, !(given >= 0 && given.isFinite) {
            throw c.failure(.bandwidth, "bandwidth is \(ChartLimits.spell(given)), expected a number ≥ 0 (0: Scott's rule)")
        }
        bandwidth = given == 0 ? nil : given
        if let pair = try c.decodeIfPresent([Double].self, forKey: .extent) {
            guard pair.count == 2, pair.allSatisfy(\.isFinite), pair[0] < pair[1] else {
                throw c.failure(.extent, "a density's `extent` is \(pair.map(ChartLimits.spell)), expected [min, max] with min < max")
            }
            extent = (pair[0], pair[1])
        }
        let resolve = try c.decodeIfPresent(String.self, forKey: .resolve) ?? "shared"
        guard resolve == "shared" || resolve == "independent" else {
            throw c.failure(.resolve, "resolve is \(InputExcerpt.quoted(resolve)), expected shared or independent")
        }
        shared = resolve == "shared"
        let stepRule = NumberRule(name: "steps", min: 2, max: 10_000, unit: "")
        steps = try c.decodeWholeNumber(.steps, stepRule)
        minsteps = try c.decodeWholeNumber(.minsteps, stepRule)
        maxsteps = try c.decodeWholeNumber(.maxsteps, stepRule)
        let names = try c.decodeIfPresent([String?].self, forKey: .names) ?? []
        guard names.count <= 2 else {
            throw c.failure(.names, "a density's `as` has \(names.count) names, expected 2: [value, density]")
        }
        self.names = ((names.first ?? nil) ?? "value", (names.count > 1 ? names[1] : nil) ?? "density")
    }
}

extension DensityTransform {
    func apply(to table: TransformTable) throws -> TransformTable {
        try table.require(field, in: "density")
        for name in groupby { try table.require(name, in: "density's groupby") }
        func numbers(_ rows: [Int]) -> [Double] {
            rows.compactMap { if case .number(let n) = table.value(field, $0), n.isFinite { return n }; return nil }
        }
        var domain = extent
        var minSteps = steps ?? minsteps ?? 25
        var maxSteps = steps ?? maxsteps ?? 200
        if shared {
            if domain == nil, let all = Self.extent(numbers(Array(0..<table.rowCount))) { domain = all }
            minSteps = steps ?? maxSteps
            maxSteps = minSteps
        }
        var keys: [[ExpressionValue]] = []
        var values: [Double] = []
        var densities: [Double] = []
        for group in table.groups(by: groupby) {
            let support = numbers(group)
            guard let local = domain ?? Self.extent(support), !support.isEmpty else { continue }
            let h = bandwidth ?? SampleStatistics.scottBandwidth(support)
            let n = Double(support.count)
            let scale = counts ? n : 1
            let f: (Double) -> Double = cumulative
                ? { x in support.reduce(0) { $0 + SampleStatistics.normalDistribution((x - $1) / h) } / n }
                : { x in support.reduce(0) { $0 + SampleStatistics.normalDensity((x - $1) / h) } / h / n }
            let key = groupby.map { table.value($0, group[0]) }
            for (x, y) in CurveSampling.sample(f, extent: local, minSteps: minSteps, maxSteps: maxSteps) {
                keys.append(key)
                values.append(x)
                densities.append(y * scale)
            }
        }
        var result = TransformTable([], rowCount: values.count)
        for (i, name) in groupby.enumerated() { result.set(name, keys.map { $0[i] }) }
        result.set(names.value, values.map(ExpressionValue.number))
        result.set(names.density, densities.map(ExpressionValue.number))
        return result
    }

    /// The smallest and largest value, or nil when there are none.
    static func extent(_ values: [Double]) -> (Double, Double)? {
        guard let lo = values.min(), let hi = values.max() else { return nil }
        return (lo, hi)
    }
}
