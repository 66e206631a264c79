import DossierData
import DossierStats

/// `negbin`: negative binomial (NB2) regression of a count on covariates with a log offset,
/// the dispersion α estimated by maximum likelihood; the same keys as `poisson`.
///
/// A kind of its own rather than a `family:` option of `poisson`: its result has other fields
/// (α and its standard error, the log-likelihood and the likelihood-ratio test against
/// Poisson, no quasi-Poisson intervals), and a kind names what was fitted in one word —
/// `kind: negbin` in a `sensitivity` variant swaps the model and nothing else.
package struct NegativeBinomialAnalysis: FieldsAnalysis {
    package static let name = "negbin"
    package static let summary = "negative binomial (NB2) regression of `response` on `covariates` with log(`offset`): rate ratios per `per`, dispersion α by maximum likelihood"

    /// The count, covariates, offset and reporting options (as `poisson`).
    package var fields: CountModelFields

    package init(fields: CountModelFields) { self.fields = fields }

    package var kind: AnalysisKind { .negbin(self) }

    package func run(on table: Table, preparation: TablePreparation) throws -> ResultValue {
        let data = try fields.observations(in: table, preparation: preparation)
        let fit = try negativeBinomialRegression(counts: data.counts, covariates: data.covariates, names: fields.covariates,
                                                 offset: data.offset, confidenceLevel: fields.level ?? 0.95)
        let curve = try fields.curve(data.covariates) { grid, others, scale, level in
            try fit.rateBand(covariate: 0, grid: grid, others: others, scale: scale, level: level)
        }
        return .record(curve + fields.sampleFields(data) + [
            .init("alpha", .number(fit.alpha)),
            .init("alpha_se", .number(fit.alphaStandardError)),
            .init("loglik", .number(fit.logLikelihood)),
            .init("aic", .number(fit.aic)),
            .init("df", .integer(fit.degreesOfFreedom)),
            .init("lr_statistic", .number(fit.likelihoodRatio)),
            .init("lr_p", .number(fit.likelihoodRatioPValue)),
            .init("rate_ratio", .record(try fields.covariates.map { field in
                let ratio = try fit.rateRatio(for: field, per: fields.per?[field] ?? 1)
                return .init(field, .record([
                    .init("per", .number(ratio.per)),
                    .init("estimate", .number(ratio.estimate)),
                    .init("ci", intervalValue(ratio.interval)),
                    .init("p", .number(fit.coefficient(field)?.pValue ?? 1)),
                ]))
            })),
        ])
    }
}
