import Foundation

/// Compact storage of a loaded string column: every cell's UTF-8 bytes in one buffer plus end
/// offsets, the way Arrow stores text. Loading appends bytes (no per-cell `String` allocation);
/// `[String?]` is built on first use through ``Column/string(_:)`` and then cached.
final class StringStorage: @unchecked Sendable {
    /// All cell bytes, back to back.
    let bytes: [UInt8]
    /// `ends[i]` is the end offset of cell `i` in ``bytes``; it starts at `ends[i - 1]` (or 0).
    let ends: [Int]
    /// `true` for missing cells.
    let nulls: [Bool]

    private let lock = NSLock()
    private var cache: [String?]? // guarded by lock

    init(bytes: [UInt8], ends: [Int], nulls: [Bool]) {
        self.bytes = bytes
        self.ends = ends
        self.nulls = nulls
    }

    var count: Int { ends.count }

    @inline(__always)
    func range(_ i: Int) -> Range<Int> { (i == 0 ? 0 : ends[i - 1])..<ends[i] }

    /// Calls `body` with the bytes of cell `i` (empty for missing cells).
    @inline(__always)
    func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let r = range(i)
        return try bytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[r]))
        }
    }

    /// Cell `i` as a String (`nil` when missing).
    func string(_ i: Int) -> String? {
        nulls[i] ? nil : withBytes(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// All cells as Strings; built once (sharing repeated long values), then cached.
    var strings: [String?] {
        lock.lock()
        defer { lock.unlock() }
        if let cache { return cache }
        var out: [String?] = []
        out.reserveCapacity(count)
        var interner = StringInterner()
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            for i in 0..<ends.count {
                let end = ends[i]
                out.append(nulls[i] ? nil : interner.string(UnsafeBufferPointer(rebasing: all[start..<end])))
                start = end
            }
        }
        cache = out
        return out
    }
}

/// Appends cells of a string column into a ``StringStorage``.
struct StringStorageBuilder {
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int] = []
    private(set) var nulls: [Bool] = []

    var count: Int { ends.count }

    mutating func reserve(_ rows: Int) {
        ends.reserveCapacity(rows)
        nulls.reserveCapacity(rows)
        if count > 0 {
            let perRow = Double(bytes.count) / Double(count)
            bytes.reserveCapacity(Int(perRow * Double(rows) * 1.05) + 64)
        }
    }

    @inline(__always)
    mutating func append(_ b: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: b)
        ends.append(bytes.count)
        nulls.append(false)
    }

    @inline(__always)
    mutating func appendNull() {
        ends.append(bytes.count)
        nulls.append(true)
    }

    func finish() -> StringStorage { StringStorage(bytes: bytes, ends: ends, nulls: nulls) }
}

/// A set of byte strings (for foreign-key targets and uniqueness), hashed without making Strings.
struct ByteStringSet {
    private var buckets: [UInt64: [Int32]] = [:]
    private var arena: [UInt8] = []
    private var ends: [Int] = []

    init() {}

    private func equals(_ k: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = k == 0 ? 0 : ends[k - 1]
        guard ends[k] - start == b.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            for j in 0..<b.count where a[start + j] != b[j] { return false }
            return true
        }
    }

    /// Index of the stored value equal to `b`, if any.
    func find(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let ks = buckets[StringInterner.hash(b)] else { return nil }
        for k in ks where equals(Int(k), b) { return Int(k) }
        return nil
    }

    func contains(_ b: UnsafeBufferPointer<UInt8>) -> Bool { find(b) != nil }

    /// Inserts `b` with the next index; returns the index of an equal earlier value instead, if any.
    @discardableResult
    mutating func insert(_ b: UnsafeBufferPointer<UInt8>, payload: Int) -> Int? {
        let h = StringInterner.hash(b)
        if let ks = buckets[h] {
            for k in ks where equals(Int(k), b) { return payloads[Int(k)] }
        }
        buckets[h, default: []].append(Int32(ends.count))
        arena.append(contentsOf: b)
        ends.append(arena.count)
        payloads.append(payload)
        return nil
    }

    private var payloads: [Int] = []

    /// All values (for suggestions).
    var values: [String] {
        (0..<ends.count).map { k in
            let start = k == 0 ? 0 : ends[k - 1]
            return String(decoding: arena[start..<ends[k]], as: UTF8.self)
        }
    }
    var count: Int { ends.count }
}
