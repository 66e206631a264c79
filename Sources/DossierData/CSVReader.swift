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
    private(set) var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var length = 0
    private(set) var eof = false
    /// Slices of kept records (`0..<kept`), then those of the record being read.
    private var allSlices: UnsafeMutableBufferPointer<FieldSlice>
    /// Slices of kept records not yet flushed to the consumer.
    private var kept = 0
    /// The slices of the record being read: `allSlices` after the kept ones.
    private(set) var slices: UnsafeMutableBufferPointer<FieldSlice>
    /// Kept slices handed to the consumer at a time (a few hundred rows: they stay in cache).
    static let flushEvery = 4096
    /// Slices allocated at first: room for a whole batch (``flushEvery``) and the record that
    /// completes it. (With room for 64, every few rows filled the slices and forced a flush:
    /// batches of 5 rows of 11 fields instead of 372, each paying the per-batch setup of every
    /// column — 440,000 column batches for 200,000 rows.)
    static let initialSlices = flushEvery + 256
    /// Total bytes read from the file.
    private(set) var bytesRead = 0
    /// File offset of `buffer[0]`.
    private(set) var baseOffset = 0
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
        allSlices = .allocate(capacity: Self.initialSlices)
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
        allSlices = .allocate(capacity: Self.initialSlices)
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
    func fill() throws {
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
    func growSlices<C: CSVConsumer>(_ consumer: inout C, _ count: Int) throws {
        if kept > 0 { return try flushKept(&consumer, moving: count) }
        let bigger = UnsafeMutableBufferPointer<FieldSlice>.allocate(capacity: allSlices.count * 2)
        _ = bigger.initialize(fromContentsOf: allSlices)
        allSlices.deallocate()
        allSlices = bigger
        slices = allSlices
    }

    /// Delivers a record and keeps its slices if the consumer wants them.
    @inline(__always)
    func deliver<C: CSVConsumer>(_ consumer: inout C, _ record: CSVRecord) throws {
        guard try consumer.record(record) else { return }
        kept += record.count
        slices = UnsafeMutableBufferPointer(rebasing: allSlices[kept...])
        if kept >= Self.flushEvery { try flushKept(&consumer) }
    }

    /// Collapses doubled quotes of escaped fields in place (record is complete, never re-parsed).
    func unescape(_ count: Int) {
        for i in 0..<count where slices[i].escaped {
            slices[i].end = Self.collapseQuotes(buffer, from: slices[i].start, to: slices[i].end, quote: dialect.quote)
            slices[i].escaped = false
        }
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

    /// Makes room for the rest of the record that starts at `recordStart`, which the buffer
    /// ends inside: hands the kept records over, moves the record to the front of the buffer
    /// (or doubles the buffer when the record fills it) and reads more.
    func refill<C: CSVConsumer>(keepingFrom recordStart: Int, _ consumer: inout C) throws {
        try flushKept(&consumer)
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
    }

    /// Whether the record at buffer offset `pos` (on chunk line `line`) is where this reader
    /// stops (see ``stopOffset``); a stop offset passed inside a record is dropped.
    func stops(at pos: Int, line: Int) -> Bool {
        guard baseOffset + pos >= stopOffset else { return false }
        if baseOffset + pos == stopOffset {
            stoppedAtBoundary = true
            stopLine = line
            return true
        }
        stopOffset = .max
        return false
    }
}
