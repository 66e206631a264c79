import DossierBase
import DossierData

/// `count`: rows per group of the `by` fields, with their share of all rows.
package struct CountAnalysis: AnalysisParameters {
    package static let name = "count"
    package static let summary = "rows per group: `by: [field…]` → table of groups with n and share; total"
    package static let keys = CodingKeys.allCases.map(\.rawValue)

    /// Grouping fields.
    package var by: [String]
    /// Order of the groups (values of the first `by` field; these first).
    package var order: [String]?
    /// How groups without an `order` are ordered.
    package var orderBy: OrderBy
    /// Add a running total column `cumulative` (in the group order).
    package var cumulative: Bool
    /// With a whole-number first `by` field (a year): add zero counts for every value between
    /// the smallest and largest, crossed with every value of the other fields, so that an axis
    /// of years has no silent gaps.
    package var complete: Bool

    /// `count` (largest first, the default) or `key` (ascending by the group values, numbers
    /// numerically — for years).
    package enum OrderBy: String, Sendable, CaseIterable { case count, key }

    /// The most rows `complete: true` may make (years between the first and last × other groups).
    package static let maximumCompletedRows = 1_000_000

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case by, order, cumulative, complete
        case orderBy = "order_by"
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        by = try c.required([String].self, .by, kind: Self.name)
        order = try c.decodeIfPresent([String].self, forKey: .order)
        orderBy = try c.choice(.orderBy, default: OrderBy.count, what: "order_by")
        cumulative = try c.decodeIfPresent(Bool.self, forKey: .cumulative) ?? false
        complete = try c.decodeIfPresent(Bool.self, forKey: .complete) ?? false
    }

    package var kind: AnalysisKind { .count(self) }

    package func run(on table: Table, preparation: TablePreparation) throws -> ResultValue {
        let keyColumns = try by.map { field throws(FormatFailure) in try preparation.keys(field, in: table) }
        let grouped = KeyGroups((0..<table.rowCount).lazy.map { row -> [String]? in keyColumns.map { $0[row] ?? "(missing)" } })
        var counts = grouped.positions.mapValues(\.count)
        var order = grouped.keys
        if complete { try fillYears(&counts, order: &order) }
        if orderBy == .key && self.order == nil {
            order.sort(by: Self.ascending)
        } else {
            order = sortGroupKeys(order, preferred: self.order) { counts[$0] ?? 0 }
        }
        let total = table.rowCount
        var columns = by.enumerated().map { index, field in
            ResultTable.Column(name: field, values: order.map { key -> ResultValue in
                if let number = Int(key[index]), table.column(named: field)?.integers != nil { return .integer(number) }
                return .text(key[index])
            })
        }
        columns.append(.init(name: "n", values: order.map { .integer(counts[$0] ?? 0) }))
        columns.append(.init(name: "share", values: order.map { .number(Double(counts[$0] ?? 0) / Double(max(total, 1))) }))
        if cumulative {
            var running = 0
            columns.append(.init(name: "cumulative", values: order.map { key in
                running += counts[key] ?? 0
                return .integer(running)
            }))
        }
        return .record([
            .init("n", .integer(total)),
            .init("groups", .integer(order.count)),
            .init("table", .table(ResultTable(columns: columns))),
        ])
    }

    /// Group keys in ascending order, field by field, numbers numerically.
    private static func ascending(_ a: [String], _ b: [String]) -> Bool {
        for (x, y) in zip(a, b) where x != y {
            if let u = Double(x), let v = Double(y) { return u < v }
            return x < y
        }
        return false
    }

    /// `complete: true`: zero counts for the missing years (when every first key is a whole number).
    private func fillYears(_ counts: inout [[String]: Int], order: inout [[String]]) throws(FormatFailure) {
        let years = order.compactMap { Int($0[0]) }
        guard let low = years.min(), let high = years.max(), years.count == order.count else { return }
        var others: [[String]] = []
        var seenOthers: Set<[String]> = []
        for key in order where seenOthers.insert(Array(key.dropFirst())).inserted { others.append(Array(key.dropFirst())) }
        let (span, overflow) = high.subtractingReportingOverflow(low)
        let (rows, rowsOverflow) = (span + (overflow ? 0 : 1)).multipliedReportingOverflow(by: others.count)
        guard !overflow, !rowsOverflow, rows <= Self.maximumCompletedRows else {
            throw FormatFailure("complete: \(low) to \(high) would make more than \(Self.maximumCompletedRows) rows; "
                                + "`complete` fills the years between the smallest and the largest")
        }
        for year in low...high {
            for rest in others where counts[[String(year)] + rest] == nil {
                counts[[String(year)] + rest] = 0
                order.append([String(year)] + rest)
            }
        }
    }
}
