import DossierBase

/// `seed` (required) and `resamples` of the resampling kinds (`permutation`, `crosstab`).
package struct ResamplingOptions: Sendable {
    package var seed: UInt64
    package var resamples: Int?

    /// Resamples drawn when `resamples` is not given.
    package static let defaultResamples = 9999
    /// The most resamples a permutation or Monte-Carlo test may draw (the work grows with them).
    package static let maximumResamples = 1_000_000
    /// The most resamples × observations one resampling test may draw (about a second of work).
    package static let maximumResamplingWork = 200_000_000
    /// The keys these options read.
    static let keys = CodingKeys.allCases.map(\.rawValue)

    enum CodingKeys: String, CodingKey, CaseIterable { case seed, resamples }

    init(from decoder: any Decoder, kind: String) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        seed = try c.required(UInt64.self, .seed, kind: kind)
        resamples = try c.decodeIfPresent(Int.self, forKey: .resamples)
        if let resamples, !(1...Self.maximumResamples).contains(resamples) {
            throw DecodingError.dataCorruptedError(forKey: .resamples, in: c,
                debugDescription: "resamples must be a whole number from 1 to \(Self.maximumResamples), found \(resamples)")
        }
    }

    /// `resamples` (default 9999), unless resamples × observations passes
    /// ``maximumResamplingWork``.
    func bounded(observations: Int) throws(FormatFailure) -> Int {
        let resamples = resamples ?? Self.defaultResamples
        let (work, overflow) = resamples.multipliedReportingOverflow(by: max(observations, 1))
        guard !overflow, work <= Self.maximumResamplingWork else {
            throw FormatFailure("\(resamples) resamples of \(observations) observations is too much work: resamples × observations "
                                + "may be at most \(Self.maximumResamplingWork); lower `resamples`")
        }
        return resamples
    }

    /// `resamples` (default 9999) for a Monte-Carlo test of a `rows` × `columns` table of
    /// `observations`, unless resamples × cells × ⌈√observations⌉ passes
    /// ``maximumResamplingWork``. Patefield's algorithm draws a table cell by cell, each from
    /// its mode outwards, about √observations steps a cell, not one step per observation: the
    /// flagship's 6 × 5 outcome table at 1000× the data (26,000 cases) draws 19,999 tables in
    /// about a second, as R's `r2dtable` does.
    func bounded(rows: Int, columns: Int, observations: Int) throws(FormatFailure) -> Int {
        let resamples = resamples ?? Self.defaultResamples
        let root = Int(Double(max(observations, 1)).squareRoot().rounded(.up))
        let (perTable, overflowCells) = max(rows * columns, 1).multipliedReportingOverflow(by: root)
        let (work, overflow) = resamples.multipliedReportingOverflow(by: perTable)
        guard !overflow, !overflowCells, work <= Self.maximumResamplingWork else {
            throw FormatFailure("\(resamples) resamples of a \(rows) × \(columns) table of \(observations) observations is too much work: "
                                + "resamples × cells × √observations may be at most \(Self.maximumResamplingWork); lower `resamples`")
        }
        return resamples
    }
}
