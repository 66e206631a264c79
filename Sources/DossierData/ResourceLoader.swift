import Foundation

/// Loads one CSV resource into a ``Table`` following its schema, reporting problems to a sink.
struct ResourceLoader {
    let resource: Resource
    /// Absolute filesystem path of the CSV.
    let path: String
    /// Path as printed in diagnostics.
    let displayPath: String
    /// Read these bytes instead of the file (tests and fuzzing).
    var bytes: [UInt8]? = nil

    private struct Stop: Error {}

    /// Reads the file. Returns `nil` if the file could not be read or the header does not match;
    /// `complete` is false when rows were lost (ragged rows, unterminated quote), in which case
    /// foreign keys pointing at this table are not checked (their errors would be cascades).
    func load(sink: inout DiagnosticSink) -> (table: Table, complete: Bool)? {
        let schema = resource.schema
        let fields = schema.fields
        let n = fields.count
        let pk = Set(schema.primaryKey)
        var builders = fields.enumerated().map { i, f in
            ColumnBuilder(field: f, column: i + 1, file: displayPath, required: pk.contains(f.name))
        }
        let missing = schema.missingValues.map { Array($0.utf8) }
        let onlyEmptyMissing = missing == [[]]
        var lines: [Int] = []
        var headerSeen = !resource.dialect.header
        var headerOK = true
        var blankLines: [Int] = []
        var rows = 0
        var complete = true
        var firstDataOffset = -1

        let reader: CSVReader
        do {
            if let bytes {
                reader = CSVReader(bytes: bytes, dialect: resource.dialect)
            } else {
                reader = try CSVReader(path: path, dialect: resource.dialect)
            }
        } catch let e as CSVReader.OpenError {
            let message = e.isNotFound
                ? DiagnosticCatalogue.resourceFileNotFound(resource: resource.name, path: displayPath)
                : DiagnosticCatalogue.ioError(e.message)
            sink.add(Diagnostic(file: displayPath, code: e.isNotFound ? .fileNotFound : .ioError, message: message))
            return nil
        } catch {
            sink.add(Diagnostic(file: displayPath, code: .ioError, message: DiagnosticCatalogue.ioError("\(error)")))
            return nil
        }

        var localSink = sink
        defer { sink = localSink }
        do {
            try reader.scan(onRecord: { rec in
                if !headerSeen {
                    headerSeen = true
                    headerOK = checkHeader(rec, sink: &localSink)
                    if !headerOK { throw Stop() }
                    return
                }
                if rec.isBlank && n != 1 {
                    blankLines.append(rec.line)
                    return
                }
                for l in blankLines {
                    localSink.add(Diagnostic(file: displayPath, line: l, column: 1, code: .blankRow,
                                             message: DiagnosticCatalogue.blankRow(expected: n)))
                }
                blankLines.removeAll()
                // Reserve the columns once, from the size of the first rows, instead of doubling.
                if firstDataOffset < 0 { firstDataOffset = rec.offset }
                if rows == 1024, reader.fileSize > rec.offset, rec.offset > firstDataOffset {
                    let perRow = Double(rec.offset - firstDataOffset) / 1024
                    let estimate = Int(Double(reader.fileSize - firstDataOffset) / perRow * 1.02) + 64
                    for i in builders.indices { builders[i].reserve(estimate) }
                    lines.reserveCapacity(estimate)
                }
                guard rec.count == n else {
                    complete = false
                    let col = min(rec.count, n) + 1
                    localSink.add(Diagnostic(file: displayPath, line: rec.line, column: col, code: .raggedRow,
                                             message: DiagnosticCatalogue.raggedRow(found: rec.count, expected: n)))
                    return
                }
                builders.withUnsafeMutableBufferPointer { bp in
                    for i in 0..<n {
                        let b = rec.bytes(i)
                        let line = rec.fields[i].line
                        let isMissing = onlyEmptyMissing ? b.isEmpty : missing.contains { FieldParsers.equals(b, $0) }
                        if isMissing {
                            bp[i].appendMissing(line: line, sink: &localSink)
                        } else {
                            bp[i].append(b, line: line, sink: &localSink)
                        }
                    }
                }
                lines.append(rec.line)
                rows += 1
            }, onError: { e in
                switch e {
                case let .unterminatedQuote(line, column):
                    complete = false
                    localSink.add(Diagnostic(file: displayPath, line: line, column: column, code: .unterminatedQuote,
                                             message: DiagnosticCatalogue.unterminatedQuote))
                case let .characterAfterQuote(line, column, byte):
                    localSink.add(Diagnostic(file: displayPath, line: line, column: column, code: .characterAfterQuote,
                                             message: DiagnosticCatalogue.characterAfterQuote(byte, delimiter: resource.dialect.delimiter)))
                }
            })
        } catch is Stop {
            return nil
        } catch {
            localSink.add(Diagnostic(file: displayPath, code: .ioError, message: DiagnosticCatalogue.ioError("\(error)")))
            return nil
        }
        if !headerSeen {
            localSink.add(Diagnostic(file: displayPath, line: 1, code: .emptyFile,
                                     message: DiagnosticCatalogue.emptyFile(expectedHeader: fields.map(\.name))))
            return nil
        }
        let table = Table(name: resource.name, fields: fields, storage: builders.map { $0.finishStorage() }, sourceLines: lines)
        if !schema.primaryKey.isEmpty {
            let idx = schema.primaryKey.compactMap { schema.fieldIndex(named: $0) }
            KeyChecks.checkUnique(table: table, fieldIndices: idx, isPrimaryKey: true, file: displayPath, sink: &localSink)
        }
        for (i, f) in fields.enumerated() where f.constraints.unique && !(schema.primaryKey == [f.name]) {
            KeyChecks.checkUnique(table: table, fieldIndices: [i], isPrimaryKey: false, file: displayPath, sink: &localSink)
        }
        return (table, complete)
    }

    /// Header labels must equal the schema field names, in order.
    private func checkHeader(_ rec: CSVRecord, sink: inout DiagnosticSink) -> Bool {
        let names = resource.schema.fields.map(\.name)
        var ok = true
        var labels: [String] = []
        for i in 0..<rec.count {
            let b = rec.bytes(i)
            guard let s = String(validating: b, as: UTF8.self) else {
                let offset = FieldParsers.utf8ErrorOffset(b) ?? 0
                sink.add(Diagnostic(file: displayPath, line: rec.fields[i].line, column: i + 1, code: .invalidUTF8,
                                    message: DiagnosticCatalogue.invalidUTF8(byte: b[offset], offset: offset)))
                return false
            }
            labels.append(s)
        }
        for i in 0..<max(labels.count, names.count) {
            if i >= labels.count {
                sink.add(Diagnostic(file: displayPath, line: rec.line, column: i + 1, code: .missingLabel,
                                    message: DiagnosticCatalogue.missingLabel(expected: names[i], column: i + 1, found: labels.count)))
                ok = false
            } else if i >= names.count {
                sink.add(Diagnostic(file: displayPath, line: rec.line, column: i + 1, code: .extraLabel,
                                    message: DiagnosticCatalogue.extraLabel(found: labels[i], column: i + 1, expected: names.count)))
                ok = false
            } else if labels[i] != names[i] {
                sink.add(Diagnostic(file: displayPath, line: rec.line, column: i + 1, code: .headerMismatch,
                                    message: DiagnosticCatalogue.headerMismatch(found: labels[i], expected: names[i], column: i + 1)))
                ok = false
            }
        }
        return ok
    }
}
