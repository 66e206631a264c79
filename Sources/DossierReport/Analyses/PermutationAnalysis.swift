import DossierData
import DossierStats

/// `permutation`: a seeded permutation p-value for the Pearson r of two numeric fields.
package struct PermutationAnalysis: AnalysisParameters {
    package static let name = "permutation"
    package static let summary = "seeded permutation p-value for Pearson r of `x`, `y` (`seed`, `resamples`)"
    package static let keys = PairedFields.keys + ResamplingOptions.keys

    package var fields: PairedFields
    package var resampling: ResamplingOptions

    package init(from decoder: any Decoder) throws {
        fields = try PairedFields(from: decoder, kind: Self.name)
        resampling = try ResamplingOptions(from: decoder, kind: Self.name)
    }

    package var kind: AnalysisKind { .permutation(self) }

    package func run(on table: Table, preparation: TablePreparation) throws -> ResultValue {
        let data = try fields.pairs(in: table, preparation: preparation)
        let resamples = try resampling.bounded(observations: data.x.count)
        let result = try permutationTest(data.x, data.y, permutations: resamples, seed: resampling.seed)
        return .record([
            .init("n", .integer(result.n)), .init("estimate", .number(result.observed)),
            .init("p", .number(result.pValue)), .init("resamples", .integer(result.permutations)),
            .init("exact", .boolean(result.isExact)), .init("seed", .integer(Int(truncatingIfNeeded: result.seed))),
        ])
    }
}
