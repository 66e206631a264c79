/// One chunk's cells of an integer, number, boolean or date column, sealed: the values back to
/// back (a missing cell holds a placeholder) and the positions of the missing cells, increasing.
///
/// `Int?` and `Double?` take 16 bytes a cell (the flag byte pads the value to two words); here
/// a present cell takes 8, so a column with few missing cells needs half the memory (and half
/// the page faults) while it loads. (`Bool?` and `CivilDate?` cost what `Bool` and `CivilDate`
/// do; they are kept the same way for one code path.) Missing cells are rare in data worth
/// loading, so a list of their positions costs less than a validity bitmap, and nothing is done
/// for a present cell but storing its value; a missing cell costs one more word.
struct NullableChunk<T: BitwiseCopyable> {
    /// Every cell's value (the placeholder where missing).
    let values: ColumnMemory<T>
    /// Positions of the missing cells in ``values``, increasing.
    let missing: ColumnMemory<Int>

    /// Number of cells.
    var count: Int { values.count }

    /// Calls `body` with every cell in order.
    @inline(__always)
    func forEach(_ body: (T?) throws -> Void) rethrows {
        let v = values.buffer, gaps = missing.buffer
        var next = 0
        for i in 0..<v.count {
            if next < gaps.count, gaps[next] == i {
                next += 1
                try body(nil)
            } else {
                try body(v[i])
            }
        }
    }

    /// Initializes `count` optional cells at `out` with this chunk's cells.
    func copy(into out: UnsafeMutablePointer<T?>) {
        let v = values.buffer
        for i in 0..<v.count { (out + i).initialize(to: v[i]) }
        for i in missing.buffer { out[i] = nil }
    }
}

/// The cells of one typed column being loaded (see ``NullableChunk``): the chunk
/// being read, after the sealed chunks of the earlier parts of the file it absorbed.
struct NullableCells<T: BitwiseCopyable> {
    private var values = ColumnBuffer<T>()
    private var missing = ColumnBuffer<Int>()
    private var sealed: [NullableChunk<T>] = []
    /// What a missing cell holds in ``NullableChunk/values``.
    private let placeholder: T

    /// Empty cells whose missing ones hold `placeholder`.
    init(placeholder: T) { self.placeholder = placeholder }

    /// Number of cells in the chunk being read.
    var count: Int { values.count }

    /// Appends a present cell.
    @inline(__always)
    mutating func append(_ value: T) { values.append(value) }

    /// Appends a missing cell.
    @inline(__always)
    mutating func appendMissing() {
        missing.append(values.count)
        values.append(placeholder)
    }

    /// Room for `n` cells in the chunk being read, their pages mapped at once.
    mutating func reserve(_ n: Int) { values.reserve(n) }

    /// Every chunk, in order; leaves this empty.
    mutating func sealAll() -> [NullableChunk<T>] {
        var out = sealed
        if values.count > 0 || out.isEmpty { out.append(NullableChunk(values: values.seal(), missing: missing.seal())) }
        sealed = []
        values = ColumnBuffer()
        missing = ColumnBuffer()
        return out
    }

    /// Appends the cells of `other` (the same column of the next chunk) after these, without
    /// copying them, and empties it. Both are sealed: append nothing afterwards.
    mutating func absorb(_ other: inout NullableCells<T>) {
        let mine = sealAll()
        let theirs = other.sealAll()
        sealed = mine.filter { $0.count > 0 } + theirs.filter { $0.count > 0 }
    }
}
