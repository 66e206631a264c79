import DossierBase
import DossierData
import DossierStats

/// `rows`, `columns` and an optional row `order`, of the cross-table kinds (`crosstab`, `fisher`).
package struct ContingencyFields: KindFields {
    package var rows: String
    package var columns: String
    /// Order of the row values (these first).
    package var order: [String]?

    package static let keys = CodingKeys.allCases.map(\.rawValue)

    enum CodingKeys: String, CodingKey, CaseIterable { case rows, columns, order }

    package init(from decoder: any Decoder, kind: String) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rows = try c.required(String.self, .rows, kind: kind)
        columns = try c.required(String.self, .columns, kind: kind)
        order = try c.decodeIfPresent([String].self, forKey: .order)
    }

    /// The counts of `rows` × `columns` in the table.
    func table(of table: Table, preparation: TablePreparation) throws -> ContingencyTable {
        let rowKeys = try preparation.keys(rows, in: table)
        let columnKeys = try preparation.keys(columns, in: table)
        return try ContingencyTable.crossTabulate(rows: rowKeys, columns: columnKeys, rowOrder: order)
    }
}
