/// End offsets of the cells of a text column, with missing cells marked: 32 bits a cell while
/// the column's bytes fit (as Arrow's `utf8`), 64 bits once they do not.
///
/// A present cell stores its end offset; a missing cell stores the bitwise NOT of its (empty)
/// end, so is negative. Appends go to ``ColumnBuffer``s (no uniqueness check); copies share
/// them, so only the builder appends, and a sealed segment's ends are never changed again
/// (hence the unchecked `Sendable`).
struct CellEnds: @unchecked Sendable {
    private var narrow = ColumnBuffer<Int32>()
    /// Used instead of `narrow` once an end exceeds `Int32.max`.
    private var wide: ColumnBuffer<Int>? = nil

    var count: Int { wide?.count ?? narrow.count }

    /// The stored value of cell `i` (negative when missing).
    @inline(__always)
    subscript(i: Int) -> Int {
        if let wide { return wide[i] }
        return Int(narrow[i])
    }

    /// Reserves room for `n` cells in all, their pages mapped at once.
    mutating func reserveCapacity(_ n: Int) {
        if wide != nil {
            wide?.reserve(n)
        } else {
            narrow.reserve(n)
        }
    }

    /// Appends the end of a present cell.
    @inline(__always)
    mutating func append(end: Int) {
        if wide == nil, end <= Int(Int32.max) {
            narrow.append(Int32(truncatingIfNeeded: end))
        } else {
            appendWide(end)
        }
    }

    /// Appends a missing cell (at byte offset `end`).
    @inline(__always)
    mutating func appendMissing(at end: Int) {
        if wide == nil, end <= Int(Int32.max) {
            narrow.append(~Int32(truncatingIfNeeded: end))
        } else {
            appendWide(~end)
        }
    }

    private mutating func appendWide(_ value: Int) {
        if wide == nil {
            var all = ColumnBuffer<Int>()
            all.reserve(narrow.count + 1, touch: 0)
            for e in narrow.buffer { all.append(Int(e)) }
            wide = all
            narrow = ColumnBuffer()
        }
        wide?.append(value)
    }

    /// Appends every entry of `other`, whose offsets count from `shift` bytes further on.
    mutating func append(_ other: CellEnds, shiftedBy shift: Int) {
        reserveCapacity(count + other.count)
        for i in 0..<other.count {
            let e = other[i]
            if e < 0 { appendMissing(at: ~e + shift) } else { append(end: e + shift) }
        }
    }
}
