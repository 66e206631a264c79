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

/// What a `crosstab`'s Monte-Carlo fallback draws from: the counts (their margins, and the
/// observed statistics), the resamples and the seed — not the ordering: the tables drawn are
/// the same for both, so one draw serves both orderings (``ExactTestOptions/test(_:resampling:memo:)``).
struct MonteCarloKey: Hashable, Sendable {
    var counts: [[Int]]
    var resamples: Int
    var seed: UInt64
}
