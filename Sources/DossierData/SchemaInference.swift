/// Guesses the Table Schema of a CSV file (`dossier init`).
///
/// The CSV is read by the loader `dossier validate` uses (``CSVReader`` and the row checks of
/// a resource load), with every column loaded as text; so a CSV that `validate` would reject
/// for its structure (ragged rows, blank lines between rows, quotes, invalid UTF-8) is rejected
/// here with the same diagnostics at the same lines and columns. Each column's type is then
/// guessed by running the field parsers over its values (``ColumnTypeGuess``), so that the CSV
/// validates against the inferred schema with no error.
///
/// ```swift
/// let inferred = try SchemaInference.infer(csv: bytes, displayPath: "rainfall.csv")
/// let schema = inferred.tableSchema
/// ```
package enum SchemaInference {
    /// Guesses the schema of the CSV `csv` (its bytes), shown as `displayPath` in diagnostics.
    /// Throws the diagnostics (at most `errorCap` errors) when the CSV cannot be read.
    /// The delimiter is `delimiter` when given, else sniffed from the header line.
    package static func infer(csv: [UInt8], displayPath: String, delimiter: UInt8? = nil,
                              errorCap: Int = 20) throws(DiagnosticError) -> InferredSchema {
        var dialect = CSVDialect()
        dialect.delimiter = delimiter ?? sniffDelimiter(csv)
        let names = try headerLabels(csv, dialect: dialect, displayPath: displayPath)
        let resource = Resource(name: "inferred", path: displayPath,
                                schema: TableSchema(fields: names.map { Field(name: $0, type: .string) }), dialect: dialect)
        var sink = DiagnosticSink(cap: errorCap)
        let loaded = ResourceLoader(resource: resource, file: nil, displayPath: displayPath, bytes: csv).load(sink: &sink)
        guard let table = loaded?.table, !sink.hasErrors else { throw sink.finish() }
        return guess(table, dialect: dialect)
    }

    /// `,` unless the first line has no comma but a semicolon (`;`) or else a tab.
    static func sniffDelimiter(_ csv: [UInt8]) -> UInt8 {
        let firstLine = csv.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        for candidate in [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")] where firstLine.contains(candidate) {
            return candidate
        }
        return UInt8(ascii: ",")
    }

    /// The header row's labels; throws when there is none, or when a label is not UTF-8, empty
    /// or repeated.
    private static func headerLabels(_ csv: [UInt8], dialect: CSVDialect, displayPath: String) throws(DiagnosticError) -> [String] {
        struct Header: Error {}
        var labels: [(bytes: [UInt8], line: Int)] = []
        var problems: [Diagnostic] = []
        do {
            try CSVReader(bytes: csv, dialect: dialect).scan(onRecord: { record in
                labels = (0..<record.count).map { (Array(record.bytes($0)), record.fields[$0].line) }
                throw Header()
            }, onError: { problems.append($0.diagnostic(file: displayPath, delimiter: dialect.delimiter)) })
        } catch {}
        if labels.isEmpty || (labels.count == 1 && labels[0].bytes.isEmpty) {
            // No header record (an empty file, or an unterminated quote swallowed it), or a blank first line.
            throw DiagnosticError(diagnostics: problems.isEmpty
                ? [Diagnostic(file: displayPath, line: labels.first?.line ?? 1, code: .emptyFile, message: DiagnosticCatalogue.noHeaderRow)]
                : problems)
        }
        var names: [String] = []
        var firstColumn: [String: Int] = [:]
        problems = []
        for (index, (bytes, line)) in labels.enumerated() {
            let column = index + 1
            if let offset = bytes.withUnsafeBufferPointer(FieldParsers.utf8ErrorOffset) {
                throw DiagnosticError(diagnostics: [Diagnostic(file: displayPath, line: line, column: column, code: .invalidUTF8,
                                                               message: DiagnosticCatalogue.invalidUTF8(byte: bytes[offset], offset: offset))])
            }
            let name = String(decoding: bytes, as: UTF8.self)
            if name.isEmpty {
                problems.append(Diagnostic(file: displayPath, line: line, column: column, code: .blankLabel,
                                           message: DiagnosticCatalogue.blankLabel(column: column)))
            } else if let first = firstColumn[name] {
                problems.append(Diagnostic(file: displayPath, line: line, column: column, code: .duplicateLabel,
                                           message: DiagnosticCatalogue.duplicateLabel(name, column: column, firstColumn: first)))
            } else {
                firstColumn[name] = column
            }
            names.append(name)
        }
        if !problems.isEmpty { throw DiagnosticError(diagnostics: problems) }
        return names
    }

    /// Each column's guess; the missing spellings any typed column relied on become missing in
    /// every column (a schema's `missingValues` apply to all its fields), so the counts follow.
    private static func guess(_ table: Table, dialect: CSVDialect) -> InferredSchema {
        let columns: [(present: [String], empty: Int)] = table.storage.map { storage in
            guard case .string(let cells) = storage.column else { return ([], 0) }
            let present = cells.compactMap { $0 }
            return (present, cells.count - present.count)
        }
        var fields: [InferredField] = []
        var spellings: Set<String> = []
        for (field, column) in zip(table.fields, columns) {
            let guess = ColumnTypeGuess(name: field.name, present: column.present, empty: column.empty)
            fields.append(guess.field)
            spellings.formUnion(guess.usedMissingSpellings)
        }
        for index in fields.indices {
            if !spellings.isEmpty {
                fields[index].missing = columns[index].empty + columns[index].present.filter(spellings.contains).count
            }
            fields[index].required = fields[index].missing == 0 && table.rowCount > 0
        }
        return InferredSchema(fields: fields, missingValues: [""] + spellings.sorted(), rowCount: table.rowCount, dialect: dialect)
    }
}
