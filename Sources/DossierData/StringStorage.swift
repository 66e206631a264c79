import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Immutable bytes owned by a ``StringStorage`` (malloc'd by the builder, freed here).
final class ByteArena: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt8>?
    let count: Int
    init(base: UnsafeMutablePointer<UInt8>?, count: Int) {
        self.base = base
        self.count = count
    }
    deinit { free(base) }
    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
}

/// Compact storage of a loaded string column: every cell's UTF-8 bytes in one buffer plus end
/// offsets, the way Arrow stores text. Loading appends bytes (no per-cell `String` allocation);
/// `[String?]` is built on first use through ``ColumnStorage/column`` and then cached.
final class StringStorage: @unchecked Sendable {
    /// All cell bytes, back to back.
    let arena: ByteArena
    /// End offset of each cell; a missing cell stores the bitwise NOT of its (empty) end, so is negative.
    let ends: [Int]

    private let lock = NSLock()
    private var cache: [String?]? // guarded by lock

    init(arena: ByteArena, ends: [Int]) {
        self.arena = arena
        self.ends = ends
    }

    var count: Int { ends.count }

    @inline(__always)
    func isNull(_ i: Int) -> Bool { ends[i] < 0 }

    @inline(__always)
    private func end(_ i: Int) -> Int { let e = ends[i]; return e < 0 ? ~e : e }

    @inline(__always)
    func range(_ i: Int) -> Range<Int> { (i == 0 ? 0 : end(i - 1))..<end(i) }

    /// Calls `body` with the bytes of cell `i` (empty for missing cells).
    @inline(__always)
    func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(rebasing: arena.buffer[range(i)]))
    }

    /// Cell `i` as a String (`nil` when missing).
    func string(_ i: Int) -> String? {
        isNull(i) ? nil : withBytes(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// All cells as Strings; built once (sharing repeated long values), then cached.
    var strings: [String?] {
        lock.lock()
        defer { lock.unlock() }
        if let cache { return cache }
        var out: [String?] = []
        out.reserveCapacity(count)
        var interner = StringInterner()
        let all = arena.buffer
        for i in 0..<ends.count {
            out.append(isNull(i) ? nil : interner.string(UnsafeBufferPointer(rebasing: all[range(i)])))
        }
        cache = out
        return out
    }
}

/// Appends cells of a string column into a ``StringStorage``. Call ``finish()`` exactly once.
struct StringStorageBuilder {
    private var base: UnsafeMutablePointer<UInt8>? = nil
    private var used = 0
    private var capacity = 0
    private(set) var ends: [Int] = []

    var count: Int { ends.count }

    private mutating func grow(to needed: Int) {
        let newCapacity = max(needed, capacity * 2, 4096)
        // realloc can move large blocks with mremap: no copy and no double peak.
        guard let p = realloc(base, newCapacity) else { fatalError("out of memory (\(newCapacity) bytes)") }
        base = p.assumingMemoryBound(to: UInt8.self)
        capacity = newCapacity
    }

    mutating func reserve(_ rows: Int) {
        ends.reserveCapacity(rows)
        if count > 0 {
            let perRow = Double(used) / Double(count)
            let want = Int(perRow * Double(rows) * 1.05) + 64
            if want > capacity { grow(to: want) }
        }
    }

    @inline(__always)
    mutating func append(_ b: UnsafeBufferPointer<UInt8>) {
        let n = b.count
        if used + n > capacity { grow(to: used + n) }
        if n > 0, let src = b.baseAddress, let dst = base { (dst + used).update(from: src, count: n) }
        used += n
        ends.append(used)
    }

    @inline(__always)
    mutating func appendNull() {
        ends.append(~used)
    }

    /// Hands the bytes over to an immutable storage.
    func finish() -> StringStorage {
        StringStorage(arena: ByteArena(base: base, count: used), ends: ends)
    }
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

    /// The payload stored with the value equal to `b`, if any.
    func payload(of b: UnsafeBufferPointer<UInt8>) -> Int? { find(b).map { payloads[$0] } }

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
