#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import DossierBase
import Foundation

/// CSV dialect options (Frictionless `dialect`).
public struct CSVDialect: Sendable, Hashable {
    /// Field separator byte (default `,`).
    public var delimiter: UInt8 = UInt8(ascii: ",")
    /// Quote byte (default `"`).
    public var quote: UInt8 = UInt8(ascii: "\"")
    /// Whether the first row is a header.
    public var header = true
    /// Default dialect.
    public init() {}
}

/// Location of one field inside the reader's buffer.
struct FieldSlice {
    var start: Int
    var end: Int
    /// Quoted field containing doubled quotes that still need collapsing.
    var escaped: Bool
    /// The field was quoted.
    var quoted: Bool
    /// Every byte of the field is ASCII (so it is valid UTF-8 without checking).
    var ascii: Bool
    /// Physical 1-based line on which the field starts.
    var line: Int
}

/// Structural problems the tokenizer finds.
enum CSVStructureError {
    /// A quoted field opened at (line, field) never closed.
    case unterminatedQuote(line: Int, column: Int)
    /// A byte other than delimiter / line break after a closing quote.
    case characterAfterQuote(line: Int, column: Int, byte: UInt8)
}

/// Receives the reader's output.
protocol CSVConsumer {
    /// A complete record, valid during the call. Returns true to keep its field slices for a
    /// later ``flush(_:base:)`` (the reader then stores the next record's slices after them).
    mutating func record(_ record: CSVRecord) throws -> Bool
    /// A structural problem.
    mutating func structureError(_ error: CSVStructureError)
    /// The slices of every record kept since the last flush, back to back, over bytes at
    /// `base`; called before the reader moves or frees those bytes or slices, and at the end.
    mutating func flush(_ fields: UnsafeBufferPointer<FieldSlice>, base: UnsafeMutablePointer<UInt8>) throws
}

/// One complete record handed to the consumer. Valid only during the callback.
struct CSVRecord {
    let base: UnsafeMutablePointer<UInt8>
    let fields: UnsafeMutableBufferPointer<FieldSlice>
    let count: Int
    /// Line on which the record starts.
    let line: Int
    /// Byte offset of the record in the file.
    let offset: Int

    /// Bytes of field `i` (doubled quotes collapsed).
    @inline(__always)
    func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let f = fields[i]
        return UnsafeBufferPointer(start: base + f.start, count: f.end - f.start)
    }

    /// True for an empty line (one empty, unquoted field).
    var isBlank: Bool { count == 1 && fields[0].end == fields[0].start && !fields[0].quoted }
}

/// RFC 4180 tokenizer over bytes, reading the file in chunks into one reusable buffer.
///
/// Handles quoted fields with delimiters, doubled quotes and line breaks; CRLF, LF and lone CR
/// record ends; a missing final newline; a UTF-8 byte-order mark. Memory is one buffer of
/// `chunkSize` (grown only if a single record is larger) plus per-record field slices.
final class CSVReader {
    let path: String
    let dialect: CSVDialect
    private let fd: Int32
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var length = 0
    private var eof = false
    /// Slices of kept records (`0..<kept`), then those of the record being read.
    private var allSlices: UnsafeMutableBufferPointer<FieldSlice>
    /// Slices of kept records not yet flushed to the consumer.
    private var kept = 0
    /// The slices of the record being read: `allSlices` after the kept ones.
    private var slices: UnsafeMutableBufferPointer<FieldSlice>
    /// Kept slices handed to the consumer at a time (a few hundred rows: they stay in cache).
    static let flushEvery = 4096
    /// Total bytes read from the file.
    private(set) var bytesRead = 0
    /// File offset of `buffer[0]`.
    private var baseOffset = 0
    /// Readable bytes after the end of the buffer, so that a field's bytes may be copied in
    /// whole words (see ``StringStorageBuilder/append(paddedField:)``).
    static let padding = 16
    /// Size of the file when opened (0 if unknown).
    let fileSize: Int

    /// In-memory input (tests and fuzzing); `nil` when reading a file.
    private let memory: [UInt8]?
    private var memoryOffset = 0
    /// File offset at which reading starts (a record start; 0 for the whole file).
    let startOffset: Int
    /// File offset of a guessed record start at which to stop (a parallel load's next chunk):
    /// when a record starts exactly here the scan ends with ``stoppedAtBoundary`` set; when the
    /// scan passes it inside a record (the guess was wrong) it reads on to the end of the file.
    var stopOffset = Int.max
    /// Whether the scan ended at ``stopOffset``, on a record start.
    private(set) var stoppedAtBoundary = false
    /// The (chunk-relative) line of the record at ``stopOffset``, when ``stoppedAtBoundary``.
    private(set) var stopLine = 0
    /// Whether field ends are found through 64-byte masks (``StructuralBlock``); false for the
    /// per-field vector search only (the reference the tests compare the masks with).
    var usesBlockMasks = true

    /// Reads from bytes in memory, in chunks of `chunkSize` like a file, from `start`.
    init(bytes: [UInt8], dialect: CSVDialect, chunkSize: Int = 1 << 20, start: Int = 0) {
        self.path = "<memory>"
        self.dialect = dialect
        self.fd = -1
        self.memory = bytes
        self.fileSize = bytes.count
        self.startOffset = min(max(start, 0), bytes.count)
        memoryOffset = startOffset
        baseOffset = startOffset
        capacity = max(chunkSize, 4)  // room for a byte-order mark in the first fill
        buffer = .allocate(capacity: capacity + Self.padding)
        allSlices = .allocate(capacity: 64)
        slices = allSlices
    }

    /// Opens `file` and reads from byte `start`; throws ``PathProblem`` if it cannot be opened
    /// or is not a regular file.
    init(file: ConfinedPath, dialect: CSVDialect, chunkSize: Int = 1 << 20, start: Int = 0) throws(PathProblem) {
        self.path = file.path
        self.dialect = dialect
        let fd = try file.openForReading()
        self.fd = fd
        self.memory = nil
        var st = stat()
        fileSize = fstat(fd, &st) == 0 ? Int(st.st_size) : 0
        self.startOffset = max(start, 0)
        baseOffset = startOffset
        capacity = max(chunkSize, 4)  // room for a byte-order mark in the first fill
        buffer = .allocate(capacity: capacity + Self.padding)
        allSlices = .allocate(capacity: 64)
        slices = allSlices
        #if os(Linux)
        _ = posix_fadvise(fd, off_t(startOffset), 0, Int32(POSIX_FADV_SEQUENTIAL))
        #endif
    }

    deinit {
        if fd >= 0 { close(fd) }
        buffer.deallocate()
        allSlices.deallocate()
    }

    struct OpenError: Error {
        let errno: Int32
        var isNotFound: Bool { errno == ENOENT }
        var message: String { String(cString: strerror(errno)) }
    }

    /// Reads more bytes after `length`; sets `eof`.
    private func fill() throws {
        if let memory {
            let n = min(capacity - length, memory.count - memoryOffset)
            if n > 0 {
                memory.withUnsafeBufferPointer { m in
                    if let src = m.baseAddress { (buffer + length).update(from: src + memoryOffset, count: n) }
                }
                memoryOffset += n
                length += n
                bytesRead += n
            }
            if memoryOffset == memory.count { eof = true }
            return
        }
        while length < capacity && !eof {
            let n = pread(fd, buffer + length, capacity - length, off_t(startOffset + bytesRead))
            if n < 0 {
                if errno == EINTR { continue }
                throw OpenError(errno: errno)
            }
            if n == 0 { eof = true; break }
            length += n
            bytesRead += n
        }
    }

    /// Hands the kept slices to the consumer; the record being read moves to the front.
    private func flushKept<C: CSVConsumer>(_ consumer: inout C, moving count: Int = 0) throws {
        guard kept > 0, let all = allSlices.baseAddress else { return }
        try consumer.flush(UnsafeBufferPointer(start: all, count: kept), base: buffer)
        if count > 0 { all.update(from: all + kept, count: count) }
        kept = 0
        slices = allSlices
    }

    /// Room for more slices of the record being read (which has `count`).
    private func growSlices<C: CSVConsumer>(_ consumer: inout C, _ count: Int) throws {
        if kept > 0 { return try flushKept(&consumer, moving: count) }
        let bigger = UnsafeMutableBufferPointer<FieldSlice>.allocate(capacity: allSlices.count * 2)
        _ = bigger.initialize(fromContentsOf: allSlices)
        allSlices.deallocate()
        allSlices = bigger
        slices = allSlices
    }

    /// Delivers a record and keeps its slices if the consumer wants them.
    @inline(__always)
    private func deliver<C: CSVConsumer>(_ consumer: inout C, _ record: CSVRecord) throws {
        guard try consumer.record(record) else { return }
        kept += record.count
        slices = UnsafeMutableBufferPointer(rebasing: allSlices[kept...])
        if kept >= Self.flushEvery { try flushKept(&consumer) }
    }

    /// Collapses doubled quotes of escaped fields in place (record is complete, never re-parsed).
    private func unescape(_ count: Int) {
        for i in 0..<count where slices[i].escaped {
            slices[i].end = Self.collapseQuotes(buffer, from: slices[i].start, to: slices[i].end, quote: dialect.quote)
            slices[i].escaped = false
        }
    }

    /// Collapses each doubled `quote` in `bytes[start..<end]` in place, moving the bytes between
    /// quotes eight at a time; returns the new end.
    static func collapseQuotes(_ bytes: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int, quote q: UInt8) -> Int {
        let pattern = UInt64(q) &* 0x0101_0101_0101_0101
        var r = start, w = start
        while r < end {
            // Words without a quote move whole: the bytes stored (below r + 8) are all read.
            if r + 8 <= end {
                let word = UnsafeRawPointer(bytes + r).loadUnaligned(as: UInt64.self)
                let m = match(word, pattern)
                if m == 0 {
                    UnsafeMutableRawPointer(bytes + w).storeBytes(of: word, as: UInt64.self)
                    r += 8
                    w += 8
                    continue
                }
                // Up to and including the quote, byte by byte (a whole word could overwrite unread bytes).
                for _ in 0...(m.trailingZeroBitCount >> 3) {
                    bytes[w] = bytes[r]
                    w += 1
                    r += 1
                }
            } else {
                let b = bytes[r]
                bytes[w] = b
                w += 1
                r += 1
                if b != q { continue }
            }
            // Just after a quote: skip its double.
            if r < end, bytes[r] == q { r += 1 }
        }
        return w
    }

    /// High bit set in each byte of `w` equal to the byte repeated in `pattern` (exact for the
    /// lowest matching byte, which is all the scanner uses; little-endian loads).
    @inline(__always)
    static func match(_ w: UInt64, _ pattern: UInt64) -> UInt64 {
        let x = w ^ pattern
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    /// The bytes of `w` below the lowest match flagged in `m` (a ``match(_:_:)`` result).
    @inline(__always)
    static func bytesBefore(_ w: UInt64, _ m: UInt64) -> UInt64 { w & ((m & (0 &- m)) &- 1) }

    /// The high bit of every byte of a word.
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The offset (0...15) of the first of the 16 bytes at `p` equal to `a`, `b` or `c`, or 16
    /// when none is; ORs the bytes before it into `high`. Three vector compares (SSE2 / NEON)
    /// instead of two words' worth of ``match(_:_:)``.
    @inline(__always)
    static func firstOf3(_ p: UnsafePointer<UInt8>, _ a: SIMD16<UInt8>, _ b: SIMD16<UInt8>, _ c: SIMD16<UInt8>,
                         high: inout UInt64) -> Int {
        let v = UnsafeRawPointer(p).loadUnaligned(as: SIMD16<UInt8>.self)
        // A true lane is all ones: the mask read as two words has 0xFF in each matching byte.
        let hit = unsafeBitCast((v .== a) .| (v .== b) .| (v .== c), to: SIMD2<UInt64>.self)
        let words = unsafeBitCast(v, to: SIMD2<UInt64>.self)
        let lo = hit[0]
        if lo != 0 {
            high |= words[0] & ((lo & (0 &- lo)) &- 1)
            return lo.trailingZeroBitCount >> 3
        }
        high |= words[0]
        let hi = hit[1]
        if hi != 0 {
            high |= words[1] & ((hi & (0 &- hi)) &- 1)
            return 8 + hi.trailingZeroBitCount >> 3
        }
        high |= words[1]
        return 16
    }

    /// Tokenizes the whole file, calling `onRecord` for every record (including the header)
    /// and `onError` for structural problems; stops after an unterminated quote. Closure form
    /// of ``scan(into:)``.
    func scan(onRecord: (CSVRecord) throws -> Void, onError: (CSVStructureError) -> Void) throws {
        try withoutActuallyEscaping(onRecord) { r in
            try withoutActuallyEscaping(onError) { e in
                var consumer = ClosureConsumer(onRecord: r, onError: e)
                try scan(into: &consumer)
            }
        }
    }

    private struct ClosureConsumer: CSVConsumer {
        let onRecord: (CSVRecord) throws -> Void
        let onError: (CSVStructureError) -> Void
        mutating func record(_ r: CSVRecord) throws -> Bool { try onRecord(r); return false }
        mutating func structureError(_ e: CSVStructureError) { onError(e) }
        mutating func flush(_ fields: UnsafeBufferPointer<FieldSlice>, base: UnsafeMutablePointer<UInt8>) {}
    }

    /// Tokenizes the whole file into `consumer` (generic, so the calls are direct and inlined),
    /// then flushes the records it kept.
    func scan<C: CSVConsumer>(into consumer: inout C) throws {
        try scanRecords(into: &consumer)
        try flushKept(&consumer)
    }

    private func scanRecords<C: CSVConsumer>(into consumer: inout C) throws {
        try fill()
        var pos = 0
        // Byte-order mark.
        if startOffset == 0, length >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { pos = 3 }
        var line = 1
        let delim = dialect.delimiter, quote = dialect.quote
        let LF: UInt8 = 10, CR: UInt8 = 13
        let delimPattern = UInt64(delim) &* 0x0101_0101_0101_0101
        let quotePattern = UInt64(quote) &* 0x0101_0101_0101_0101
        let lfPattern: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
        let crPattern: UInt64 = 0x0D0D_0D0D_0D0D_0D0D
        let delimVector = SIMD16<UInt8>(repeating: delim), quoteVector = SIMD16<UInt8>(repeating: quote)
        let lfVector = SIMD16<UInt8>(repeating: LF), crVector = SIMD16<UInt8>(repeating: CR)
        let blocks = usesBlockMasks
        /// The masks of the 64 bytes being scanned (valid until the buffer's bytes move).
        var block = StructuralBlock.none

        records: while true {
            // Start of a record at `pos`, on `line`.
            let recordStart = pos
            let recordLine = line
            if baseOffset + pos >= stopOffset {
                if baseOffset + pos == stopOffset {
                    stoppedAtBoundary = true
                    stopLine = line
                    return
                }
                stopOffset = .max
            }
            var count = 0
            var p = pos
            var end = length
            var pendingAfterQuote: CSVStructureError? = nil
            var anyEscaped = false

            // `needMore` restarts this record after reading more bytes.
            func needMore() throws -> Bool {
                if eof { return false }
                try flushKept(&consumer)
                // Move the incomplete record to the front, or grow the buffer.
                if recordStart > 0 {
                    baseOffset += recordStart
                    let keep = length - recordStart
                    if keep > 0 { buffer.update(from: buffer + recordStart, count: keep) }
                    length = keep
                } else if length == capacity {
                    let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2 + Self.padding)
                    bigger.update(from: buffer, count: length)
                    buffer.deallocate()
                    buffer = bigger
                    capacity *= 2
                }
                try fill()
                return true
            }

            fields: while true {
                if p == end {
                    if !eof {
                        if try needMore() { pos = 0; line = recordLine; block = .none; continue records }
                    }
                    // End of file.
                    if count == 0 && p == recordStart { return }
                    // Trailing empty field after a delimiter, or a record without final newline.
                    if count == slices.count { try growSlices(&consumer, count) }
                    if count == 0 || buffer[p - 1] == delim {
                        slices[count] = FieldSlice(start: p, end: p, escaped: false, quoted: false, ascii: true, line: line)
                        count += 1
                    }
                    if let e = pendingAfterQuote { consumer.structureError(e) }
                    if anyEscaped { unescape(count) }
                    try deliver(&consumer, CSVRecord(base: buffer, fields: slices, count: count, line: recordLine, offset: baseOffset + recordStart))
                    return
                }
                if count == slices.count { try growSlices(&consumer, count) }
                let fieldLine = line
                if buffer[p] == quote {
                    let openLine = line
                    p += 1
                    let contentStart = p
                    var escaped = false
                    var contentEnd = -1
                    var high: UInt64 = 0
                    var blockHigh: UInt64 = 0
                    while true {
                        // To the next quote or line break: through the 64-byte masks while 64
                        // bytes remain, then 16, then 8 bytes at a time.
                        var found = false
                        while blocks {
                            if !block.covers(p) {
                                guard p + 64 <= end else { break }
                                block = StructuralBlock(buffer + p, at: p, delimiter: delimVector, quote: quoteVector)
                            }
                            let rel = UInt64(p &- block.start)
                            let m = block.quotedStops &>> rel
                            if m != 0 {
                                let k = UInt64(m.trailingZeroBitCount)
                                blockHigh |= (block.high &>> rel) & ((1 &<< k) &- 1)
                                p &+= Int(k)
                                found = true
                                break
                            }
                            blockHigh |= block.high &>> rel
                            p = block.start &+ 64
                        }
                        while !found, p + 16 <= end {
                            let k = Self.firstOf3(buffer + p, quoteVector, lfVector, crVector, high: &high)
                            p += k
                            if k < 16 { found = true; break }
                        }
                        while !found, p + 8 <= end {
                            let w = UnsafeRawPointer(buffer + p).loadUnaligned(as: UInt64.self)
                            let m = Self.match(w, quotePattern) | Self.match(w, lfPattern) | Self.match(w, crPattern)
                            if m != 0 { high |= Self.bytesBefore(w, m); p += m.trailingZeroBitCount >> 3; break }
                            high |= w
                            p += 8
                        }
                        if p == end {
                            if try needMore() { pos = 0; line = recordLine; block = .none; continue records }
                            consumer.structureError(.unterminatedQuote(line: openLine, column: count + 1))
                            return
                        }
                        let b = buffer[p]
                        if b == quote {
                            if p + 1 == end, !eof {
                                if try needMore() { pos = 0; line = recordLine; block = .none; continue records }
                            }
                            if p + 1 < end, buffer[p + 1] == quote { escaped = true; p += 2; continue }
                            contentEnd = p
                            p += 1
                            break
                        }
                        if b == LF { line += 1 } else if b == CR, p + 1 < end, buffer[p + 1] != LF { line += 1 }
                        high |= UInt64(b)
                        p += 1
                    }
                    // After the closing quote: delimiter, line break or end of file.
                    if p < end {
                        let b = buffer[p]
                        if b != delim && b != LF && b != CR {
                            if pendingAfterQuote == nil {
                                pendingAfterQuote = .characterAfterQuote(line: line, column: count + 1, byte: b)
                            }
                            while p < end, buffer[p] != delim, buffer[p] != LF, buffer[p] != CR { p += 1 }
                            if p == end, !eof {
                                if try needMore() { pos = 0; line = recordLine; block = .none; continue records }
                            }
                        }
                    }
                    slices[count] = FieldSlice(start: contentStart, end: contentEnd, escaped: escaped, quoted: true,
                                               ascii: high & Self.highBits == 0 && blockHigh == 0, line: fieldLine)
                    anyEscaped = anyEscaped || escaped
                    count += 1
                } else {
                    let start = p
                    var high: UInt64 = 0
                    var blockHigh: UInt64 = 0
                    scan: do {
                        // To the next delimiter or line break: through the 64-byte masks while
                        // 64 bytes remain, then 16, then 8 bytes at a time.
                        while blocks {
                            if !block.covers(p) {
                                guard p + 64 <= end else { break }
                                block = StructuralBlock(buffer + p, at: p, delimiter: delimVector, quote: quoteVector)
                            }
                            let rel = UInt64(p &- block.start)
                            let m = block.fieldEnds &>> rel
                            if m != 0 {
                                let k = UInt64(m.trailingZeroBitCount)
                                blockHigh |= (block.high &>> rel) & ((1 &<< k) &- 1)
                                p &+= Int(k)
                                break scan
                            }
                            blockHigh |= block.high &>> rel
                            p = block.start &+ 64
                        }
                        while p + 16 <= end {
                            let k = Self.firstOf3(buffer + p, delimVector, lfVector, crVector, high: &high)
                            p += k
                            if k < 16 { break scan }
                        }
                        while p + 8 <= end {
                            let w = UnsafeRawPointer(buffer + p).loadUnaligned(as: UInt64.self)
                            let m = Self.match(w, delimPattern) | Self.match(w, lfPattern) | Self.match(w, crPattern)
                            if m != 0 { high |= Self.bytesBefore(w, m); p += m.trailingZeroBitCount >> 3; break scan }
                            high |= w
                            p += 8
                        }
                        while p < end {
                            let b = buffer[p]
                            if b == delim || b == LF || b == CR { break }
                            high |= UInt64(b)
                            p += 1
                        }
                    }
                    if p == end, !eof {
                        if try needMore() { pos = 0; line = recordLine; block = .none; continue records }
                    }
                    slices[count] = FieldSlice(start: start, end: p, escaped: false, quoted: false,
                                               ascii: high & Self.highBits == 0 && blockHigh == 0, line: fieldLine)
                    count += 1
                }
                // Now at delimiter, line break or end of data.
                if p == end { continue fields }
                let b = buffer[p]
                if b == delim {
                    p += 1
                    continue fields
                }
                // Line break: CRLF, LF or lone CR.
                if b == CR {
                    if p + 1 == end, !eof {
                        if try needMore() { pos = 0; line = recordLine; block = .none; continue records }
                    }
                    p += 1
                    if p < end, buffer[p] == LF { p += 1 }
                } else {
                    p += 1
                }
                line += 1
                if let e = pendingAfterQuote { consumer.structureError(e) }
                if anyEscaped { unescape(count) }
                try deliver(&consumer, CSVRecord(base: buffer, fields: slices, count: count, line: recordLine, offset: baseOffset + recordStart))
                pos = p
                end = length
                continue records
            }
        }
    }
}
