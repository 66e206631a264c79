import DossierData
import DossierStats

/// `crosstab`: counts of `rows` × `columns`, a chi-square test with its expected counts,
/// Cramér's V and the Fisher–Freeman–Halton exact p-value (seeded Monte-Carlo above the exact
/// test's work limit).
package struct CrosstabAnalysis: AnalysisParameters {
    package static let name = "crosstab"
    package static let summary = "`rows` × `columns` counts, chi-square with expected counts, Cramér's V, exact p (Fisher–Freeman–Halton; seeded Monte-Carlo for large tables)"
    package static let keys = ContingencyFields.keys + ResamplingOptions.keys + ExactTestOptions.keys

    package var fields: ContingencyFields
    package var resampling: ResamplingOptions
    package var exact: ExactTestOptions

    package init(from decoder: any Decoder) throws {
        fields = try ContingencyFields(from: decoder, kind: Self.name)
        resampling = try ResamplingOptions(from: decoder, kind: Self.name)
        exact = try ExactTestOptions(from: decoder)
    }

    package var kind: AnalysisKind { .crosstab(self) }

    package func run(on table: Table, preparation: TablePreparation) throws -> ResultValue {
        let counts = try fields.table(of: table, preparation: preparation)
        let chi = try chiSquareTest(counts)
        let exactFields = try exact.test(counts, resampling: resampling, memo: preparation.exactTests,
                                         simulations: preparation.monteCarloTests)
        let field = { (name: String) in exactFields.first { $0.name == name }?.value ?? .missing }
        return .record([
            .init("n", .integer(chi.n)),
            .init("chi_square", .number(chi.statistic)), .init("df", .integer(chi.degreesOfFreedom)),
            .init("p_chi_square", .number(chi.pValue)),
            .init("min_expected", .number(chi.minimumExpected)),
            .init("cells_below_5", .integer(chi.cellsBelowFive)),
            .init("low_expected", .boolean(chi.lowExpectedCounts)),
            .init("cramers_v", .number(chi.cramersV)),
            .init("p", chi.lowExpectedCounts ? field("p_exact") : .number(chi.pValue)),
        ] + exactFields + [
            .init("test", chi.lowExpectedCounts ? field("exact_test") : .text("chi-square test")),
            .init("table", .table(cells(counts, chi))),
            .init("row_totals", .table(rowTotals(counts))),
        ])
    }

    /// One row per cell: row, column, `n`, `expected`, `row_share`.
    private func cells(_ counts: ContingencyTable, _ chi: ChiSquareTestResult) -> ResultTable {
        var rowValues: [ResultValue] = [], columnValues: [ResultValue] = [], cells: [ResultValue] = []
        var expected: [ResultValue] = [], rowShares: [ResultValue] = []
        for (i, rowLabel) in counts.rowLabels.enumerated() {
            let rowTotal = counts.counts[i].reduce(0, +)
            for (j, columnLabel) in counts.columnLabels.enumerated() {
                rowValues.append(.text(rowLabel))
                columnValues.append(.text(columnLabel))
                cells.append(.integer(counts.counts[i][j]))
                expected.append(.number(chi.expected[i][j]))
                rowShares.append(.number(rowTotal == 0 ? 0 : Double(counts.counts[i][j]) / Double(rowTotal)))
            }
        }
        return ResultTable(columns: [
            .init(name: fields.rows, values: rowValues),
            .init(name: fields.columns, values: columnValues),
            .init(name: "n", values: cells), .init(name: "expected", values: expected),
            .init(name: "row_share", values: rowShares),
        ])
    }

    /// Each row value with its total and an `n = …` label.
    private func rowTotals(_ counts: ContingencyTable) -> ResultTable {
        let totals = counts.counts.map { $0.reduce(0, +) }
        return ResultTable(columns: [
            .init(name: fields.rows, values: counts.rowLabels.map(ResultValue.text)),
            .init(name: "n", values: totals.map(ResultValue.integer)),
            .init(name: "label", values: zip(counts.rowLabels, totals).map { .text("n = \($1)") }),
        ])
    }
}
