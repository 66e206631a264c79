/// One column of a CSV as ``SchemaInference`` sees it: the Table Schema field it guessed and
/// what the guess rests on (shown to the user in the field's description).
package struct InferredField: Sendable, Equatable {
    /// The column's header label (the field name; equals the CSV label exactly).
    package var name: String
    /// The guessed type: the narrowest whose field parser accepts every present value.
    package var type: FieldType
    /// For booleans spelled other than `true`/`false` (e.g. `yes`/`no`): the spellings; `nil`
    /// means the Table Schema defaults.
    package var trueValues: [String]?
    package var falseValues: [String]?
    /// Missing cells: empty, or spelled by one of the schema's `missingValues`.
    package var missing: Int
    /// Distinct present values (of a typed column: not counting missing spellings).
    package var distinct: Int
    /// The first present value, shown in the field's description.
    package var example: String?
    /// Whether the field gets `constraints.required` (no missing cell, at least one row).
    package var required: Bool

    /// The Table Schema field.
    package var field: Field {
        var constraints = FieldConstraints()
        constraints.required = required
        var field = Field(name: name, type: type, constraints: constraints)
        if let trueValues, let falseValues {
            field.trueValues = trueValues
            field.falseValues = falseValues
        }
        return field
    }
}

/// A CSV's guessed Table Schema and dialect, from ``SchemaInference/infer(csv:displayPath:errorCap:)``.
package struct InferredSchema: Sendable, Equatable {
    /// One field per column, in header order.
    package var fields: [InferredField]
    /// The schema's `missingValues`: `""` first, then the extra spellings of "missing" seen in
    /// otherwise typed columns (`NA`, `N/A`, …), sorted.
    package var missingValues: [String]
    /// Data rows (as `validate` counts them: trailing blank lines are not rows).
    package var rowCount: Int
    /// The dialect: `,` unless the header line has no comma but semicolons or tabs.
    package var dialect: CSVDialect

    /// The Table Schema to write next to the CSV; the CSV validates against it with no error.
    package var tableSchema: TableSchema {
        TableSchema(fields: fields.map(\.field), missingValues: missingValues)
    }
}
