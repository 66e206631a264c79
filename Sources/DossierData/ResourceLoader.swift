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

    /// One batch conversion: worker `w` of `k` converts columns w, w+k, … into its own sink.
    /// Workers touch disjoint builders and sinks, hence the unchecked Sendable.
    private struct ConversionJob: @unchecked Sendable {
        let base: UnsafeMutablePointer<UInt8>
        let starts: UnsafeBufferPointer<Int>
        let ends: UnsafeBufferPointer<Int>
        let lines: UnsafeBufferPointer<Int>
        let count: Int
        let columns: Int
        let missing: [[UInt8]]
        let onlyEmptyMissing: Bool
        let builders: UnsafeMutableBufferPointer<ColumnBuilder>
        let sinks: UnsafeMutableBufferPointer<DiagnosticSink>

        func run(worker w: Int, of k: Int) {
            for c in stride(from: w, to: columns, by: k) {
                var i = c
                for _ in 0..<count {
                    let b = UnsafeBufferPointer(start: base + starts[i], count: ends[i] - starts[i])
                    let isMissing = onlyEmptyMissing ? b.isEmpty : missing.contains { FieldParsers.equals(b, $0) }
                    if isMissing {
                        builders[c].appendMissing(line: lines[i], sink: &sinks[w])
                    } else {
                        builders[c].append(b, line: lines[i], sink: &sinks[w])
                    }
                    i += columns
                }
            }
        }
    }

    /// Field slices of complete rows still in the reader's buffer.
    private struct Batch {
        var base: UnsafeMutablePointer<UInt8>? = nil
        var starts: [Int] = []
        var ends: [Int] = []
        var lines: [Int] = []
        var count = 0
    }

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
        var lastOffset = 0
        var fileSize = 0
        var reserved = false
        var batch = Batch()
        let cap = sink.cap

        // Converts the batched rows into the typed columns, columns split over two threads when large.
        func flush() throws {
            guard batch.count > 0, let base = batch.base else { return }
            let parallel = batch.count >= 2048 && n >= 2 && ProcessInfo.processInfo.activeProcessorCount > 1
            var template = DiagnosticSink(cap: cap)
            template.fileOrder = localSink.fileOrder
            var sinks = [template, template]
            batch.starts.withUnsafeBufferPointer { starts in
                batch.ends.withUnsafeBufferPointer { ends in
                    batch.lines.withUnsafeBufferPointer { fieldLines in
                        builders.withUnsafeMutableBufferPointer { bp in
                            sinks.withUnsafeMutableBufferPointer { sp in
                                let job = ConversionJob(base: base, starts: starts, ends: ends, lines: fieldLines,
                                                        count: batch.count, columns: n, missing: missing,
                                                        onlyEmptyMissing: onlyEmptyMissing, builders: bp, sinks: sp)
                                if parallel {
                                    DispatchQueue.concurrentPerform(iterations: 2) { w in job.run(worker: w, of: 2) }
                                } else {
                                    job.run(worker: 0, of: 1)
                                }
                            }
                        }
                    }
                }
            }
            for s in sinks { localSink.merge(s) }
            batch.starts.removeAll(keepingCapacity: true)
            batch.ends.removeAll(keepingCapacity: true)
            batch.lines.removeAll(keepingCapacity: true)
            batch.count = 0
            // Reserve the columns once, from the size of the first rows, instead of doubling.
            if !reserved, rows >= 1024, fileSize > lastOffset, lastOffset > firstDataOffset {
                reserved = true
                let perRow = Double(lastOffset - firstDataOffset) / Double(rows - 1)
                let estimate = Int(Double(fileSize - firstDataOffset) / perRow * 1.02) + 64
                for i in builders.indices { builders[i].reserve(estimate) }
                lines.reserveCapacity(estimate)
            }
        }

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

        fileSize = reader.fileSize
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
                if firstDataOffset < 0 { firstDataOffset = rec.offset }
                lastOffset = rec.offset
                guard rec.count == n else {
                    complete = false
                    let col = min(rec.count, n) + 1
                    localSink.add(Diagnostic(file: displayPath, line: rec.line, column: col, code: .raggedRow,
                                             message: DiagnosticCatalogue.raggedRow(found: rec.count, expected: n)))
                    return
                }
                batch.base = rec.base
                for i in 0..<n {
                    let f = rec.fields[i]
                    batch.starts.append(f.start)
                    batch.ends.append(f.end)
                    batch.lines.append(f.line)
                }
                batch.count += 1
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
            }, beforeBufferChange: flush)
            try flush()
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
