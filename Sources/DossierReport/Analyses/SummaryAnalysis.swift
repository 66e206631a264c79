import DossierData
import DossierStats

/// `summary`: n, mean, median, sd, min, max and quartiles of one numeric field.
package struct SummaryAnalysis: AnalysisParameters {
    package static let name = "summary"
    package static let summary = "n, mean, median, sd, min, max, quartiles of `field`"
    package static let keys = CodingKeys.allCases.map(\.rawValue)

    /// The field summarised.
    package var field: String

    package enum CodingKeys: String, CodingKey, CaseIterable { case field }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        field = try c.required(String.self, .field, kind: Self.name)
    }

    package var kind: AnalysisKind { .summary(self) }

    package func run(on table: Table, preparation: TablePreparation) throws -> ResultValue {
        let (result, missing) = try summarize(try preparation.numbers(field, in: table))
        return .record([
            .init("n", .integer(result.n)), .init("missing", .integer(missing)),
            .init("mean", .number(result.mean)), .init("median", .number(result.median)),
            .init("sd", result.standardDeviation.map(ResultValue.number) ?? .missing),
            .init("variance", result.standardDeviation.map { .number($0 * $0) } ?? .missing),
            .init("min", .number(result.minimum)), .init("max", .number(result.maximum)),
            .init("q1", .number(result.firstQuartile)), .init("q3", .number(result.thirdQuartile)),
            .init("sum", .number(result.mean * Double(result.n))),
        ])
    }
}
