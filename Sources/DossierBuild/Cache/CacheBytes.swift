/// Appends values to a byte buffer in the cache's binary format: little-endian fixed-width
/// integers, doubles as their IEEE 754 bit pattern (so a cached number reads back bit for bit),
/// strings and byte arrays prefixed with their length.
struct CacheByteWriter {
    private(set) var bytes: [UInt8] = []

    init() {}

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func integer(_ value: Int) { unsigned(UInt64(bitPattern: Int64(value))) }

    mutating func unsigned(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func double(_ value: Double) { unsigned(value.bitPattern) }

    mutating func boolean(_ value: Bool) { byte(value ? 1 : 0) }

    /// The same bytes as `data(Array(value.utf8))`, without the copy.
    mutating func string(_ value: String) {
        let utf8 = value.utf8
        integer(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    mutating func data(_ value: [UInt8]) {
        integer(value.count)
        bytes.append(contentsOf: value)
    }

    mutating func strings(_ values: [String]) {
        integer(values.count)
        for value in values { string(value) }
    }
}

/// Reads what ``CacheByteWriter`` wrote. Every read checks the bounds and throws
/// ``CacheEntryDamaged`` past the end or on a value out of range, so that a damaged entry is
/// rebuilt, never trusted.
struct CacheByteReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether every byte was read.
    var atEnd: Bool { position == bytes.count }

    mutating func byte() throws(CacheEntryDamaged) -> UInt8 {
        guard position < bytes.count else { throw CacheEntryDamaged() }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func unsigned() throws(CacheEntryDamaged) -> UInt64 {
        guard bytes.count - position >= 8 else { throw CacheEntryDamaged() }
        // One unaligned load of the eight bytes (little-endian, as written), not eight reads.
        let value = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: position, as: UInt64.self)) }
        position += 8
        return value
    }

    mutating func integer() throws(CacheEntryDamaged) -> Int {
        Int(Int64(bitPattern: try unsigned()))
    }

    /// A count of items that follow: not negative, and not more than the bytes left (each
    /// item takes at least one byte), so a damaged count cannot ask for a huge allocation.
    mutating func count() throws(CacheEntryDamaged) -> Int {
        let value = try integer()
        guard value >= 0, value <= bytes.count - position else { throw CacheEntryDamaged() }
        return value
    }

    mutating func double() throws(CacheEntryDamaged) -> Double { Double(bitPattern: try unsigned()) }

    mutating func boolean() throws(CacheEntryDamaged) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw CacheEntryDamaged()
        }
    }

    mutating func data() throws(CacheEntryDamaged) -> [UInt8] {
        Array(try dataSlice())
    }

    /// ``data()`` as a slice of the entry's bytes (no copy).
    mutating func dataSlice() throws(CacheEntryDamaged) -> ArraySlice<UInt8> {
        let length = try count()
        defer { position += length }
        return bytes[position..<position + length]
    }

    mutating func string() throws(CacheEntryDamaged) -> String {
        let length = try count()
        // Validated from the entry's bytes in place (no copy into an array first). ASCII (nearly
        // every text) is valid UTF-8 as it stands and is taken by `String(decoding:)`, without
        // the generic validation of `String(validating:)` (two metadata lookups per call).
        let text = bytes.withUnsafeBufferPointer { buffer in
            let slice = UnsafeBufferPointer(rebasing: buffer[position..<position + length])
            return CacheByteReader.isASCII(slice) ? String(decoding: slice, as: UTF8.self) : String(validating: slice, as: UTF8.self)
        }
        guard let text else { throw CacheEntryDamaged() }
        position += length
        return text
    }

    /// Whether every byte of `bytes` is below 0x80.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var high: UInt8 = 0
        for byte in bytes { high |= byte }
        return high < 0x80
    }

    mutating func strings() throws(CacheEntryDamaged) -> [String] {
        var values: [String] = []
        for _ in 0..<(try count()) { values.append(try string()) }
        return values
    }
}

/// A cache entry that does not decode (truncated, damaged, or written by another format):
/// the build ignores it and computes the value again.
struct CacheEntryDamaged: Error {}
