import DossierBase

/// One scalar of a record in a JSON data file.
package enum RecordScalar: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
}

/// Reads the data files a chart names by `url` (Vega-Lite `data: {url}`): JSON records here,
/// CSV and TSV through ``SchemaInference`` and the loader `validate` uses.
package enum DataFileRecords {
    /// The records of a JSON data file: its top level is an array of objects (or of plain values,
    /// each read as a record with one field, `data`, as Vega-Lite does). Fields are sorted by
    /// name within a record, so the result does not depend on hashing. Nested arrays and objects
    /// are an error at their line and column.
    package static func json(_ bytes: [UInt8], displayPath: String) throws(DiagnosticError) -> [[(String, RecordScalar)]] {
        func failure(_ offset: Int, _ message: String) -> DiagnosticError {
            let (line, column) = JSONParser.lineAndColumn(of: offset, in: bytes)
            return DiagnosticError(diagnostics: [Diagnostic(file: displayPath, line: line, column: column,
                                                            code: .invalidJSON, message: message)])
        }
        let top: JSONValue
        do {
            top = try JSONParser.parse(bytes)
        } catch {
            throw failure(error.offset, error.message)
        }
        guard let elements = top.array else {
            throw failure(top.offset, "the data file is not a list of records, expected `[{…}, …]`")
        }
        func scalar(_ value: JSONValue) throws(DiagnosticError) -> RecordScalar {
            switch value.kind {
            case .null: return .null
            case .bool(let flag): return .bool(flag)
            case .int(let int): return .number(Double(int))
            case .double(let double): return .number(double)
            case .string(let text): return .string(text)
            case .array, .object: throw failure(value.offset, "a value in a record is a list or an object, expected a number, a text, true/false or null")
            }
        }
        var records: [[(String, RecordScalar)]] = []
        records.reserveCapacity(elements.count)
        for element in elements {
            if let object = element.object {
                var record: [(String, RecordScalar)] = []
                for name in object.keys.sorted() {
                    if let value = object[name] { record.append((name, try scalar(value))) }
                }
                records.append(record)
            } else {
                records.append([("data", try scalar(element))])
            }
        }
        return records
    }

    /// The table of a CSV (or, with `delimiter` a tab, TSV) data file, typed by
    /// ``SchemaInference``: numbers, dates and booleans where every value parses as one.
    package static func delimited(_ bytes: [UInt8], delimiter: UInt8, displayPath: String) throws(DiagnosticError) -> Table {
        let inferred = try SchemaInference.infer(csv: bytes, displayPath: displayPath, delimiter: delimiter)
        let resource = Resource(name: "data", path: displayPath, schema: inferred.tableSchema, dialect: inferred.dialect)
        var sink = DiagnosticSink(cap: 20)
        let loaded = ResourceLoader(resource: resource, file: nil, displayPath: displayPath, bytes: bytes).load(sink: &sink)
        guard let table = loaded?.table, !sink.hasErrors else { throw sink.finish() }
        return table
    }
}
