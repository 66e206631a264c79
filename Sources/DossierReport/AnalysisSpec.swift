import DossierBase

/// An analysis a report declares: the options every kind shares (its name, the table it reads
/// and how the rows are prepared) and its ``AnalysisKind`` with that kind's own parameters.
package struct AnalysisSpec: Sendable, Decodable {
    /// The result's name in expressions (`{{ id.member }}`), tables and figures.
    package var id: String
    /// What the analysis computes (`kind:` and that kind's parameters).
    package var kind: AnalysisKind
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

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case id, kind, table, `where`, exclude, join, derive
    }

    /// The keys every kind accepts.
    package static let sharedKeys = CodingKeys.allCases.map(\.rawValue)

    /// Every key some kind accepts: a key outside these is "unknown in an analysis".
    static let allKeys = AnalysisKind.all.flatMap { $0.keys }.reduce(into: sharedKeys) { keys, key in
        if !keys.contains(key) { keys.append(key) }
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // Keys are checked against the declared kind when it is known, else against every kind.
        if let name = try? c.decodeIfPresent(String.self, forKey: .kind), let parameters = AnalysisKind.named(name) {
            try UnknownKeys.check(decoder, known: Self.sharedKeys + parameters.keys, what: "a \(name) analysis")
        } else {
            try UnknownKeys.check(decoder, known: Self.allKeys, what: "an analysis")
        }
        self.id = try c.decode(String.self, forKey: .id)
        let kindName = try c.decode(String.self, forKey: .kind)
        let parameters = try AnalysisKind.parameters(named: kindName, at: decoder.codingPath + [CodingKeys.kind])
        let table: String?
        if parameters.readsTable {
            // A `sensitivity` analysis reads no rows itself: its `table` is its base's.
            table = try c.decodeIfPresent(String.self, forKey: .table)
            if table == nil, parameters.preparesRows {
                _ = try c.decode(String.self, forKey: .table)
            }
        } else {
            // A kind that reads other results prepares no rows.
            for key in [CodingKeys.table, .where, .exclude, .join, .derive] where c.contains(key) {
                throw DecodingError.dataCorruptedError(forKey: key, in: c,
                    debugDescription: "an \(kindName) analysis reads the results of other analyses, not a table: remove `\(key.stringValue)`")
            }
            table = ""
        }
        self.where = try c.decodeIfPresent([String: FilterValue].self, forKey: .`where`)
        self.exclude = try c.decodeIfPresent([String: FilterValue].self, forKey: .exclude)
        self.join = try c.decodeIfPresent([JoinSpec].self, forKey: .join)
        self.derive = try c.decodeIfPresent([DeriveSpec].self, forKey: .derive)
        for rule in derive ?? [] {
            if let units = rule.per, !(units.isFinite && units > 0) {
                throw DecodingError.dataCorruptedError(forKey: .derive, in: c,
                    debugDescription: "derive \"\(rule.name)\": per must be a positive number, found \(units)")
            }
        }
        self.kind = try AnalysisKind.decode(parameters, from: decoder)
        self.table = table ?? kind.parameters.nestedAnalyses.first?.table ?? ""
    }

    /// The confidence levels accepted: 0.5 to 0.9999.
    package static let levels = 0.5...0.9999

    /// A left join.
    package struct JoinSpec: Sendable, Decodable, Hashable {
        package var table: String
        /// Key field(s) in the analysed table.
        package var on: String
        /// Key field in the joined table (default: same name).
        package var to: String?
    }

    /// A derived column, one of: `ratio: [numerator, denominator]` (× `per`); `log: field`;
    /// `recode: {field, values: {code: label}}`; `flag: {field, equals, yes, no}`;
    /// `count: {table, key, where}` (rows of another resource whose `key` equals this row's `on`).
    package struct DeriveSpec: Sendable, Decodable, Hashable {
        package var name: String
        package var ratio: [String]?
        package var per: Double?
        package var log: String?
        package var recode: RecodeSpec?
        package var flag: FlagSpec?
        package var count: CountSpec?
    }

    /// Replaces codes by labels; codes not listed are kept.
    package struct RecodeSpec: Sendable, Decodable, Hashable {
        package var field: String
        package var values: [String: String]
    }

    /// `yes` where `field` shows one of `equals`, else `no`.
    package struct FlagSpec: Sendable, Decodable, Hashable {
        package var field: String
        package var equals: FilterValue
        package var yes: String?
        package var no: String?
    }

    /// Counts rows of `table` whose `key` equals this row's `on` field (after `where`).
    package struct CountSpec: Sendable, Decodable, Hashable {
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
