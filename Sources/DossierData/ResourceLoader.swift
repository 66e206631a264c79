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

    /// Reads the file. Returns `nil` if the file could not be read or the header does not match;
    /// `complete` is false when rows were lost (ragged rows, unterminated quote), in which case
    /// foreign keys pointing at this table are not checked (their errors would be cascades).
    func load(sink: inout DiagnosticSink) -> (table: Table, complete: Bool)? {
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

        var rows = RowConsumer(resource: resource, displayPath: displayPath, sink: sink, fileSize: reader.fileSize)
        defer { sink = rows.sink }
        do {
            try reader.scan(into: &rows)
            try rows.flush()
        } catch is RowConsumer.Stop {
            return nil
        } catch {
            rows.sink.add(Diagnostic(file: displayPath, code: .ioError, message: DiagnosticCatalogue.ioError("\(error)")))
            return nil
        }
        let fields = resource.schema.fields
        if !rows.headerSeen {
            rows.sink.add(Diagnostic(file: displayPath, line: 1, code: .emptyFile,
                                     message: DiagnosticCatalogue.emptyFile(expectedHeader: fields.map(\.name))))
            return nil
        }
        let table = Table(name: resource.name, fields: fields, storage: rows.builders.map { $0.finishStorage() },
                          sourceLines: rows.lines)
        let schema = resource.schema
        if !schema.primaryKey.isEmpty {
            let idx = schema.primaryKey.compactMap { schema.fieldIndex(named: $0) }
            KeyChecks.checkUnique(table: table, fieldIndices: idx, isPrimaryKey: true, file: displayPath, sink: &rows.sink)
        }
        for (i, f) in fields.enumerated() where f.constraints.unique && !(schema.primaryKey == [f.name]) {
            KeyChecks.checkUnique(table: table, fieldIndices: [i], isPrimaryKey: false, file: displayPath, sink: &rows.sink)
        }
        return (table, rows.complete)
    }
}

/// Receives records from the reader: checks the header, batches the field slices of each row and
/// converts each batch into the typed columns (on two threads when large) before the reader
/// reuses its buffer.
struct RowConsumer: CSVConsumer {
    struct Stop: Error {}

    let resource: Resource
    let displayPath: String
    let fileSize: Int
    var sink: DiagnosticSink
    var builders: [ColumnBuilder]
    var lines: [Int] = []
    var headerSeen: Bool
    var complete = true
    private let n: Int
    private let missing: [[UInt8]]
    private let onlyEmptyMissing: Bool
    private var blankLines: [Int] = []
    private var rows = 0
    private var firstDataOffset = -1
    private var lastOffset = 0
    private var reserved = false
    // The current batch: field slices of complete rows still in the reader's buffer.
    private var base: UnsafeMutablePointer<UInt8>? = nil
    private var slices: [FieldSlice] = []
    private var batchCount = 0

    init(resource: Resource, displayPath: String, sink: DiagnosticSink, fileSize: Int) {
        self.resource = resource
        self.displayPath = displayPath
        self.sink = sink
        self.fileSize = fileSize
        let schema = resource.schema
        let pk = Set(schema.primaryKey)
        builders = schema.fields.enumerated().map { i, f in
            ColumnBuilder(field: f, column: i + 1, file: displayPath, required: pk.contains(f.name))
        }
        n = schema.fields.count
        missing = schema.missingValues.map { Array($0.utf8) }
        onlyEmptyMissing = missing == [[]]
        headerSeen = !resource.dialect.header
    }

    mutating func record(_ rec: CSVRecord) throws {
        if !headerSeen {
            headerSeen = true
            if !checkHeader(rec) { throw Stop() }
            return
        }
        if rec.isBlank && n != 1 {
            blankLines.append(rec.line)
            return
        }
        for l in blankLines {
            sink.add(Diagnostic(file: displayPath, line: l, column: 1, code: .blankRow,
                                message: DiagnosticCatalogue.blankRow(expected: n)))
        }
        blankLines.removeAll()
        if firstDataOffset < 0 { firstDataOffset = rec.offset }
        lastOffset = rec.offset
        guard rec.count == n else {
            complete = false
            sink.add(Diagnostic(file: displayPath, line: rec.line, column: min(rec.count, n) + 1, code: .raggedRow,
                                message: DiagnosticCatalogue.raggedRow(found: rec.count, expected: n)))
            return
        }
        base = rec.base
        slices.append(contentsOf: UnsafeBufferPointer(rebasing: rec.fields[0..<n]))
        batchCount += 1
        lines.append(rec.line)
        rows += 1
    }

    mutating func structureError(_ e: CSVStructureError) {
        switch e {
        case let .unterminatedQuote(line, column):
            complete = false
            sink.add(Diagnostic(file: displayPath, line: line, column: column, code: .unterminatedQuote,
                                message: DiagnosticCatalogue.unterminatedQuote))
        case let .characterAfterQuote(line, column, byte):
            sink.add(Diagnostic(file: displayPath, line: line, column: column, code: .characterAfterQuote,
                                message: DiagnosticCatalogue.characterAfterQuote(byte, delimiter: resource.dialect.delimiter)))
        }
    }

    mutating func bufferWillChange() throws { try flush() }

    /// Converts the batched rows into the typed columns, columns split over two threads when large.
    mutating func flush() throws {
        guard batchCount > 0, let base else { return }
        let parallel = batchCount >= 2048 && n >= 2 && ProcessInfo.processInfo.activeProcessorCount > 1
        var template = DiagnosticSink(cap: sink.cap)
        template.fileOrder = sink.fileOrder
        var sinks = [template, template]
        let (count, n, missing, onlyEmptyMissing) = (batchCount, n, missing, onlyEmptyMissing)
        slices.withUnsafeBufferPointer { slices in
            builders.withUnsafeMutableBufferPointer { bp in
                sinks.withUnsafeMutableBufferPointer { sp in
                    let job = ConversionJob(base: base, slices: slices, count: count, columns: n, missing: missing,
                                            onlyEmptyMissing: onlyEmptyMissing, builders: bp, sinks: sp)
                    if parallel {
                        DispatchQueue.concurrentPerform(iterations: 2) { w in job.run(worker: w, of: 2) }
                    } else {
                        job.run(worker: 0, of: 1)
                    }
                }
            }
        }
        for s in sinks { sink.merge(s) }
        slices.removeAll(keepingCapacity: true)
        batchCount = 0
        // Reserve the columns once, from the size of the first rows, instead of doubling.
        if !reserved, rows >= 1024, fileSize > lastOffset, lastOffset > firstDataOffset {
            reserved = true
            let perRow = Double(lastOffset - firstDataOffset) / Double(rows - 1)
            let estimate = Int(Double(fileSize - firstDataOffset) / perRow * 1.02) + 64
            for i in builders.indices { builders[i].reserve(estimate) }
            lines.reserveCapacity(estimate)
        }
    }

    /// Header labels must equal the schema field names, in order.
    private mutating func checkHeader(_ rec: CSVRecord) -> Bool {
        let names = resource.schema.fields.map(\.name)
        var ok = true
        var labels: [String] = []
        for i in 0..<rec.count {
            let b = rec.bytes(i)
            if let offset = FieldParsers.utf8ErrorOffset(b) {
                sink.add(Diagnostic(file: displayPath, line: rec.fields[i].line, column: i + 1, code: .invalidUTF8,
                                    message: DiagnosticCatalogue.invalidUTF8(byte: b[offset], offset: offset)))
                return false
            }
            labels.append(String(decoding: b, as: UTF8.self))
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

/// One batch conversion: worker `w` of `k` converts columns w, w+k, … into its own sink.
/// Workers touch disjoint builders and sinks, hence the unchecked Sendable.
private struct ConversionJob: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt8>
    let slices: UnsafeBufferPointer<FieldSlice>
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
                let f = slices[i]
                let b = UnsafeBufferPointer(start: base + f.start, count: f.end - f.start)
                let isMissing = onlyEmptyMissing ? b.isEmpty : missing.contains { FieldParsers.equals(b, $0) }
                if isMissing {
                    builders[c].appendMissing(line: f.line, sink: &sinks[w])
                } else {
                    builders[c].append(b, line: f.line, sink: &sinks[w])
                }
                i += columns
            }
        }
    }
}
