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
        // Group keys keep the cells' types (a year stays an integer from the CSV to the result
        // table); a missing cell is its own group.
        let keyColumns = try by.map { field throws(FormatFailure) in try preparation.requireField(field, in: table) }
        let grouped = GroupCounts(keyColumns, rowCount: table.rowCount)
        var counts = Dictionary(zip(grouped.keys, grouped.counts), uniquingKeysWith: +)
        var order = grouped.keys
        if complete { try fillYears(&counts, order: &order) }
        if orderBy == .key && self.order == nil {
            order.sort(by: Self.ascending)
        } else {
            order = sortGroupKeys(order, labels: { $0.map(Self.label) }, preferred: self.order) { counts[$0] ?? 0 }
        }
        let total = table.rowCount
        var columns = by.indices.map { index in
            ResultTable.Column(name: by[index], values: order.map { key in Self.resultValue(key[index]) })
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

    /// The text shown for a group value (and matched against `order`).
    private static func label(_ value: Value) -> String {
        value.isNull ? "(missing)" : value.description
    }

    /// A group value in the result table: whole numbers stay integers; other values are labels.
    private static func resultValue(_ value: Value) -> ResultValue {
        if case let .integer(number) = value { return .integer(number) }
        return .text(label(value))
    }

    /// Group keys in ascending order, field by field: numbers numerically, text by its
    /// characters; a missing value sorts where its label "(missing)" does.
    private static func ascending(_ a: [Value], _ b: [Value]) -> Bool {
        for (x, y) in zip(a, b) where x != y {
            if let u = x.doubleValue, let v = y.doubleValue { return u < v }
            return label(x) < label(y)
        }
        return false
    }

    /// `complete: true`: zero counts for the missing years (when every first key is a whole number).
    private func fillYears(_ counts: inout [[Value]: Int], order: inout [[Value]]) throws(FormatFailure) {
        let years = order.compactMap { key -> Int? in if case let .integer(year) = key[0] { return year } else { return nil } }
        guard let low = years.min(), let high = years.max(), years.count == order.count else { return }
        var others: [[Value]] = []
        var seenOthers: Set<[Value]> = []
        for key in order where seenOthers.insert(Array(key.dropFirst())).inserted { others.append(Array(key.dropFirst())) }
        let (span, overflow) = high.subtractingReportingOverflow(low)
        let (rows, rowsOverflow) = (span + (overflow ? 0 : 1)).multipliedReportingOverflow(by: others.count)
        guard !overflow, !rowsOverflow, rows <= Self.maximumCompletedRows else {
            throw FormatFailure("complete: \(low) to \(high) would make more than \(Self.maximumCompletedRows) rows; "
                                + "`complete` fills the years between the smallest and the largest")
        }
        for year in low...high {
            for rest in others where counts[[.integer(year)] + rest] == nil {
                counts[[.integer(year)] + rest] = 0
                order.append([.integer(year)] + rest)
            }
        }
    }
}
