import DossierData
import DossierStats

/// `summary`: n, mean, median, sd, min, max and quartiles of one numeric field.
package struct SummaryAnalysis: AnalysisParameters {
    package static let name = "summary"
    package static let summary = "n, mean, median, sd, min, max, quartiles of `field`"
    package static let keys = CodingKeys.allCases.map(\.rawValue) + BootstrapOptions.keys

    /// The field summarised.
    package var field: String
    /// Seeded bootstrap intervals of the mean and the median.
    package var bootstrap: BootstrapOptions?
    /// Confidence level of the bootstrap intervals (default 0.95).
    package var level: Double?

    package enum CodingKeys: String, CodingKey, CaseIterable { case field, level }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        field = try c.required(String.self, .field, kind: Self.name)
        level = try c.confidenceLevel(.level)
        bootstrap = try BootstrapOptions.decode(from: decoder)
    }

    package var kind: AnalysisKind { .summary(self) }

    package func run(on table: Table, preparation: TablePreparation) throws -> ResultValue {
        let numbers = try preparation.numbers(field, in: table)
        let (result, missing) = try summarize(numbers)
        var intervals: [ResultValue.Field] = []
        if let bootstrap {
            // One sample: the pairs (xᵢ, xᵢ) resample the values themselves.
            let values = numbers.compactMap { $0 }
            intervals = [
                .init("mean_bootstrap", try bootstrap.record(x: values, y: values, level: level ?? 0.95) { x, _ in try mean(x) }),
                .init("median_bootstrap", try bootstrap.record(x: values, y: values, level: level ?? 0.95) { x, _ in try median(x) }),
            ]
        }
        return .record(intervals.isEmpty ? fields(result, missing) : fields(result, missing) + intervals)
    }

    private func fields(_ result: Summary, _ missing: Int) -> [ResultValue.Field] {
        [
            .init("n", .integer(result.n)), .init("missing", .integer(missing)),
            .init("mean", .number(result.mean)), .init("median", .number(result.median)),
            .init("sd", result.standardDeviation.map(ResultValue.number) ?? .missing),
            .init("variance", result.standardDeviation.map { .number($0 * $0) } ?? .missing),
            .init("min", .number(result.minimum)), .init("max", .number(result.maximum)),
            .init("q1", .number(result.firstQuartile)), .init("q3", .number(result.thirdQuartile)),
            .init("sum", .number(result.mean * Double(result.n))),
        ]
    }
}
