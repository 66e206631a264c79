import DossierBase
import DossierData
import DossierStats
import Foundation

/// Turns an analysis's `table`, `join`, `derive` and `where` into the rows it analyses.
package struct TablePreparation {
    package let package: DataPackage
    /// The build's exact-test results, shared by every analysis prepared here (one
    /// preparation per build).
    let exactTests = ComputeOnce<ExactTestKey, [ResultValue.Field]>()
    /// The build's Monte-Carlo table tests, by both orderings at once (``MonteCarloKey``).
    let monteCarloTests = ComputeOnce<MonteCarloKey, [MonteCarloTableTestResult]>()
    /// The build's prepared tables, by what they were prepared from.
    private let preparedTables = ComputeOnce<PreparationKey, Table>()

    package init(package: DataPackage) {
        self.package = package
    }

    /// The dataset resource `name`, or an error listing the resources.
    package func resource(_ name: String) throws(FormatFailure) -> Table {
        guard let table = package.table(named: name) else {
            throw FormatFailure("no dataset resource \(InputExcerpt.quoted(name))" + NameHint.hint(for: name, known: package.tables.map(\.name)))
        }
        return table
    }

    /// Applies joins, derived columns and filters, in that order; computed once per build for
    /// equal arguments (``preparedTables``).
    package func prepare(table name: String, join: [AnalysisSpec.JoinSpec]?, derive: [AnalysisSpec.DeriveSpec]?,
                 where filters: [String: FilterValue]?, exclude: [String: FilterValue]? = nil) throws(FormatFailure) -> Table {
        let key = PreparationKey(table: name, join: join, derive: derive, where: filters, exclude: exclude)
        do {
            return try preparedTables.value(for: key) { try prepareAfresh(key) }
        } catch let failure as FormatFailure {
            throw failure
        } catch {
            throw FormatFailure("\(error)")
        }
    }

    /// ``prepare(table:join:derive:where:exclude:)`` computed afresh. The filters on fields of
    /// the resource itself that no join or derived column replaces run first, so the joins and
    /// derived columns see only the rows kept (a filter tests each row on its own, and a left
    /// join keeps the left rows' order, so the rows are the same); the other filters run last.
    private func prepareAfresh(_ key: PreparationKey) throws(FormatFailure) -> Table {
        var table = try resource(key.table)
        let replaced = Set((key.derive ?? []).map(\.name))
        let early = { (filters: [String: FilterValue]?) in
            filters?.filter { table.column(named: $0.key) != nil && !replaced.contains($0.key) } ?? [:]
        }
        let (earlyWhere, earlyExclude) = (early(key.where), early(key.exclude))
        table = try filtered(table, by: earlyWhere)
        table = try filtered(table, by: earlyExclude, keep: false)
        for spec in key.join ?? [] {
            let other = try resource(spec.table)
            try requireField(spec.on, in: table)
            try requireField(spec.to ?? spec.on, in: other)
            do {
                table = try table.join(other, on: [spec.on], otherOn: [spec.to ?? spec.on], kind: .left)
            } catch {
                throw FormatFailure("cannot join \(InputExcerpt.quoted(spec.table)): \(error)")
            }
        }
        for spec in key.derive ?? [] {
            table = try derived(spec, in: table)
        }
        table = try filtered(table, by: key.where?.filter { earlyWhere[$0.key] == nil })
        table = try filtered(table, by: key.exclude?.filter { earlyExclude[$0.key] == nil }, keep: false)
        for spec in key.derive ?? [] {
            if let field = spec.log { try requirePositive(field, for: spec.name, in: table) }
        }
        return table
    }

    /// The rows an analysis keeps (after `where` and `exclude`) must have a positive `field` for
    /// the `log` rule `name`: zero or a negative number is an error naming the CSV line, not a
    /// silently missing value. Checked after the filters so that such a row can be excluded.
    private func requirePositive(_ field: String, for name: String, in table: Table) throws(FormatFailure) {
        let values = try numbers(field, in: table)
        guard let row = values.firstIndex(where: { $0.map { !($0 > 0) } ?? false }), let value = values[row] else { return }
        let resourcePath = package.resources.first { $0.name == table.name }?.path
        let file = resourcePath.flatMap { path in package.filePaths.first { $0 == path || $0.hasSuffix("/" + path) } ?? path }
        var place = "in row \(row + 1) of \(InputExcerpt.quoted(table.name))"
        if let file, let line = table.row(row).sourceLine { place = "at \(file):\(line)" }
        throw FormatFailure("derive \(InputExcerpt.quoted(name)): the log of \(InputExcerpt.quoted(field)) needs a positive number, "
                            + "found \(NumberText.short(value)) \(place); leave the row out with `exclude` or `where`")
    }

    /// Keeps rows whose fields show one of the accepted values (sorted by field for determinism).
    /// With `keep: false`, drops the rows matching any filter instead. A cell shows its CSV
    /// text (``Value/description``; a missing cell shows ""): each filter is one pass over its
    /// column (``FilterMatch``), and the kept rows are gathered once.
    package func filtered(_ table: Table, by filters: [String: FilterValue]?, keep: Bool = true) throws(FormatFailure) -> Table {
        guard let filters, !filters.isEmpty else { return table }
        var kept = Array(repeating: true, count: table.rowCount)
        for field in filters.keys.sorted() {
            let column = try requireField(field, in: table)
            FilterMatch.apply(Set(filters[field]?.values ?? []), to: column, keepMatches: keep, kept: &kept)
        }
        if !kept.contains(false) { return table }
        return table.selecting(rows: kept.indices.filter { kept[$0] })
    }

    @discardableResult
    package func requireField(_ name: String, in table: Table) throws(FormatFailure) -> Column {
        guard let column = table.column(named: name) else {
            throw FormatFailure("the table \(InputExcerpt.quoted(table.name)) has no field \(InputExcerpt.quoted(name))" + NameHint.hint(for: name, known: table.columnNames))
        }
        return column
    }

    /// Numbers of a field (missing stays nil); errors if the field is not numeric.
    package func numbers(_ name: String, in table: Table) throws(FormatFailure) -> [Double?] {
        let column = try requireField(name, in: table)
        guard let values = column.doubles else {
            throw FormatFailure("the field \(InputExcerpt.quoted(name)) of \(InputExcerpt.quoted(table.name)) is not numeric")
        }
        return values
    }

    /// Text of a field for grouping (missing stays nil).
    package func keys(_ name: String, in table: Table) throws(FormatFailure) -> [String?] {
        CellText.texts(of: try requireField(name, in: table))
    }

    private func derived(_ spec: AnalysisSpec.DeriveSpec, in table: Table) throws(FormatFailure) -> Table {
        var values: [Double?]
        if let ratio = spec.ratio {
            guard ratio.count == 2 else { throw FormatFailure("derive \(InputExcerpt.quoted(spec.name)): ratio needs [numerator, denominator]") }
            let numerator = try numbers(ratio[0], in: table)
            let denominator = try numbers(ratio[1], in: table)
            let per = spec.per ?? 1
            values = zip(numerator, denominator).map { n, d in
                guard let n, let d, d != 0 else { return nil }
                return n / d * per
            }
        } else if let field = spec.log {
            // Zero and negative values are refused after the filters (``requirePositive``).
            values = try numbers(field, in: table).map { x in
                guard let x, x > 0 else { return nil }
                return Foundation.log(x)
            }
        } else if let recode = spec.recode {
            let codes = try keys(recode.field, in: table)
            let labels = codes.map { code in code.map { recode.values[$0] ?? $0 } }
            return table.adding(Field(name: spec.name, type: .string), .string(labels))
        } else if let flag = spec.flag {
            let codes = try keys(flag.field, in: table)
            let accepted = Set(flag.equals.values)
            let labels = codes.map { code -> String? in
                guard let code else { return nil }
                return accepted.contains(code) ? (flag.yes ?? "yes") : (flag.no ?? "no")
            }
            return table.adding(Field(name: spec.name, type: .string), .string(labels))
        } else if let count = spec.count {
            let other = try filtered(try resource(count.table), by: count.where)
            var tally: [String: Int] = [:]
            for key in try keys(count.key, in: other) { if let key { tally[key, default: 0] += 1 } }
            let counts = try keys(count.on, in: table).map { key in key.map { tally[$0] ?? 0 } }
            return table.adding(Field(name: spec.name, type: .integer), .integer(counts))
        } else {
            throw FormatFailure("derive \(InputExcerpt.quoted(spec.name)) needs one of `ratio`, `log`, `recode`, `flag` or `count`")
        }
        let field = Field(name: spec.name, type: .number)
        return table.adding(field, .number(values))
    }
}
