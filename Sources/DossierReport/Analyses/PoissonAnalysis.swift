import DossierData
import DossierStats
import Foundation

/// `poisson`: Poisson regression of a count on covariates with a log offset, rate ratios with
/// quasi-Poisson intervals when the counts are overdispersed.
package struct PoissonAnalysis: AnalysisParameters {
    package static let name = "poisson"
    package static let summary = "Poisson regression of `response` on `covariates` with log(`offset`): rate ratios per `per`, quasi-Poisson intervals, dispersion"
    package static let keys = CodingKeys.allCases.map(\.rawValue)

    /// The count field.
    package var response: String
    package var covariates: [String]
    /// The exposure field (its log is used).
    package var offset: String?
    /// Rate ratios are reported per this many units of each covariate (default 1).
    package var per: [String: Double]?
    /// The field naming the units, for `drop`, `units` and `excluded`.
    package var label: String?
    /// Values of `label` to leave out.
    package var drop: [String]?
    /// Confidence level (default 0.95).
    package var level: Double?
    /// Also return a `curve` table of the fitted rate for the first covariate over its observed
    /// range, times this factor (e.g. 1e7 for "per 10 million people").
    package var curveScale: Double?

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case response, covariates, offset, per, label, drop, level
        case curveScale = "curve_scale"
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        response = try c.required(String.self, .response, kind: Self.name)
        covariates = try c.required([String].self, .covariates, kind: Self.name)
        offset = try c.decodeIfPresent(String.self, forKey: .offset)
        per = try c.decodeIfPresent([String: Double].self, forKey: .per)
        label = try c.decodeIfPresent(String.self, forKey: .label)
        drop = try c.decodeIfPresent([String].self, forKey: .drop)
        level = try c.confidenceLevel(.level)
        curveScale = try c.decodeIfPresent(Double.self, forKey: .curveScale)
        if let curveScale, !(curveScale.isFinite && curveScale > 0) {
            throw DecodingError.dataCorruptedError(forKey: .curveScale, in: c,
                debugDescription: "curve_scale must be a positive number, found \(curveScale)")
        }
        for (field, units) in (per ?? [:]).sorted(by: { $0.key < $1.key }) where !(units.isFinite && units > 0) {
            throw DecodingError.dataCorruptedError(forKey: .per, in: c,
                debugDescription: "per \(field) must be a positive number of units, found \(units)")
        }
    }

    /// The rows the regression uses.
    private struct Observations {
        var counts: [Double] = [], covariates: [[Double]], logOffsets: [Double] = []
        var hasOffset: Bool
        var used: [String] = [], excluded: [String] = []
    }

    package var kind: AnalysisKind { .poisson(self) }

    package func run(on table: Table, preparation: TablePreparation) throws -> ResultValue {
        let data = try observations(in: table, preparation: preparation)
        let fit = try poissonRegression(counts: data.counts, covariates: data.covariates, names: covariates,
                                        offset: data.hasOffset ? data.logOffsets : nil, confidenceLevel: level ?? 0.95)
        let overdispersed = fit.dispersion > 1.5
        let ratios = try rateRatios(fit, overdispersed: overdispersed)
        return .record(try curve(fit, data.covariates, overdispersed: overdispersed) + [
            .init("n", .integer(fit.n)),
            .init("units", .list(data.used.map(ResultValue.text))),
            .init("excluded", .list(data.excluded.map(ResultValue.text))),
            .init("deviance", .number(fit.deviance)),
            .init("df", .integer(fit.degreesOfFreedom)),
            .init("dispersion", .number(fit.dispersion)),
            .init("deviance_per_df", .number(fit.deviancePerDegreeOfFreedom)),
            .init("overdispersed", .boolean(overdispersed)),
            .init("rate_ratio", .record(ratios)),
        ])
    }

    /// The rows with a count, every covariate and a positive offset (others are `excluded`).
    private func observations(in table: Table, preparation: TablePreparation) throws(FormatFailure) -> Observations {
        let response = try preparation.numbers(self.response, in: table)
        let covariates = try self.covariates.map { field throws(FormatFailure) in try preparation.numbers(field, in: table) }
        let offsets = try offset.map { field throws(FormatFailure) in try preparation.numbers(field, in: table) }
        let labels = try label.map { field throws(FormatFailure) in try preparation.keys(field, in: table) }
        var data = Observations(covariates: covariates.map { _ in [] }, hasOffset: offsets != nil)
        for row in 0..<table.rowCount {
            let label = labels?[row] ?? String(row + 1)
            if let drop, drop.contains(label) { continue }
            guard let count = response[row], covariates.allSatisfy({ $0[row] != nil }),
                  offsets.map({ ($0[row] ?? 0) > 0 }) ?? true
            else { data.excluded.append(label); continue }
            data.counts.append(count)
            for index in covariates.indices { data.covariates[index].append(covariates[index][row] ?? 0) }
            if let offsets, let value = offsets[row] { data.logOffsets.append(Foundation.log(value)) }
            data.used.append(label)
        }
        return data
    }

    /// `rate_ratio.<covariate>`: per `per` units, quasi-Poisson intervals when overdispersed.
    private func rateRatios(_ fit: PoissonRegressionResult, overdispersed: Bool) throws -> [ResultValue.Field] {
        try covariates.map { field in
            let per = self.per?[field] ?? 1
            let plain = try fit.rateRatio(for: field, per: per, quasi: false)
            let quasi = try fit.rateRatio(for: field, per: per, quasi: true)
            let coefficient = fit.coefficient(field)
            return .init(field, .record([
                .init("per", .number(per)),
                .init("estimate", .number(plain.estimate)),
                .init("ci", intervalValue(overdispersed ? quasi.interval : plain.interval)),
                .init("ci_poisson", intervalValue(plain.interval)),
                .init("ci_quasi", intervalValue(quasi.interval)),
                .init("p", .number((overdispersed ? coefficient?.quasiPValue : coefficient?.pValue) ?? 1)),
            ]))
        }
    }

    /// With `curve_scale`: the fitted rate over the first covariate's range, as a `curve` field.
    private func curve(_ fit: PoissonRegressionResult, _ x: [[Double]], overdispersed: Bool) throws -> [ResultValue.Field] {
        guard let scale = curveScale, let first = covariates.first, let column = x.first,
              let low = column.min(), let high = column.max(), fit.covariance.count >= 2 else { return [] }
        // The rate at a zero offset (curve_scale turns it into a rate per unit), other
        // covariates at their means; the band at the analysis' level, quasi when overdispersed.
        let means = x.map { values in values.reduce(0, +) / Double(max(values.count, 1)) }
        let grid = (0...48).map { low + (high - low) * Double($0) / 48 }
        let band = try fit.rateBand(covariate: 0, grid: grid, others: means, scale: scale,
                                    level: level ?? 0.95, quasi: overdispersed)
        return [.init("curve", .table(ResultTable(columns: [
            .init(name: first, values: band.grid.map(ResultValue.number)),
            .init(name: "fit", values: band.fit.map(ResultValue.number)),
            .init(name: "low", values: band.lower.map(ResultValue.number)),
            .init(name: "high", values: band.upper.map(ResultValue.number)),
        ])))]
    }
}
