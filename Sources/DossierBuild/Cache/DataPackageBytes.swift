import DossierData
import Foundation

/// A loaded and validated data package (``DataPackage``) as bytes, for the `data package`
/// cache entry (``DataPackageSnapshots``): the descriptor's name, the names of the files read,
/// every resource with its schema (fields, types, formats, constraints with their typed values,
/// missing values, keys) and dialect, every table's source lines and cells as the loader keeps
/// them (``StoredColumn``: text as UTF-8 bytes and end offsets, typed cells with the rows of
/// the missing ones; numbers bit for bit), and the warnings. Little-endian, every list preceded
/// by its length (``CacheByteWriter``).
///
/// What depends on where the package was loaded from (its descriptor URL, the files as listed
/// and printed) is not written: the reader is given the URL, and the lists are made from it
/// and the file names as the load makes them.
enum DataPackageBytes {
    /// The deepest notes of notes of a warning that are read back (reading is recursive).
    static let noteDepthLimit = 16

    /// The bytes of `package`.
    static func bytes(of package: DataPackage) -> [UInt8] {
        var writer = CacheByteWriter()
        writeOptional(package.name, into: &writer)
        writer.strings(package.fileNames)
        writer.integer(package.resources.count)
        for resource in package.resources { write(resource, into: &writer) }
        writer.integer(package.tables.count)
        for table in package.tables { write(table, into: &writer) }
        writer.integer(package.warnings.count)
        for warning in package.warnings { write(warning, into: &writer) }
        return writer.bytes
    }

    /// The package ``bytes(of:)`` wrote, as loaded from the descriptor at `url`.
    static func package(from payload: [UInt8], descriptor url: URL) throws(CacheEntryDamaged) -> DataPackage {
        var reader = CacheByteReader(payload)
        let name = try readOptionalString(&reader)
        let fileNames = try reader.strings()
        var resources: [Resource] = []
        for _ in 0..<(try reader.count()) { resources.append(try readResource(&reader)) }
        // A load that validated has one table per resource, in the same order.
        guard try reader.count() == resources.count else { throw CacheEntryDamaged() }
        var tables: [Table] = []
        tables.reserveCapacity(resources.count)
        for resource in resources { tables.append(try readTable(&reader, of: resource)) }
        var warnings: [Diagnostic] = []
        for _ in 0..<(try reader.count()) { warnings.append(try readDiagnostic(&reader, depth: 0)) }
        guard reader.atEnd else { throw CacheEntryDamaged() }
        return DataPackage(restoring: url, name: name, resources: resources, tables: tables, fileNames: fileNames, warnings: warnings)
    }

    // MARK: Resources and schemas

    private static func write(_ resource: Resource, into writer: inout CacheByteWriter) {
        writer.string(resource.name)
        writer.string(resource.path)
        writeOptional(resource.title, into: &writer)
        writeOptional(resource.description, into: &writer)
        writer.byte(resource.dialect.delimiter)
        writer.byte(resource.dialect.quote)
        writer.boolean(resource.dialect.header)
        let schema = resource.schema
        writer.integer(schema.fields.count)
        for field in schema.fields { write(field, into: &writer) }
        writer.strings(schema.missingValues)
        writer.strings(schema.primaryKey)
        writer.integer(schema.foreignKeys.count)
        for key in schema.foreignKeys {
            writer.strings(key.fields)
            writer.string(key.referenceResource)
            writer.strings(key.referenceFields)
        }
    }

    private static func readResource(_ reader: inout CacheByteReader) throws(CacheEntryDamaged) -> Resource {
        let name = try reader.string(), path = try reader.string()
        let title = try readOptionalString(&reader), description = try readOptionalString(&reader)
        var dialect = CSVDialect()
        dialect.delimiter = try reader.byte()
        dialect.quote = try reader.byte()
        dialect.header = try reader.boolean()
        var fields: [Field] = []
        for _ in 0..<(try reader.count()) { fields.append(try readField(&reader)) }
        let missingValues = try reader.strings(), primaryKey = try reader.strings()
        var foreignKeys: [ForeignKey] = []
        for _ in 0..<(try reader.count()) {
            foreignKeys.append(ForeignKey(fields: try reader.strings(), referenceResource: try reader.string(),
                                          referenceFields: try reader.strings()))
        }
        let schema = TableSchema(fields: fields, missingValues: missingValues, primaryKey: primaryKey, foreignKeys: foreignKeys)
        return Resource(name: name, path: path, title: title, description: description, schema: schema, dialect: dialect)
    }

    private static func write(_ field: Field, into writer: inout CacheByteWriter) {
        writer.string(field.name)
        writer.string(field.type.rawValue)
        writeOptional(field.format, into: &writer)
        writeOptional(field.title, into: &writer)
        writeOptional(field.description, into: &writer)
        let c = field.constraints
        writer.boolean(c.required)
        writer.boolean(c.unique)
        writer.boolean(c.enumValues != nil)
        if let values = c.enumValues {
            writer.integer(values.count)
            for value in values { write(value, into: &writer) }
        }
        writeOptional(c.minimum, into: &writer)
        writeOptional(c.maximum, into: &writer)
        writeOptional(c.pattern, into: &writer)
        writeOptional(c.minLength, into: &writer)
        writeOptional(c.maxLength, into: &writer)
        writer.strings(field.trueValues)
        writer.strings(field.falseValues)
    }

    private static func readField(_ reader: inout CacheByteReader) throws(CacheEntryDamaged) -> Field {
        let name = try reader.string()
        guard let type = FieldType(rawValue: try reader.string()) else { throw CacheEntryDamaged() }
        var field = Field(name: name, type: type, format: try readOptionalString(&reader), title: try readOptionalString(&reader),
                          description: try readOptionalString(&reader))
        var c = FieldConstraints()
        c.required = try reader.boolean()
        c.unique = try reader.boolean()
        if try reader.boolean() {
            var values: [Value] = []
            for _ in 0..<(try reader.count()) { values.append(try readValue(&reader)) }
            c.enumValues = values
        }
        if try reader.boolean() { c.minimum = try readValue(&reader) }
        if try reader.boolean() { c.maximum = try readValue(&reader) }
        c.pattern = try readOptionalString(&reader)
        if try reader.boolean() { c.minLength = try reader.integer() }
        if try reader.boolean() { c.maxLength = try reader.integer() }
        field.constraints = c
        field.trueValues = try reader.strings()
        field.falseValues = try reader.strings()
        return field
    }

    private static func write(_ value: Value, into writer: inout CacheByteWriter) {
        switch value {
        case .null: writer.byte(0)
        case .string(let text): writer.byte(1); writer.string(text)
        case .integer(let number): writer.byte(2); writer.integer(number)
        case .number(let number): writer.byte(3); writer.double(number)
        case .boolean(let flag): writer.byte(4); writer.boolean(flag)
        case .date(let date): writer.byte(5); write(date, into: &writer)
        }
    }

    private static func readValue(_ reader: inout CacheByteReader) throws(CacheEntryDamaged) -> Value {
        switch try reader.byte() {
        case 0: return .null
        case 1: return .string(try reader.string())
        case 2: return .integer(try reader.integer())
        case 3: return .number(try reader.double())
        case 4: return .boolean(try reader.boolean())
        case 5: return .date(try readDate(&reader))
        default: throw CacheEntryDamaged()
        }
    }

    private static func write(_ date: CivilDate, into writer: inout CacheByteWriter) {
        writer.integer(date.year)
        writer.byte(UInt8(truncatingIfNeeded: date.month))
        writer.byte(UInt8(truncatingIfNeeded: date.day))
    }

    private static func readDate(_ reader: inout CacheByteReader) throws(CacheEntryDamaged) -> CivilDate {
        let year = try reader.integer(), month = Int(try reader.byte()), day = Int(try reader.byte())
        guard let date = CivilDate(year: year, month: month, day: day) else { throw CacheEntryDamaged() }
        return date
    }

    // MARK: Tables

    private static func write(_ table: Table, into writer: inout CacheByteWriter) {
        writer.integer(table.sourceLines.count)
        for line in table.sourceLines { writer.integer(line) }
        let columns = table.storedColumns
        writer.integer(columns.count)
        for column in columns {
            switch column {
            case let .text(bytes, ends):
                writer.byte(0)
                writer.data(bytes)
                writeIntegers(ends, into: &writer)
            case let .integer(values, missing):
                writer.byte(1)
                writeIntegers(values, into: &writer)
                writeIntegers(missing, into: &writer)
            case let .number(values, missing):
                writer.byte(2)
                writer.integer(values.count)
                for value in values { writer.double(value) }
                writeIntegers(missing, into: &writer)
            case let .boolean(values, missing):
                writer.byte(3)
                writer.integer(values.count)
                for value in values { writer.boolean(value) }
                writeIntegers(missing, into: &writer)
            case let .date(values, missing):
                writer.byte(4)
                writer.integer(values.count)
                for value in values { write(value, into: &writer) }
                writeIntegers(missing, into: &writer)
            }
        }
    }

    /// The table of `resource` (its name and fields, as the load makes it).
    private static func readTable(_ reader: inout CacheByteReader, of resource: Resource) throws(CacheEntryDamaged) -> Table {
        let sourceLines = try readIntegers(&reader)
        var columns: [StoredColumn] = []
        for _ in 0..<(try reader.count()) {
            switch try reader.byte() {
            case 0:
                columns.append(.text(bytes: try reader.data(), ends: try readIntegers(&reader)))
            case 1:
                columns.append(.integer(values: try readIntegers(&reader), missing: try readIntegers(&reader)))
            case 2:
                columns.append(.number(values: try readList(&reader) { r throws(CacheEntryDamaged) in try r.double() },
                                       missing: try readIntegers(&reader)))
            case 3:
                columns.append(.boolean(values: try readList(&reader) { r throws(CacheEntryDamaged) in try r.boolean() },
                                        missing: try readIntegers(&reader)))
            case 4:
                columns.append(.date(values: try readList(&reader) { r throws(CacheEntryDamaged) in try readDate(&r) },
                                     missing: try readIntegers(&reader)))
            default:
                throw CacheEntryDamaged()
            }
        }
        guard let table = Table(restoring: resource.name, fields: resource.schema.fields, columns: columns, sourceLines: sourceLines) else {
            throw CacheEntryDamaged()
        }
        return table
    }

    private static func writeIntegers(_ values: [Int], into writer: inout CacheByteWriter) {
        writer.integer(values.count)
        for value in values { writer.integer(value) }
    }

    private static func readIntegers(_ reader: inout CacheByteReader) throws(CacheEntryDamaged) -> [Int] {
        try readList(&reader) { r throws(CacheEntryDamaged) in try r.integer() }
    }

    /// A count, then that many values read by `read`.
    private static func readList<T>(_ reader: inout CacheByteReader,
                                    _ read: (inout CacheByteReader) throws(CacheEntryDamaged) -> T) throws(CacheEntryDamaged) -> [T] {
        let count = try reader.count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&reader)) }
        return values
    }

    // MARK: Warnings

    private static func write(_ diagnostic: Diagnostic, into writer: inout CacheByteWriter) {
        writer.string(diagnostic.file)
        writeOptional(diagnostic.line, into: &writer)
        writeOptional(diagnostic.column, into: &writer)
        writer.string(diagnostic.severity.rawValue)
        writer.string(diagnostic.code.rawValue)
        writer.string(diagnostic.message)
        writer.integer(diagnostic.notes.count)
        for note in diagnostic.notes { write(note, into: &writer) }
    }

    private static func readDiagnostic(_ reader: inout CacheByteReader, depth: Int) throws(CacheEntryDamaged) -> Diagnostic {
        guard depth <= noteDepthLimit else { throw CacheEntryDamaged() }
        let file = try reader.string()
        let line: Int? = try reader.boolean() ? try reader.integer() : nil
        let column: Int? = try reader.boolean() ? try reader.integer() : nil
        guard let severity = Severity(rawValue: try reader.string()), let code = DiagnosticCode(rawValue: try reader.string()) else {
            throw CacheEntryDamaged()
        }
        let message = try reader.string()
        var notes: [Diagnostic] = []
        for _ in 0..<(try reader.count()) { notes.append(try readDiagnostic(&reader, depth: depth + 1)) }
        return Diagnostic(file: file, line: line, column: column, severity: severity, code: code, message: message, notes: notes)
    }

    // MARK: Optionals (a flag, then the value)

    private static func writeOptional(_ text: String?, into writer: inout CacheByteWriter) {
        writer.boolean(text != nil)
        if let text { writer.string(text) }
    }

    private static func writeOptional(_ number: Int?, into writer: inout CacheByteWriter) {
        writer.boolean(number != nil)
        if let number { writer.integer(number) }
    }

    private static func writeOptional(_ value: Value?, into writer: inout CacheByteWriter) {
        writer.boolean(value != nil)
        if let value { write(value, into: &writer) }
    }

    private static func readOptionalString(_ reader: inout CacheByteReader) throws(CacheEntryDamaged) -> String? {
        try reader.boolean() ? try reader.string() : nil
    }
}
