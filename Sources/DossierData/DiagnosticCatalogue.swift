import DossierBase
import Foundation

/// Every user-facing message of the data engine, in one place.
/// Cell-level messages follow `<what> — found "<value>", expected <what>`.
public enum DiagnosticCatalogue {
    // MARK: Summaries

    /// "12 more errors" after the cap.
    public static func moreErrors(_ n: Int) -> String { "… \(n) more error\(n == 1 ? "" : "s") not shown" }
    /// Final count line.
    public static func errorSummary(_ n: Int) -> String { "\(count(n, "error")) found" }
    /// One-line summary printed by `dossier validate` on valid data.
    public static func validSummary(path: String, resources: Int, rows: Int, fields: Int) -> String {
        "\(path): valid — \(count(resources, "resource")), \(count(rows, "row")), \(count(fields, "field"))"
    }

    // MARK: Files and descriptors

    static func fileNotFound(_ path: String) -> String { "file not found — found no file at \(q(path)), expected a readable file" }
    static func resourceFileNotFound(resource: String, path: String) -> String {
        "data file of resource \(q(resource)) not found — found no file at \(q(path)), expected a CSV file"
    }
    static func ioError(_ detail: String) -> String { "cannot read file — \(detail)" }
    static func invalidJSON(_ detail: String) -> String { "invalid JSON — \(detail)" }
    static func descriptor(_ what: String) -> String { "invalid descriptor — \(what)" }
    static let noResources = "invalid descriptor — found no \"resources\" array, expected a list of resources"
    static func resourceMissing(_ index: Int, key: String, expected: String) -> String {
        "invalid descriptor — resource \(index + 1) has no \(q(key)), expected \(expected)"
    }
    static func unsupportedMultipart(_ resource: String) -> String {
        "unsupported resource \(q(resource)) — found a list of paths, expected a single CSV path"
    }
    static func duplicateResourceName(_ name: String) -> String {
        descriptor("found resource name \(q(name)) twice, expected unique names")
    }
    static func resourceNotObject(_ index: Int) -> String {
        descriptor("resource \(index + 1) is not an object, expected {\"name\": …, \"path\": …, \"schema\": …}")
    }
    static func badDelimiter(resource: String, delimiter: String) -> String {
        descriptor("dialect delimiter of \(q(resource)) — found \(q(delimiter)), expected one ASCII character")
    }
    static func noFields(resource: String) -> String {
        descriptor("schema of \(q(resource)) — found no \"fields\", expected a list of fields")
    }
    static func fieldWithoutName(resource: String) -> String {
        descriptor("a field of \(q(resource)) has no \"name\", expected a field name")
    }
    static func badMissingValues(resource: String, found: String) -> String {
        descriptor("missingValues of \(q(resource)) — found \(bounded(found)), expected a list of strings")
    }
    static func badPrimaryKey(resource: String, found: String) -> String {
        descriptor("primaryKey of \(q(resource)) — found \(bounded(found)), expected a field name or a list of names")
    }
    static func badForeignKey(resource: String) -> String {
        descriptor("a foreign key of \(q(resource)) lacks \"fields\" or \"reference\", expected both")
    }
    static func unknownColumn(_ name: String, available: [String]) -> String {
        "unknown column \(q(name)) — expected one of \(quotedList(available))\(suggestion(name, among: available))"
    }
    static func joinKeyMismatch(left: Int, right: Int) -> String {
        "join key count mismatch — found \(left) left and \(right) right fields, expected the same number"
    }
    static func unknownFieldType(field: String, type: String) -> String {
        "unknown field type in field \(q(field)) — found \(q(type)), expected one of \(FieldType.allCases.map { "\(q($0.rawValue))" }.joined(separator: ", "))\(suggestion(type, among: FieldType.allCases.map(\.rawValue)))"
    }
    static func duplicateFieldName(_ name: String) -> String {
        "duplicate field name in schema — found \(q(name)) twice, expected unique names"
    }
    static func unknownKeyField(_ name: String, key: String, fields: [String]) -> String {
        "\(bounded(key)) names an unknown field — found \(q(name)), expected one of \(quotedList(fields))\(suggestion(name, among: fields))"
    }
    static func unknownReferenceResource(_ name: String, resources: [String]) -> String {
        "foreign key references an unknown resource — found \(q(name)), expected one of \(quotedList(resources))\(suggestion(name, among: resources))"
    }
    static func foreignKeyArity(local: Int, reference: Int) -> String {
        "foreign key field count mismatch — found \(local) local field\(local == 1 ? "" : "s"), expected \(reference) as in the reference"
    }
    static func badConstraint(field: String, constraint: String, value: String, expected: String) -> String {
        "invalid constraint \(q(constraint)) of field \(q(field)) — found \(q(value)), expected \(expected)"
    }
    static func badPattern(field: String, pattern: String, detail: String) -> String {
        "invalid pattern of field \(q(field)) — found \(q(pattern)), expected a regular expression (\(bounded(detail)))"
    }
    static func unsupportedFormat(field: String, format: String) -> String {
        "unsupported format of field \(q(field)) — found \(q(format)), expected \"default\" or a pattern of %Y, %m, %d"
    }

    // MARK: CSV structure

    static func emptyFile(expectedHeader: [String]) -> String {
        "empty file — found no header row, expected \(q(expectedHeader.joined(separator: ",")))"
    }
    static func invalidUTF8(byte: UInt8, offset: Int) -> String {
        "invalid UTF-8 — found byte 0x\(String(byte, radix: 16, uppercase: true)) at byte \(offset + 1) of the field, expected UTF-8 text (save the file as UTF-8)"
    }
    static let unterminatedQuote =
        "unterminated quoted field — found end of file, expected a closing quote '\"' for the field opened here"
    static func characterAfterQuote(_ byte: UInt8, delimiter: UInt8) -> String {
        "unexpected character after closing quote — found \(q(printable(byte))), expected the delimiter \(q(printable(delimiter))) or end of line"
    }
    static func raggedRow(found: Int, expected: Int) -> String {
        "wrong number of fields — found \(count(found, "field")), expected \(expected) as in the header"
    }
    static func blankRow(expected: Int) -> String {
        "blank line — found an empty line, expected a row of \(count(expected, "field")) (only trailing blank lines are allowed)"
    }
    static func headerMismatch(found: String, expected: String, column: Int) -> String {
        "header does not match schema — found \(q(found)) in column \(column), expected \(q(expected))"
    }
    static func missingLabel(expected: String, column: Int, found: Int) -> String {
        "header is missing a column — found \(count(found, "column")), expected \(q(expected)) in column \(column)"
    }
    static func extraLabel(found: String, column: Int, expected: Int) -> String {
        "header has an extra column — found \(q(found)) in column \(column), expected \(count(expected, "column")) as in the schema"
    }

    // MARK: Schema inference (`dossier init`)

    static let noHeaderRow = "empty file — found no header row, expected a header row naming the columns"
    static func blankLabel(column: Int) -> String {
        "column without a name — found \"\" in column \(column) of the header, expected a name for every column"
    }
    static func duplicateLabel(_ name: String, column: Int, firstColumn: Int) -> String {
        "duplicate column name — found \(q(name)) twice (columns \(firstColumn) and \(column)), expected unique names"
    }

    // MARK: Cells

    static func typeError(field: Field, value: String) -> String {
        "invalid \(field.type.rawValue) in field \(q(field.name)) — found \(q(value)), expected \(typeExpectation(field))"
    }
    static func typeExpectation(_ field: Field) -> String {
        switch field.type {
        case .string: return "text"
        case .integer: return "a whole number such as 42"
        case .number: return "a number such as 3.14"
        case .boolean: return "one of \((field.trueValues + field.falseValues).joined(separator: ", "))"
        case .year: return "a four-digit year such as 2024"
        case .date:
            if let f = field.format, f != "default", f != "any" { return "a date formatted as \(f)" }
            return "a date formatted as YYYY-MM-DD"
        }
    }
    static func required(field: String) -> String {
        "missing value in required field \(q(field)) — found \"\", expected a value"
    }
    static func notInEnum(field: String, value: String, allowed: [String]) -> String {
        "value not allowed in field \(q(field)) — found \(q(value)), expected one of \(quotedList(allowed))\(suggestion(value, among: allowed))"
    }
    static func belowMinimum(field: String, value: String, minimum: String) -> String {
        "value below minimum of field \(q(field)) — found \(q(value)), expected at least \(minimum)"
    }
    static func aboveMaximum(field: String, value: String, maximum: String) -> String {
        "value above maximum of field \(q(field)) — found \(q(value)), expected at most \(maximum)"
    }
    static func patternMismatch(field: String, value: String, pattern: String) -> String {
        "value does not match pattern of field \(q(field)) — found \(q(value)), expected the whole value to match \(bounded(pattern))"
    }
    static func tooShort(field: String, value: String, minLength: Int) -> String {
        "value too short in field \(q(field)) — found \(q(value)), expected at least \(count(minLength, "character"))"
    }
    static func tooLong(field: String, value: String, maxLength: Int) -> String {
        "value too long in field \(q(field)) — found \(q(value)), expected at most \(count(maxLength, "character"))"
    }
    static func duplicateUnique(field: String, value: String, firstLine: Int) -> String {
        "duplicate value in unique field \(q(field)) — found \(q(value)), expected each value once (first on line \(firstLine))"
    }
    static func duplicatePrimaryKey(fields: [String], value: String, firstLine: Int) -> String {
        "duplicate primary key (\(bounded(fields.joined(separator: ", ")))) — found \(q(value)), expected each key once (first on line \(firstLine))"
    }
    static func firstOccurrence(_ value: String) -> String { "first occurrence of \(q(value)) is here" }
    static func foreignKeyMissing(fields: [String], value: String, resource: String, referenceFields: [String], suggestion hint: String?) -> String {
        "foreign key has no target — found \(q(value)) in \(bounded(fields.joined(separator: ", "))), expected a value of \(bounded(referenceFields.joined(separator: ", "))) in resource \(q(resource))" + (hint.map { " (did you mean \(q($0))?)" } ?? "")
    }

    // MARK: Helpers

    /// "1 field", "3 fields".
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// A value from the input, in double quotes, at most ``InputExcerpt/limit`` characters.
    static func q(_ value: String) -> String { InputExcerpt.quoted(value) }

    /// Text from the input shown without quotes (lists of names, patterns), bounded likewise.
    static func bounded(_ value: String) -> String { InputExcerpt.excerpt(value) }

    static func quotedList(_ items: [String]) -> String {
        let shown = items.prefix(12).map { "\(q($0))" }.joined(separator: ", ")
        return items.count > 12 ? shown + ", …" : shown
    }

    /// ` (did you mean "x"?)` when a close candidate exists, else "".
    static func suggestion(_ value: String, among candidates: [String]) -> String {
        guard let best = NameHint.closest(to: value, in: candidates, reach: .values) else { return "" }
        return " (did you mean \(q(best))?)"
    }

    static func printable(_ byte: UInt8) -> String {
        switch byte {
        case 0x09: return "\\t"
        case 0x20...0x7E: return String(UnicodeScalar(byte))
        default: return "\\x" + String(byte, radix: 16, uppercase: true)
        }
    }
}
