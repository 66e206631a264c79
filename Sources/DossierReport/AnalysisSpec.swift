/// An analysis a report declares. `kind` chooses the computation; the other keys are its
/// parameters (which ones apply depends on the kind — see the report format reference).
package struct AnalysisSpec: Sendable, Decodable {
    /// The result's name in expressions (`{{ id.member }}`), tables and figures.
    package var id: String
    /// `count`, `crosstab`, `proportion`, `correlation`, `poisson`, `fisher`, `summary`, `amounts`…
    package var kind: String
    /// The dataset resource the analysis reads.
    package var table: String
    /// Keep only rows where each field shows one of the given values.
    package var `where`: [String: FilterValue]?
    /// Drop rows where a field shows one of the given values (`""` means missing).
    package var exclude: [String: FilterValue]?
    /// Left joins adding fields from other resources.
    package var join: [JoinSpec]?
    /// Derived columns, computed per row before the analysis.
    package var derive: [DeriveSpec]?
    /// Grouping fields (`count`, `proportion`).
    package var by: [String]?
    /// Order of the groups (values of the first `by` field or of `rows`).
    package var order: [String]?
    /// How `count` orders groups without an `order`: `count` (largest first, default) or `key`
    /// (ascending by the group values, numbers numerically — for years).
    package var orderBy: String?
    /// `count`: add a running total column `cumulative` (in the group order).
    package var cumulative: Bool?
    /// `count` with a whole-number first `by` field (a year): add zero counts for every value
    /// between the smallest and largest, crossed with every value of the other fields, so that
    /// an axis of years has no silent gaps.
    package var complete: Bool?
    /// `poisson`: also return a `curve` table of the fitted rate for the first covariate
    /// over its observed range, times this factor (e.g. 1e7 for "per 10 million people").
    package var curveScale: Double?
    /// Row and column fields of a cross-table.
    package var rows: String?
    package var columns: String?
    /// The field a correlation or summary is about.
    package var x: String?
    package var y: String?
    package var field: String?
    /// `pearson`, `spearman` or `kendall`.
    package var method: String?
    /// Which rows count as a success for a proportion: field and accepted values.
    package var success: SuccessSpec?
    /// Poisson regression: response count field, covariate fields, offset field (its log is used).
    package var response: String?
    package var covariates: [String]?
    package var offset: String?
    /// Rate ratios are reported per this many units of each covariate (default 1).
    package var per: [String: Double]?
    /// Seed and number of resamples for permutation and Monte-Carlo p-values.
    package var seed: UInt64?
    package var resamples: Int?
    /// Confidence level (default 0.95).
    package var level: Double?
    /// Values of a label field to drop in an influence check.
    package var drop: [String]?
    /// The field naming the units (countries) for `drop` and labels.
    package var label: String?

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case id, kind, table, `where`, exclude, join, derive, by, order, cumulative, complete, rows, columns, x, y, field, method
        case success, response, covariates, offset, per, seed, resamples, level, drop, label
        case orderBy = "order_by", curveScale = "curve_scale"
    }

    package init(from decoder: any Decoder) throws {
        try UnknownKeys.check(decoder, known: CodingKeys.allCases.map(\.rawValue), what: "an analysis")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.id = try c.decode(String.self, forKey: .id)
        self.kind = try c.decode(String.self, forKey: .kind)
        self.table = try c.decode(String.self, forKey: .table)
        self.where = try c.decodeIfPresent([String: FilterValue].self, forKey: .`where`)
        self.exclude = try c.decodeIfPresent([String: FilterValue].self, forKey: .exclude)
        self.join = try c.decodeIfPresent([JoinSpec].self, forKey: .join)
        self.derive = try c.decodeIfPresent([DeriveSpec].self, forKey: .derive)
        self.by = try c.decodeIfPresent([String].self, forKey: .by)
        self.order = try c.decodeIfPresent([String].self, forKey: .order)
        self.orderBy = try c.decodeIfPresent(String.self, forKey: .orderBy)
        self.cumulative = try c.decodeIfPresent(Bool.self, forKey: .cumulative)
        self.complete = try c.decodeIfPresent(Bool.self, forKey: .complete)
        self.curveScale = try c.decodeIfPresent(Double.self, forKey: .curveScale)
        self.rows = try c.decodeIfPresent(String.self, forKey: .rows)
        self.columns = try c.decodeIfPresent(String.self, forKey: .columns)
        self.x = try c.decodeIfPresent(String.self, forKey: .x)
        self.y = try c.decodeIfPresent(String.self, forKey: .y)
        self.field = try c.decodeIfPresent(String.self, forKey: .field)
        self.method = try c.decodeIfPresent(String.self, forKey: .method)
        self.success = try c.decodeIfPresent(SuccessSpec.self, forKey: .success)
        self.response = try c.decodeIfPresent(String.self, forKey: .response)
        self.covariates = try c.decodeIfPresent([String].self, forKey: .covariates)
        self.offset = try c.decodeIfPresent(String.self, forKey: .offset)
        self.per = try c.decodeIfPresent([String: Double].self, forKey: .per)
        self.seed = try c.decodeIfPresent(UInt64.self, forKey: .seed)
        self.resamples = try c.decodeIfPresent(Int.self, forKey: .resamples)
        self.level = try c.decodeIfPresent(Double.self, forKey: .level)
        self.drop = try c.decodeIfPresent([String].self, forKey: .drop)
        self.label = try c.decodeIfPresent(String.self, forKey: .label)
        try validateRanges(c)
    }

    /// The most resamples a permutation or Monte-Carlo test may draw (the work grows with them).
    package static let maximumResamples = 1_000_000
    /// The confidence levels accepted: 0.5 to 0.9999.
    package static let levels = 0.5...0.9999

    /// Numeric options within their documented ranges (an error at the key otherwise).
    private func validateRanges(_ c: KeyedDecodingContainer<CodingKeys>) throws {
        if let resamples, !(1...Self.maximumResamples).contains(resamples) {
            throw DecodingError.dataCorruptedError(forKey: .resamples, in: c,
                debugDescription: "resamples must be a whole number from 1 to \(Self.maximumResamples), found \(resamples)")
        }
        if let level, !Self.levels.contains(level) {
            throw DecodingError.dataCorruptedError(forKey: .level, in: c,
                debugDescription: "level must be a confidence level from 0.5 to 0.9999 (0.95 is 95%), found \(level)")
        }
        if let curveScale, !(curveScale.isFinite && curveScale > 0) {
            throw DecodingError.dataCorruptedError(forKey: .curveScale, in: c,
                debugDescription: "curve_scale must be a positive number, found \(curveScale)")
        }
        for (field, units) in (per ?? [:]).sorted(by: { $0.key < $1.key }) where !(units.isFinite && units > 0) {
            throw DecodingError.dataCorruptedError(forKey: .per, in: c,
                debugDescription: "per \(field) must be a positive number of units, found \(units)")
        }
        for rule in derive ?? [] {
            if let units = rule.per, !(units.isFinite && units > 0) {
                throw DecodingError.dataCorruptedError(forKey: .derive, in: c,
                    debugDescription: "derive \"\(rule.name)\": per must be a positive number, found \(units)")
            }
        }
    }

    /// A left join.
    package struct JoinSpec: Sendable, Decodable {
        package var table: String
        /// Key field(s) in the analysed table.
        package var on: String
        /// Key field in the joined table (default: same name).
        package var to: String?
    }

    /// A derived column, one of: `ratio: [numerator, denominator]` (× `per`); `log: field`;
    /// `recode: {field, values: {code: label}}`; `flag: {field, equals, yes, no}`;
    /// `count: {table, key, where}` (rows of another resource whose `key` equals this row's `on`).
    package struct DeriveSpec: Sendable, Decodable {
        package var name: String
        package var ratio: [String]?
        package var per: Double?
        package var log: String?
        package var recode: RecodeSpec?
        package var flag: FlagSpec?
        package var count: CountSpec?
    }

    /// Replaces codes by labels; codes not listed are kept.
    package struct RecodeSpec: Sendable, Decodable {
        package var field: String
        package var values: [String: String]
    }

    /// `yes` where `field` shows one of `equals`, else `no`.
    package struct FlagSpec: Sendable, Decodable {
        package var field: String
        package var equals: FilterValue
        package var yes: String?
        package var no: String?
    }

    /// Counts rows of `table` whose `key` equals this row's `on` field (after `where`).
    package struct CountSpec: Sendable, Decodable {
        package var table: String
        package var key: String
        package var on: String
        package var `where`: [String: FilterValue]?
    }

    /// A success rule for proportions.
    package struct SuccessSpec: Sendable, Decodable {
        package var field: String
        package var equals: FilterValue
    }
}
