/// The cells of one typed column being loaded: the buffer of the chunk being read, after the
/// sealed buffers of the earlier chunks it absorbed (no copy to join them).
struct TypedCells<T: BitwiseCopyable> {
    private var current = ColumnBuffer<T>()
    private var sealed: [ColumnMemory<T>] = []

    /// Number of cells in the chunk being read.
    var count: Int { current.count }

    /// Appends a cell to the chunk being read.
    @inline(__always)
    mutating func append(_ value: T) { current.append(value) }

    /// Room for `n` cells in the chunk being read, their pages mapped at once.
    mutating func reserve(_ n: Int) { current.reserve(n) }

    /// Every chunk's buffer, in order; leaves this empty.
    mutating func sealAll() -> [ColumnMemory<T>] {
        var out = sealed
        if current.count > 0 || out.isEmpty { out.append(current.seal()) }
        sealed = []
        current = ColumnBuffer()
        return out
    }

    /// Appends the cells of `other` (the same column of the next chunk) after these, without
    /// copying them, and empties it. Both are sealed: append nothing afterwards.
    mutating func absorb(_ other: inout TypedCells<T>) {
        let mine = sealAll()
        let theirs = other.sealAll()
        sealed = mine.filter { $0.count > 0 } + theirs.filter { $0.count > 0 }
    }
}
