/// The bytes the tokenizer looks for, as words and vectors for the searches.
struct CSVScanBytes {
    let delimiter: UInt8
    let quote: UInt8
    let delimiterWord: UInt64
    let quoteWord: UInt64
    let delimiterVector: SIMD16<UInt8>
    let quoteVector: SIMD16<UInt8>
    static let lf: UInt8 = 10
    static let cr: UInt8 = 13
    static let lfWord: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
    static let crWord: UInt64 = 0x0D0D_0D0D_0D0D_0D0D
    static let lfVector = SIMD16<UInt8>(repeating: lf)
    static let crVector = SIMD16<UInt8>(repeating: cr)

    init(_ dialect: CSVDialect) {
        delimiter = dialect.delimiter
        quote = dialect.quote
        delimiterWord = UInt64(delimiter) &* 0x0101_0101_0101_0101
        quoteWord = UInt64(quote) &* 0x0101_0101_0101_0101
        delimiterVector = SIMD16(repeating: delimiter)
        quoteVector = SIMD16(repeating: quote)
    }
}

/// Where the tokenizer is: buffer offset, physical line, and the 64-byte masks around it.
struct CSVCursor {
    var p: Int
    var line: Int
    /// The masks of the 64 bytes last scanned (valid until the buffer's bytes move).
    var block = StructuralBlock.none
}

/// Whether the bytes a search went through were all ASCII: bytes OR'd together (words and
/// single bytes) and the 64-byte masks' non-ASCII bits.
struct ASCIIAccumulator {
    var bytes: UInt64 = 0
    var blockBits: UInt64 = 0
    var isASCII: Bool { bytes & CSVReader.highBits == 0 && blockBits == 0 }
}

/// How the tokenizer left one record.
enum CSVRecordOutcome {
    /// Delivered; the cursor is at the next record.
    case next
    /// The buffer ended inside the record and the file goes on: read more, then restart it.
    case refill
    /// The end of the input (or an unterminated quote, reported).
    case finished
}

extension CSVReader {
    /// Tokenizes records from the start of the input to its end (or to ``stopOffset``): each
    /// record is read by ``readRecord(start:line:cursor:_:_:)``; one the buffer cuts short is
    /// moved to the front with more bytes after it and read again.
    func scanRecords<C: CSVConsumer>(into consumer: inout C) throws {
        try fill()
        var pos = 0
        if startOffset == 0, length >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { pos = 3 }
        let bytes = CSVScanBytes(dialect)
        var cursor = CSVCursor(p: pos, line: 1)
        while true {
            let recordStart = cursor.p, recordLine = cursor.line
            if stops(at: recordStart, line: recordLine) { return }
            switch try readRecord(start: recordStart, line: recordLine, cursor: &cursor, bytes, &consumer) {
            case .next:
                continue
            case .refill:
                try refill(keepingFrom: recordStart, &consumer)
                cursor = CSVCursor(p: 0, line: recordLine)
            case .finished:
                return
            }
        }
    }

    /// Reads the record at `recordStart` field by field into ``slices`` and delivers it.
    @inline(__always)
    private func readRecord<C: CSVConsumer>(start recordStart: Int, line recordLine: Int, cursor c: inout CSVCursor,
                                            _ k: CSVScanBytes, _ consumer: inout C) throws -> CSVRecordOutcome {
        var count = 0
        var pendingAfterQuote: CSVStructureError? = nil
        var anyEscaped = false
        let end = length
        while true {
            if c.p == end {
                if !eof { return .refill }
                if count == 0 && c.p == recordStart { return .finished }
                // Trailing empty field after a delimiter, or a record without final newline.
                if count == slices.count { try growSlices(&consumer, count) }
                if count == 0 || buffer[c.p - 1] == k.delimiter {
                    slices[count] = FieldSlice(start: c.p, end: c.p, escaped: false, quoted: false, ascii: true, line: c.line)
                    count += 1
                }
                try finishRecord(count, line: recordLine, start: recordStart, pending: pendingAfterQuote,
                                 escaped: anyEscaped, &consumer)
                return .finished
            }
            if count == slices.count { try growSlices(&consumer, count) }
            if buffer[c.p] == k.quote {
                switch readQuotedField(&c, end: end, column: count + 1, k, pending: &pendingAfterQuote) {
                case .field(let slice):
                    slices[count] = slice
                    anyEscaped = anyEscaped || slice.escaped
                case .refill:
                    return .refill
                case .unterminated(let openLine):
                    consumer.structureError(.unterminatedQuote(line: openLine, column: count + 1))
                    return .finished
                }
            } else {
                let start = c.p, fieldLine = c.line
                var ascii = ASCIIAccumulator()
                findUnquotedEnd(&c, end: end, k, &ascii)
                if c.p == end, !eof { return .refill }
                slices[count] = FieldSlice(start: start, end: c.p, escaped: false, quoted: false,
                                           ascii: ascii.isASCII, line: fieldLine)
            }
            count += 1
            // Now at a delimiter, a line break or the end of the data.
            if c.p == end { continue }
            let b = buffer[c.p]
            if b == k.delimiter {
                c.p += 1
                continue
            }
            // Line break: CRLF, LF or lone CR.
            if b == CSVScanBytes.cr {
                if c.p + 1 == end, !eof { return .refill }
                c.p += 1
                if c.p < end, buffer[c.p] == CSVScanBytes.lf { c.p += 1 }
            } else {
                c.p += 1
            }
            c.line += 1
            try finishRecord(count, line: recordLine, start: recordStart, pending: pendingAfterQuote,
                             escaped: anyEscaped, &consumer)
            return .next
        }
    }

    /// Reports the record's structure error, collapses its doubled quotes and delivers it.
    @inline(__always)
    private func finishRecord<C: CSVConsumer>(_ count: Int, line: Int, start: Int, pending: CSVStructureError?,
                                              escaped: Bool, _ consumer: inout C) throws {
        if let pending { consumer.structureError(pending) }
        if escaped { unescape(count) }
        try deliver(&consumer, CSVRecord(base: buffer, fields: slices, count: count, line: line, offset: baseOffset + start))
    }

    /// What reading a quoted field found.
    enum QuotedField {
        case field(FieldSlice)
        case refill
        /// The input ended inside the quotes opened on this line.
        case unterminated(Int)
    }

    /// Reads the quoted field whose opening quote is at the cursor, to just after its closing
    /// quote and any stray bytes before the next delimiter or line break (the first such
    /// problem of the record is kept in `pending`).
    @inline(__always)
    private func readQuotedField(_ c: inout CSVCursor, end: Int, column: Int, _ k: CSVScanBytes,
                                 pending: inout CSVStructureError?) -> QuotedField {
        let openLine = c.line
        c.p += 1
        let contentStart = c.p
        var escaped = false
        var ascii = ASCIIAccumulator()
        while true {
            findQuotedStop(&c, end: end, k, &ascii)
            if c.p == end { return eof ? .unterminated(openLine) : .refill }
            let b = buffer[c.p]
            if b == k.quote {
                if c.p + 1 == end, !eof { return .refill }
                if c.p + 1 < end, buffer[c.p + 1] == k.quote { escaped = true; c.p += 2; continue }
                break
            }
            if b == CSVScanBytes.lf {
                c.line += 1
            } else if b == CSVScanBytes.cr, c.p + 1 < end, buffer[c.p + 1] != CSVScanBytes.lf {
                c.line += 1
            }
            ascii.bytes |= UInt64(b)
            c.p += 1
        }
        let contentEnd = c.p
        c.p += 1
        // After the closing quote: delimiter, line break or end of file.
        if c.p < end {
            let b = buffer[c.p]
            if b != k.delimiter && b != CSVScanBytes.lf && b != CSVScanBytes.cr {
                if pending == nil { pending = .characterAfterQuote(line: c.line, column: column, byte: b) }
                while c.p < end, buffer[c.p] != k.delimiter, buffer[c.p] != CSVScanBytes.lf, buffer[c.p] != CSVScanBytes.cr {
                    c.p += 1
                }
                if c.p == end, !eof { return .refill }
            }
        }
        return .field(FieldSlice(start: contentStart, end: contentEnd, escaped: escaped, quoted: true,
                                 ascii: ascii.isASCII, line: openLine))
    }
}
