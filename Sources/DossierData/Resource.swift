import Foundation

/// One Data Package resource: a CSV file described by a Table Schema.
public struct Resource: Sendable, Hashable {
    /// Resource name (unique in the package).
    public var name: String
    /// CSV path relative to the package directory, as written in the descriptor.
    public var path: String
    /// Optional title.
    public var title: String?
    /// Optional description.
    public var description: String?
    /// The Table Schema.
    public var schema: TableSchema
    /// CSV dialect.
    public var dialect: CSVDialect

    /// Creates a resource.
    public init(name: String, path: String, title: String? = nil, description: String? = nil,
                schema: TableSchema, dialect: CSVDialect = CSVDialect()) {
        self.name = name
        self.path = path
        self.title = title
        self.description = description
        self.schema = schema
        self.dialect = dialect
    }
}
