import DossierBase
import DossierData
import DossierStats

/// `proportion`: the share of rows matching `success`, overall and per group, with Wilson intervals.
package struct ProportionAnalysis: AnalysisParameters {
    package static let name = "proportion"
    package static let summary = "share of rows matching `success` per `by` group, with Wilson intervals"
    package static let keys = CodingKeys.allCases.map(\.rawValue)

    /// Which rows count as a success: field and accepted values.
    package var success: AnalysisSpec.SuccessSpec
    /// The grouping field (only the first is used).
    package var by: [String]
    /// Order of the groups (these first).
    package var order: [String]?
    /// Confidence level (default 0.95).
    package var level: Double?

    package enum CodingKeys: String, CodingKey, CaseIterable { case success, by, order, level }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        success = try c.required(AnalysisSpec.SuccessSpec.self, .success, kind: Self.name)
        by = try c.decodeIfPresent([String].self, forKey: .by) ?? []
        order = try c.decodeIfPresent([String].self, forKey: .order)
        level = try c.confidenceLevel(.level)
    }

    package var kind: AnalysisKind { .proportion(self) }

    package func run(on table: Table, preparation: TablePreparation) throws -> ResultValue {
        let outcomes = try preparation.keys(success.field, in: table)
        let accepted = Set(success.equals.values)
        let groups = try by.first.map { field throws(FormatFailure) in try preparation.keys(field, in: table) }
        let (keys, trials, successes) = Self.count(rows: table.rowCount, groups: groups, outcomes: outcomes, accepted: accepted)
        let order = sortGroupKeys(keys, labels: { [$0] }, preferred: order) { trials[$0] ?? 0 }
        let level = level ?? 0.95
        var rows: [(String, ProportionInterval)] = []
        for key in order {
            rows.append((key, try wilsonInterval(successes: successes[key] ?? 0, trials: trials[key] ?? 0, confidenceLevel: level)))
        }
        let all = try wilsonInterval(successes: successes.values.reduce(0, +), trials: table.rowCount, confidenceLevel: level)
        let result = ResultTable(columns: [
            .init(name: by.first ?? "group", values: rows.map { .text($0.0) }),
            .init(name: "n", values: rows.map { .integer($0.1.n) }),
            .init(name: "k", values: rows.map { .integer($0.1.successes) }),
            .init(name: "share", values: rows.map { .number($0.1.estimate) }),
            .init(name: "low", values: rows.map { .number($0.1.interval.lower) }),
            .init(name: "high", values: rows.map { .number($0.1.interval.upper) }),
        ])
        return .record([
            .init("n", .integer(all.n)), .init("k", .integer(all.successes)),
            .init("estimate", .number(all.estimate)), .init("ci", intervalValue(all.interval)),
            .init("table", .table(result)),
        ])
    }

    /// Each group's key (in order of first appearance; a row without a group, or every row
    /// when there is no `by`, is in "all"), its number of rows and of rows whose outcome is
    /// accepted. One pass, one hash lookup of the group and one of the outcome per row: at
    /// 1000× data, grouping the rows' positions first (``KeyGroups``) and counting afterwards
    /// took 0.2 s.
    static func count(rows: Int, groups: [String?]?, outcomes: [String?], accepted: Set<String>)
        -> (keys: [String], trials: [String: Int], successes: [String: Int]) {
        var slots: [String: Int] = [:]
        var keys: [String] = []
        var trials: [Int] = []
        var successes: [Int] = []
        for row in 0..<rows {
            let key = groups?[row] ?? "all"
            let slot: Int
            if let known = slots[key] {
                slot = known
            } else {
                slot = keys.count
                slots[key] = slot
                keys.append(key)
                trials.append(0)
                successes.append(0)
            }
            trials[slot] += 1
            if let outcome = outcomes[row], accepted.contains(outcome) { successes[slot] += 1 }
        }
        return (keys, Dictionary(uniqueKeysWithValues: zip(keys, trials)), Dictionary(uniqueKeysWithValues: zip(keys, successes)))
    }
}
