import Foundation

/// Receives records from the reader: checks the header, keeps the field slices of each good row
/// and converts each batch the reader flushes into the typed columns, column by column. One
/// consumer reads one chunk of a file; ``absorb(_:lineOffset:)`` appends the next chunk's consumer.
struct RowConsumer: CSVConsumer {
    struct Stop: Error {}

    let resource: Resource
    let displayPath: String
    let fileSize: Int
    /// Where this consumer's chunk ends (the next chunk's start), for reserving its columns.
    let chunkEnd: Int
    var sink: DiagnosticSink
    var builders: [ColumnBuilder]
    var lines: [Int] = []
    var headerSeen: Bool
    var complete = true
    private let n: Int
    private let missing: [[UInt8]]
    private let onlyEmptyMissing: Bool
    /// Blank lines not yet followed by a row (reported only if a row follows: trailing ones are allowed).
    private var blankLines: [Int] = []
    /// Whether a non-blank record followed the header (or the chunk start).
    private(set) var sawRecord = false
    private var rows = 0
    private var firstDataOffset = -1
    private var lastOffset = 0
    private var reserved = false
    /// Conversion times by field type, gathered only when tracing (see ``LoadTrace``).
    var conversion: ConversionTimes? = nil

    /// A consumer for the chunk of the file that starts with the header (`firstChunk`) or for a
    /// later chunk, which starts on a data row.
    init(resource: Resource, displayPath: String, sink: DiagnosticSink, fileSize: Int, chunkEnd: Int = .max,
         firstChunk: Bool = true) {
        self.resource = resource
        self.displayPath = displayPath
        self.sink = sink
        self.fileSize = fileSize
        self.chunkEnd = chunkEnd
        let schema = resource.schema
        let pk = Set(schema.primaryKey)
        builders = schema.fields.enumerated().map { i, f in
            ColumnBuilder(field: f, column: i + 1, file: displayPath, required: pk.contains(f.name))
        }
        n = schema.fields.count
        missing = schema.missingValues.map { Array($0.utf8) }
        onlyEmptyMissing = missing == [[]]
        headerSeen = !firstChunk || !resource.dialect.header
    }

    mutating func record(_ rec: CSVRecord) throws -> Bool {
        if !headerSeen {
            headerSeen = true
            if !checkHeader(rec) { throw Stop() }
            return false
        }
        if rec.isBlank && n != 1 {
            blankLines.append(rec.line)
            return false
        }
        if !blankLines.isEmpty { reportBlankLines() }
        sawRecord = true
        if firstDataOffset < 0 { firstDataOffset = rec.offset }
        lastOffset = rec.offset
        guard rec.count == n else {
            complete = false
            sink.add(Diagnostic(file: displayPath, line: rec.line, column: min(rec.count, n) + 1, code: .raggedRow,
                                message: DiagnosticCatalogue.raggedRow(found: rec.count, expected: n)))
            return false
        }
        lines.append(rec.line)
        rows += 1
        return true
    }

    mutating func structureError(_ e: CSVStructureError) {
        if case .unterminatedQuote = e { complete = false }
        sink.add(e.diagnostic(file: displayPath, delimiter: resource.dialect.delimiter))
    }


    private mutating func reportBlankLines() {
        for l in blankLines {
            sink.add(Diagnostic(file: displayPath, line: l, column: 1, code: .blankRow,
                                message: DiagnosticCatalogue.blankRow(expected: n)))
        }
        blankLines.removeAll()
    }

    /// Converts the kept rows (`n` slices each) into the typed columns, column by column.
    mutating func flush(_ fields: UnsafeBufferPointer<FieldSlice>, base: UnsafeMutablePointer<UInt8>) throws {
        guard n > 0, fields.count >= n else { return }
        let count = fields.count / n
        if conversion != nil { return timedConvert(fields, base: base, rows: count) }
        for c in 0..<n {
            let batch = ColumnBatch(base: base, slices: fields, first: c, stride: n, count: count,
                                    missing: missing, onlyEmptyMissing: onlyEmptyMissing)
            builders[c].append(batch, sink: &sink)
        }
        reserveOnce()
    }

    /// ``flush(_:base:)`` timing the conversion (tracing only): one batch in
    /// ``ConversionTimes/sampleEvery`` is timed in thread CPU time (a system call: too dear for
    /// every batch), split between its columns in proportion to their times on the monotonic clock.
    private mutating func timedConvert(_ fields: UnsafeBufferPointer<FieldSlice>, base: UnsafeMutablePointer<UInt8>, rows count: Int) {
        let sampled = conversion?.startBatch() ?? false
        // Two clock reads back to back: the second gives the cost of one read, taken off the sample.
        let clock0 = sampled ? LoadTrace.threadCPU() : 0
        let cpu0 = sampled ? LoadTrace.threadCPU() : 0
        let clockCost = cpu0 - clock0
        var walls: [(FieldType, Double)] = []
        for c in 0..<n {
            let batch = ColumnBatch(base: base, slices: fields, first: c, stride: n, count: count,
                                    missing: missing, onlyEmptyMissing: onlyEmptyMissing)
            var bytes = 0
            var i = c
            for _ in 0..<count { bytes += fields[i].end - fields[i].start; i += n }
            let t0 = sampled ? LoadTrace.wall() : 0
            builders[c].append(batch, sink: &sink)
            if sampled { walls.append((builders[c].field.type, LoadTrace.wall() - t0)) }
            conversion?.add(builders[c].field.type, bytes: bytes, cells: count)
        }
        if sampled { conversion?.addSample(cpu: max(0, LoadTrace.threadCPU() - cpu0 - clockCost), walls: walls) }
        reserveOnce()
    }

    /// Reserves the columns once, from the size of the first rows, instead of doubling.
    private mutating func reserveOnce() {
        if !reserved, rows >= 1024, fileSize > lastOffset, lastOffset > firstDataOffset {
            reserved = true
            let perRow = Double(lastOffset - firstDataOffset) / Double(rows - 1)
            func estimate(_ end: Int) -> Int { Int(Double(end - firstDataOffset) / perRow * 1.02) + 64 }
            let total = estimate(fileSize)
            let chunk = estimate(min(chunkEnd, fileSize))
            for i in builders.indices { builders[i].reserve(chunk: chunk) }
            lines.reserveCapacity(total)
            Prefault.populate(&lines, adding: chunk - lines.count)
        }
    }

    /// Appends the consumer of the next chunk of the file (its lines counted from that chunk's
    /// first line, which is line `lineOffset + 1` of the file), column by column, emptying it.
    mutating func absorb(_ next: inout RowConsumer, lineOffset: Int) {
        if next.sawRecord {
            reportBlankLines()
            sawRecord = true
        }
        for i in builders.indices { builders[i].absorb(&next.builders[i]) }
        lines.reserveCapacity(lines.count + next.lines.count)
        Prefault.populate(&lines, adding: next.lines.count)
        let first = lines.count
        lines.append(contentsOf: next.lines)
        lines.withUnsafeMutableBufferPointer { all in
            for i in first..<all.count { all[i] &+= lineOffset }
        }
        next.lines = []
        blankLines += next.blankLines.map { $0 + lineOffset }
        sink.merge(next.sink, lineOffset: lineOffset)
        complete = complete && next.complete
        rows += next.rows
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

extension CSVStructureError {
    /// The diagnostic `validate` reports for this problem in `file`.
    func diagnostic(file: String, delimiter: UInt8) -> Diagnostic {
        switch self {
        case let .unterminatedQuote(line, column):
            return Diagnostic(file: file, line: line, column: column, code: .unterminatedQuote,
                              message: DiagnosticCatalogue.unterminatedQuote)
        case let .characterAfterQuote(line, column, byte):
            return Diagnostic(file: file, line: line, column: column, code: .characterAfterQuote,
                              message: DiagnosticCatalogue.characterAfterQuote(byte, delimiter: delimiter))
        }
    }
}
