import DossierBase
import DossierData

/// `sensitivity`: refits one analysis (`of`) over named variants — rows dropped, a field
/// swapped, another model — and tabulates the statistic `report` of each: one row per variant
/// with its `n`, `estimate`, `low`, `high` and `p`.
///
/// A variant is the base analysis with the variant's keys in place of the base's, checked as
/// an analysis of the base's kind (or of the variant's `kind:`); any kind whose result holds
/// the reported statistic can be varied (``ReportedStatistic``), with no code per kind.
package struct SensitivityAnalysis: AnalysisParameters {
    package static let name = "sensitivity"
    package static let summary = "refits the analysis `of` over named `variants` (each replacing some of its keys) and tabulates the statistic `report` of each: n, estimate, low, high, p"
    package static let keys = CodingKeys.allCases.map(\.rawValue)
    package static let preparesRows = false

    /// The id of the base analysis.
    package var of: String
    /// The dotted path of the statistic in each variant's result (`rate_ratio.rai`, `p`).
    package var report: String
    /// The variants, in the order of the table's rows.
    package var variants: [SensitivityVariant]

    package enum CodingKeys: String, CodingKey, CaseIterable { case of, report, variants }

    /// The most variants one sensitivity analysis may have: each decodes and refits the base.
    static let maximumVariants = 100

    /// The shared keys a sensitivity analysis does not take: its rows are its variants'.
    static let rowKeys = [AnalysisSpec.CodingKeys.table, .join, .derive, .where, .exclude].map(\.rawValue)

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let all = try decoder.container(keyedBy: AnyKey.self)
        for key in Self.rowKeys where all.contains(AnyKey(stringValue: key)) {
            throw DecodingError.dataCorruptedError(forKey: AnyKey(stringValue: key), in: all,
                debugDescription: "a sensitivity analysis reads the rows of its variants, so `\(key)` belongs in the base analysis or in a variant")
        }
        of = try c.required(String.self, .of, kind: Self.name)
        report = try c.required(String.self, .report, kind: Self.name)
        let path = report.split(separator: ".", omittingEmptySubsequences: false)
        if path.contains(where: { $0.isEmpty || $0.contains(where: { $0.isWhitespace }) }) {
            throw DecodingError.dataCorruptedError(forKey: .report, in: c,
                debugDescription: "report must be a dotted path into the base's result such as rate_ratio.rai or p, found \(InputExcerpt.quoted(report))")
        }
        let headers = try c.required([SensitivityVariants.Header].self, .variants, kind: Self.name)
        if headers.count > Self.maximumVariants {
            throw DecodingError.dataCorruptedError(forKey: .variants, in: c,
                debugDescription: "\(headers.count) variants, expected at most \(Self.maximumVariants) (each one refits the base analysis)")
        }
        if headers.isEmpty {
            throw DecodingError.dataCorruptedError(forKey: .variants, in: c,
                debugDescription: "variants is empty, expected at least one {name: …} (a variant with a name alone is the base itself)")
        }
        for (index, header) in headers.enumerated() where headers.prefix(index).contains(where: { $0.name == header.name }) {
            throw DecodingError.dataCorrupted(.init(
                codingPath: c.codingPath + [CodingKeys.variants, NodeIndexKey(index: index), AnyKey(stringValue: "name")],
                debugDescription: "two variants are named \(InputExcerpt.quoted(header.name)), expected a name per row"))
        }
        guard let nodes = decoder as? NodeValueDecoder else {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath,
                debugDescription: "a sensitivity analysis is read from a report's front matter only"))
        }
        let analyses = SensitivityVariants.analyses(in: nodes.context)
        let of = self.of
        guard let base = analyses.last(where: { $0.id == of }) else {
            throw DecodingError.dataCorruptedError(forKey: .of, in: c,
                debugDescription: "no analysis \(InputExcerpt.quoted(of)) to vary" + NameHint.hint(for: of, known: analyses.map(\.id)))
        }
        if let kind = NodeMappingTable.flatten(base.mapping, textTags: nodes.context.textTags).last(where: { $0.key.string == "kind" })?.value.string,
           let parameters = AnalysisKind.named(kind), !parameters.preparesRows {
            throw DecodingError.dataCorruptedError(forKey: .of, in: c,
                debugDescription: "\(InputExcerpt.quoted(of)) is a \(kind) analysis, expected an analysis that computes one result")
        }
        variants = try SensitivityVariants.decode(headers, over: base.mapping, from: nodes, variantsKey: CodingKeys.variants)
    }

    package var kind: AnalysisKind { .sensitivity(self) }

    package var nestedAnalyses: [AnalysisSpec] { variants.map(\.spec) }

    /// Runs every variant (each prepares its own rows; `table` is unused) and reads `report`.
    package func run(on table: Table, preparation: TablePreparation) throws -> ResultValue {
        let runner = AnalysisRunner(preparation: preparation)
        let path = report.split(separator: ".").map(String.init)
        var names: [ResultValue] = [], kinds: [ResultValue] = [], counts: [ResultValue] = []
        var estimates: [ResultValue] = [], lows: [ResultValue] = [], highs: [ResultValue] = [], pValues: [ResultValue] = []
        for variant in variants {
            let statistic: ReportedStatistic
            let result: ResultValue
            do {
                result = try runner.run(variant.spec)
                statistic = try ReportedStatistic(path, in: result)
            } catch {
                throw FormatFailure("variant \(InputExcerpt.quoted(variant.name)) (a \(variant.spec.kind.name) analysis): \(error.message)")
            }
            names.append(.text(variant.name))
            kinds.append(.text(variant.spec.kind.name))
            counts.append(result.member("n")?.doubleValue.map { .integer(Int($0)) } ?? .missing)
            estimates.append(statistic.estimate.map(ResultValue.number) ?? .missing)
            lows.append(statistic.low.map(ResultValue.number) ?? .missing)
            highs.append(statistic.high.map(ResultValue.number) ?? .missing)
            pValues.append(statistic.p.map(ResultValue.number) ?? .missing)
        }
        return .record([
            .init("of", .text(of)),
            .init("report", .text(report)),
            .init("n", .integer(variants.count)),
            .init("table", .table(ResultTable(columns: [
                .init(name: "name", values: names),
                .init(name: "kind", values: kinds),
                .init(name: "statistic", values: variants.map { _ in .text(report) }),
                .init(name: "n", values: counts),
                .init(name: "estimate", values: estimates),
                .init(name: "low", values: lows),
                .init(name: "high", values: highs),
                .init(name: "p", values: pValues),
            ]))),
        ])
    }
}
