import DossierData
import DossierStats
import Foundation

/// `poisson`: Poisson regression of a count on covariates with a log offset, rate ratios with
/// quasi-Poisson intervals when the counts are overdispersed.
package struct PoissonAnalysis: FieldsAnalysis {
    package static let name = "poisson"
    package static let summary = "Poisson regression of `response` on `covariates` with log(`offset`): rate ratios per `per`, quasi-Poisson intervals, dispersion"

    /// The count, covariates, offset and reporting options.
    package var fields: CountModelFields

    package init(fields: CountModelFields) { self.fields = fields }

    package var kind: AnalysisKind { .poisson(self) }

    package func run(on table: Table, preparation: TablePreparation) throws -> ResultValue {
        let data = try fields.observations(in: table, preparation: preparation)
        let fit = try poissonRegression(counts: data.counts, covariates: data.covariates, names: fields.covariates,
                                        offset: data.offset, confidenceLevel: fields.level ?? 0.95)
        let overdispersed = fit.dispersion > 1.5
        let curve = try fields.curve(data.covariates) { grid, others, scale, level in
            // The band at the analysis' level, quasi when overdispersed.
            try fit.rateBand(covariate: 0, grid: grid, others: others, scale: scale, level: level, quasi: overdispersed)
        }
        return .record(curve + fields.sampleFields(data) + [
            .init("deviance", .number(fit.deviance)),
            .init("df", .integer(fit.degreesOfFreedom)),
            .init("dispersion", .number(fit.dispersion)),
            .init("deviance_per_df", .number(fit.deviancePerDegreeOfFreedom)),
            .init("overdispersed", .boolean(overdispersed)),
            .init("rate_ratio", .record(try rateRatios(fit, overdispersed: overdispersed))),
        ])
    }

    /// `rate_ratio.<covariate>`: per `per` units, quasi-Poisson intervals when overdispersed.
    private func rateRatios(_ fit: PoissonRegressionResult, overdispersed: Bool) throws -> [ResultValue.Field] {
        try fields.covariates.map { field in
            let per = fields.per?[field] ?? 1
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
}
