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

/// Compact storage of a loaded string column: every cell's UTF-8 bytes back to back plus end
/// offsets, the way Arrow stores text. Loading appends bytes (no per-cell `String` allocation);
/// `[String?]` is built on first use through ``ColumnStorage/column`` and then cached.
///
/// A column loaded in chunks keeps one segment per chunk (no copy to join them).
final class StringStorage: @unchecked Sendable {
    /// The cells of one chunk: their bytes and end offsets (relative to `arena`).
    struct Segment: Sendable {
        let arena: ByteArena
        /// End offset of each cell; a missing cell stores the bitwise NOT of its (empty) end.
        let ends: CellEnds
    }

    let segments: [Segment]
    /// Row index of each segment's first cell.
    private let firstRows: [Int]
    let count: Int

    private let lock = NSLock()
    private var cache: [String?]? // guarded by lock

    init(segments: [Segment]) {
        self.segments = segments
        var first: [Int] = []
        var n = 0
        for s in segments {
            first.append(n)
            n += s.ends.count
        }
        firstRows = first
        count = n
    }

    /// Segment and index within it of row `i`.
    @inline(__always)
    private func locate(_ i: Int) -> (segment: Int, index: Int) {
        var k = segments.count - 1
        while k > 0, firstRows[k] > i { k -= 1 }
        return (k, i - firstRows[k])
    }

    @inline(__always)
    func isNull(_ i: Int) -> Bool {
        let (k, j) = locate(i)
        return segments[k].ends[j] < 0
    }

    /// Calls `body` with the bytes of cell `i` (empty for missing cells).
    @inline(__always)
    func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let (k, j) = locate(i)
        let s = segments[k]
        return try body(Self.bytes(s.arena.buffer, s.ends, j))
    }

    @inline(__always)
    private static func bytes(_ all: UnsafeBufferPointer<UInt8>, _ ends: CellEnds, _ j: Int) -> UnsafeBufferPointer<UInt8> {
        func end(_ j: Int) -> Int { let e = ends[j]; return e < 0 ? ~e : e }
        return UnsafeBufferPointer(rebasing: all[(j == 0 ? 0 : end(j - 1))..<end(j)])
    }

    /// Calls `body` with each row index and its bytes (`nil` when missing), in order.
    func forEachCell(_ body: (Int, UnsafeBufferPointer<UInt8>?) throws -> Void) rethrows {
        var row = 0
        for s in segments {
            let all = s.arena.buffer
            for j in 0..<s.ends.count {
                try body(row, s.ends[j] < 0 ? nil : Self.bytes(all, s.ends, j))
                row += 1
            }
        }
    }

    /// Rows whose cell is present and whose bytes satisfy `predicate`, in order; several
    /// segments are scanned in parallel.
    func presentRows(where predicate: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Bool) -> [Int] {
        let parts = ParallelSlots<[Int]>.map(segments.count) { [self] k in
            let s = segments[k]
            let all = s.arena.buffer
            var rows: [Int] = []
            for j in 0..<s.ends.count where s.ends[j] >= 0 && predicate(Self.bytes(all, s.ends, j)) {
                rows.append(firstRows[k] + j)
            }
            return rows
        }
        return Array(parts.joined())
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
        forEachCell { _, b in out.append(b.map { interner.string($0) }) }
        cache = out
        return out
    }
}
