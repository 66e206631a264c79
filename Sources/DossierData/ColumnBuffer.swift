#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Malloc'd cells of a ``ColumnBuffer``, freed with the last reference. Immutable once sealed
/// (``ColumnBuffer/seal()``), when it may be shared between threads.
final class ColumnMemory<T: BitwiseCopyable>: @unchecked Sendable {
    fileprivate(set) var base: UnsafeMutablePointer<T>?
    fileprivate(set) var capacity = 0
    /// Number of cells (set when sealed).
    fileprivate(set) var count = 0

    init() {}

    deinit { free(base) }

    /// The cells (valid while this object lives).
    var buffer: UnsafeBufferPointer<T> { UnsafeBufferPointer(start: base, count: count) }

    /// Makes room for at least `needed` cells, keeping the first `used`.
    fileprivate func grow(to needed: Int) {
        let newCapacity = max(needed, capacity * 2, 16)
        // realloc moves large blocks with mremap: no copy and no double peak.
        guard let p = realloc(base, newCapacity * MemoryLayout<T>.stride) else {
            fatalError("out of memory (\(newCapacity) cells of \(MemoryLayout<T>.stride) bytes)")
        }
        base = p.assumingMemoryBound(to: T.self)
        capacity = newCapacity
    }
}

/// A growable array of trivial values for the hot append loops of the loader: one capacity
/// compare per append (no uniqueness check, no retain), growth out of line.
///
/// Copies share the memory: only one copy may append (the builders own theirs).
struct ColumnBuffer<T: BitwiseCopyable> {
    private var memory = ColumnMemory<T>()
    private var base: UnsafeMutablePointer<T>? = nil
    private(set) var count = 0
    private var capacity = 0

    init() {}

    /// Appends `value`.
    @inline(__always)
    mutating func append(_ value: T) {
        if count == capacity { grow(to: count + 1) }
        (base.unsafelyUnwrapped + count).initialize(to: value)
        count += 1
    }

    /// The value at `i` (`0 <= i < count`).
    @inline(__always)
    subscript(i: Int) -> T {
        precondition(i >= 0 && i < count, "index out of range")
        return base.unsafelyUnwrapped[i]
    }

    /// The cells appended so far.
    var buffer: UnsafeBufferPointer<T> { UnsafeBufferPointer(start: base, count: count) }

    @inline(never)
    private mutating func grow(to needed: Int) {
        memory.grow(to: needed)
        base = memory.base
        capacity = memory.capacity
    }

    /// Room for `n` cells in all; the pages for the first `touch` of them are mapped at once
    /// (see ``Prefault``): untouched capacity costs no memory.
    mutating func reserve(_ n: Int, touch: Int? = nil) {
        if n > capacity { grow(to: n) }
        let populate = min(touch ?? n, capacity) - count
        if populate > 0, let base {
            Prefault.populate(UnsafeMutableRawPointer(base + count), populate * MemoryLayout<T>.stride)
        }
    }

    /// Hands the cells over as immutable memory and leaves this buffer empty.
    mutating func seal() -> ColumnMemory<T> {
        let sealed = memory
        sealed.count = count
        self = ColumnBuffer()
        return sealed
    }
}
