import DossierData

/// `rows`: the prepared rows themselves (after join, derive and where), for tables and charts.
package struct RowsAnalysis: AnalysisParameters {
    package static let name = "rows"
    package static let summary = "the prepared rows themselves (after join/derive/where), for tables and charts"
    package static let keys: [String] = []

    package init(from decoder: any Decoder) throws {}

    package var kind: AnalysisKind { .rows(self) }

    package func run(on table: Table, preparation: TablePreparation) throws -> ResultValue {
        .table(ResultTable(table))
    }
}

extension ResultTable {
    /// A result table with the values of a dataset table.
    package init(_ table: Table) {
        self.init(columns: zip(table.fields, table.columns).map { field, column in
            Column(name: field.name, values: (0..<column.count).map { ResultValue(column[$0]) })
        })
    }
}

extension ResultValue {
    /// Converts a dataset cell.
    package init(_ value: DossierData.Value) {
        switch value {
        case .null: self = .missing
        case let .string(text): self = .text(text)
        case let .integer(number): self = .integer(number)
        case let .number(number): self = .number(number)
        case let .boolean(flag): self = .boolean(flag)
        case let .date(date): self = .text(date.description)
        }
    }
}
