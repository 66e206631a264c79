/// The cells of one column in a batch of rows held by the reader: field slices `first`,
/// `first + stride`, … of `slices`, with bytes in `base`.
struct ColumnBatch {
    let base: UnsafeMutablePointer<UInt8>
    let slices: UnsafeBufferPointer<FieldSlice>
    /// Slice index of the column's first cell.
    let first: Int
    /// Slices per row.
    let stride: Int
    /// Rows in the batch.
    let count: Int
    /// Spellings of a missing value (`missingValues`).
    let missing: [[UInt8]]
    /// `missing` is just the empty string (the default).
    let onlyEmptyMissing: Bool

    /// Whether cell bytes `b` spell a missing value.
    @inline(__always)
    func isMissing(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        onlyEmptyMissing ? b.isEmpty : missing.contains { FieldParsers.equals(b, $0) }
    }
}
