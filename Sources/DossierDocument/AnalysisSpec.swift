/// An analysis a report declares. `kind` chooses the computation; the other keys are its
/// parameters (which ones apply depends on the kind — see the report format reference).
public struct AnalysisSpec: Sendable, Decodable {
    /// The result's name in expressions (`{{ id.member }}`), tables and figures.
    public var id: String
    /// `count`, `crosstab`, `proportion`, `correlation`, `poisson`, `fisher`, `summary`, `amounts`…
    public var kind: String
    /// The dataset resource the analysis reads.
    public var table: String
    /// Keep only rows where each field shows one of the given values.
    public var `where`: [String: FilterValue]?
    /// Left joins adding fields from other resources.
    public var join: [JoinSpec]?
    /// Derived columns, computed per row before the analysis.
    public var derive: [DeriveSpec]?
    /// Grouping fields (`count`, `proportion`).
    public var by: [String]?
    /// Order of the groups (values of the first `by` field or of `rows`).
    public var order: [String]?
    /// Row and column fields of a cross-table.
    public var rows: String?
    public var columns: String?
    /// The field a correlation or summary is about.
    public var x: String?
    public var y: String?
    public var field: String?
    /// `pearson`, `spearman` or `kendall`.
    public var method: String?
    /// Which rows count as a success for a proportion: field and accepted values.
    public var success: SuccessSpec?
    /// Poisson regression: response count field, covariate fields, offset field (its log is used).
    public var response: String?
    public var covariates: [String]?
    public var offset: String?
    /// Rate ratios are reported per this many units of each covariate (default 1).
    public var per: [String: Double]?
    /// Seed and number of resamples for permutation and Monte-Carlo p-values.
    public var seed: UInt64?
    public var resamples: Int?
    /// Confidence level (default 0.95).
    public var level: Double?
    /// Values of a label field to drop in an influence check.
    public var drop: [String]?
    /// The field naming the units (countries) for `drop` and labels.
    public var label: String?

    /// A left join.
    public struct JoinSpec: Sendable, Decodable {
        public var table: String
        /// Key field(s) in the analysed table.
        public var on: String
        /// Key field in the joined table (default: same name).
        public var to: String?
    }

    /// A derived column: `numerator / denominator × per`, or `log` of a field.
    public struct DeriveSpec: Sendable, Decodable {
        public var name: String
        public var ratio: [String]?
        public var per: Double?
        public var log: String?
    }

    /// A success rule for proportions.
    public struct SuccessSpec: Sendable, Decodable {
        public var field: String
        public var equals: FilterValue
    }
}
