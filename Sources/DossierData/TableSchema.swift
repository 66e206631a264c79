import Foundation

/// Table Schema field types supported by the engine.
public enum FieldType: String, Sendable, Hashable, Codable, CaseIterable {
    case string, integer, number, boolean, year, date
}

/// Table Schema `constraints` of one field. Bounds are typed like the field.
public struct FieldConstraints: Sendable, Hashable {
    /// Value must not be missing.
    public var required = false
    /// No two rows may share a value.
    public var unique = false
    /// Allowed values (typed), in the order the schema lists them.
    public var enumValues: [Value]? = nil
    /// Inclusive lower bound.
    public var minimum: Value? = nil
    /// Inclusive upper bound.
    public var maximum: Value? = nil
    /// Regular expression the whole value must match (XML Schema semantics: implicitly anchored).
    public var pattern: String? = nil
    /// Minimum length in characters (strings).
    public var minLength: Int? = nil
    /// Maximum length in characters (strings).
    public var maxLength: Int? = nil

    /// No constraints.
    public init() {}
}

/// One Table Schema field.
public struct Field: Sendable, Hashable {
    /// Column name; must equal the CSV header label.
    public var name: String
    /// Declared type.
    public var type: FieldType
    /// `format` (only `default` / `any` and, for dates, strptime-like patterns of %Y %m %d).
    public var format: String?
    /// Optional human title.
    public var title: String?
    /// Optional description.
    public var description: String?
    /// Constraints.
    public var constraints: FieldConstraints
    /// Boolean spellings for `true`.
    public var trueValues: [String]
    /// Boolean spellings for `false`.
    public var falseValues: [String]

    /// Creates a field.
    public init(name: String, type: FieldType, format: String? = nil, title: String? = nil,
                description: String? = nil, constraints: FieldConstraints = FieldConstraints(),
                trueValues: [String] = ["true", "True", "TRUE", "1"],
                falseValues: [String] = ["false", "False", "FALSE", "0"]) {
        self.name = name
        self.type = type
        self.format = format
        self.title = title
        self.description = description
        self.constraints = constraints
        self.trueValues = trueValues
        self.falseValues = falseValues
    }
}

/// A foreign key: `fields` of this resource reference `referenceFields` of `referenceResource`.
public struct ForeignKey: Sendable, Hashable {
    /// Local fields.
    public var fields: [String]
    /// Target resource name; empty string means the same resource.
    public var referenceResource: String
    /// Target fields.
    public var referenceFields: [String]

    /// Creates a foreign key.
    public init(fields: [String], referenceResource: String, referenceFields: [String]) {
        self.fields = fields
        self.referenceResource = referenceResource
        self.referenceFields = referenceFields
    }
}

/// A Table Schema.
public struct TableSchema: Sendable, Hashable {
    /// Fields in header order.
    public var fields: [Field]
    /// Cell spellings meaning "missing" (default `[""]`).
    public var missingValues: [String]
    /// Primary key field names (empty if none).
    public var primaryKey: [String]
    /// Foreign keys.
    public var foreignKeys: [ForeignKey]

    /// Creates a schema.
    public init(fields: [Field], missingValues: [String] = [""], primaryKey: [String] = [],
                foreignKeys: [ForeignKey] = []) {
        self.fields = fields
        self.missingValues = missingValues
        self.primaryKey = primaryKey
        self.foreignKeys = foreignKeys
    }

    /// Index of the field named `name`.
    public func fieldIndex(named name: String) -> Int? { fields.firstIndex { $0.name == name } }
}
