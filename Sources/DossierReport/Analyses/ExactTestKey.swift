/// What a `crosstab`'s exact test depends on: the counts, the ordering, the work limit, and,
/// when it falls back to Monte Carlo, the resamples and the seed — never the labels. Equal keys
/// give the same fields, bytes for bytes (``ComputeOnce``).
struct ExactTestKey: Hashable, Sendable {
    var counts: [[Int]]
    var ordering: ExactTestOptions.Ordering
    var workLimit: Int
    var resamples: Int?
    var seed: UInt64
}
