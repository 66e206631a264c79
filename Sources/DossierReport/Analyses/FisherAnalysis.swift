import DossierData
import DossierStats

/// `fisher`: Fisher's exact test on a 2 × 2 table of `rows` × `columns`, with the conditional
/// odds ratio and its interval.
package struct FisherAnalysis: LevelledFieldsAnalysis {
    package static let name = "fisher"
    package static let summary = "2×2 `rows` × `columns`: Fisher's exact p and conditional odds ratio with its interval"

    package var fields: ContingencyFields
    /// Confidence level of the odds ratio interval (default 0.95).
    package var level: Double?

    package init(fields: ContingencyFields, level: Double?) { (self.fields, self.level) = (fields, level) }

    package var kind: AnalysisKind { .fisher(self) }

    package func run(on table: Table, preparation: TablePreparation) throws -> ResultValue {
        let counts = try fields.table(of: table, preparation: preparation)
        let result = try fisherExactTest(counts, confidenceLevel: level ?? 0.95)
        return .record([
            .init("n", .integer(result.n)), .init("p", .number(result.pValue)),
            .init("odds_ratio", .record([.init("estimate", .number(result.oddsRatio)), .init("ci", intervalValue(result.oddsRatioInterval))])),
            .init("rows", .list(counts.rowLabels.map(ResultValue.text))),
            .init("columns", .list(counts.columnLabels.map(ResultValue.text))),
            .init("counts", .list(result.table.flatMap { $0 }.map(ResultValue.integer))),
        ])
    }
}
